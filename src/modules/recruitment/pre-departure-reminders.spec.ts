import { JobName } from 'src/queue/queue.constants';
import {
  localMoment,
  localToday,
  reminderEvents,
  reminderJobIds,
} from 'src/modules/recruitment/pre-departure-reminders';

const DAY = 86_400_000;

describe('pre-departure reminder moments', () => {
  it('puts 09:00 on the zone’s clock: 06:00 UTC in Moscow, 04:00 UTC in Dushanbe', () => {
    expect(new Date(localMoment('2027-03-17', 0, 9, 'Europe/Moscow')).toISOString()).toBe(
      '2027-03-17T06:00:00.000Z',
    );
    expect(new Date(localMoment('2027-03-17', 7, 9, 'Asia/Dushanbe')).toISOString()).toBe(
      '2027-03-10T04:00:00.000Z',
    );
  });

  it('reads today on the zone’s clock, not UTC’s', () => {
    // 22:30 UTC on 16.03 is already 17.03 in Moscow (UTC+3).
    const late = Date.parse('2027-03-16T22:30:00Z');
    expect(localToday('Europe/Moscow', late)).toBe('2027-03-17');
    expect(localToday('UTC', late)).toBe('2027-03-16');
  });

  it('schedules 7 days and 1 day before a deadline weeks ahead, each delayed to its moment', () => {
    const now = Date.parse('2027-03-01T12:00:00Z');
    const events = reminderEvents({ id: 'step-1', dueDate: '2027-04-04', round: 2 }, 'Europe/Moscow', now);
    expect(events.map((e) => e.jobId)).toEqual(['pre-departure-step-1-r2-7', 'pre-departure-step-1-r2-1']);
    expect(events[0]).toMatchObject({
      job: JobName.PreDepartureReminder,
      payload: { stepId: 'step-1', dueDate: '2027-04-04', daysBefore: 7, round: 2 },
    });
    expect(now + events[0].delayMs!).toBe(Date.parse('2027-03-28T06:00:00Z'));
    expect(now + events[1].delayMs!).toBe(Date.parse('2027-04-03T06:00:00Z'));
  });

  it('keeps only the moments still ahead, one at once when all passed but not the deadline, none after it', () => {
    const now = Date.parse('2027-03-30T12:00:00Z');
    const soon = reminderEvents({ id: 's', dueDate: '2027-04-04', round: 0 }, 'Europe/Moscow', now);
    expect(soon.map((e) => e.payload.daysBefore)).toEqual([1]);
    const today = reminderEvents({ id: 's', dueDate: '2027-03-30', round: 0 }, 'Europe/Moscow', now);
    expect(today).toEqual([
      expect.objectContaining({ delayMs: 0, payload: expect.objectContaining({ daysBefore: 0 }) }),
    ]);
    expect(reminderEvents({ id: 's', dueDate: '2027-03-29', round: 0 }, 'Europe/Moscow', now)).toEqual([]);
    expect(reminderEvents({ id: 's', dueDate: '2027-03-30', round: 0 }, 'Europe/Moscow', now + DAY)).toEqual(
      [],
    );
  });

  it('names every job a tick must remove, the immediate one included', () => {
    expect(reminderJobIds('s', 1)).toEqual([
      'pre-departure-s-r1-7',
      'pre-departure-s-r1-1',
      'pre-departure-s-r1-0',
    ]);
  });
});
