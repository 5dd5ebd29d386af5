/** What the recruitment tab reads (orders, an order's pipeline, the funnel, overdue plan steps) and its actions. */
import { signal } from '@preact/signals';
import { Schemas, call } from '../api/client';
import { api, fail, loaders, message, notice, open } from './state';

export type Order = Schemas['RecruitmentOrderListItemDto'];
export type Pipeline = Schemas['PipelineDto'];
export type Recruit = Schemas['RecruitDto'];
export type FunnelRow = Schemas['FunnelRowDto'];
export type FunnelGroup = Schemas['FunnelDto']['groupBy'];
export type OverdueStep = Schemas['OverdueStepDto'];

/** The journey in order; a recruit moves only to the next step, or is dropped (the server decides: 409). */
export const JOURNEY = [
  'selected',
  'offer_accepted',
  'documents_ready',
  'departed',
  'arrived',
  'authorised',
  'placed',
] as const;
export type JourneyStep = (typeof JOURNEY)[number] | 'dropped';

export const orders = signal<Order[]>([]);
export const pipelineOrderId = signal<string | null>(null);
export const pipeline = signal<Pipeline | null>(null);
export const funnelGroup = signal<FunnelGroup>('order');
export const funnelRows = signal<FunnelRow[]>([]);
export const overdueSteps = signal<OverdueStep[]>([]);
/** The last refused move of each recruit, shown beside it (e.g. the 409 of an illegal step). */
export const moveErrors = signal<Record<string, unknown>>({});

export function nextStep(status: string): JourneyStep | null {
  const i = JOURNEY.indexOf(status as (typeof JOURNEY)[number]);
  return i >= 0 && i < JOURNEY.length - 1 ? JOURNEY[i + 1] : null;
}

async function loadPipeline(): Promise<void> {
  const id = pipelineOrderId.value;
  pipeline.value = id
    ? await call(api.GET('/v1/recruitment/orders/{id}/pipeline', { params: { path: { id } } }))
    : null;
}

loaders.recruitment = async () => {
  const [list, funnel, overdue] = await Promise.all([
    call(api.GET('/v1/recruitment/orders', { params: { query: {} } })),
    call(api.GET('/v1/recruitment/funnel', { params: { query: { groupBy: funnelGroup.value } } })),
    call(api.GET('/v1/pre-departure/overdue', { params: { query: {} } })),
  ]);
  orders.value = list.items;
  funnelRows.value = funnel.rows;
  overdueSteps.value = overdue.items;
  if (pipelineOrderId.value && !list.items.some((o) => o.id === pipelineOrderId.value))
    pipelineOrderId.value = null;
  await loadPipeline();
};

export async function approveOrder(o: Order): Promise<void> {
  try {
    await call(api.POST('/v1/recruitment/orders/{id}/approve', { params: { path: { id: o.id } } }));
    await open('recruitment');
    notice(`Заказ «${o.vacancyTitle}» одобрен`);
  } catch (e) {
    fail(e);
  }
}

export async function showPipeline(orderId: string): Promise<void> {
  pipelineOrderId.value = orderId;
  moveErrors.value = {};
  try {
    await loadPipeline();
  } catch (e) {
    fail(e);
  }
}

/** Records a step for a recruit as staff; a refusal stays beside the recruit, the pipeline is reread after. */
export async function moveRecruit(r: Recruit, to: JourneyStep, reason?: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/recruitment/recruits/{id}/steps', {
        params: { path: { id: r.id } },
        body: { to, ...(reason ? { reason } : {}) },
      }),
    );
    const rest = { ...moveErrors.value };
    delete rest[r.id];
    moveErrors.value = rest;
    await open('recruitment', true);
    notice(`${r.migrantName ? String(r.migrantName) : r.migrantId}: шаг записан`);
  } catch (e) {
    // The refusal shows beside the recruit; an earlier notice would read as if this step were recorded.
    message.value = null;
    moveErrors.value = { ...moveErrors.value, [r.id]: e };
  }
}

export async function showFunnel(group: FunnelGroup): Promise<void> {
  funnelGroup.value = group;
  try {
    funnelRows.value = (
      await call(api.GET('/v1/recruitment/funnel', { params: { query: { groupBy: group } } }))
    ).rows;
  } catch (e) {
    fail(e);
  }
}
