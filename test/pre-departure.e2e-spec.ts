import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import { createPublishedVacancy, createVerifiedEmployer } from 'test/harness/supply.factory';

/**
 * Arrival on Friday 05.03.2027; Monday 08.03.2027 is a public holiday (Labour Code art. 112), so the working-day
 * deadlines skip the weekend and the holiday: the 7th working day after arrival is Wednesday 17.03.2027.
 */
const ARRIVAL = '2027-03-05';
const START = '2027-03-12';

describe('pre-departure plan', () => {
  let t: TestApp;

  const check = (body: Record<string, unknown>, lang = 'en') =>
    t.http().post('/v1/eligibility/check').query({ lang }).send(body);
  const dates = (plan: { steps: Array<{ code: string; dueDate: string }> }) =>
    Object.fromEntries(plan.steps.map((s) => [s.code, s.dueDate]));

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(() => t.close());

  it('gives an Uzbek patent-regime person the full dated plan from the arrival, each step with its law', async () => {
    const res = await check({
      hostCountry: 'RU',
      workRegion: 'RU-MOW',
      citizenship: 'UZ',
      birthDate: '1995-04-12',
      startDate: START,
      documents: [{ type: 'passport', validUntil: '2032-01-01' }],
      arrival: { expectedDate: ARRIVAL },
    });
    expect(res.status).toBe(200);
    expect(res.body.regime).toBe('patent');
    const plan = res.body.plan;
    expect(plan).toMatchObject({ arrivalDate: ARRIVAL, contractDate: START, regime: 'patent' });
    expect(dates(plan)).toEqual({
      CHECK_PASSPORT: '2027-03-05',
      TAKE_DOCUMENTS: '2027-03-05',
      MIGRATION_CARD_WORK: '2027-03-05',
      LANGUAGE_CERTIFICATE: '2027-04-04',
      REGISTER_STAY: '2027-03-17',
      MEDICAL_EXAM_AND_FINGERPRINTS: '2027-04-04',
      APPLY_FOR_PATENT: '2027-04-04',
      EMPLOYER_NOTIFIES_MVD: '2027-03-17',
    });
    expect(plan.steps.map((s: { phase: string }) => s.phase)).toEqual([
      'before',
      'before',
      'before',
      'entry',
      'after',
      'after',
      'after',
      'after',
    ]);
    const byCode = Object.fromEntries(
      plan.steps.map((s: { code: string; legalBasis: string; message: string }) => [s.code, s]),
    );
    expect(byCode.REGISTER_STAY.legalBasis).toBe('Federal Law 109-FZ of 18.07.2006, art. 20');
    expect(byCode.EMPLOYER_NOTIFIES_MVD.legalBasis).toContain('115-FZ art. 13 p. 8');
    expect(byCode.MIGRATION_CARD_WORK.message).toContain('work');
    for (const s of plan.steps) expect(s.legalBasis).toEqual(expect.any(String));

    // The same plan in Uzbek, with the date as people write it there.
    const uz = await check(
      {
        hostCountry: 'RU',
        workRegion: 'RU-MOW',
        citizenship: 'UZ',
        birthDate: '1995-04-12',
        startDate: START,
        arrival: { expectedDate: ARRIVAL },
      },
      'uz',
    );
    const register = uz.body.plan.steps.find((s: { code: string }) => s.code === 'REGISTER_STAY');
    expect(register.message).toContain('17.03.2027');
    expect(register.message).toContain('ish kuni');
  });

  it('gives a Kyrgyz EAEU citizen the shorter list: 30 days to register, no patent steps', async () => {
    const res = await check(
      {
        hostCountry: 'RU',
        workRegion: 'RU-MOW',
        citizenship: 'KG',
        birthDate: '1995-04-12',
        startDate: START,
        arrival: { expectedDate: ARRIVAL },
      },
      'ky',
    );
    expect(res.status).toBe(200);
    expect(res.body.regime).toBe('eaeu');
    expect(dates(res.body.plan)).toEqual({
      CHECK_PASSPORT: '2027-03-05',
      REGISTER_STAY: '2027-04-04',
      EMPLOYER_NOTIFIES_MVD: '2027-03-17',
    });
    const register = res.body.plan.steps.find((s: { code: string }) => s.code === 'REGISTER_STAY');
    expect(register.legalBasis).toContain('art. 97 p. 9');
    expect(register.message).toContain('04.04.2027');
  });

  it('refuses an arrival after the start date and a host country whose rule set has no plan', async () => {
    const late = await check({
      hostCountry: 'RU',
      workRegion: 'RU-MOW',
      citizenship: 'UZ',
      birthDate: '1995-04-12',
      startDate: START,
      arrival: { expectedDate: '2027-03-20' },
    });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([expect.objectContaining({ field: 'arrival.expectedDate' })]);
    const kz = await check({
      hostCountry: 'KZ',
      workRegion: 'KZ-71',
      citizenship: 'UZ',
      birthDate: '1995-04-12',
      startDate: START,
      arrival: { expectedDate: ARRIVAL },
    });
    expect(kz.status).toBe(400);
    expect(kz.body.errors).toEqual([expect.objectContaining({ field: 'arrival' })]);
  });

  it('adds the plan to the stored-profile check when the person gives an expected arrival', async () => {
    const staff = await staffToken(t);
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token, { startDate: START });
    const person = await registerMigrant(t, { citizenship: 'UZ', preferredLanguage: 'tg' });
    const res = await t
      .http()
      .get(`/v1/migrants/${person.id}/eligibility`)
      .query({ vacancyId: vacancy.id, arrivalDate: ARRIVAL, lang: 'tg' })
      .set('authorization', `Bearer ${person.token}`);
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ arrivalDate: ARRIVAL, regime: 'patent' });
    expect(dates(res.body.plan).REGISTER_STAY).toBe('2027-03-17');
    const without = await t
      .http()
      .get(`/v1/migrants/${person.id}/eligibility`)
      .query({ vacancyId: vacancy.id })
      .set('authorization', `Bearer ${person.token}`);
    expect(without.body.plan).toBeUndefined();
  });

  it('keeps the plan, lets the person tick steps off and shows staff an overdue legal deadline', async () => {
    const staff = await staffToken(t);
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token);
    const person = await registerMigrant(t, { citizenship: 'UZ' });
    // An arrival weeks ago: the 7-working-day registration deadline has passed.
    const arrival = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const saved = await t
      .http()
      .post(`/v1/migrants/${person.id}/pre-departure-plan`)
      .query({ lang: 'uz' })
      .set('authorization', `Bearer ${person.token}`)
      .send({ vacancyId: vacancy.id, arrivalDate: arrival });
    expect(saved.status).toBe(200);
    const register = saved.body.items.find((s: { code: string }) => s.code === 'REGISTER_STAY');
    expect(register).toMatchObject({ done: false, overdue: true });
    const late = await t.http().get('/v1/pre-departure/overdue').set('authorization', `Bearer ${staff}`);
    expect(late.status).toBe(200);
    expect(late.body.items.map((s: { id: string }) => s.id)).toContain(register.id);
    expect(
      (await t.http().get('/v1/pre-departure/overdue').set('authorization', `Bearer ${person.token}`)).status,
    ).toBe(403);
    const ticked = await t
      .http()
      .patch(`/v1/migrants/${person.id}/pre-departure-plan/steps/${register.id}`)
      .set('authorization', `Bearer ${person.token}`)
      .send({ done: true });
    expect(ticked.status).toBe(200);
    expect(ticked.body).toMatchObject({ done: true, overdue: false });
    const after = await t.http().get('/v1/pre-departure/overdue').set('authorization', `Bearer ${staff}`);
    expect(after.body.items.map((s: { id: string }) => s.id)).not.toContain(register.id);
    const other = await registerMigrant(t);
    expect(
      (
        await t
          .http()
          .patch(`/v1/migrants/${person.id}/pre-departure-plan/steps/${register.id}`)
          .set('authorization', `Bearer ${other.token}`)
          .send({ done: false })
      ).status,
    ).toBe(404);
  });
});
