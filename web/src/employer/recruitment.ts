/** The employer's recruitment orders and each one's recruits on their journey, with the next step to record. */
import { signal } from '@preact/signals';
import { Schemas, call } from '../api/client';
import { api, fail, notice, recruitmentTab } from './state';

export type Order = Schemas['RecruitmentOrderListItemDto'];
export type Pipeline = Schemas['PipelineDto'];
export type Recruit = Schemas['RecruitDto'];

const JOURNEY = [
  'selected',
  'offer_accepted',
  'documents_ready',
  'departed',
  'arrived',
  'authorised',
  'placed',
] as const;
type Step = (typeof JOURNEY)[number];

export const orders = signal<Order[]>([]);
export const pipelines = signal<Record<string, Pipeline>>({});

export function nextStep(status: string): Step | null {
  const i = JOURNEY.indexOf(status as Step);
  return i >= 0 && i < JOURNEY.length - 1 ? JOURNEY[i + 1] : null;
}

recruitmentTab.load = async () => {
  orders.value = (await call(api.GET('/v1/recruitment/orders', { params: { query: {} } }))).items;
  const open = Object.keys(pipelines.value).filter((id) => orders.value.some((o) => o.id === id));
  const read = await Promise.all(open.map((id) => readPipeline(id)));
  pipelines.value = Object.fromEntries(read.map((p) => [p.order.id, p]));
};

const readPipeline = (id: string) =>
  call(api.GET('/v1/recruitment/orders/{id}/pipeline', { params: { path: { id } } }));

export async function showRecruits(orderId: string): Promise<void> {
  try {
    pipelines.value = { ...pipelines.value, [orderId]: await readPipeline(orderId) };
  } catch (e) {
    fail(e);
  }
}

/** Records the recruit's next step as the employer (placed, for example, once the person starts work). */
export async function recordNext(r: Recruit, to: Step, done: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/recruitment/recruits/{id}/steps', { params: { path: { id: r.id } }, body: { to } }),
    );
    await showRecruits(r.orderId);
    notice(done);
  } catch (e) {
    fail(e);
  }
}
