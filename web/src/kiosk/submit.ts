/** Sending the application through the outbox, and turning each outcome into what the screen shows. */
import { newKey } from '../api/client';
import { KioskOutbox, SubmitOutcome } from './outbox';
import { applicationBody } from './data';
import { filed, filing, helpMigrantId, newConsent, report, reportingAsNew } from './help';
import {
  CONSENT_VERSION,
  done,
  fair,
  go,
  heldCount,
  lang,
  normalisedPhone,
  outboxCount,
  person,
  screen,
  selected,
  submission,
  token,
} from './state';

function onOutcome(outcome: SubmitOutcome): void {
  if (filing.value?.key === outcome.key) {
    if (outcome.kind === 'filed') {
      filed.value = outcome.grievance;
      filing.value = null;
      if (screen.value === 'help-report') go('help-sent');
    } else if (outcome.kind === 'refused') {
      outbox.discard(outcome.key);
      filing.value = { key: outcome.key, status: 'refused', error: outcome.error.describe() };
    } else filing.value = { key: outcome.key, status: 'waiting' };
    countPending();
    return;
  }
  const current = submission.value;
  if (current && current.key === outcome.key && outcome.kind !== 'filed') {
    if (outcome.kind === 'sent') {
      done.value = {
        accessCode: outcome.result.accessCode ?? null,
        codeSent: outcome.result.accessCodeSent === true,
        identity: outcome.result.identity ?? 'new',
        count: outcome.result.applications?.length ?? selected.value.length,
        phone: normalisedPhone(),
        migrantId: outcome.result.migrantId,
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
  const keys = [submission.value?.key, filing.value?.key];
  const pending = outbox.pending().filter((p) => !keys.includes(p.key));
  outboxCount.value = pending.filter((p) => !p.held && !p.stuck).length;
  heldCount.value = pending.filter((p) => p.stuck).length;
}

/** The visitor's report, kept in the outbox under one key until the server has it. */
export async function submitGrievance(): Promise<void> {
  const migrantId = helpMigrantId.value;
  const r = report.value;
  if (!(migrantId || reportingAsNew.value) || !r.category) return;
  const p = person.value;
  // A visitor with no profile is registered with the report, as applying registers one.
  const who = migrantId
    ? { migrantId }
    : {
        migrant: {
          fullName: p.fullName.trim(),
          citizenship: p.citizenship,
          phone: normalisedPhone(p),
          preferredLanguage: lang.value,
          consent: { dataProcessing: newConsent.value, visibleToEmployers: false, version: CONSENT_VERSION },
        },
      };
  const current = filing.value;
  const key = current?.status === 'waiting' ? current.key : newKey();
  filing.value = { key, status: 'sending' };
  const paired = fair.value;
  await outbox.submitGrievance(
    key,
    {
      ...who,
      ...(r.about ?? {}),
      category: r.category,
      description: r.description.trim(),
      anonymousToEmployer: r.anonymousToEmployer,
      lang: lang.value,
      ...(r.category === 'forced_labour' && r.iloIndicators.length ? { iloIndicators: r.iloIndicators } : {}),
    },
    paired ? { id: paired.id, endsAt: paired.endsAt } : undefined,
  );
}

export async function submit(): Promise<void> {
  // One key per submission, made once: every retry of this submission reuses it.
  const current = submission.value;
  const key = current?.status === 'waiting' ? current.key : newKey();
  submission.value = { key, status: 'sending' };
  const paired = fair.value;
  await outbox.submit(key, applicationBody(), paired ? { id: paired.id, endsAt: paired.endsAt } : undefined);
}
