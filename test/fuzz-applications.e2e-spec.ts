import fc from 'fast-check';
import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { createApplication, kioskSubmission } from 'test/harness/applications.factory';
import { createFairScenario, FairScenario } from 'test/harness/supply.factory';

const RUNS = 60;

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', ' ', 'a\u0000b', 'RU', '2026-02-30', '9999-12-31', '+998901234567', 'tg', 'ABCD2345'),
  fc.constantFrom(null, true, false, 0, -1, 1e308, '00000000-0000-4000-8000-000000000000'),
);

/** Any JSON, objects with the route's keys, and a valid body with one (possibly nested) field replaced. */
function bodies(keys: string[], valid: () => Record<string, unknown>, nested: Record<string, string[]> = {}) {
  const shaped = fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length });
  const mutated = fc
    .tuple(fc.constantFrom(...keys), anyValue)
    .map(([key, value]) => ({ ...valid(), [key]: value }));
  const arbitraries: fc.Arbitrary<unknown>[] = [fc.jsonValue({ maxDepth: 4 }), shaped, mutated];
  for (const [outer, inner] of Object.entries(nested)) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...inner), anyValue).map(([key, value]) => {
        const body = valid();
        return { ...body, [outer]: { ...(body[outer] as object), [key]: value } };
      }),
    );
  }
  return fc.oneof(...arbitraries);
}

describe('fuzzing the application and kiosk routes (e2e)', () => {
  let t: TestApp;
  let scenario: FairScenario;
  let applied: Awaited<ReturnType<typeof createApplication>>;

  beforeAll(async () => {
    t = await bootTestApp();
    const staff = await staffToken(t);
    scenario = await createFairScenario(t, { staff });
    applied = await createApplication(t, { staff, employer: scenario.employer });
  });
  afterAll(() => t.close());

  async function neverFails(
    url: string,
    token: string,
    arbitrary: fc.Arbitrary<unknown>,
    idempotencyKey = false,
  ): Promise<void> {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const req = t
          .http()
          .post(url)
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${token}`);
        if (idempotencyKey) req.set('idempotency-key', unique('fuzz-key-'));
        const res = await req.send(JSON.stringify(body));
        if (res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(body)}: ${res.text}`);
      }),
      { numRuns: RUNS },
    );
  }

  it('POST /v1/applications never answers 5xx', async () => {
    await neverFails(
      '/v1/applications',
      applied.migrant.token,
      bodies(['vacancyId', 'message'], () => ({ vacancyId: scenario.vacancy.id, message: 'Здравствуйте' })),
    );
  });

  it('POST /v1/applications/:id/withdraw never answers 5xx', async () => {
    await neverFails(
      `/v1/applications/${applied.applicationId}/withdraw`,
      applied.migrant.token,
      bodies(['reason'], () => ({ reason: 'Другая работа' })),
    );
  });

  it('POST /v1/kiosk/applications never answers 5xx', async () => {
    const valid = () => kioskSubmission([scenario.vacancy.id]) as unknown as Record<string, unknown>;
    const profileKeys = [
      ...Object.keys(kioskSubmission([]).migrant),
      'fullNameLatin',
      'email',
      'languages',
      'occupations',
      'desiredRegions',
      'availableFrom',
      'needsHousing',
      'expectedMonthlySalary',
    ];
    await neverFails(
      '/v1/kiosk/applications',
      scenario.kiosk.token,
      bodies(['migrant', 'vacancyIds'], valid, { migrant: profileKeys }),
      true,
    );
  });

  it('POST /v1/kiosk/check-ins never answers 5xx', async () => {
    await neverFails(
      '/v1/kiosk/check-ins',
      scenario.kiosk.token,
      bodies(['phone', 'birthDate', 'accessCode'], () => ({
        phone: applied.migrant.phone,
        birthDate: applied.migrant.birthDate,
      })),
    );
  });

  it('POST /v1/me/password never answers 5xx', async () => {
    await neverFails(
      '/v1/me/password',
      applied.migrant.token,
      bodies(['password', 'currentPassword'], () => ({ password: 'x', currentPassword: 'y' })),
    );
  });
});
