/** Kiosk submissions the server refused after the visitor had left: staff call the person back. */
import { signal } from '@preact/signals';
import { Schemas, call } from '../api/client';
import { api, fail, notice } from './state';

export type HeldSubmission = Schemas['HeldSubmissionDto'];

export const held = signal<HeldSubmission[]>([]);

export async function loadHeld(): Promise<void> {
  const list = await call(api.GET('/v1/held-submissions'));
  held.value = list.items;
}

export async function resolveHeld(item: HeldSubmission, note: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/held-submissions/{id}/resolve', { params: { path: { id: item.id } }, body: { note } }),
    );
    await loadHeld();
    notice(`${item.fullName ?? 'Заявка'}: отмечено как решённое`);
  } catch (e) {
    fail(e);
  }
}
