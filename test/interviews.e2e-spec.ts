import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { ParsedMail } from 'mailparser';
import { TestApp, bootTestApp, staffToken, waitFor } from 'test/harness/app';
import {
  applicationStatus,
  bookInterview,
  createSlots,
  insertApplication,
  insertMigrant,
  slotAt,
} from 'test/harness/interviews.factory';
import { registerMigrant } from 'test/harness/migrants.factory';
import { SmsGatewayStub } from 'test/harness/sms-gateway';
import { SmtpSink } from 'test/harness/smtp-sink';
import {
  TestEmployer,
  VacancyView,
  addParticipant,
  createFair,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

function calendarOf(mail: ParsedMail): string | undefined {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  return part?.content.toString('utf8');
}

function parseIcs(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = root.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: root.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
  };
}

describe('interviews', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let sms: SmsGatewayStub;
  let staff: string;
  let employer: TestEmployer;
  let other: TestEmployer;
  let vacancy: VacancyView;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** The mails to `address` whose calendar part has `method`, in arrival order. */
  async function calendarMails(address: string, method: string, count = 1) {
    return waitFor(
      async () => {
        const found = smtp.messages
          .filter((m) => m.to.includes(address) && m.parsed)
          .map((m) => calendarOf(m.parsed!))
          .filter((ics): ics is string => !!ics && ics.includes(`METHOD:${method}`))
          .map(parseIcs);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: 15_000, what: `${method} invitation to ${address}` },
    );
  }

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sms = await SmsGatewayStub.start();
    t = await bootTestApp({ SMTP_URL: smtp.url, SMS_GATEWAY_URL: sms.url });
    staff = await staffToken(t);
    [employer, other] = await Promise.all([
      createVerifiedEmployer(t, { staff }),
      createVerifiedEmployer(t, { staff }),
    ]);
    vacancy = await createPublishedVacancy(t, employer.token);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await sms?.close();
    ICAL.TimezoneService.reset();
  });

  describe('slots', () => {
    it('publishes slots, refuses an overlapping slot at the same place and allows another place', async () => {
      const slot = slotAt(600, 30, { location: 'Room 7' });
      const [created] = await createSlots(t, employer.token, vacancy.id, [slot]);
      expect(created).toMatchObject({ startsAt: slot.startsAt, available: true, location: 'Room 7' });

      const overlapping = slotAt(610, 30, { location: '  room   7 ' });
      const res = await t
        .http()
        .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
        .set(auth(employer.token))
        .send({ slots: [overlapping] });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/slot-overlap');

      await createSlots(t, employer.token, vacancy.id, [{ ...overlapping, location: 'Room 8' }]);
    });

    it('answers 404 to another employer and refuses an interval that ends before it starts', async () => {
      const res = await t
        .http()
        .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
        .set(auth(other.token))
        .send({ slots: [slotAt(700)] });
      expect(res.status).toBe(404);
      const bad = slotAt(700);
      const reversed = await t
        .http()
        .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
        .set(auth(employer.token))
        .send({ slots: [{ ...bad, endsAt: bad.startsAt, startsAt: bad.endsAt }] });
      expect(reversed.status).toBe(400);
    });

    it("keeps fair slots within the fair's hours and to participating employers", async () => {
      const fair = await createFair(t, staff); // opens in 2 h for 7 h
      const inside = slotAt(180, 20, { fairId: fair.id });
      const notParticipating = await t
        .http()
        .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
        .set(auth(employer.token))
        .send({ slots: [inside] });
      expect(notParticipating.status).toBe(422);

      await addParticipant(t, staff, fair.id, employer.id, 'B-12');
      const outside = await t
        .http()
        .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
        .set(auth(employer.token))
        .send({ slots: [slotAt(60, 20, { fairId: fair.id })] });
      expect(outside.status).toBe(422);
      const [created] = await createSlots(t, employer.token, vacancy.id, [inside]);
      expect(created.id).toBeDefined();
    });

    it('lists only free future slots with available=true', async () => {
      const [a, b] = await createSlots(t, employer.token, vacancy.id, [
        slotAt(900, 20, { location: 'List room' }),
        slotAt(930, 20, { location: 'List room' }),
      ]);
      const m = await insertMigrant(t);
      await bookInterview(t, employer.token, await insertApplication(t, m.id, vacancy.id), a.id);
      const res = await t
        .http()
        .get(`/v1/vacancies/${vacancy.id}/interview-slots?available=true`)
        .set(auth(employer.token));
      expect(res.status).toBe(200);
      const ids = res.body.items.map((s: { id: string }) => s.id);
      expect(ids).toContain(b.id);
      expect(ids).not.toContain(a.id);
    });
  });

  describe('booking', () => {
    it('books, reschedules and cancels with invitations that calendars understand', async () => {
      const migrant = await registerMigrant(t, { email: `${Date.now()}-mig@test.jobfair.local` });
      const email = (await t.http().get(`/v1/migrants/${migrant.id}`).set(auth(staff))).body.email as string;
      const applicationId = await insertApplication(t, migrant.id, vacancy.id, 'shortlisted');
      const [first, second] = await createSlots(t, employer.token, vacancy.id, [
        slotAt(1200, 30, { location: 'Booth ICS' }),
        slotAt(1300, 30, { location: 'Booth ICS' }),
      ]);

      const booked = await t
        .http()
        .post(`/v1/applications/${applicationId}/interview`)
        .set(auth(migrant.token))
        .send({ slotId: first.id });
      expect(booked.status).toBe(201);
      expect(booked.body).toMatchObject({
        applicationId,
        slotId: first.id,
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        status: 'scheduled',
      });
      const id = booked.body.id as string;
      expect(await applicationStatus(t, applicationId)).toBe('interview_scheduled');

      const [request] = await calendarMails(email, 'REQUEST');
      expect(first.startsAt).toMatch(/:\d\d\.000Z$/);
      expect(request).toMatchObject({
        uid: `interview-${id}@jobfair`,
        sequence: 0,
        start: first.startsAt,
        end: first.endsAt,
        tzid: 'Europe/Moscow',
      });
      await calendarMails(employer.email, 'REQUEST');
      // The candidate's invitation names them as attendee; the employer's copy carries no address of theirs.
      const rawTo = (address: string) =>
        smtp.messages
          .filter((m) => m.to.includes(address) && m.parsed)
          .map((m) => `${m.parsed!.text ?? ''}${m.parsed!.html || ''}${calendarOf(m.parsed!) ?? ''}`)
          .join('\n');
      expect(rawTo(email)).toContain(`mailto:${email}`);
      expect(rawTo(employer.email)).not.toContain(email);
      await waitFor(async () => sms.messages.some((m) => m.to === migrant.phone), { what: 'invitation SMS' });

      const moved = await t
        .http()
        .post(`/v1/interviews/${id}/reschedule`)
        .set(auth(employer.token))
        .send({ slotId: second.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ slotId: second.id, startsAt: second.startsAt, sequence: 1 });
      const requests = await calendarMails(email, 'REQUEST', 2);
      const update = requests.find((r) => r.sequence === 1)!;
      expect(update).toMatchObject({ uid: `interview-${id}@jobfair`, start: second.startsAt });

      // The first slot is free again; the second is taken.
      const slots = await t
        .http()
        .get(`/v1/vacancies/${vacancy.id}/interview-slots?available=true`)
        .set(auth(migrant.token));
      const free = slots.body.items.map((s: { id: string }) => s.id);
      expect(free).toContain(first.id);
      expect(free).not.toContain(second.id);

      const cancelled = await t
        .http()
        .post(`/v1/interviews/${id}/cancel`)
        .set(auth(migrant.token))
        .send({ reason: 'Found another job' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Found another job' });
      const [cancel] = await calendarMails(email, 'CANCEL');
      expect(cancel).toMatchObject({ uid: `interview-${id}@jobfair`, sequence: 2 });
      expect(await applicationStatus(t, applicationId)).toBe('shortlisted');

      const list = await t
        .http()
        .get(`/v1/applications/${applicationId}/interviews`)
        .set(auth(employer.token));
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(1);
      const again = await t
        .http()
        .post(`/v1/interviews/${id}/cancel`)
        .set(auth(employer.token))
        .send({ reason: 'twice' });
      expect(again.status).toBe(409);
    });

    it('hides an interview from other employers and other migrants (404)', async () => {
      const m = await insertMigrant(t);
      const applicationId = await insertApplication(t, m.id, vacancy.id);
      const [slot] = await createSlots(t, employer.token, vacancy.id, [
        slotAt(1500, 20, { location: 'Hidden' }),
      ]);
      const stranger = await registerMigrant(t);
      const booking = await t
        .http()
        .post(`/v1/applications/${applicationId}/interview`)
        .set(auth(stranger.token))
        .send({ slotId: slot.id });
      expect(booking.status).toBe(404);
      const interview = await bookInterview(t, employer.token, applicationId, slot.id);
      for (const token of [other.token, stranger.token]) {
        expect((await t.http().get(`/v1/interviews/${interview.id}`).set(auth(token))).status).toBe(404);
        expect(
          (await t.http().get(`/v1/applications/${applicationId}/interviews`).set(auth(token))).status,
        ).toBe(404);
      }
      expect((await t.http().get(`/v1/interviews/${interview.id}`).set(auth(staff))).status).toBe(200);
    });

    it('completes the Idempotency-Key of a booking and a cancellation in their own transactions', async () => {
      const db = t.app.get(DataSource);
      const m = await insertMigrant(t);
      const applicationId = await insertApplication(t, m.id, vacancy.id);
      const [slot] = await createSlots(t, employer.token, vacancy.id, [
        slotAt(2600, 30, { location: 'Key' }),
      ]);
      const post = (path: string, body: object, key: string) =>
        t.http().post(path).set(auth(employer.token)).set('idempotency-key', key).send(body);
      const stored = async (key: string, at: string) =>
        (
          await db.query(
            `SELECT k.state, k.completed_at = i.${at} AS same_transaction, k.response_body
               FROM idempotency_keys k, interviews i WHERE k.key = $1 AND i.application_id = $2`,
            [key, applicationId],
          )
        )[0];

      const bookKey = `book-${Date.now()}`;
      const booked = await post(`/v1/applications/${applicationId}/interview`, { slotId: slot.id }, bookKey);
      expect(booked.status).toBe(201);
      // now() is the transaction's start: the key committed with the interview, so a crash after the commit
      // leaves this answer for the retry instead of a second run (which would answer 409).
      expect(await stored(bookKey, 'created_at')).toEqual({
        state: 'completed',
        same_transaction: true,
        response_body: booked.body,
      });
      const replay = await post(`/v1/applications/${applicationId}/interview`, { slotId: slot.id }, bookKey);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(booked.body);

      const cancelKey = `cancel-${Date.now()}`;
      const path = `/v1/interviews/${booked.body.id}/cancel`;
      const cancelled = await post(path, { reason: 'Position filled' }, cancelKey);
      expect(cancelled.status).toBe(200);
      expect(await stored(cancelKey, 'updated_at')).toEqual({
        state: 'completed',
        same_transaction: true,
        response_body: cancelled.body,
      });
      const again = await post(path, { reason: 'Position filled' }, cancelKey);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(cancelled.body);
    });

    it('refuses a taken slot and a second interview overlapping the same migrant', async () => {
      const other2 = await createPublishedVacancy(t, employer.token);
      const m = await insertMigrant(t);
      const rival = await insertMigrant(t);
      const appA = await insertApplication(t, m.id, vacancy.id);
      const appB = await insertApplication(t, m.id, other2.id);
      const appRival = await insertApplication(t, rival.id, vacancy.id);
      const start = slotAt(2000, 30, { location: 'Overlap A' });
      const [slotA] = await createSlots(t, employer.token, vacancy.id, [start]);
      const [slotB] = await createSlots(t, employer.token, other2.id, [
        { ...slotAt(2010, 30), location: 'Overlap B' },
      ]);
      await bookInterview(t, employer.token, appA, slotA.id);

      const taken = await t
        .http()
        .post(`/v1/applications/${appRival}/interview`)
        .set(auth(employer.token))
        .send({ slotId: slotA.id });
      expect(taken.status).toBe(409);
      expect(taken.body.type).toBe('/problems/slot-taken');

      const overlap = await t
        .http()
        .post(`/v1/applications/${appB}/interview`)
        .set(auth(employer.token))
        .send({ slotId: slotB.id });
      expect(overlap.status).toBe(409);
      expect(overlap.body.type).toBe('/problems/interview-overlap');
      expect(await applicationStatus(t, appB)).toBe('submitted');
    });

    it('records a no-show and a second interview, and closes booking after a final result', async () => {
      const m = await insertMigrant(t);
      const applicationId = await insertApplication(t, m.id, vacancy.id);
      const soon = new Date(Date.now() + 1500);
      const [slot] = await createSlots(t, employer.token, vacancy.id, [
        {
          startsAt: soon.toISOString(),
          endsAt: new Date(soon.getTime() + 600_000).toISOString(),
          mode: 'in_person',
          location: 'Outcome room',
        },
      ]);
      const interview = await bookInterview(t, employer.token, applicationId, slot.id);
      const early = await t
        .http()
        .post(`/v1/interviews/${interview.id}/outcome`)
        .set(auth(employer.token))
        .send({ attended: false });
      expect(early.status).toBe(409);
      await new Promise((r) => setTimeout(r, soon.getTime() - Date.now() + 100));

      const missing = await t
        .http()
        .post(`/v1/interviews/${interview.id}/outcome`)
        .set(auth(employer.token))
        .send({ attended: true });
      expect(missing.status).toBe(400);
      const noShow = await t
        .http()
        .post(`/v1/interviews/${interview.id}/outcome`)
        .set(auth(employer.token))
        .send({ attended: false, result: 'second_interview', notes: 'Did not come; will try again' });
      expect(noShow.status).toBe(200);
      expect(noShow.body).toMatchObject({ status: 'no_show', attended: false, result: 'second_interview' });
      expect(await applicationStatus(t, applicationId)).toBe('interviewed');

      const [next, after] = await createSlots(t, employer.token, vacancy.id, [
        slotAt(2500, 20, { location: 'Outcome room' }),
        slotAt(2600, 20, { location: 'Outcome room' }),
      ]);
      const second = await bookInterview(t, employer.token, applicationId, next.id);
      expect(await applicationStatus(t, applicationId)).toBe('interview_scheduled');
      // The final result as the outcome route would write it (the interview has not started yet).
      const db = t.app.get(DataSource);
      await db.query(
        `UPDATE interviews SET status = 'completed', result = 'passed', outcome_at = now() WHERE id = $1`,
        [second.id],
      );
      await db.query(`UPDATE applications SET status = 'interviewed' WHERE id = $1`, [applicationId]);
      const closed = await t
        .http()
        .post(`/v1/applications/${applicationId}/interview`)
        .set(auth(employer.token))
        .send({ slotId: after.id });
      expect(closed.status).toBe(409);
    });

    it('validates input without a 500', async () => {
      const m = await insertMigrant(t);
      const applicationId = await insertApplication(t, m.id, vacancy.id);
      for (const body of [{}, { slotId: 'x' }, { slotId: applicationId, extra: 1 }]) {
        const res = await t
          .http()
          .post(`/v1/applications/${applicationId}/interview`)
          .set(auth(employer.token))
          .send(body);
        expect(res.status).toBe(400);
      }
      const unknownSlot = await t
        .http()
        .post(`/v1/applications/${applicationId}/interview`)
        .set(auth(employer.token))
        .send({ slotId: applicationId });
      expect(unknownSlot.status).toBe(404);
      const badSlots = await t
        .http()
        .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
        .set(auth(employer.token))
        .send({ slots: [{ startsAt: 'soon', endsAt: 'later', mode: 'telepathy' }] });
      expect(badSlots.status).toBe(400);
    });
  });
});
