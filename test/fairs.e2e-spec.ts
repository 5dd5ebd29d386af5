import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import {
  TestEmployer,
  addParticipant,
  createFair,
  createFairScenario,
  createPublishedVacancy,
  createVacancy,
  createVerifiedEmployer,
  fairBody,
  registerEmployer,
  registerKiosk,
} from 'test/harness/supply.factory';

describe('job fairs and kiosks (e2e)', () => {
  let t: TestApp;
  let staff: string;
  let employer: TestEmployer;

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('lets staff create, edit and cancel a fair; others may not', async () => {
    const fair = await createFair(t, staff);
    expect(fair).toMatchObject({ status: 'scheduled', timezone: 'Europe/Moscow', participants: [] });
    await t.http().post('/v1/fairs').set(auth(employer.token)).send(fairBody()).expect(403);
    await t.http().post('/v1/fairs').send(fairBody()).expect(401);

    const edited = await t
      .http()
      .patch(`/v1/fairs/${fair.id}`)
      .set(auth(staff))
      .send({ venue: 'Гостиный двор', languages: ['ru', 'uz'] })
      .expect(200);
    expect(edited.body).toMatchObject({ venue: 'Гостиный двор', languages: ['ru', 'uz'] });
    await t.http().patch(`/v1/fairs/${fair.id}`).set(auth(employer.token)).send({ venue: 'X' }).expect(403);

    const cancelled = await t.http().post(`/v1/fairs/${fair.id}/cancel`).set(auth(staff)).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await t.http().post(`/v1/fairs/${fair.id}/cancel`).set(auth(staff)).expect(409);
    await t.http().patch(`/v1/fairs/${fair.id}`).set(auth(staff)).send({ venue: 'Y' }).expect(409);
  });

  it('refuses a fair that ends before it starts, an unknown time zone, region or language', async () => {
    const res = await t
      .http()
      .post('/v1/fairs')
      .set(auth(staff))
      .send(
        fairBody({
          startsAt: '2027-03-15T17:00:00+03:00',
          endsAt: '2027-03-15T10:00:00+03:00',
          timezone: 'Mars/Olympus',
          region: 'RU-ZZZ',
          languages: ['ru', 'zz'],
        }),
      )
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'endsAt',
      'languages[1]',
      'region',
      'timezone',
    ]);
  });

  it('shows fairs publicly with their employers and vacancies; upcoming hides past and cancelled', async () => {
    const { fair, vacancy, employer: e } = await createFairScenario(t, { staff });
    const detail = await t.http().get(`/v1/fairs/${fair.id}`).expect(200);
    expect(detail.body.participants).toEqual([
      expect.objectContaining({
        employerId: e.id,
        booth: 'A-1',
        vacancies: [expect.objectContaining({ id: vacancy.id, occupationCode: '5120', salaryMin: 80000 })],
      }),
    ]);
    const past = await createFair(t, staff, {
      startsAt: '2025-03-15T10:00:00+03:00',
      endsAt: '2025-03-15T17:00:00+03:00',
    });
    const upcoming = await t.http().get('/v1/fairs').query({ upcoming: 'true', pageSize: 100 }).expect(200);
    const ids = upcoming.body.items.map((f: { id: string }) => f.id);
    expect(ids).toContain(fair.id);
    expect(ids).not.toContain(past.id);
    const all = await t.http().get('/v1/fairs').query({ pageSize: 100 }).expect(200);
    expect(all.body.items.map((f: { id: string }) => f.id)).toContain(past.id);
    await t.http().get('/v1/fairs/00000000-0000-4000-8000-000000000000').expect(404);

    const atFair = await t.http().get('/v1/vacancies').query({ fairId: fair.id }).expect(200);
    expect(atFair.body.items.map((v: { id: string }) => v.id)).toEqual([vacancy.id]);
  });

  it('adds only verified employers as participants; an unverified one is 409 employer-not-verified', async () => {
    const fair = await createFair(t, staff);
    const pending = await registerEmployer(t);
    const res = await t
      .http()
      .post(`/v1/fairs/${fair.id}/participants`)
      .set(auth(staff))
      .send({ employerId: pending.id })
      .expect(409);
    expect(res.body.type).toBe('/problems/employer-not-verified');
    await addParticipant(t, staff, fair.id, employer.id);
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/participants`)
      .set(auth(staff))
      .send({ employerId: employer.id })
      .expect(409);
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/participants`)
      .set(auth(staff))
      .send({ employerId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/participants`)
      .set(auth(employer.token))
      .send({ employerId: employer.id })
      .expect(403);
  });

  it('lets a participating employer add its own published vacancies only', async () => {
    const fair = await createFair(t, staff);
    const published = await createPublishedVacancy(t, employer.token);
    const draft = await createVacancy(t, employer.token);
    const stranger = await createVerifiedEmployer(t, { staff });
    const theirs = await createPublishedVacancy(t, stranger.token);

    // Not a participant yet.
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/vacancies`)
      .set(auth(employer.token))
      .send({ vacancyIds: [published.id] })
      .expect(403);
    await addParticipant(t, staff, fair.id, employer.id);
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/vacancies`)
      .set(auth(employer.token))
      .send({ vacancyIds: [draft.id] })
      .expect(409);
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/vacancies`)
      .set(auth(employer.token))
      .send({ vacancyIds: [theirs.id] })
      .expect(404);
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/vacancies`)
      .set(auth(employer.token))
      .send({ vacancyIds: [] })
      .expect(400);
    const ok = await t
      .http()
      .post(`/v1/fairs/${fair.id}/vacancies`)
      .set(auth(employer.token))
      .send({ vacancyIds: [published.id] })
      .expect(200);
    expect(ok.body.participants[0].vacancies.map((v: { id: string }) => v.id)).toEqual([published.id]);
    // Adding again is harmless.
    await t
      .http()
      .post(`/v1/fairs/${fair.id}/vacancies`)
      .set(auth(employer.token))
      .send({ vacancyIds: [published.id] })
      .expect(200);
  });

  it('registers a kiosk whose token works on kiosk routes of its fair only, until revoked', async () => {
    const fair = await createFair(t, staff);
    const kiosk = await registerKiosk(t, staff, fair.id, 'Entrance');
    expect(kiosk.token).toMatch(/^kiosk_/);
    const me = await t.http().get('/v1/kiosk/fair').set(auth(kiosk.token)).expect(200);
    expect(me.body).toMatchObject({ id: fair.id, name: fair.name });
    // Not a staff or employer route.
    await t.http().post('/v1/fairs').set(auth(kiosk.token)).send(fairBody()).expect(403);
    // A user token is not a kiosk.
    await t.http().get('/v1/kiosk/fair').set(auth(staff)).expect(403);

    const list = await t.http().get(`/v1/fairs/${fair.id}/kiosks`).set(auth(staff)).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({ id: kiosk.id, label: 'Entrance', revokedAt: null }),
    ]);
    expect(list.body[0].token).toBeUndefined();
    const hash = await t.app.get(DataSource).query(`SELECT token_hash FROM kiosks WHERE id = $1`, [kiosk.id]);
    expect(hash[0].token_hash).not.toContain(kiosk.token);

    await t.http().delete(`/v1/fairs/${fair.id}/kiosks/${kiosk.id}`).set(auth(staff)).expect(204);
    const revoked = await t.http().get('/v1/kiosk/fair').set(auth(kiosk.token)).expect(401);
    expect(revoked.headers['content-type']).toContain('application/problem+json');
    await t
      .http()
      .delete(`/v1/fairs/${fair.id}/kiosks/00000000-0000-4000-8000-000000000000`)
      .set(auth(staff))
      .expect(404);
  });

  it('refuses a kiosk token outside one day around the fair, and after the fair is cancelled', async () => {
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const later = await createFair(t, staff, {
      startsAt: inTenDays.toISOString(),
      endsAt: new Date(inTenDays.getTime() + 8 * 3_600_000).toISOString(),
    });
    const early = await registerKiosk(t, staff, later.id);
    await t.http().get('/v1/kiosk/fair').set(auth(early.token)).expect(401);

    // Ended 30 hours ago: past the one-day grace.
    const over = await createFair(t, staff, {
      startsAt: new Date(Date.now() - 40 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
    });
    const stale = await registerKiosk(t, staff, over.id);
    await t.http().get('/v1/kiosk/fair').set(auth(stale.token)).expect(401);

    // Ended 20 hours ago: still within the grace day.
    const wrapUp = await createFair(t, staff, {
      startsAt: new Date(Date.now() - 28 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() - 20 * 3_600_000).toISOString(),
    });
    const grace = await registerKiosk(t, staff, wrapUp.id);
    await t.http().get('/v1/kiosk/fair').set(auth(grace.token)).expect(200);

    const cancelled = await createFair(t, staff);
    const k = await registerKiosk(t, staff, cancelled.id);
    await t.http().get('/v1/kiosk/fair').set(auth(k.token)).expect(200);
    await t.http().post(`/v1/fairs/${cancelled.id}/cancel`).set(auth(staff)).expect(200);
    await t.http().get('/v1/kiosk/fair').set(auth(k.token)).expect(401);
    await t
      .http()
      .post(`/v1/fairs/${cancelled.id}/kiosks`)
      .set(auth(staff))
      .send({ label: 'late' })
      .expect(409);
    await t.http().get('/v1/kiosk/fair').set(auth('kiosk_forged')).expect(401);
  });
});
