import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, login, staffToken, unique } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { RetentionService } from 'src/modules/retention/retention.service';

/**
 * A kiosk's offline queue hands over what the server refused after the visitor left, instead of dropping it:
 * the fair's staff see who it was and why, call back, and mark it resolved (docs/SECURITY.md, "Kiosk").
 */
describe('kiosk submissions held for staff', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let a: FairScenario;
  let b: FairScenario;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const refusal = {
    status: 422,
    type: '/problems/unprocessable-entity',
    title: 'Unprocessable',
    detail: 'closed',
  };
  const report = (token: string, body: Record<string, unknown>) =>
    t.http().post('/v1/kiosk/held-submissions').set(auth(token)).send(body);
  const held = (vacancyIds: string[], migrant: Record<string, unknown> = {}) => ({
    idempotencyKey: crypto.randomUUID(),
    submittedAt: new Date(Date.now() - 3_600_000).toISOString(),
    submission: {
      ...kioskSubmission(vacancyIds, migrant),
      identification: { phone: '+992900000000', accessCode: 'SECRET42' },
    },
    refusal,
  });

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    [a, b] = await Promise.all([createFairScenario(t, { staff }), createFairScenario(t, { staff })]);
  });

  afterAll(() => t.close());

  it('keeps what the kiosk hands over, encrypted and without the proof of identity, for its own fair', async () => {
    const body = held([a.vacancy.id], { fullName: 'Фаррух Назаров', phone: '+992901112233' });
    const res = await report(a.kiosk.token, body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), created: true });

    const [row] = await ds.query(`SELECT * FROM kiosk_held_submissions WHERE id = $1`, [res.body.id]);
    expect(row.fair_id).toBe(a.fair.id);
    expect(row.kiosk_id).toBe(a.kiosk.id);
    expect(row.submission_encrypted).not.toContain('Фаррух');
    expect(row.submission_encrypted).not.toContain('+992901112233');
    expect(row.refusal).toEqual(refusal);

    const again = await report(a.kiosk.token, body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual({ id: res.body.id, created: false });

    const list = await t.http().get('/v1/held-submissions').query({ fairId: a.fair.id }).set(auth(staff));
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(item).toMatchObject({
      fairId: a.fair.id,
      fairName: a.fair.name,
      kioskId: a.kiosk.id,
      kioskLabel: 'Kiosk 1',
      fullName: 'Фаррух Назаров',
      phone: '+992901112233',
      citizenship: 'TJ',
      preferredLanguage: 'tg',
      vacancies: [{ id: a.vacancy.id, title: a.vacancy.title }],
      refusal,
      submittedAt: body.submittedAt,
      resolvedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain('SECRET42');
    const audits = await ds.query(
      `SELECT actor_role FROM audit_log WHERE action = 'kiosk_held_submission.read' AND subject_id = $1`,
      [res.body.id],
    );
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits[0].actor_role).toBe('staff');

    // Another fair's list does not hold it.
    const other = await t.http().get('/v1/held-submissions').query({ fairId: b.fair.id }).set(auth(staff));
    expect(other.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
  });

  it('is resolved once by staff, with the note kept; a second resolution is a 409', async () => {
    const { body } = await report(a.kiosk.token, held([a.vacancy.id]));
    const done = await t
      .http()
      .post(`/v1/held-submissions/${body.id}/resolve`)
      .set(auth(staff))
      .send({ note: 'Позвонили, зарегистрировали у стойки' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: body.id, resolution: 'Позвонили, зарегистрировали у стойки' });
    expect(Date.parse(done.body.resolvedAt)).toBeGreaterThan(Date.now() - 60_000);
    const twice = await t
      .http()
      .post(`/v1/held-submissions/${body.id}/resolve`)
      .set(auth(staff))
      .send({ note: 'x' });
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toMatch(/application\/problem\+json/);

    const open = await t.http().get('/v1/held-submissions').set(auth(staff));
    expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(body.id);
    const all = await t.http().get('/v1/held-submissions').query({ resolved: true }).set(auth(staff));
    expect(all.body.items.map((i: { id: string }) => i.id)).toContain(body.id);
  });

  it('refuses bad input with problem+json and nobody but staff reads or resolves', async () => {
    const bad = await report(a.kiosk.token, {
      ...held([a.vacancy.id]),
      refusal: { status: 200, type: 'x', title: 'y' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await report(a.kiosk.token, { ...held([a.vacancy.id]), idempotencyKey: 'nope' })).status).toBe(
      400,
    );
    expect((await report(a.kiosk.token, { ...held([a.vacancy.id]), submission: 'text' })).status).toBe(400);
    const huge = held([a.vacancy.id]);
    (huge.submission.migrant as Record<string, unknown>).notes = 'x'.repeat(40_000);
    expect((await report(a.kiosk.token, huge)).status).toBe(400);

    expect((await report(staff, held([a.vacancy.id]))).status).toBe(403);
    expect(
      (
        await t
          .http()
          .post('/v1/kiosk/held-submissions')
          .send(held([a.vacancy.id]))
      ).status,
    ).toBe(401);
    const employer = a.employer.token;
    expect((await t.http().get('/v1/held-submissions').set(auth(employer))).status).toBe(403);
    expect((await t.http().get('/v1/held-submissions').set(auth(a.kiosk.token))).status).toBe(403);
    const { body } = await report(a.kiosk.token, held([a.vacancy.id]));
    const asEmployer = await t
      .http()
      .post(`/v1/held-submissions/${body.id}/resolve`)
      .set(auth(employer))
      .send({ note: 'x' });
    expect(asEmployer.status).toBe(403);
    const unknown = await t
      .http()
      .post(`/v1/held-submissions/${crypto.randomUUID()}/resolve`)
      .set(auth(staff))
      .send({ note: 'x' });
    expect(unknown.status).toBe(404);
    expect(
      (await t.http().get('/v1/held-submissions').query({ fairId: crypto.randomUUID() }).set(auth(staff)))
        .status,
    ).toBe(404);
    expect(
      (await t.http().get('/v1/held-submissions').query({ resolved: 'maybe' }).set(auth(staff))).status,
    ).toBe(400);
  });

  it('takes a report days after the fair, when the kiosk may no longer apply for anyone; a revoked kiosk none', async () => {
    const late = await createFairScenario(t, { staff });
    const submission = kioskSubmission([late.vacancy.id]);
    await ds.query(
      `UPDATE fairs SET starts_at = now() - interval '5 days', ends_at = now() - interval '5 days' + interval '7 hours'
        WHERE id = $1`,
      [late.fair.id],
    );
    const apply = await t
      .http()
      .post('/v1/kiosk/applications')
      .set(auth(late.kiosk.token))
      .set('idempotency-key', unique('late-'))
      .send(submission);
    expect(apply.status).toBe(401);
    const reported = await report(late.kiosk.token, {
      ...held([late.vacancy.id]),
      refusal: { status: 401, type: apply.body.type, title: apply.body.title },
    });
    expect(reported.status).toBe(201);

    await ds.query(
      `UPDATE fairs SET ends_at = now() - interval '10 days', starts_at = now() - interval '10 days 7 hours' WHERE id = $1`,
      [late.fair.id],
    );
    expect((await report(late.kiosk.token, held([late.vacancy.id]))).status).toBe(401);

    const revoked = await createFairScenario(t, { staff });
    const del = await t
      .http()
      .delete(`/v1/fairs/${revoked.fair.id}/kiosks/${revoked.kiosk.id}`)
      .set(auth(staff));
    expect([200, 204]).toContain(del.status);
    expect((await report(revoked.kiosk.token, held([revoked.vacancy.id]))).status).toBe(401);
  });

  it('forgets held submissions a set time after their fair ended (KIOSK_HELD_RETENTION_DAYS)', async () => {
    const old = await createFairScenario(t, { staff });
    const { body } = await report(old.kiosk.token, held([old.vacancy.id]));
    const keep = await report(a.kiosk.token, held([a.vacancy.id]));
    await ds.query(
      `UPDATE fairs SET starts_at = now() - interval '40 days 8 hours', ends_at = now() - interval '40 days' WHERE id = $1`,
      [old.fair.id],
    );
    const deleted = await t.app.get(RetentionService).pruneHeldSubmissions();
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await ds.query(`SELECT id FROM kiosk_held_submissions WHERE id = ANY($1::uuid[])`, [
      [body.id, keep.body.id],
    ]);
    expect(left.map((r: { id: string }) => r.id)).toEqual([keep.body.id]);
  });

  it('lets an admin read them too', async () => {
    const admin = await login(t, { email: 'admin@test.jobfair.local', password: 'admin-password-123' });
    expect((await t.http().get('/v1/held-submissions').set(auth(admin))).status).toBe(200);
  });
});
