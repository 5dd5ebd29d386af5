import fc from 'fast-check';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { addMigrantDocument, migrantRegistration, registerMigrant } from 'test/harness/migrants.factory';

const RUNS = 80;

/** Any JSON, plus objects with the routes' own keys holding any JSON (closer to the validators' edges). */
function bodies(keys: string[], valid: Record<string, unknown> = {}): fc.Arbitrary<unknown> {
  const anyValue = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('', ' ', 'RU', 'RU-MOW', '2026-02-30', '9999-12-31', '+998901234567', '7112', 'ru', 'B1'),
    fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER),
  );
  const shaped = fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length });
  const nested = fc.dictionary(
    fc.constantFrom(...keys),
    fc.oneof(
      anyValue,
      fc.array(
        fc.dictionary(
          fc.constantFrom('code', 'level', 'years', 'amount', 'currency', 'type', 'region'),
          anyValue,
        ),
        { maxLength: 3 },
      ),
    ),
  );
  // A valid body with one field replaced: reaches the service code past the validators.
  const mutated = fc
    .tuple(fc.constantFrom(...keys), anyValue)
    .map(([key, value]) => ({ ...valid, [key]: value }));
  return fc.oneof(fc.jsonValue({ maxDepth: 4 }), shaped, nested, mutated);
}

describe('fuzzing the migrant and eligibility routes (e2e)', () => {
  let t: TestApp;
  let staff: string;
  let migrant: { id: string; token: string };
  let docId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    migrant = await registerMigrant(t);
    docId = await addMigrantDocument(t, migrant.token, migrant.id, { type: 'passport', number: 'FZ1234567' });
  });
  afterAll(() => t.close());

  async function neverFails(
    method: 'post' | 'patch',
    url: string,
    token: string | undefined,
    keys: string[],
    valid: () => Record<string, unknown> = () => ({}),
  ) {
    await fc.assert(
      fc.asyncProperty(bodies(keys, valid()), async (body) => {
        let req = t.http()[method](url).set('content-type', 'application/json');
        if (token) req = req.set('authorization', `Bearer ${token}`);
        const res = await req.send(JSON.stringify(body));
        if (res.status >= 500) throw new Error(`${res.status} for ${JSON.stringify(body)}: ${res.text}`);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }

  it('POST /v1/migrants never answers 5xx', async () => {
    const keys = Object.keys(migrantRegistration());
    await neverFails(
      'post',
      '/v1/migrants',
      undefined,
      [...keys, 'fullNameLatin', 'email', 'availableFrom', 'needsHousing', 'expectedMonthlySalary'],
      migrantRegistration,
    );
  });

  it('PATCH /v1/migrants/:id never answers 5xx', async () => {
    const keys = Object.keys(migrantRegistration()).filter((k) => k !== 'password');
    await neverFails(
      'patch',
      `/v1/migrants/${migrant.id}`,
      migrant.token,
      [...keys, 'needsHousing', 'expectedMonthlySalary', 'availableFrom'],
      () => ({ fullName: 'Fuzz Person', needsHousing: true }),
    );
  });

  const docKeys = [
    'type',
    'number',
    'issuingCountry',
    'region',
    'validFrom',
    'validUntil',
    'purpose',
    'issuedAt',
  ];

  const validDoc = () => ({
    type: 'patent',
    number: 'AB 123',
    region: 'RU-MOW',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
  });

  it('POST /v1/migrants/:id/documents never answers 5xx', async () => {
    await neverFails('post', `/v1/migrants/${migrant.id}/documents`, migrant.token, docKeys, validDoc);
  });

  it('PATCH /v1/migrants/:id/documents/:docId never answers 5xx', async () => {
    await neverFails('patch', `/v1/migrants/${migrant.id}/documents/${docId}`, migrant.token, docKeys, () => {
      const { type: _type, ...rest } = validDoc();
      return rest;
    });
  });

  it('POST /v1/migrants/:id/merge never answers 5xx', async () => {
    const other = await registerMigrant(t);
    await neverFails('post', `/v1/migrants/${other.id}/merge`, staff, ['intoId']);
  });

  it('POST /v1/eligibility/check never answers 5xx', async () => {
    await neverFails(
      'post',
      '/v1/eligibility/check?lang=en',
      undefined,
      [
        'hostCountry',
        'workRegion',
        'citizenship',
        'birthDate',
        'startDate',
        'occupationCode',
        'monthlySalary',
        'employer',
        'documents',
      ],
      () => ({
        hostCountry: 'RU',
        workRegion: 'RU-MOW',
        citizenship: 'UZ',
        birthDate: '1995-04-12',
        startDate: '2026-03-01',
        occupationCode: '7112',
        employer: { kind: 'company', quotaAvailable: false },
        documents: [{ type: 'migration_card', purpose: 'work', issuedAt: '2026-01-10' }],
      }),
    );
  });
});
