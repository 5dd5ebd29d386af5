import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken, waitFor } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import { createPublishedVacancy, createVerifiedEmployer, isoDate } from 'test/harness/supply.factory';

describe('entry bans', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let moscowCook: string;
  let khujandCook: string;
  let person: Awaited<ReturnType<typeof registerMigrant>>;
  const banUntil = isoDate(900);

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const matchIds = async (token: string, extra = '') => {
    const r = await t.http().get(`/v1/migrants/${person.id}/matches?limit=100${extra}`).set(auth(token));
    return r.body.items as Array<{ vacancy: { id: string }; eligibility: { status: string } }>;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    const moscow = await createVerifiedEmployer(t, { staff });
    const tajik = await createVerifiedEmployer(t, {
      staff,
      overrides: {
        country: 'TJ',
        taxId: String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
        region: 'TJ-SU',
        phone: '+992927771234',
      },
    });
    moscowCook = (await createPublishedVacancy(t, moscow.token, { occupationCode: '5120' })).id;
    khujandCook = (
      await createPublishedVacancy(t, tajik.token, {
        occupationCode: '5120',
        region: 'TJ-SU',
        city: 'Худжанд',
        location: { lat: 40.2826, lng: 69.6222 },
        salary: { min: 3000, currency: 'TJS', period: 'month', gross: true },
      })
    ).id;
    person = await registerMigrant(t, {
      citizenship: 'TJ',
      occupations: [{ code: '5120', years: 4 }],
      desiredRegions: ['RU-MOW', 'TJ-SU'],
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
    });
  });

  afterAll(() => t.close());

  it('answers ineligible for Russia with the reason, the end date and legal advice while a ban runs (POST check)', async () => {
    const res = await t
      .http()
      .post('/v1/eligibility/check')
      .query({ lang: 'en' })
      .send({
        hostCountry: 'RU',
        workRegion: 'RU-MOW',
        citizenship: 'TJ',
        birthDate: '1995-04-12',
        startDate: '2027-03-01',
        entryBan: { until: '2029-05-31' },
      });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ineligible');
    expect(res.body.checks).toEqual([
      expect.objectContaining({
        code: 'ENTRY_BAN',
        passed: false,
        legalBasis: 'Federal Law 114-FZ of 15.08.1996, arts. 26 and 27',
        message: expect.stringContaining('2029-05-31'),
      }),
    ]);
    expect(res.body.steps).toEqual([
      { code: 'LEGAL_ADVICE', message: expect.stringContaining('2029-05-31'), link: '/#consultations/new' },
    ]);
    // A ban that ends before the start date no longer stands in the way.
    const over = await t
      .http()
      .post('/v1/eligibility/check')
      .send({
        hostCountry: 'RU',
        workRegion: 'RU-MOW',
        citizenship: 'TJ',
        birthDate: '1995-04-12',
        startDate: '2027-03-01',
        entryBan: { until: '2027-02-28' },
      });
    expect(over.body.status).not.toBe('ineligible');
    // No rule set of Kazakhstan says how a ban applies there.
    const kz = await t
      .http()
      .post('/v1/eligibility/check')
      .send({
        hostCountry: 'KZ',
        workRegion: 'KZ-71',
        citizenship: 'TJ',
        birthDate: '1995-04-12',
        startDate: '2027-03-01',
        entryBan: { until: '2029-05-31' },
      });
    expect(kz.status).toBe(400);
    expect(kz.body.errors).toEqual([expect.objectContaining({ field: 'entryBan' })]);
  });

  it('lets the person declare a ban, encrypts its note and audits every read; only staff record a checked one', async () => {
    const checked = await t
      .http()
      .post(`/v1/migrants/${person.id}/entry-bans`)
      .set(auth(person.token))
      .send({ hostCountry: 'RU', until: banUntil, source: 'checked' });
    expect(checked.status).toBe(403);
    const bad = await t
      .http()
      .post(`/v1/migrants/${person.id}/entry-bans`)
      .set(auth(person.token))
      .send({ hostCountry: 'RU', until: '2029-02-30', source: 'declared' });
    expect(bad.status).toBe(400);
    const res = await t.http().post(`/v1/migrants/${person.id}/entry-bans`).set(auth(person.token)).send({
      hostCountry: 'RU',
      until: banUntil,
      source: 'declared',
      note: 'Expelled in 2024, told at the border',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ hostCountry: 'RU', until: banUntil, source: 'declared', running: true });
    const [row] = await ds.query(`SELECT note_encrypted FROM entry_bans WHERE id = $1`, [res.body.id]);
    expect(row.note_encrypted).not.toContain('Expelled');
    const list = await t.http().get(`/v1/migrants/${person.id}/entry-bans`).set(auth(staff));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ note: 'Expelled in 2024, told at the border' }),
    ]);
    const [audit] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action LIKE 'entry_ban.%'`,
      [person.id],
    );
    expect(audit.n).toBeGreaterThanOrEqual(2);
    const other = await registerMigrant(t);
    expect((await t.http().get(`/v1/migrants/${person.id}/entry-bans`).set(auth(other.token))).status).toBe(
      404,
    );
  });

  it('makes the stored profile ineligible for Russia while the person is still matched at home', async () => {
    const ru = await t
      .http()
      .get(`/v1/migrants/${person.id}/eligibility`)
      .query({ vacancyId: moscowCook, lang: 'tg' })
      .set(auth(person.token));
    expect(ru.status).toBe(200);
    expect(ru.body.status).toBe('ineligible');
    expect(ru.body.steps.map((s: { code: string }) => s.code)).toEqual(['LEGAL_ADVICE']);
    const home = await t
      .http()
      .get(`/v1/migrants/${person.id}/eligibility`)
      .query({ vacancyId: khujandCook })
      .set(auth(person.token));
    expect(home.body).toMatchObject({ regime: 'citizen' });
    expect(home.body.status).not.toBe('ineligible');

    const items = await waitFor(
      async () => {
        const found = await matchIds(person.token);
        return found?.some((i) => i.vacancy.id === khujandCook) && found;
      },
      { what: 'home match' },
    );
    expect(items.map((i) => i.vacancy.id)).not.toContain(moscowCook);
    const all = await waitFor(
      async () => {
        const found = await matchIds(person.token, '&includeIneligible=true');
        return found?.some((i) => i.vacancy.id === moscowCook) && found;
      },
      { what: 'moscow match' },
    );
    expect(all.find((i) => i.vacancy.id === moscowCook)?.eligibility.status).toBe('ineligible');
  });

  it('lets staff lift a ban, after which Russia is open again', async () => {
    const list = await t.http().get(`/v1/migrants/${person.id}/entry-bans`).set(auth(staff));
    const banId = list.body.items[0].id as string;
    expect(
      (await t.http().delete(`/v1/migrants/${person.id}/entry-bans/${banId}`).set(auth(person.token))).status,
    ).toBe(403);
    expect(
      (await t.http().delete(`/v1/migrants/${person.id}/entry-bans/${banId}`).set(auth(staff))).status,
    ).toBe(204);
    const ru = await t
      .http()
      .get(`/v1/migrants/${person.id}/eligibility`)
      .query({ vacancyId: moscowCook })
      .set(auth(person.token));
    expect(ru.body.status).not.toBe('ineligible');
  });
});
