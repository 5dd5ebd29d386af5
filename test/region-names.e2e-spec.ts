import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import {
  createHiringSetup,
  dataSourceOf,
  insertApplication,
  registerEaeuMigrant,
} from 'test/harness/placements.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { ObligationsService } from 'src/modules/placements/obligations.service';

/** Region names in the person's language: the reference API, eligibility messages, the kiosk and notifications. */
describe('region names in ru, uz, tg, ky and en', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let fair: FairScenario;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    fair = await createFairScenario(t, { staff });
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('lists regions with the name in the language asked for and in all five', async () => {
    const tg = await t.http().get('/v1/reference/regions').query({ country: 'RU', lang: 'tg' }).expect(200);
    const mos = tg.body.find((r: { code: string }) => r.code === 'RU-MOS');
    expect(mos).toMatchObject({
      code: 'RU-MOS',
      name: 'Вилояти Маскав',
      names: {
        ru: 'Московская область',
        uz: 'Moskva viloyati',
        tg: 'Вилояти Маскав',
        ky: 'Москва облусу',
        en: 'Moscow Oblast',
      },
    });
    for (const r of tg.body) {
      for (const lang of ['ru', 'uz', 'tg', 'ky', 'en']) expect(r.names[lang]).toEqual(expect.any(String));
    }
    const kz = await t.http().get('/v1/reference/regions').query({ country: 'KZ', lang: 'uz' }).expect(200);
    expect(kz.body.find((r: { code: string }) => r.code === 'KZ-75').name).toBe('Olmaota');
    const byDefault = await t.http().get('/v1/reference/regions').query({ country: 'RU' }).expect(200);
    expect(byDefault.body.find((r: { code: string }) => r.code === 'RU-MOS').name).toBe('Moscow Oblast');
    const bad = await t.http().get('/v1/reference/regions').query({ lang: 'fr' }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('names the regions of an eligibility message in Tajik for a Tajik reader', async () => {
    const res = await t
      .http()
      .post('/v1/eligibility/check?lang=tg')
      .send({
        hostCountry: 'RU',
        workRegion: 'RU-MOW',
        citizenship: 'TJ',
        birthDate: '1995-04-12',
        startDate: '2027-02-01',
        documents: [{ type: 'patent', region: 'RU-MOS', validFrom: '2026-06-01', validUntil: '2027-05-31' }],
      })
      .expect(200);
    const region = res.body.checks.find((c: { code: string }) => c.code === 'PATENT_REGION');
    expect(region.message).toContain('Вилояти Маскав');
    expect(region.message).toContain('Маскав');
    expect(JSON.stringify(res.body)).not.toMatch(/Московская область|Москва/);
  });

  it('names the vacancy’s region in the visitor’s language at the kiosk', async () => {
    for (const [lang, name] of [
      ['uz', 'Moskva'],
      ['tg', 'Маскав'],
      ['en', 'Moscow'],
    ]) {
      const res = await t.http().get('/v1/kiosk/vacancies').query({ lang }).set(auth(fair.kiosk.token));
      expect(res.status).toBe(200);
      expect(res.body.items[0].region).toEqual({
        code: 'RU-MOW',
        name,
        country: 'RU',
        countryName: expect.any(String),
      });
    }
  });

  it('names the patent’s region in the worker’s language in the reminder', async () => {
    const setup = await createHiringSetup(t, staff);
    const migrant = await registerEaeuMigrant(t, { preferredLanguage: 'tg' });
    const id = await insertApplication(ds, {
      migrantId: migrant.id,
      vacancyId: setup.vacancy.id,
      employerId: setup.employer.id,
      status: 'offered',
    });
    await t
      .http()
      .post(`/v1/applications/${id}/transitions`)
      .set(auth(staff))
      .send({ to: 'hired', contractStartDate: '2026-12-01' })
      .expect(200);
    await ds.query(
      `INSERT INTO migrant_documents (migrant_id, type, region, valid_from, valid_until)
       VALUES ($1, 'patent', 'RU-MOS', '2026-01-11', '2027-03-11')`,
      [migrant.id],
    );
    await t.app.get(ObligationsService).sweepPatents('2027-03-01');
    const inbox = await t.http().get('/v1/me/notifications').set(auth(migrant.token)).expect(200);
    const reminder = inbox.body.items.find(
      (n: { template: string }) => n.template === 'patent_expiring_migrant',
    );
    expect(reminder.locale).toBe('tg');
    expect(`${reminder.subject} ${reminder.text}`).toContain('Вилояти Маскав');
    // The employer reads the same region in Russian.
    const employerInbox = await t
      .http()
      .get('/v1/me/notifications')
      .set(auth(setup.employer.token))
      .expect(200);
    const forEmployer = employerInbox.body.items.find(
      (n: { template: string }) => n.template === 'patent_expiring_employer',
    );
    expect(forEmployer.text).toContain('Московская область');
  });

  it('writes to a migrant who registered online in the language they chose, and follows a change', async () => {
    const m = await registerMigrant(t, { preferredLanguage: 'ky' });
    const language = async () =>
      (await ds.query(`SELECT preferred_language FROM users WHERE migrant_id = $1`, [m.id]))[0]
        .preferred_language;
    expect(await language()).toBe('ky');
    await t
      .http()
      .patch(`/v1/migrants/${m.id}`)
      .set(auth(m.token))
      .send({ preferredLanguage: 'uz' })
      .expect(200);
    expect(await language()).toBe('uz');
  });
});
