import fc from 'fast-check';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import {
  TestEmployer,
  createFair,
  createPublishedVacancy,
  createVacancy,
  createVerifiedEmployer,
  employerBody,
  fairBody,
  registerEmployer,
  vacancyBody,
} from 'test/harness/supply.factory';

type Json = unknown;
const RUNS = 40;

/** A copy of `body` with the value at a dotted path replaced (or removed when `value` is undefined). */
function mutate(body: Record<string, Json>, path: string, value: Json): Record<string, Json> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target: Record<string, Json> = copy;
  for (const k of keys.slice(0, -1)) {
    if (!target[k] || typeof target[k] !== 'object') target[k] = {};
    target = target[k] as Record<string, Json>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

function paths(body: Record<string, Json>, prefix = ''): string[] {
  return Object.entries(body).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? [prefix + k, ...paths(v as Record<string, Json>, `${prefix}${k}.`)]
      : [prefix + k],
  );
}

const awkward = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', '\u0000', 'null', '-1', '1e400', '2027-02-31', 'RU-MOW\u0000', ' ', '__proto__'),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 0.001, 1.005),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
);

/** Random JSON of every shape, plus valid bodies with one field broken. */
function bodies(valid: () => Record<string, Json>): fc.Arbitrary<Json> {
  const sample = valid();
  return fc.oneof(
    fc.anything({ maxDepth: 3 }),
    fc.object({ maxDepth: 2 }),
    fc.jsonValue({ maxDepth: 3 }),
    fc
      .tuple(fc.constantFrom(...paths(sample)), fc.option(awkward, { nil: undefined }))
      .map(([path, value]) => mutate(valid(), path, value)),
    fc
      .tuple(fc.constantFrom(...paths(sample)), awkward, fc.constantFrom(...paths(sample)), awkward)
      .map(([p1, v1, p2, v2]) => mutate(mutate(valid(), p1, v1), p2, v2)),
  );
}

describe('supply routes under random input (e2e, property-based)', () => {
  let t: TestApp;
  let staff: string;
  let employer: TestEmployer;
  let pending: TestEmployer;

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    pending = await registerEmployer(t);
  });
  afterAll(() => t.close());

  async function send(method: 'post' | 'patch', url: string, token: string | undefined, body: Json) {
    let req = t.http()[method](url).set('content-type', 'application/json');
    if (token) req = req.set('authorization', `Bearer ${token}`);
    const res = await req.send(JSON.stringify(body) ?? 'null');
    if (res.status >= 500) {
      throw new Error(
        `${method.toUpperCase()} ${url} answered ${res.status} for ${JSON.stringify(body)}: ${res.text}`,
      );
    }
    return res;
  }

  async function fuzz(
    method: 'post' | 'patch',
    url: () => Promise<string> | string,
    token: string | undefined,
    arb: fc.Arbitrary<Json>,
  ) {
    await fc.assert(
      fc.asyncProperty(arb, async (body) => {
        await send(method, await url(), token, body);
      }),
      { numRuns: RUNS },
    );
  }

  it('POST /v1/employers', async () => {
    await fuzz(
      'post',
      () => '/v1/employers',
      undefined,
      bodies(() => employerBody() as Record<string, Json>),
    );
  });

  it('PATCH /v1/employers/:id', async () => {
    const valid = () => ({
      name: 'ООО «Ромашка»',
      region: 'RU-MOW',
      address: 'Москва',
      contactName: 'Анна',
      phone: '+74951234567',
      kind: 'company',
    });
    // An employer of its own: a changed name or kind sends it back to review, which the other routes must not meet.
    const subject = await createVerifiedEmployer(t, { staff });
    await fuzz('patch', () => `/v1/employers/${subject.id}`, subject.token, bodies(valid));
  });

  it('POST /v1/employers/:id/verify and /reject', async () => {
    // The first call changes the status; the rest meet a 409 whatever the body.
    const fresh = await registerEmployer(t);
    await fuzz('post', () => `/v1/employers/${fresh.id}/verify`, staff, fc.anything());
    await fuzz(
      'post',
      () => `/v1/employers/${pending.id}/reject`,
      staff,
      bodies(() => ({ reason: 'Registry mismatch' })),
    );
  });

  it('POST /v1/vacancies', async () => {
    await fuzz(
      'post',
      () => '/v1/vacancies',
      employer.token,
      bodies(() => vacancyBody() as Record<string, Json>),
    );
  });

  it('PATCH /v1/vacancies/:id (draft and published), with current and stale versions', async () => {
    const draft = await createVacancy(t, employer.token);
    const published = await createPublishedVacancy(t, employer.token);
    for (const id of [draft.id, published.id]) {
      const arb = fc.tuple(
        bodies(() => vacancyBody() as Record<string, Json>),
        fc.boolean(),
      );
      await fc.assert(
        fc.asyncProperty(arb, async ([body, current]) => {
          let payload = body;
          if (current && payload && typeof payload === 'object' && !Array.isArray(payload)) {
            const now = await t
              .http()
              .get(`/v1/vacancies/${id}`)
              .set('authorization', `Bearer ${employer.token}`);
            payload = { ...(payload as object), version: now.body.version };
          }
          await send('patch', `/v1/vacancies/${id}`, employer.token, payload);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('POST /v1/vacancies/:id/publish|pause|close', async () => {
    for (const action of ['publish', 'pause', 'close']) {
      await fuzz(
        'post',
        async () => `/v1/vacancies/${(await createVacancy(t, employer.token)).id}/${action}`,
        employer.token,
        fc.oneof(fc.anything({ maxDepth: 2 }), fc.record({ filled: fc.jsonValue() })),
      );
    }
  });

  it('POST /v1/fairs and PATCH /v1/fairs/:id', async () => {
    await fuzz(
      'post',
      () => '/v1/fairs',
      staff,
      bodies(() => fairBody() as Record<string, Json>),
    );
    const fair = await createFair(t, staff);
    await fuzz(
      'patch',
      () => `/v1/fairs/${fair.id}`,
      staff,
      bodies(() => fairBody() as Record<string, Json>),
    );
  });

  it('POST /v1/fairs/:id/cancel, participants, vacancies and kiosks', async () => {
    const fair = await createFair(t, staff);
    await fuzz(
      'post',
      async () => `/v1/fairs/${(await createFair(t, staff)).id}/cancel`,
      staff,
      fc.anything({ maxDepth: 2 }),
    );
    await fuzz(
      'post',
      () => `/v1/fairs/${fair.id}/participants`,
      staff,
      bodies(() => ({ employerId: employer.id, booth: 'B-2' })),
    );
    const vacancy = await createPublishedVacancy(t, employer.token);
    await fuzz(
      'post',
      () => `/v1/fairs/${fair.id}/vacancies`,
      employer.token,
      fc.oneof(
        bodies(() => ({ vacancyIds: [vacancy.id] })),
        fc.record({
          vacancyIds: fc.array(fc.oneof(fc.uuid(), fc.constant(vacancy.id), fc.string()), { maxLength: 5 }),
        }),
      ),
    );
    await fuzz(
      'post',
      () => `/v1/fairs/${fair.id}/kiosks`,
      staff,
      bodies(() => ({ label: 'Kiosk' })),
    );
  });
});
