import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxService } from 'src/database/outbox.service';
import { QueueService } from 'src/queue/queue.service';
import { JobName, QueueName } from 'src/queue/queue.constants';
import { TestApp, adminToken, bootTestApp, login, staffToken, unique, waitFor } from 'test/harness/app';

describe('service foundation (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with every component', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const res = await t.http().get('/health/ready').expect(200);
    expect(Object.keys(res.body.components).sort()).toEqual(['mail', 'postgres', 'redis', 'search', 'sms']);
    expect(res.body.components.postgres.status).toBe('up');
    expect(res.body.components.redis.status).toBe('up');
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('serves Swagger UI and a valid OpenAPI 3 document', async () => {
    const ui = await t.http().get('/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = await t.http().get('/docs/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/v1/auth/login'].post.summary).toBeTruthy();
    expect(doc.body.paths['/v1/auth/login'].post.responses['401']).toBeDefined();
  });

  it('logs the bootstrap admin in and says who it is', async () => {
    const token = await adminToken(t);
    const me = await t.http().get('/v1/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body.role).toBe('admin');
    expect(me.body.email).toBe('admin@test.jobfair.local');
  });

  it('refuses wrong credentials with 401 problem+json', async () => {
    const res = await t.http().post('/v1/auth/login').send({ email: 'nobody@x.org', password: 'wrong-one' });
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 401, title: expect.any(String), type: expect.any(String) });
  });

  it('requires a token: 401 without one, problem+json', async () => {
    const res = await t.http().get('/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a forged token', async () => {
    await t.http().get('/v1/auth/me').set('authorization', 'Bearer abc.def.ghi').expect(401);
  });

  describe('token signatures', () => {
    const b64 = (value: object | Buffer) =>
      (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
    const token = (header: object, claims: object, key: string | null, hash = 'sha256') => {
      const unsigned = `${b64(header)}.${b64(claims)}`;
      const signature = key === null ? '' : b64(createHmac(hash, key).update(unsigned).digest());
      return `${unsigned}.${signature}`;
    };
    const now = () => Math.floor(Date.now() / 1000);
    let claims: { sub: string; role: string };

    beforeAll(async () => {
      const me = await t
        .http()
        .get('/v1/auth/me')
        .set('authorization', `Bearer ${await adminToken(t)}`)
        .expect(200);
      claims = { sub: me.body.id, role: 'admin' };
    });

    it('accepts a token signed with the service key', async () => {
      const valid = token({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now() + 60 }, t.config.jwtSecret);
      await t.http().get('/v1/auth/me').set('authorization', `Bearer ${valid}`).expect(200);
    });

    it.each([
      [
        'another key',
        { alg: 'HS256', typ: 'JWT' },
        'another-secret-of-at-least-32-characters!',
        'sha256',
        60,
      ],
      ['no signature (alg none)', { alg: 'none', typ: 'JWT' }, null, 'sha256', 60],
      ['another algorithm (HS512)', { alg: 'HS512', typ: 'JWT' }, 'service', 'sha512', 60],
      ['an expired token', { alg: 'HS256', typ: 'JWT' }, 'service', 'sha256', -60],
    ] as const)('refuses %s with 401 problem+json', async (_name, header, key, hash, expiresIn) => {
      const secret = key === 'service' ? t.config.jwtSecret : key;
      const forged = token(header, { ...claims, exp: now() + expiresIn }, secret, hash);
      const res = await t.http().get('/v1/auth/me').set('authorization', `Bearer ${forged}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  it('answers 403 problem+json when the role is not allowed', async () => {
    const staff = await staffToken(t);
    const res = await t
      .http()
      .post('/v1/staff')
      .set('authorization', `Bearer ${staff}`)
      .send({ email: `${unique()}@x.org`, password: 'long-password-1', displayName: 'X' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('lets an admin create staff, who can log in; a duplicate email is 409', async () => {
    const admin = await adminToken(t);
    const email = `${unique('s')}@x.org`;
    const body = { email, password: 'staff-password-1', displayName: 'Staff One' };
    const created = await t
      .http()
      .post('/v1/staff')
      .set('authorization', `Bearer ${admin}`)
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ email, role: 'staff' });
    const token = await login(t, { email, password: 'staff-password-1' });
    const me = await t.http().get('/v1/auth/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(me.body.role).toBe('staff');
    await t.http().post('/v1/staff').set('authorization', `Bearer ${admin}`).send(body).expect(409);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t
      .http()
      .post('/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c", "password": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/JSON/);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.http().get('/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('answers a wrong content type with 415 and an oversized body with 413', async () => {
    const wrongType = await t.http().post('/v1/auth/login').set('content-type', 'text/csv').send('a,b');
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers['content-type']).toContain('application/problem+json');
    const big = await t
      .http()
      .post('/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(t.config.bodyLimitBytes + 10) }));
    expect(big.status).toBe(413);
  });

  it('refuses unknown fields with the field named', async () => {
    const res = await t.http().post('/v1/auth/login').send({ email: 'a@b.cd', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'admin' })]));
  });

  it('echoes a sane x-request-id and invents one otherwise', async () => {
    const res = await t.http().get('/health').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    const other = await t.http().get('/health').set('x-request-id', 'bad id with spaces');
    expect(other.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('exposes Prometheus metrics with route latency and queue depths', async () => {
    await t.http().get('/health');
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/queue_jobs\{queue="mail",state="waiting"\}/);
    expect(res.text).toContain('outbox_backlog');
  });

  it('protects the queue dashboard: 401 without a token, 200 for staff', async () => {
    await t.http().get('/admin/queues').expect(401);
    const staff = await staffToken(t);
    const res = await t.http().get('/admin/queues').set('authorization', `Bearer ${staff}`);
    expect(res.status).toBe(200);
  });

  it('delivers the outbox event of a staff creation through the queue', async () => {
    const admin = await adminToken(t);
    const email = `${unique('welcome')}@x.org`;
    const created = await t
      .http()
      .post('/v1/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({ email, password: 'staff-password-1', displayName: 'W' })
      .expect(201);
    const ds = t.app.get(DataSource);
    const deadline = Date.now() + 10_000;
    let dispatched = false;
    while (Date.now() < deadline && !dispatched) {
      const rows = await ds.query(
        `SELECT dispatched_at FROM outbox WHERE job_name = 'staff.welcome' AND payload->>'userId' = $1`,
        [created.body.id],
      );
      dispatched = rows.length === 1 && rows[0].dispatched_at !== null;
      if (!dispatched) await new Promise((r) => setTimeout(r, 50));
    }
    expect(dispatched).toBe(true);
  });

  it('keeps a job delayed by weeks (longer than 2^31 ms) as a delayed job with its due time', async () => {
    const ds = t.app.get(DataSource);
    const thirtyDays = 30 * 24 * 3600 * 1000;
    const jobId = unique('far-reminder');
    const before = Date.now();
    await ds.transaction((manager) =>
      t.app.get(OutboxService).add(manager, {
        job: JobName.StaffWelcome,
        payload: { userId: '00000000-0000-4000-8000-000000000000' },
        jobId,
        delayMs: thirtyDays,
      }),
    );
    const queue = t.app.get(QueueService).queue(QueueName.Mail);
    const job = await waitFor(async () => queue.getJob(jobId), { what: 'delayed job' });
    expect(await job.getState()).toBe('delayed');
    expect(job.timestamp + job.delay).toBeGreaterThanOrEqual(before + thirtyDays - 5000);
    await job.remove();
  });
});
