/**
 * A grievance the employment service shared with this employer, opened by `#grievances/<id>` (the notification's
 * link): what the worker reports, never an anonymous worker's name, and the employer's one answer.
 */
import { effect, signal } from '@preact/signals';
import { Schemas, call, newKey } from '../api/client';
import { api, fail, me, notice, tr } from './state';

export type SharedGrievance = Schemas['GrievanceDto'];

const linked = /^#grievances\/([0-9a-f-]{36})$/i.exec(location.hash);
export const sharedId = signal<string | null>(linked ? linked[1] : null);
export const shared = signal<SharedGrievance | null>(null);

async function load(id: string): Promise<void> {
  try {
    shared.value = await call(api.GET('/v1/grievances/{id}', { params: { path: { id } } }));
  } catch (e) {
    sharedId.value = null;
    fail(e);
  }
}

// Read once the employer is signed in.
effect(() => {
  const id = sharedId.value;
  if (me.value && id && shared.value?.id !== id) void load(id);
});

export async function answer(id: string, body: string): Promise<void> {
  try {
    shared.value = await call(
      api.POST('/v1/grievances/{id}/employer-answer', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { body: body.trim() },
      }),
    );
    notice(tr('grievanceSend'));
  } catch (e) {
    fail(e);
  }
}

export function close(): void {
  sharedId.value = null;
  shared.value = null;
  history.replaceState(null, '', location.pathname);
}
