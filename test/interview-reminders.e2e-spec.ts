import { DataSource } from 'typeorm';
import { JobName, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { formatWhen, reminderJobId } from 'src/modules/interviews/interview.notifier';
import { TestApp, bootTestApp, staffToken, unique, waitFor } from 'test/harness/app';
import {
  bookInterview,
  createSlots,
  insertApplication,
  insertMigrant,
  slotAt,
} from 'test/harness/interviews.factory';
import { SmtpSink } from 'test/harness/smtp-sink';
import {
  TestEmployer,
  VacancyView,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

interface ReminderRow {
  id: string;
  dedupe_key: string;
  channel: string;
  locale: string;
  template: string;
  starts_at_text: string;
}

describe('interview reminders', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let db: DataSource;
  let queues: QueueService;
  let employer: TestEmployer;
  let vacancy: VacancyView;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** Books an interview `inMinutes` ahead for a new candidate who reads `language`. */
  async function booked(inMinutes: number, language = 'ru') {
    const migrant = await insertMigrant(t, { preferredLanguage: language });
    const applicationId = await insertApplication(t, migrant.id, vacancy.id);
    const [slot] = await createSlots(t, employer.token, vacancy.id, [
      slotAt(inMinutes, 20, { location: unique('Booth ') }),
    ]);
    const interview = await bookInterview(t, employer.token, applicationId, slot.id);
    return { ...interview, language };
  }

  /** A reminder job as the outbox makes it, due `delayMs` from now. */
  function remind(
    interview: { id: string; startsAt: string },
    options: { jobId?: string; delayMs?: number; attempts?: number } = {},
  ) {
    return queues.enqueue(
      JobName.InterviewReminder,
      { interviewId: interview.id, startsAt: interview.startsAt, offsetMinutes: 60 },
      {
        jobId: options.jobId ?? unique('test-reminder-'),
        delayMs: options.delayMs,
        attempts: options.attempts,
      },
    );
  }

  const remindersOf = (interviewId: string): Promise<ReminderRow[]> =>
    db.query(
      `SELECT id, dedupe_key, channel, locale, template, payload->>'startsAt' AS starts_at_text
         FROM notifications WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
      [`interview-reminder:${interviewId}:%`],
    );

  const deliveryEvents = async (notificationIds: string[]): Promise<number> => {
    const [row] = await db.query(
      `SELECT count(*)::int AS n FROM outbox
        WHERE job_name = 'notification.deliver' AND payload->>'notificationId' = ANY($1::text[])`,
      [notificationIds],
    );
    return row.n;
  };

  const job = (jobId: string) => queues.queue(QueueName.Scheduling).getJob(jobId);

  beforeAll(async () => {
    smtp = await SmtpSink.start({ parse: false });
    t = await bootTestApp({ SMTP_URL: smtp.url });
    db = t.app.get(DataSource);
    queues = t.app.get(QueueService);
    employer = await createVerifiedEmployer(t, { staff: await staffToken(t) });
    vacancy = await createPublishedVacancy(t, employer.token);
  });

  afterAll(async () => {
    // Let the deliveries the reminders caused finish first: the mail transport closes before the workers
    // stop, and an e-mail caught in between can hold the shutdown.
    await waitFor(
      async () => {
        const counts = await queues.queue(QueueName.Notifications).getJobCounts('waiting', 'active');
        return counts.waiting + counts.active === 0;
      },
      { timeoutMs: 20_000, what: 'the deliveries done' },
    ).catch(() => undefined);
    await t?.close();
    await smtp?.close();
  });

  it("writes reminders due together once each, in each recipient's language, and none for a cancelled or moved interview", async () => {
    const kept: Awaited<ReturnType<typeof booked>>[] = [];
    for (const language of ['ru', 'uz', 'tg', 'ky', 'en']) kept.push(await booked(300, language));
    const cancelled = await booked(300);
    const moved = await booked(300);

    // Booking made the 120-minute reminder jobs; cancelling removes one, moving replaces the other.
    const cancelledJob = reminderJobId(cancelled.id, 0, 120);
    const movedJob = reminderJobId(moved.id, 0, 120);
    await waitFor(async () => (await job(cancelledJob)) && (await job(movedJob)), { what: 'reminder jobs' });
    const cancel = await t
      .http()
      .post(`/v1/interviews/${cancelled.id}/cancel`)
      .set(auth(employer.token))
      .send({ reason: 'Position filled' });
    expect(cancel.status).toBe(200);
    const [later] = await createSlots(t, employer.token, vacancy.id, [
      slotAt(400, 20, { location: unique('Booth ') }),
    ]);
    const move = await t
      .http()
      .post(`/v1/interviews/${moved.id}/reschedule`)
      .set(auth(employer.token))
      .send({ slotId: later.id });
    expect(move.status).toBe(200);
    await waitFor(async () => !(await job(cancelledJob)) && !(await job(movedJob)), {
      what: 'the old reminder jobs removed',
    });
    await waitFor(async () => job(reminderJobId(moved.id, 1, 120)), { what: 'the moved reminder job' });

    // All due at one instant, the first one twice (two jobs of one reminder), the stale ones with old times.
    const delayMs = 1500;
    await Promise.all([...kept, kept[0], cancelled, moved].map((i) => remind(i, { delayMs })));

    const expected = kept.length * 4; // candidate: e-mail and SMS; the employer's user: e-mail and in-app
    await waitFor(
      async () => {
        const rows = (await Promise.all(kept.map((i) => remindersOf(i.id)))).flat();
        return rows.length >= expected;
      },
      { timeoutMs: 15_000, what: 'the reminders' },
    );
    // Give a duplicate or a stale reminder a moment to show up if it would.
    await new Promise((r) => setTimeout(r, 1500));

    for (const interview of kept) {
      const rows = await remindersOf(interview.id);
      const candidate = rows.filter((r) => r.template === 'interview_reminder_migrant');
      expect(candidate.map((r) => r.channel).sort()).toEqual(['email', 'sms']);
      for (const row of candidate) {
        expect(row.locale).toBe(interview.language);
        expect(row.starts_at_text).toBe(
          formatWhen(new Date(interview.startsAt), interview.language, 'Europe/Moscow'),
        );
      }
      const employerSide = rows.filter((r) => r.template === 'interview_reminder_employer');
      expect(employerSide.map((r) => r.channel).sort()).toEqual(['email', 'in_app']);
      // One delivery job per message, however many jobs asked for it.
      expect(await deliveryEvents(rows.map((r) => r.id))).toBe(rows.length);
    }
    expect(await remindersOf(cancelled.id)).toEqual([]);
    expect(await remindersOf(moved.id)).toEqual([]);
  });

  it('sends nothing twice when a completed reminder job runs again, as after a crash before it was marked done', async () => {
    const interview = await booked(300, 'uz');
    const jobId = unique('retried-reminder-');
    await remind(interview, { jobId });
    const first = await waitFor(
      async () => {
        const found = await job(jobId);
        return found && (await found.getState()) === 'completed' ? found : undefined;
      },
      { what: 'the reminder job done' },
    );
    const before = await remindersOf(interview.id);
    expect(before).toHaveLength(4);

    await first.retry('completed');
    await waitFor(
      async () => {
        const again = await job(jobId);
        return again && again.processedOn! > first.processedOn! && (await again.getState()) === 'completed';
      },
      { what: 'the reminder job run again' },
    );

    const after = await remindersOf(interview.id);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(await deliveryEvents(after.map((r) => r.id))).toBe(after.length);
  });

  it('fails only the broken job of reminders that fall due together', async () => {
    const good = [await booked(300), await booked(300), await booked(300)];
    const brokenId = unique('broken-reminder-');
    const delayMs = 1000;
    await Promise.all([
      ...good.map((i) => remind(i, { delayMs, attempts: 1 })),
      remind(
        { id: 'not-an-interview-id', startsAt: good[0].startsAt },
        { jobId: brokenId, delayMs, attempts: 1 },
      ),
    ]);

    await waitFor(async () => (await job(brokenId))?.getState().then((s) => s === 'failed'), {
      what: 'the broken job failed',
    });
    await waitFor(
      async () => {
        const counts = await Promise.all(good.map(async (i) => (await remindersOf(i.id)).length));
        return counts.every((n) => n === 4);
      },
      { what: 'the good reminders' },
    );
  });
});
