import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import {
  addMigrantDocument,
  insertEmployerWithVacancy,
  registerMigrant,
} from 'test/harness/migrants.factory';

const patentSeeker = {
  hostCountry: 'RU',
  workRegion: 'RU-MOW',
  citizenship: 'UZ',
  birthDate: '1995-04-12',
  startDate: '2026-03-01',
  occupationCode: '7112',
};

describe('eligibility API (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  const check = (body: unknown, lang?: string) => {
    const req = t.http().post(`/v1/eligibility/check${lang ? `?lang=${lang}` : ''}`);
    return req.send(body as object);
  };

  it('answers in each of the five languages with the same result and different messages', async () => {
    const results = [];
    for (const lang of ['ru', 'uz', 'tg', 'ky', 'en']) {
      const res = await check(patentSeeker, lang).expect(200);
      results.push(res.body);
    }
    for (const r of results) {
      expect(r.status).toBe('conditional');
      expect(r.regime).toBe('patent');
      expect(r.ruleSet).toEqual({ id: 'ru-2024-03-01', effectiveFrom: '2024-03-01' });
      expect(r.steps.map((s: { code: string }) => s.code)).toContain('OBTAIN_PATENT');
      for (const c of r.checks) {
        expect(c).toEqual({
          code: expect.any(String),
          passed: expect.any(Boolean),
          message: expect.any(String),
          legalBasis: expect.any(String),
        });
      }
    }
    const obtainPatent = results.map(
      (r) => r.steps.find((s: { code: string }) => s.code === 'OBTAIN_PATENT').message as string,
    );
    expect(new Set(obtainPatent).size).toBe(5);
    expect(obtainPatent[0]).toMatch(/[А-Яа-я]/); // ru
    expect(obtainPatent[1]).toMatch(/[a-z]/); // uz, Latin script
    expect(obtainPatent[4]).toMatch(/patent/i); // en
    expect(obtainPatent[4]).toContain('Moscow'); // region name from reference data
  });

  it('takes the language from Accept-Language when ?lang= is absent, Russian by default', async () => {
    const en = await check(patentSeeker).set('accept-language', 'fr-FR, en;q=0.8, ru;q=0.5').expect(200);
    const explicit = await check(patentSeeker, 'en').expect(200);
    expect(en.body.steps).toEqual(explicit.body.steps);
    const fallback = await check(patentSeeker).expect(200);
    const ru = await check(patentSeeker, 'ru').expect(200);
    expect(fallback.body.steps).toEqual(ru.body.steps);
    const bad = await check(patentSeeker, 'de').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'lang' })]);
  });

  it('finds an EAEU citizen eligible without documents', async () => {
    const res = await check({ ...patentSeeker, citizenship: 'KG' }, 'en').expect(200);
    expect(res.body).toMatchObject({ status: 'eligible', regime: 'eaeu', steps: [] });
  });

  it('finds a minor ineligible', async () => {
    const res = await check({ ...patentSeeker, birthDate: '2010-01-01' }, 'en').expect(200);
    expect(res.body.status).toBe('ineligible');
    expect(res.body.checks).toContainEqual(expect.objectContaining({ code: 'MINIMUM_AGE', passed: false }));
  });

  it.each([
    [{ ...patentSeeker, hostCountry: 'XX', workRegion: 'XX-AB' }, 'hostCountry'],
    [{ ...patentSeeker, workRegion: 'RU-ZZZ' }, 'workRegion'],
    [{ ...patentSeeker, workRegion: 'KZ-71' }, 'workRegion'],
    [{ ...patentSeeker, citizenship: 'QQ' }, 'citizenship'],
    [{ ...patentSeeker, occupationCode: '0000' }, 'occupationCode'],
    [{ ...patentSeeker, birthDate: '1995-02-30' }, 'birthDate'],
    [{ ...patentSeeker, startDate: '01.03.2026' }, 'startDate'],
    [
      { ...patentSeeker, documents: [{ type: 'patent', validFrom: '2026-05-01', validUntil: '2026-01-01' }] },
      'documents[0].validFrom',
    ],
    [{ ...patentSeeker, documents: [{ type: 'patent', region: 'RU-QQQ' }] }, 'documents[0].region'],
    [{ ...patentSeeker, documents: [{ type: 'visa' }] }, 'documents[0].type'],
    [{ ...patentSeeker, validUntill: '2026-01-01' }, 'validUntill'],
  ])('refuses bad input with 400 naming the field (%#)', async (body, field) => {
    const res = await check(body, 'en').expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  describe('visa nationals (every foreign national in no other group)', () => {
    const visa = (citizenship: string, extra: Record<string, unknown> = {}) => ({
      ...patentSeeker,
      startDate: '2027-02-01',
      citizenship,
      ...extra,
    });
    const permit = (region: string) => ({
      type: 'work_permit',
      region,
      validFrom: '2026-06-01',
      validUntil: '2027-06-01',
    });

    it.each(['US', 'DE', 'CN'])(
      'finds %s citizen with a Moscow work permit eligible for a Moscow job under work_permit',
      async (citizenship) => {
        const res = await check(visa(citizenship, { documents: [permit('RU-MOW')] }), 'en').expect(200);
        expect(res.body).toMatchObject({ status: 'eligible', regime: 'work_permit', steps: [] });
        expect(res.body.checks).toContainEqual(
          expect.objectContaining({ code: 'WORK_PERMIT_VALID', passed: true }),
        );
      },
    );

    it('asks for a permit for the region when the one held is for another region', async () => {
      const res = await check(
        visa('US', { employer: { kind: 'company', quotaAvailable: true }, documents: [permit('RU-MOS')] }),
        'en',
      ).expect(200);
      expect(res.body.status).toBe('conditional');
      expect(res.body.regime).toBe('work_permit');
      expect(res.body.steps.map((s: { code: string }) => s.code)).toEqual(['OBTAIN_WORK_PERMIT']);
    });

    it('finds a visa national ineligible without quota and below the HQS salary, HQS at the threshold', async () => {
      const below = await check(
        visa('US', {
          employer: { kind: 'company', quotaAvailable: false },
          monthlySalary: { amount: 150000, currency: 'RUB' },
        }),
        'en',
      ).expect(200);
      expect(below.body).toMatchObject({ status: 'ineligible', regime: 'work_permit', steps: [] });
      const hqs = await check(
        visa('US', {
          employer: { kind: 'company', quotaAvailable: false },
          monthlySalary: { amount: 250000, currency: 'RUB' },
        }),
        'en',
      ).expect(200);
      expect(hqs.body).toMatchObject({ status: 'conditional', regime: 'hqs' });
      expect(hqs.body.steps.map((s: { code: string }) => s.code)).toEqual(['OBTAIN_HQS_PERMIT']);
    });

    it('in Kazakhstan, a permit the employer holds for the region makes a visa national eligible', async () => {
      const kz = (documents: unknown[]) =>
        visa('US', {
          hostCountry: 'KZ',
          workRegion: 'KZ-75',
          employer: { kind: 'company', quotaAvailable: true },
          documents,
        });
      const held = await check(kz([{ ...permit('KZ-75') }]), 'en').expect(200);
      expect(held.body).toMatchObject({ status: 'eligible', regime: 'work_permit' });
      const elsewhere = await check(kz([{ ...permit('KZ-71') }]), 'en').expect(200);
      expect(elsewhere.body).toMatchObject({ status: 'conditional', regime: 'work_permit' });
      expect(elsewhere.body.steps.map((s: { code: string }) => s.code)).toEqual(['OBTAIN_WORK_PERMIT']);
    });

    it('refers a citizen of Ukraine to legal advice, naming the act that sets their rules', async () => {
      const res = await check(visa('UA', { documents: [permit('RU-MOW')] }), 'en').expect(200);
      expect(res.body).toMatchObject({ status: 'conditional', regime: null });
      expect(res.body.steps.map((s: { code: string }) => s.code)).toEqual(['LEGAL_ADVICE']);
      expect(res.body.checks).toContainEqual(
        expect.objectContaining({
          code: 'CITIZENSHIP_RULES',
          legalBasis: expect.stringContaining('No. 585 of 27.08.2022'),
        }),
      );
      const sets = await t.http().get('/v1/eligibility/rule-sets').expect(200);
      const ru = sets.body.items.find((s: { id: string }) => s.id === 'ru-2024-03-01');
      expect(ru.unlistedCitizenship).toBe('visa');
      expect(ru.specialCitizenships).toEqual([
        expect.objectContaining({ citizenship: 'UA', legalBasis: expect.stringContaining('No. 585') }),
      ]);
    });

    it('refuses a citizenship code that does not exist with a 400 problem', async () => {
      const res = await check(visa('XX'), 'en').expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'citizenship' })]);
    });
  });

  it('refuses a body that is not an object with 400', async () => {
    const res = await t
      .http()
      .post('/v1/eligibility/check')
      .set('content-type', 'application/json')
      .send('[1,2]')
      .expect(400);
    expect(res.body.errors[0].field).toBe('body');
  });

  it('answers 422 when no rule set covers the host country or date', async () => {
    // Uzbekistan, Tajikistan and Kyrgyzstan have rule sets of their own (citizens at home); Armenia has none.
    const am = await check(
      { ...patentSeeker, hostCountry: 'AM', workRegion: 'AM-ER', citizenship: 'TJ' },
      'en',
    );
    expect(am.status).toBe(422);
    expect(am.body.type).toBe('/problems/no-rule-set');
    const early = await check({ ...patentSeeker, startDate: '2020-01-01' }, 'en');
    expect(early.status).toBe(422);
  });

  it('lists the rule sets', async () => {
    const res = await t.http().get('/v1/eligibility/rule-sets').expect(200);
    const ids = res.body.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['ru-2024-03-01', 'kz-2024-01-01']));
    expect(res.body.items[0]).toMatchObject({
      id: expect.any(String),
      hostCountry: expect.stringMatching(/^[A-Z]{2}$/),
      effectiveFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  describe('for a stored migrant and a vacancy', () => {
    let vacancyId: string;

    beforeAll(async () => {
      ({ vacancyId } = await insertEmployerWithVacancy(t.app.get(DataSource), {
        region: 'RU-MOS',
        startDate: '2030-03-01',
      }));
    });

    it('checks from the documents on file: a patent for the region makes the person eligible', async () => {
      const m = await registerMigrant(t, { citizenship: 'TJ' });
      const res = await t
        .http()
        .get(`/v1/migrants/${m.id}/eligibility?vacancyId=${vacancyId}&lang=en`)
        .set('authorization', `Bearer ${m.token}`)
        .expect(200);
      expect(res.body).toMatchObject({ status: 'conditional', regime: 'patent' });

      await addMigrantDocument(t, m.token, m.id, {
        type: 'patent',
        number: '770123456789',
        region: 'RU-MOS',
        validFrom: '2029-01-01',
        validUntil: '2030-12-31',
      });
      await addMigrantDocument(t, m.token, m.id, {
        type: 'passport',
        number: 'A1234567',
        issuingCountry: 'TJ',
        validUntil: '2035-01-01',
      });
      const after = await t
        .http()
        .get(`/v1/migrants/${m.id}/eligibility?vacancyId=${vacancyId}`)
        .set('authorization', `Bearer ${m.token}`)
        .set('accept-language', 'tg')
        .expect(200);
      expect(after.body).toMatchObject({ status: 'eligible', regime: 'patent', steps: [] });
    });

    it('answers 404 for another migrant, an unknown vacancy, and 400 without vacancyId', async () => {
      const a = await registerMigrant(t);
      const b = await registerMigrant(t);
      await t
        .http()
        .get(`/v1/migrants/${a.id}/eligibility?vacancyId=${vacancyId}`)
        .set('authorization', `Bearer ${b.token}`)
        .expect(404);
      await t
        .http()
        .get(`/v1/migrants/${a.id}/eligibility?vacancyId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)
        .set('authorization', `Bearer ${a.token}`)
        .expect(404);
      const res = await t
        .http()
        .get(`/v1/migrants/${a.id}/eligibility`)
        .set('authorization', `Bearer ${a.token}`)
        .expect(400);
      expect(res.body.errors[0].field).toBe('vacancyId');
    });

    it('lets staff check any migrant', async () => {
      const staff = await staffToken(t);
      const m = await registerMigrant(t, { citizenship: 'KZ' });
      const res = await t
        .http()
        .get(`/v1/migrants/${m.id}/eligibility?vacancyId=${vacancyId}&lang=ru`)
        .set('authorization', `Bearer ${staff}`)
        .expect(200);
      expect(res.body).toMatchObject({ status: 'eligible', regime: 'eaeu' });
    });
  });
});
