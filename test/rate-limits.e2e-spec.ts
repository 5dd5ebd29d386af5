import { request as httpRequest } from 'node:http';
import { TestApp, bootTestApp, unique } from './harness/app';
import { migrantRegistration, registerMigrant } from './harness/migrants.factory';
import { employerBody } from './harness/supply.factory';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** A request from a given loopback address (127.0.0.0/8 all reach the server), so that clients differ. */
function from(
  t: TestApp,
  localAddress: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(path, t.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function expectTooMany(res: Answer) {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ type: '/problems/too-many-attempts', status: 429 });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('Per-client limits on login and registration (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({
      RATE_LIMIT_LOGIN_PER_IP: '8/60',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '5/900',
      RATE_LIMIT_LOGIN_PER_ACCOUNT: '50/900',
      RATE_LIMIT_REGISTER_PER_IP: '3/600',
      METRICS_TOKEN: 'metrics-secret-for-tests',
    });
  });
  afterAll(() => t.close());

  it('refuses a flood from one address, forged X-Forwarded-For or not, while another address still logs in', async () => {
    const person = await registerMigrant(t);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await from(t, '127.0.0.2', '/v1/auth/login', {
        email: `${unique('flood')}@example.org`,
        password: 'wrong-password',
      });
      statuses.push(res.status);
      if (res.status === 429) expectTooMany(res);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
    // Without TRUST_PROXY the header is the client's word, not its address.
    expectTooMany(
      await from(
        t,
        '127.0.0.2',
        '/v1/auth/login',
        { phone: person.phone, password: person.password },
        { 'x-forwarded-for': '203.0.113.9' },
      ),
    );
    const elsewhere = await from(t, '127.0.0.3', '/v1/auth/login', {
      phone: person.phone,
      password: person.password,
    });
    expect(elsewhere.status).toBe(200);
    expect(typeof elsewhere.body.accessToken).toBe('string');
  });

  it('counts guesses at one account atomically: of 12 parallel attempts exactly 5 are checked', async () => {
    const person = await registerMigrant(t);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        from(t, '127.0.1.1', '/v1/auth/login', { phone: person.phone, password: 'not-the-password' }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    // The person, from their own address, is not locked out by the guesses.
    const own = await from(t, '127.0.2.1', '/v1/auth/login', {
      phone: person.phone,
      password: person.password,
    });
    expect(own.status).toBe(200);
  });

  it('limits registrations per address, before any password is hashed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await from(t, '127.0.3.1', '/v1/migrants', migrantRegistration())).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const employer = await from(t, '127.0.3.1', '/v1/employers', employerBody());
    expectTooMany(employer);
    expect((await from(t, '127.0.3.2', '/v1/migrants', migrantRegistration())).status).toBe(201);
  });

  it('answers /metrics only with the configured bearer token', async () => {
    const without = await t.http().get('/metrics');
    expect(without.status).toBe(401);
    expect(without.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http().get('/metrics').set('authorization', 'Bearer wrong-token-of-same-size!!').expect(401);
    const withToken = await t.http().get('/metrics').set('authorization', 'Bearer metrics-secret-for-tests');
    expect(withToken.status).toBe(200);
    expect(withToken.text).toContain('http_request');
  });
});

describe('Client addresses behind a trusted proxy (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_LOGIN_PER_IP: '2/60' });
  });
  afterAll(() => t.close());

  it('tells clients apart by X-Forwarded-For only when the proxy is trusted', async () => {
    const attempt = (client: string) =>
      from(
        t,
        '127.0.0.1',
        '/v1/auth/login',
        { email: `${unique('p')}@example.org`, password: 'wrong-password' },
        {
          'x-forwarded-for': client,
        },
      );
    expect((await attempt('198.51.100.1')).status).toBe(401);
    expect((await attempt('198.51.100.1')).status).toBe(401);
    expectTooMany(await attempt('198.51.100.1'));
    expect((await attempt('198.51.100.2')).status).toBe(401);
  });
});
