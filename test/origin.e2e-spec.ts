import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { registerMigrant } from 'test/harness/migrants.factory';
import {
  TestEmployer,
  VacancyView,
  addFairVacancies,
  addParticipant,
  createFair,
  createPublishedVacancy,
  createVerifiedEmployer,
  employerBody,
  registerKiosk,
  vacancyBody,
} from 'test/harness/supply.factory';

/** Nine digits, not starting with 0: the shape of a Tajik ИНН or an Uzbek STIR. */
const nineDigits = () => String(100_000_000 + Math.floor(Math.random() * 899_999_999));

const tajikEmployer = (overrides: Record<string, unknown> = {}) => ({
  name: `ООО «Согд Сохтмон ${unique()}»`,
  country: 'TJ',
  taxId: nineDigits(),
  region: 'TJ-SU',
  address: 'Худжанд, проспект Исмоили Сомони, 10',
  phone: '+992 92 777 12 34',
  ...overrides,
});

const tjsVacancy = {
  title: 'Оштпаз / Повар',
  region: 'TJ-SU',
  city: 'Худжанд',
  address: 'ул. Ленина, 5',
  location: { lat: 40.2826, lng: 69.6222 },
  salary: { min: 3000, max: 4000, currency: 'TJS', period: 'month', gross: true },
  requirements: { languages: [{ code: 'tg', level: 'B1' }], experienceYears: 1, medicalBook: false },
};

describe('countries of origin: a fair in Khujand', () => {
  let t: TestApp;
  let staff: string;
  let tajik: TestEmployer;
  let moscow: TestEmployer;
  let local: VacancyView;
  let russian: VacancyView;
  let fairId: string;
  let kiosk: { id: string; token: string };

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    tajik = await createVerifiedEmployer(t, { staff, overrides: tajikEmployer() });
    moscow = await createVerifiedEmployer(t, { staff });
    local = await createPublishedVacancy(t, tajik.token, tjsVacancy);
    russian = await createPublishedVacancy(t, moscow.token);
    const fair = await createFair(t, staff, {
      name: `Ярмарка вакансий в Худжанде ${unique()}`,
      region: 'TJ-SU',
      city: 'Худжанд',
      venue: 'Дворец культуры, Худжанд',
      timezone: 'Asia/Dushanbe',
      languages: ['tg', 'uz', 'ru'],
    });
    fairId = fair.id;
    await addParticipant(t, staff, fairId, tajik.id, 'T-1');
    await addParticipant(t, staff, fairId, moscow.id, 'R-1');
    await addFairVacancies(t, tajik.token, fairId, [local.id]);
    await addFairVacancies(t, moscow.token, fairId, [russian.id]);
    kiosk = await registerKiosk(t, staff, fairId, 'Киоск 1');
  });

  afterAll(() => t.close());

  it('lists the regions of Tajikistan, Uzbekistan and Kyrgyzstan with their ISO codes, names and time zones', async () => {
    const res = await t.http().get('/v1/reference/regions').query({ country: 'TJ' });
    expect(res.status).toBe(200);
    const items = (res.body.items ?? res.body) as Array<Record<string, string>>;
    const codes = items.map((r) => r.code).sort();
    expect(codes).toEqual(['TJ-DU', 'TJ-GB', 'TJ-KT', 'TJ-RA', 'TJ-SU']);
    const sughd = items.find((r) => r.code === 'TJ-SU');
    expect(JSON.stringify(sughd)).toContain('Asia/Dushanbe');
    const uz = await t.http().get('/v1/reference/regions').query({ country: 'UZ' });
    expect((uz.body.items ?? uz.body).length).toBe(14);
    const kg = await t.http().get('/v1/reference/regions').query({ country: 'KG' });
    expect((kg.body.items ?? kg.body).length).toBe(9);
  });

  it('registers employers of TJ, UZ and KG with the tax-number format of each country, and refuses a bad one', async () => {
    const bad = await t
      .http()
      .post('/v1/employers')
      .send(employerBody(tajikEmployer({ taxId: '12345678' })));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const uz = await t
      .http()
      .post('/v1/employers')
      .send(
        employerBody({ country: 'UZ', taxId: nineDigits(), region: 'UZ-SA', phone: '+998 90 123 45 67' }),
      );
    expect(uz.status).toBe(201);
    const kgTaxId = `0${String(Date.now()).slice(-13)}`;
    const kg = await t
      .http()
      .post('/v1/employers')
      .send(employerBody({ country: 'KG', taxId: kgTaxId, region: 'KG-GB', phone: '+996 555 123 456' }));
    expect(kg.status).toBe(201);
    const kgBad = await t
      .http()
      .post('/v1/employers')
      .send(
        employerBody({
          country: 'KG',
          taxId: '9' + kgTaxId.slice(1),
          region: 'KG-GB',
          phone: '+996555123456',
        }),
      );
    expect(kgBad.status).toBe(400);
    const wrongRegion = await t
      .http()
      .post('/v1/employers')
      .send(employerBody(tajikEmployer({ region: 'UZ-SA' })));
    expect(wrongRegion.status).toBe(400);
  });

  it('publishes a local vacancy in TJS and refuses roubles for a job in Tajikistan', async () => {
    expect(local).toMatchObject({ status: 'published', region: 'TJ-SU' });
    expect((local.salary as { currency: string }).currency).toBe('TJS');
    const roubles = await t
      .http()
      .post('/v1/vacancies')
      .set('authorization', `Bearer ${tajik.token}`)
      .send({
        ...vacancyBody(tjsVacancy),
        salary: { min: 30000, currency: 'RUB', period: 'month', gross: true },
      });
    expect(roubles.status).toBe(400);
  });

  it('shows local and Russian vacancies side by side at the kiosk, each labelled with its country', async () => {
    const res = await t
      .http()
      .get('/v1/kiosk/vacancies')
      .query({ lang: 'tg' })
      .set('authorization', `Bearer ${kiosk.token}`);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((v: { id: string }) => [v.id, v]));
    expect(byId.get(local.id)).toMatchObject({
      region: { code: 'TJ-SU', name: 'Вилояти Суғд', country: 'TJ', countryName: expect.any(String) },
      salary: { currency: 'TJS' },
    });
    expect(byId.get(russian.id)).toMatchObject({ region: { code: 'RU-MOW', country: 'RU' } });
  });

  it('takes applications at the Khujand kiosk to a local and a Russian job through the same outbox', async () => {
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set('authorization', `Bearer ${kiosk.token}`)
      .set('idempotency-key', unique('khujand-'))
      .send(kioskSubmission([local.id, russian.id], { preferredLanguage: 'tg', citizenship: 'TJ' }));
    expect(res.status).toBe(201);
    expect(res.body.applications).toHaveLength(2);
  });

  it('answers that a Tajik citizen applying to a job in Tajikistan is eligible under the citizen regime', async () => {
    const res = await t
      .http()
      .post('/v1/eligibility/check')
      .query({ lang: 'tg' })
      .send({
        hostCountry: 'TJ',
        workRegion: 'TJ-SU',
        citizenship: 'TJ',
        birthDate: '1995-04-12',
        startDate: '2026-12-20',
        occupationCode: '5120',
        documents: [{ type: 'passport', validUntil: '2030-01-01' }],
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'eligible',
      regime: 'citizen',
      ruleSet: { id: 'tj-2024-01-01' },
    });
    expect(res.body.checks.find((c: { code: string }) => c.code === 'HOST_CITIZEN')).toMatchObject({
      passed: true,
      legalBasis: expect.stringContaining('Constitution of the Republic of Tajikistan'),
    });
  });

  it('refers anyone else working in Tajikistan to legal advice until a rule set covers them', async () => {
    const res = await t
      .http()
      .post('/v1/eligibility/check')
      .query({ lang: 'uz' })
      .send({
        hostCountry: 'TJ',
        workRegion: 'TJ-SU',
        citizenship: 'UZ',
        birthDate: '1995-04-12',
        startDate: '2026-12-20',
        documents: [{ type: 'passport', validUntil: '2030-01-01' }],
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'conditional', regime: null });
    expect(res.body.steps.map((s: { code: string }) => s.code)).toEqual(['LEGAL_ADVICE']);
  });

  it('checks a stored Tajik profile against the local vacancy as a citizen', async () => {
    const person = await registerMigrant(t, { citizenship: 'TJ', desiredRegions: ['TJ-SU'] });
    const res = await t
      .http()
      .get(`/v1/migrants/${person.id}/eligibility`)
      .query({ vacancyId: local.id, lang: 'en' })
      .set('authorization', `Bearer ${person.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regime: 'citizen' });
    expect(['eligible', 'conditional']).toContain(res.body.status);
  });
});
