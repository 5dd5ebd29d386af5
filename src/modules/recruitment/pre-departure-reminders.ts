/** When the reminders of a plan step fall due, and their job ids. */
import type { OutboxEvent } from 'src/database/outbox.service';
import { JobName } from 'src/queue/queue.constants';

/** Days before the deadline a reminder goes, at 09:00 on the person's clock. */
export const REMINDER_DAYS_BEFORE = [7, 1] as const;
const REMINDER_HOUR = 9;
export const REMINDER_CHANNELS = ['in_app', 'sms', 'email'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** Deterministic: a relayed event is added once, and a tick removes exactly the jobs of the step's round. */
export function reminderJobId(stepId: string, round: number, daysBefore: number): string {
  return `pre-departure-${stepId}-r${round}-${daysBefore}`;
}

export function reminderJobIds(stepId: string, round: number): string[] {
  return [...REMINDER_DAYS_BEFORE, 0].map((d) => reminderJobId(stepId, round, d));
}

/** Milliseconds the zone's wall clock is ahead of UTC at this instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of `hour`:00 on `date` (YYYY-MM-DD) `daysBefore` days earlier, in the zone. */
export function localMoment(date: string, daysBefore: number, hour: number, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`) - daysBefore * 86_400_000 + hour * 3_600_000;
  return guess - zoneOffsetMs(guess, timeZone);
}

/** Today's date on the zone's clock. */
export function localToday(timeZone: string, now = Date.now()): string {
  return new Date(now + zoneOffsetMs(now, timeZone)).toISOString().slice(0, 10);
}

/**
 * The reminder jobs of one step: 7 days and 1 day before its deadline at 09:00 local time; a moment already past
 * is skipped, and when every one is past but the deadline is not, one reminder goes at once.
 */
export function reminderEvents(
  step: { id: string; dueDate: string; round: number },
  timeZone: string,
  now = Date.now(),
): OutboxEvent<JobName.PreDepartureReminder>[] {
  const event = (daysBefore: number, delayMs: number): OutboxEvent<JobName.PreDepartureReminder> => ({
    job: JobName.PreDepartureReminder,
    payload: { stepId: step.id, dueDate: step.dueDate, daysBefore, round: step.round },
    jobId: reminderJobId(step.id, step.round, daysBefore),
    delayMs,
  });
  const events = REMINDER_DAYS_BEFORE.map((d) => ({
    d,
    delay: localMoment(step.dueDate, d, REMINDER_HOUR, timeZone) - now,
  }))
    .filter((r) => r.delay > 0)
    .map((r) => event(r.d, r.delay));
  if (!events.length && step.dueDate >= localToday(timeZone, now)) return [event(0, 0)];
  return events;
}
