import { request as httpRequest } from 'node:http';
import { TestApp, adminToken, bootTestApp, staffToken } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import { createFairScenario, registerEmployer } from 'test/harness/supply.factory';

interface Operation {
  method: string;
  path: string;
  requestBody?: unknown;
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

function operations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ method, path, requestBody: (op as Operation).requestBody })),
  );
}

/** A raw GET, so that the server's own answers before routing are seen as sent, resets included. */
function rawGet(
  t: TestApp,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: JSON.parse(text),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hostile inputs', () => {
  let t: TestApp;
  let ops: Operation[];
  let tokens: string[];

  beforeAll(async () => {
    t = await bootTestApp();
    ops = operations((await t.http().get('/docs/openapi.json')).body);
    const scenario = await createFairScenario(t);
    tokens = [
      await adminToken(t),
      await staffToken(t),
      scenario.employer.token,
      (await registerEmployer(t)).token,
      (await registerMigrant(t)).token,
      scenario.kiosk.token,
    ];
  });
  afterAll(() => t.close());

  it('answers a deeply nested body with a 4xx problem on every route', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const bad: string[] = [];
    for (const op of ops.filter((o) => o.requestBody)) {
      for (const token of tokens) {
        const res = await t
          .http()
          [op.method as 'post'](op.path.replace(/\{[^}]+\}/g, SAMPLE_ID))
          .set('authorization', `Bearer ${token}`)
          .set('idempotency-key', `deep-${Math.random()}`)
          .set('content-type', 'application/json')
          .send(deep);
        if (res.status >= 500 || !String(res.headers['content-type']).startsWith('application/problem+json'))
          bad.push(`${op.method} ${op.path} ${res.status}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('answers strings holding a lone UTF-16 surrogate with a 400 problem on every route', async () => {
    // JSON escapes, as a hostile client sends them: JSON.parse accepts them, but they are no text.
    const bodies = [
      '{"email":"\\ud800@example.org","password":"long-password-1","name":"x"}',
      '{"fullName":"\\udc00","phone":"+998901234567","reason":"\\ud83d"}',
      '{"\\ud800":"key"}',
    ];
    const bad: string[] = [];
    for (const op of ops.filter((o) => o.requestBody)) {
      for (const token of tokens) {
        for (const body of bodies) {
          const res = await t
            .http()
            [op.method as 'post'](op.path.replace(/\{[^}]+\}/g, SAMPLE_ID))
            .set('authorization', `Bearer ${token}`)
            .set('idempotency-key', `surrogate-${Math.random()}`)
            .set('content-type', 'application/json')
            .send(body);
          if (
            res.status >= 500 ||
            !String(res.headers['content-type']).startsWith('application/problem+json')
          )
            bad.push(`${op.method} ${op.path} ${res.status}`);
        }
      }
    }
    expect(bad).toEqual([]);
    const login = await t
      .http()
      .post('/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"\\ud800@example.org","password":"long-password-1"}');
    expect(login.status).toBe(400);
    expect(login.body.errors).toEqual([{ field: 'email', message: expect.stringMatching(/surrogate/) }]);
  });

  it('answers its own refusals before routing as problem+json: 414, 431 and a malformed address', async () => {
    const longParam = await rawGet(t, `/v1/vacancies/${'a'.repeat(200)}`);
    expect(longParam).toMatchObject({ status: 414, body: { status: 414, type: '/problems/uri-too-long' } });
    expect(longParam.type).toMatch(/^application\/problem\+json/);

    const longUrl = await rawGet(t, `/v1/vacancies?q=${'a'.repeat(70_000)}`);
    expect(longUrl).toMatchObject({
      status: 431,
      body: { status: 431, type: '/problems/headers-too-large' },
    });
    expect(longUrl.type).toMatch(/^application\/problem\+json/);

    const bigHeader = await rawGet(t, '/v1/vacancies', { 'x-filler': 'a'.repeat(20_000) });
    expect(bigHeader).toMatchObject({ status: 431, body: { status: 431 } });
    expect(bigHeader.type).toMatch(/^application\/problem\+json/);

    const malformed = await rawGet(t, '/v1/fairs/%zz');
    expect(malformed).toMatchObject({
      status: 400,
      body: { status: 400, type: '/problems/validation-failed' },
    });
    expect(malformed.type).toMatch(/^application\/problem\+json/);
  });
});
