import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken, unique, waitFor } from 'test/harness/app';
import { applyOnline, kioskSubmission } from 'test/harness/applications.factory';
import { registerMigrant } from 'test/harness/migrants.factory';
import { createSlots } from 'test/harness/interviews.factory';
import {
  TestEmployer,
  VacancyView,
  addFairVacancies,
  addParticipant,
  createFair,
  createPublishedVacancy,
  createVerifiedEmployer,
  registerKiosk,
} from 'test/harness/supply.factory';

/**
 * 07:00 UTC on 15.03.2027: 10:00 in Moscow (UTC+3, no daylight saving since 2014) and 12:00 in Khujand
 * (Asia/Dushanbe, UTC+5, no daylight saving).
 */
const STARTS = '2027-03-15T07:00:00.000Z';
const ENDS = '2027-03-15T07:30:00.000Z';

interface NotificationRow {
  channel: string;
  template: string;
  locale: string;
  recipient_user_id: string | null;
  starts_at: string;
  location: string;
}

describe('remote interview across time zones', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let moscow: TestEmployer;
  let vacancy: VacancyView;
  let kiosk: { id: string; token: string };
  let khujandFairId: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A Tajik jobseeker applies at the Khujand fair's kiosk to the Moscow vacancy; returns the application. */
  async function applyAtKhujand(migrant: Record<string, unknown> = {}): Promise<string> {
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set(auth(kiosk.token))
      .set('idempotency-key', unique('khujand-'))
      .send(kioskSubmission([vacancy.id], migrant));
    if (res.status !== 201) throw new Error(`kiosk submission: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.applications[0].id as string;
  }

  const messagesOf = (interviewId: string): Promise<NotificationRow[]> =>
    ds.query(
      `SELECT channel, template, locale, recipient_user_id, payload->>'startsAt' AS starts_at,
              payload->>'location' AS location
         FROM notifications WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
      [`interview:${interviewId}:%`],
    );

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    moscow = await createVerifiedEmployer(t, { staff });
    vacancy = await createPublishedVacancy(t, moscow.token);
    const fair = await createFair(t, staff, {
      name: `Ярмарка вакансий в Худжанде ${unique()}`,
      region: 'TJ-SU',
      city: 'Худжанд',
      venue: 'Дворец культуры, Худжанд',
      timezone: 'Asia/Dushanbe',
      languages: ['tg', 'uz', 'ru'],
    });
    khujandFairId = fair.id;
    await addParticipant(t, staff, fair.id, moscow.id, 'R-1');
    await addFairVacancies(t, moscow.token, fair.id, [vacancy.id]);
    kiosk = await registerKiosk(t, staff, fair.id, 'Киоск 1');
  });

  afterAll(() => t.close());

  it('refuses a video slot without a meeting link and a phone slot with a number that is not one', async () => {
    const noLink = await t
      .http()
      .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
      .set(auth(moscow.token))
      .send({ slots: [{ startsAt: STARTS, endsAt: ENDS, mode: 'video' }] });
    expect(noLink.status).toBe(400);
    expect(noLink.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(noLink.body.errors).toEqual([expect.objectContaining({ field: 'slots.0.location' })]);
    const notHttps = await t
      .http()
      .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
      .set(auth(moscow.token))
      .send({ slots: [{ startsAt: STARTS, endsAt: ENDS, mode: 'video', location: 'Room 5' }] });
    expect(notHttps.status).toBe(400);
    const badPhone = await t
      .http()
      .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
      .set(auth(moscow.token))
      .send({ slots: [{ startsAt: STARTS, endsAt: ENDS, mode: 'phone', location: 'call me' }] });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.errors).toEqual([expect.objectContaining({ field: 'slots.0.location' })]);
  });

  it('interviews a candidate from the Khujand fair by video: Moscow 10:00 for the employer, 12:00 in Khujand for the candidate', async () => {
    const link = `https://meet.example.org/${unique('khujand-')}`;
    const applicationId = await applyAtKhujand({ preferredLanguage: 'tg' });
    const [slot] = await createSlots(t, moscow.token, vacancy.id, [
      { startsAt: STARTS, endsAt: ENDS, mode: 'video', location: link },
    ]);
    const booked = await t
      .http()
      .post(`/v1/applications/${applicationId}/interview`)
      .set(auth(moscow.token))
      .send({ slotId: slot.id });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ mode: 'video', location: link, startsAt: STARTS });
    expect(booked.body.times).toEqual({
      employer: {
        timeZone: 'Europe/Moscow',
        region: 'RU-MOW',
        startsAt: '2027-03-15T10:00:00+03:00',
        endsAt: '2027-03-15T10:30:00+03:00',
      },
      candidate: {
        timeZone: 'Asia/Dushanbe',
        region: 'TJ-SU',
        startsAt: '2027-03-15T12:00:00+05:00',
        endsAt: '2027-03-15T12:30:00+05:00',
      },
    });
    // Staff read the same two clocks.
    const read = await t.http().get(`/v1/interviews/${booked.body.id}`).set(auth(staff));
    expect(read.body.times).toEqual(booked.body.times);

    // Interviewed, the candidate becomes a recruit of the employer's approved order for this vacancy.
    const order = await t
      .http()
      .post('/v1/recruitment/orders')
      .set(auth(moscow.token))
      .send({
        vacancyId: vacancy.id,
        workers: 2,
        originCountries: ['TJ'],
        startsOn: '2027-04-01',
        endsOn: '2027-06-30',
        costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
      });
    expect(order.status).toBe(201);
    await t.http().post(`/v1/recruitment/orders/${order.body.id}/approve`).set(auth(staff)).expect(200);
    const [{ migrant_id: candidateId }] = await ds.query(
      `SELECT migrant_id FROM applications WHERE id = $1`,
      [applicationId],
    );
    const recruit = await t
      .http()
      .post(`/v1/recruitment/orders/${order.body.id}/recruits`)
      .set(auth(moscow.token))
      .send({ migrantId: candidateId });
    expect(recruit.status).toBe(201);
    expect(recruit.body.status).toBe('selected');
    // The interview held before the selection is the recruit's: it carries the recruit, the recruit shows it.
    expect(recruit.body.interview).toMatchObject({ id: booked.body.id, recruitId: recruit.body.id });
    expect(recruit.body.interview.times).toEqual(booked.body.times);
    const linked = await t.http().get(`/v1/interviews/${booked.body.id}`).set(auth(moscow.token));
    expect(linked.body.recruitId).toBe(recruit.body.id);

    const rows = await waitFor(
      async () => {
        const found = await messagesOf(booked.body.id);
        return found.some((r) => r.template === 'interview_invitation' && r.recipient_user_id) && found;
      },
      { what: 'the invitations' },
    );
    // The candidate (Tajik, by SMS) reads Khujand time first and Moscow's beside it, and the call link.
    const sms = rows.find((r) => r.channel === 'sms' && r.locale === 'tg');
    expect(sms).toBeDefined();
    expect(sms!.starts_at).toMatch(/12:00/);
    expect(sms!.starts_at).toMatch(/\(Маскав: 10:00/);
    expect(sms!.location).toBe(`Видеозанг: ${link}`);
    // The employer's user reads Moscow time first, then the Sughd region's.
    const employerSide = rows.filter((r) => r.locale === 'ru' && r.channel === 'in_app');
    expect(employerSide.length).toBeGreaterThan(0);
    for (const r of employerSide) {
      expect(r.starts_at.indexOf('10:00')).toBeLessThan(r.starts_at.indexOf('12:00'));
      expect(r.starts_at).toMatch(/\(Согдийская область: 12:00/);
      expect(r.location).toBe(`Видеозвонок: ${link}`);
    }
  });

  it('books a phone interview the employer calls, and refuses one when the candidate has no phone to call', async () => {
    const applicationId = await applyAtKhujand({ preferredLanguage: 'uz', citizenship: 'UZ' });
    const later = '2027-03-16T06:00:00.000Z';
    const [slot] = await createSlots(t, moscow.token, vacancy.id, [
      { startsAt: later, endsAt: '2027-03-16T06:20:00.000Z', mode: 'phone' },
    ]);
    // The same person without a phone on the profile: nobody could call.
    const [{ migrant_id: migrantId }] = await ds.query(`SELECT migrant_id FROM applications WHERE id = $1`, [
      applicationId,
    ]);
    const [{ phone }] = await ds.query(`SELECT phone FROM migrants WHERE id = $1`, [migrantId]);
    await ds.query(`UPDATE migrants SET phone = NULL WHERE id = $1`, [migrantId]);
    const refused = await t
      .http()
      .post(`/v1/applications/${applicationId}/interview`)
      .set(auth(moscow.token))
      .send({ slotId: slot.id });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await ds.query(`UPDATE migrants SET phone = $2 WHERE id = $1`, [migrantId, phone]);
    const booked = await t
      .http()
      .post(`/v1/applications/${applicationId}/interview`)
      .set(auth(moscow.token))
      .send({ slotId: slot.id });
    expect(booked.status).toBe(201);
    expect(booked.body.mode).toBe('phone');
    expect(booked.body.times.employer.startsAt).toBe('2027-03-16T09:00:00+03:00');
    expect(booked.body.times.candidate.startsAt).toBe('2027-03-16T11:00:00+05:00');
  });

  it('keeps one clock for an interview in person at a fair', async () => {
    const applicationId = await applyAtKhujand();
    const [slot] = await createSlots(t, moscow.token, vacancy.id, [
      {
        startsAt: '2027-03-17T07:00:00.000Z',
        endsAt: '2027-03-17T07:20:00.000Z',
        mode: 'in_person',
        location: 'Room 2',
      },
    ]);
    const booked = await t
      .http()
      .post(`/v1/applications/${applicationId}/interview`)
      .set(auth(moscow.token))
      .send({ slotId: slot.id });
    expect(booked.status).toBe(201);
    // In the employer's office in Moscow: both read Moscow time.
    expect(booked.body.times.employer).toEqual(booked.body.times.candidate);
    expect(booked.body.times.candidate.startsAt).toBe('2027-03-17T10:00:00+03:00');
  });

  it('books the interview of a recruit of the order: the journey, the pipeline and the person read it on both clocks', async () => {
    // A Tajik registered at the Khujand fair (as the fair's staff do) applies online, selected for an order first.
    const person = await registerMigrant(t, {
      citizenship: 'TJ',
      preferredLanguage: 'tg',
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
    });
    await ds.query(`UPDATE migrants SET fair_id = $2 WHERE id = $1`, [person.id, khujandFairId]);
    const personToken = person.token;
    const applied = await applyOnline(t, personToken, vacancy.id);
    const order = await t
      .http()
      .post('/v1/recruitment/orders')
      .set(auth(moscow.token))
      .send({
        vacancyId: vacancy.id,
        workers: 1,
        originCountries: ['TJ'],
        startsOn: '2027-04-01',
        endsOn: '2027-06-30',
        costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
      });
    await t.http().post(`/v1/recruitment/orders/${order.body.id}/approve`).set(auth(staff)).expect(200);
    const selected = await t
      .http()
      .post(`/v1/recruitment/orders/${order.body.id}/recruits`)
      .set(auth(moscow.token))
      .send({ migrantId: person.id });
    expect(selected.status).toBe(201);
    expect(selected.body.interview).toBeNull();
    const recruitId = selected.body.id as string;

    const [slot] = await createSlots(t, moscow.token, vacancy.id, [
      {
        startsAt: '2027-03-18T08:00:00.000Z',
        endsAt: '2027-03-18T08:30:00.000Z',
        mode: 'video',
        location: `https://meet.example.org/${unique('recruit-')}`,
      },
    ]);
    const booked = await t
      .http()
      .post(`/v1/applications/${applied.id}/interview`)
      .set(auth(moscow.token))
      .send({ slotId: slot.id });
    expect(booked.status).toBe(201);
    expect(booked.body.recruitId).toBe(recruitId);
    const times = {
      employer: {
        timeZone: 'Europe/Moscow',
        region: 'RU-MOW',
        startsAt: '2027-03-18T11:00:00+03:00',
        endsAt: '2027-03-18T11:30:00+03:00',
      },
      candidate: {
        timeZone: 'Asia/Dushanbe',
        region: 'TJ-SU',
        startsAt: '2027-03-18T13:00:00+05:00',
        endsAt: '2027-03-18T13:30:00+05:00',
      },
    };
    expect(booked.body.times).toEqual(times);

    // The person's own journey answer, the employer's and staff's pipeline, and the next step's answer.
    const journey = await t.http().get(`/v1/recruitment/recruits/${recruitId}`).set(auth(personToken));
    expect(journey.status).toBe(200);
    expect(journey.body).toMatchObject({ id: recruitId, status: 'selected' });
    expect(journey.body.interview).toMatchObject({
      id: booked.body.id,
      status: 'scheduled',
      mode: 'video',
      times,
    });
    expect(journey.body.interview.notes).toBeUndefined();
    for (const token of [moscow.token, staff]) {
      const pipeline = await t
        .http()
        .get(`/v1/recruitment/orders/${order.body.id}/pipeline`)
        .set(auth(token));
      expect(pipeline.status).toBe(200);
      expect(pipeline.body.recruits).toEqual([
        expect.objectContaining({
          id: recruitId,
          interview: expect.objectContaining({ id: booked.body.id, times }),
        }),
      ]);
    }
    const accepted = await t
      .http()
      .post(`/v1/recruitment/recruits/${recruitId}/steps`)
      .set(auth(personToken))
      .send({ to: 'offer_accepted' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.interview.id).toBe(booked.body.id);

    // Someone else's recruit stays hidden.
    const stranger = await createVerifiedEmployer(t, { staff });
    expect(
      (await t.http().get(`/v1/recruitment/recruits/${recruitId}`).set(auth(stranger.token))).status,
    ).toBe(404);
    expect((await t.http().get('/v1/recruitment/recruits/nope').set(auth(staff))).status).toBe(400);

    // Cancelled, the interview still shows on the journey, as cancelled.
    await t
      .http()
      .post(`/v1/interviews/${booked.body.id}/cancel`)
      .set(auth(moscow.token))
      .send({ reason: 'The candidate asked for another day' })
      .expect(200);
    const after = await t.http().get(`/v1/recruitment/recruits/${recruitId}`).set(auth(moscow.token));
    expect(after.body.interview).toMatchObject({ id: booked.body.id, status: 'cancelled' });
  });
});
