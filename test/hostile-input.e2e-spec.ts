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
});
