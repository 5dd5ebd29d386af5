/** Sending the application through the outbox, and turning each outcome into what the screen shows. */
import { newKey } from '../api/client';
import { KioskOutbox, SubmitOutcome } from './outbox';
import { applicationBody } from './data';
import {
  done,
  fair,
  go,
  heldCount,
  normalisedPhone,
  outboxCount,
  selected,
  submission,
  token,
} from './state';

function onOutcome(outcome: SubmitOutcome): void {
  const current = submission.value;
  if (current && current.key === outcome.key) {
    if (outcome.kind === 'sent') {
      done.value = {
        accessCode: outcome.result.accessCode ?? null,
        codeSent: outcome.result.accessCodeSent === true,
        identity: outcome.result.identity ?? 'new',
        count: outcome.result.applications?.length ?? selected.value.length,
        phone: normalisedPhone(),
      };
      submission.value = null;
      go('done');
    } else if (outcome.kind === 'refused') {
      // The person is at the screen and sees why: theirs to correct, not a case for staff.
      outbox.discard(outcome.key);
      submission.value = { key: outcome.key, status: 'refused', error: outcome.error.describe() };
    } else {
      submission.value = { key: outcome.key, status: 'waiting' };
    }
  }
  countPending();
}

export const outbox = new KioskOutbox(token, onOutcome);

/** Earlier submissions still waiting on this kiosk (not the one on screen), and those held for staff. */
export function countPending(): void {
  const key = submission.value?.key;
  const pending = outbox.pending().filter((p) => p.key !== key);
  outboxCount.value = pending.filter((p) => !p.held && !p.stuck).length;
  heldCount.value = pending.filter((p) => p.stuck).length;
}

export async function submit(): Promise<void> {
  // One key per submission, made once: every retry of this submission reuses it.
  const current = submission.value;
  const key = current?.status === 'waiting' ? current.key : newKey();
  submission.value = { key, status: 'sending' };
  const paired = fair.value;
  await outbox.submit(key, applicationBody(), paired ? { id: paired.id, endsAt: paired.endsAt } : undefined);
}
