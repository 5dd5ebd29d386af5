import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { prepareDatabase } from 'src/bootstrap';
import { loadConfig } from 'src/config/config';
import {
  DemoRefusedError,
  DemoSeedResult,
  DemoSeedService,
  formatDemoLogins,
} from 'src/modules/demo/demo-seed.service';
import { TestApp, bootTestApp, login } from 'test/harness/app';

// The demo fills an EMPTY database, so this file runs on a database of its own, dropped at the end.
const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
base.pathname = '/postgres';
const name = `jobfair_demo_test_${randomBytes(4).toString('hex')}`;
const databaseUrl = new URL(base.toString());
databaseUrl.pathname = `/${name}`;

describe('demo data (npm run seed:demo)', () => {
  let t: TestApp;
  let result: DemoSeedResult;

  beforeAll(async () => {
    await prepareDatabase(loadConfig({ ...process.env, DATABASE_URL: databaseUrl.toString() }));
    t = await bootTestApp({ DATABASE_URL: databaseUrl.toString() });
    result = await t.app.get(DemoSeedService).seed();
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('fills the database with a whole fair: employers, vacancies, people, applications and hires', () => {
    const c = result.counts;
    // 12 in Russia with 5 vacancies each, and one in Tajikistan with 3; 150 people plus 6 at the Khujand kiosk.
    expect(c.employers).toBe(13);
    expect(c.vacancies).toBe(63);
    expect(c.migrants).toBe(156);
    expect(c.applications).toBeGreaterThan(250);
    expect(c.kioskApplications).toBeGreaterThan(0);
    expect(c.attendance).toBeGreaterThan(0);
    expect(c.interviews).toBeGreaterThan(0);
    expect(c.placements).toBeGreaterThanOrEqual(1);
    expect(c.obligations).toBeGreaterThanOrEqual(1);
  });

  it('hires only people the eligibility check found eligible, each with its notification duty', async () => {
    const rows: { eligibility: { status: string } | null; kind: string | null }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT a.eligibility, o.kind FROM placements p JOIN applications a ON a.id = p.application_id
           LEFT JOIN employer_obligations o ON o.placement_id = p.id`,
      );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.eligibility?.status).toBe('eligible');
      expect(row.kind).toBe('hire_notification');
    }
  });

  it('prints logins that work over HTTP', async () => {
    const text = formatDemoLogins(result, t.url);
    const { staff, employers, migrants, kiosk } = result.logins;
    expect(text).toContain(staff.email);
    expect(text).toContain(kiosk.token);

    const staffToken = await login(t, { email: staff.email, password: staff.password });
    const employers200 = await t
      .http()
      .get('/v1/employers?status=verified')
      .set('authorization', `Bearer ${staffToken}`);
    expect(employers200.status).toBe(200);
    expect(employers200.body.total).toBe(13);

    expect(employers).toHaveLength(2);
    await login(t, { email: employers[0].email, password: employers[0].password });

    expect(migrants).toHaveLength(2);
    const migrantToken = await login(t, { phone: migrants[0].phone, password: migrants[0].password });
    const mine = await t.http().get('/v1/applications').set('authorization', `Bearer ${migrantToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);

    const fair = await t.http().get('/v1/kiosk/fair').set('authorization', `Bearer ${kiosk.token}`);
    expect(fair.status).toBe(200);
    expect(fair.body.id).toBe(kiosk.fairId);
  });

  it('holds the Khujand fair with its kiosk, local vacancies in TJS beside Russian ones, and a recruitment order in progress', async () => {
    const { staff, originKiosk } = result.logins;
    expect(originKiosk).toBeDefined();
    const kiosk = { authorization: `Bearer ${originKiosk!.token}` };
    const fair = await t.http().get('/v1/kiosk/fair').set(kiosk);
    expect(fair.status).toBe(200);
    expect(fair.body).toMatchObject({ id: originKiosk!.fairId, region: 'TJ-SU', timezone: 'Asia/Dushanbe' });
    expect(fair.body.languages[0]).toBe('tg');
    const listed = await t.http().get('/v1/kiosk/vacancies').query({ lang: 'tg' }).set(kiosk);
    expect(listed.status).toBe(200);
    type KioskVacancy = { region: { code: string; country: string }; salary: { currency: string } };
    const items = listed.body.items as KioskVacancy[];
    const local = items.filter((v) => v.region.country === 'TJ');
    const russian = items.filter((v) => v.region.country === 'RU');
    expect(local).toHaveLength(3);
    expect(local.every((v) => v.region.code === 'TJ-SU' && v.salary.currency === 'TJS')).toBe(true);
    expect(russian).toHaveLength(10);
    expect(russian.every((v) => v.salary.currency === 'RUB')).toBe(true);

    const staffToken = await login(t, { email: staff.email, password: staff.password });
    const auth = { authorization: `Bearer ${staffToken}` };
    const orders = await t.http().get('/v1/recruitment/orders').set(auth);
    expect(orders.status).toBe(200);
    expect(orders.body.items).toHaveLength(1);
    const [order] = orders.body.items;
    expect(order).toMatchObject({
      status: 'approved',
      hostCountry: 'RU',
      originCountries: ['TJ', 'UZ'],
      recruits: 6,
    });
    const pipeline = await t.http().get(`/v1/recruitment/orders/${order.id}/pipeline`).set(auth);
    expect(pipeline.body.counts).toEqual({
      selected: 1,
      offer_accepted: 1,
      documents_ready: 1,
      departed: 1,
      arrived: 1,
      dropped: 1,
    });
    // Every recruit came from the fair in Khujand: the funnel counts them in the Sughd region.
    const funnel = await t.http().get('/v1/recruitment/funnel').query({ groupBy: 'origin_region' }).set(auth);
    expect(funnel.body.rows).toEqual([
      { group: 'TJ-SU', selected: 6, departed: 2, arrived: 1, authorised: 0, placed: 0, dropped: 1 },
    ]);
  });

  it('refuses a second run on a database that has employers', async () => {
    await expect(t.app.get(DemoSeedService).seed()).rejects.toBeInstanceOf(DemoRefusedError);
  });
});
