import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import {
  createHiringSetup,
  dataSourceOf,
  insertApplication,
  insertMigrant,
} from 'test/harness/placements.factory';

// Edits here use 2031, a year no other spec hires in, because the calendar is shared by the whole run.
describe('production calendar API (e2e)', () => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('shows a year to anyone: non-working days, transfers and the decree', async () => {
    const res = await t.http().get('/v1/calendars/RU/2026').expect(200);
    expect(res.body).toMatchObject({ country: 'RU', year: 2026, source: 'file', workingDayCount: 247 });
    expect(res.body.decree).toContain('1466');
    expect(res.body.nonWorkingDays).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31']),
    );
    expect(res.body.nonWorkingDays).not.toContain('2026-01-12');
    expect(res.body.daysOff).toEqual(['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31']);
    const y2025 = await t.http().get('/v1/calendars/RU/2025').expect(200);
    expect(y2025.body.workingDays).toEqual(['2025-11-01']);
    const plain = await t.http().get('/v1/calendars/RU/2030').expect(200);
    expect(plain.body).toMatchObject({ source: 'rules', decree: null });
  });

  it('answers 404 for a country without a calendar and 400 for a bad year', async () => {
    await t.http().get('/v1/calendars/XX/2026').expect(404);
    await t.http().get('/v1/calendars/RU/abc').expect(400);
    await t.http().get('/v1/calendars/RU/1999').expect(400);
  });

  it('lets only staff edit a year, and checks the dates', async () => {
    const body = { decree: 'Test decree', daysOff: ['2031-03-04'], workingDays: [] };
    await t.http().put('/v1/calendars/RU/2031').send(body).expect(401);
    const employer = await createHiringSetup(t, staff);
    await t.http().put('/v1/calendars/RU/2031').set(auth(employer.employer.token)).send(body).expect(403);
    const wrongYear = await t
      .http()
      .put('/v1/calendars/RU/2031')
      .set(auth(staff))
      .send({ ...body, daysOff: ['2030-03-04'] })
      .expect(400);
    expect(wrongYear.body.detail).toContain('another year');
    await t
      .http()
      .put('/v1/calendars/RU/2031')
      .set(auth(staff))
      .send({ ...body, workingDays: ['2031-01-01'] })
      .expect(400);
    await t
      .http()
      .put('/v1/calendars/RU/2031')
      .set(auth(staff))
      .send({ ...body, daysOff: ['2031-02-30'] })
      .expect(400);
    await t.http().put('/v1/calendars/RU/2031').set(auth(staff)).send({ decree: 'x' }).expect(400);
  });

  it('uses an edited year for the deadlines of later hires', async () => {
    const ds = dataSourceOf(t);
    const s = await createHiringSetup(t, staff, { positions: 5 });
    const hire = async () => {
      const migrantId = await insertMigrant(ds, { citizenship: 'KG' });
      const id = await insertApplication(ds, {
        migrantId,
        vacancyId: s.vacancy.id,
        employerId: s.employer.id,
        status: 'offered',
      });
      const res = await t
        .http()
        .post(`/v1/applications/${id}/transitions`)
        .set(auth(s.employer.token))
        .send({ to: 'hired', contractStartDate: '2031-03-03' })
        .expect(200);
      const duties = await t
        .http()
        .get('/v1/obligations?pageSize=100')
        .set(auth(s.employer.token))
        .expect(200);
      return duties.body.items.find((o: { placementId: string }) => o.placementId === res.body.placement.id)
        .dueDate as string;
    };
    // Monday 3 March 2031: due Thursday 6 March under the Labour Code rules alone.
    expect(await hire()).toBe('2031-03-06');
    const put = await t
      .http()
      .put('/v1/calendars/RU/2031')
      .set(auth(staff))
      .send({ decree: 'Test decree moving a day off to 4 March', daysOff: ['2031-03-04'], workingDays: [] })
      .expect(200);
    expect(put.body).toMatchObject({ source: 'override', decree: 'Test decree moving a day off to 4 March' });
    expect(put.body.nonWorkingDays).toContain('2031-03-04');
    const read = await t.http().get('/v1/calendars/RU/2031').expect(200);
    expect(read.body.source).toBe('override');
    expect(await hire()).toBe('2031-03-07');
  });
});
