import { DataSource } from 'typeorm';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  canTransition,
} from 'src/modules/applications/application-state';
import { ObligationsService } from 'src/modules/placements/obligations.service';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { RegisteredMigrant } from 'test/harness/migrants.factory';
import {
  HiringSetup,
  createHiringSetup,
  dataSourceOf,
  insertApplication,
  insertMigrant,
  registerEaeuMigrant,
} from 'test/harness/placements.factory';

describe('pipeline, placements and obligations (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let setup: HiringSetup;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    setup = await createHiringSetup(t, staff, { positions: 50 });
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const transition = (token: string, id: string, body: Record<string, unknown>) =>
    t.http().post(`/v1/applications/${id}/transitions`).set(auth(token)).send(body);

  /** An application by an EAEU citizen (eligible in Russia without documents) in the given status. */
  async function application(status: ApplicationStatus, s: HiringSetup = setup, migrantId?: string) {
    const migrant = migrantId ?? (await insertMigrant(ds, { citizenship: 'KG' }));
    const id = await insertApplication(ds, {
      migrantId: migrant,
      vacancyId: s.vacancy.id,
      employerId: s.employer.id,
      status,
    });
    return { id, migrantId: migrant };
  }

  describe('the state machine, every pair', () => {
    const cases = APPLICATION_STATUSES.flatMap((from) =>
      APPLICATION_STATUSES.map((to) => [from, to, canTransition(from, to)] as const),
    );

    it.each(cases)('%s → %s (legal: %s)', async (from, to, legal) => {
      const { id } = await application(from);
      const body: Record<string, unknown> = { to, reason: `test ${from}→${to}` };
      if (to === 'hired') body.contractStartDate = '2026-12-01';
      const res = await transition(staff, id, body);
      if (legal) {
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ applicationId: id, from, status: to });
        const history = await t.http().get(`/v1/applications/${id}/history`).set(auth(staff)).expect(200);
        expect(history.body.status).toBe(to);
        expect(history.body.items.at(-1)).toMatchObject({
          from,
          to,
          actorRole: 'staff',
          reason: body.reason,
        });
      } else {
        expect(res.status).toBe(409);
        expect(res.body.type).toBe('/problems/invalid-transition');
        const [row] = await ds.query(`SELECT status FROM applications WHERE id = $1`, [id]);
        expect(row.status).toBe(from);
      }
    });
  });

  describe('who may move an application', () => {
    let migrant: RegisteredMigrant;
    let other: RegisteredMigrant;
    let otherSetup: HiringSetup;

    beforeAll(async () => {
      migrant = await registerEaeuMigrant(t);
      other = await registerEaeuMigrant(t);
      otherSetup = await createHiringSetup(t, staff);
    });

    it('lets the applicant withdraw but nothing else (403), and hides others’ applications (404)', async () => {
      const { id } = await application('submitted', setup, migrant.id);
      await transition(migrant.token, id, { to: 'shortlisted' }).expect(403);
      await transition(other.token, id, { to: 'withdrawn' }).expect(404);
      await transition(otherSetup.employer.token, id, { to: 'shortlisted' }).expect(404);
      const res = await transition(migrant.token, id, {
        to: 'withdrawn',
        reason: 'Found another job',
      }).expect(200);
      expect(res.body.status).toBe('withdrawn');
      await transition(migrant.token, id, { to: 'withdrawn' }).expect(409);
    });

    it('lets the owning employer move it and shows the history to the parties only', async () => {
      const { id } = await application('submitted');
      await transition(setup.employer.token, id, { to: 'shortlisted' }).expect(200);
      const mine = await application('submitted', otherSetup, migrant.id);
      for (const token of [staff, otherSetup.employer.token, migrant.token]) {
        const res = await t.http().get(`/v1/applications/${mine.id}/history`).set(auth(token)).expect(200);
        expect(res.body.items.map((i: { to: string }) => i.to)).toEqual(['submitted']);
      }
      await t.http().get(`/v1/applications/${mine.id}/history`).set(auth(other.token)).expect(404);
      await t.http().get(`/v1/applications/${mine.id}/history`).set(auth(setup.employer.token)).expect(404);
      await t.http().get(`/v1/applications/not-a-uuid/history`).set(auth(staff)).expect(400);
    });

    it('refuses unknown targets and contract dates outside a hire with 400', async () => {
      const { id } = await application('submitted');
      await transition(staff, id, { to: 'promoted' }).expect(400);
      await transition(staff, id, { to: 'shortlisted', contractStartDate: '2026-12-01' }).expect(400);
      await transition(staff, id, { to: 'shortlisted', extra: 1 }).expect(400);
    });
  });

  describe('hiring', () => {
    it('refuses a start date on which the person may not legally work (422 with the eligibility result)', async () => {
      // Turns 18 on 2026-09-01: too young on 1 August, fine from September.
      const minor = await insertMigrant(ds, { citizenship: 'KG', birthDate: '2008-09-01' });
      const { id } = await application('offered', setup, minor);
      const refused = await transition(staff, id, { to: 'hired', contractStartDate: '2026-08-03' }).expect(
        422,
      );
      expect(refused.body.type).toBe('/problems/not-eligible');
      expect(refused.body.eligibility.status).toBe('ineligible');
      expect(refused.body.eligibility.checks).toContainEqual(
        expect.objectContaining({ code: 'MINIMUM_AGE', passed: false }),
      );
      const [row] = await ds.query(`SELECT status FROM applications WHERE id = $1`, [id]);
      expect(row.status).toBe('offered');
      const hired = await transition(staff, id, { to: 'hired', contractStartDate: '2026-09-07' }).expect(200);
      expect(hired.body.placement).toMatchObject({ status: 'active', contractStartDate: '2026-09-07' });
    });

    it('refuses a conditional result too: a patent national without a patent cannot start yet', async () => {
      const uz = await insertMigrant(ds, { citizenship: 'UZ' });
      const { id } = await application('offered', setup, uz);
      const res = await transition(staff, id, { to: 'hired', contractStartDate: '2026-12-01' }).expect(422);
      expect(res.body.eligibility.status).toBe('conditional');
      expect(res.body.eligibility.steps.length).toBeGreaterThan(0);
    });

    it('creates the placement, fills the vacancy at its last position and tells the worker', async () => {
      const single = await createHiringSetup(t, staff, { positions: 1 });
      const migrant = await registerEaeuMigrant(t);
      const first = await application('offered', single, migrant.id);
      const second = await application('offered', single);
      const res = await transition(single.employer.token, first.id, {
        to: 'hired',
        contractStartDate: '2026-12-25',
        contractEndDate: '2027-12-24',
      }).expect(200);
      expect(res.body.placement).toMatchObject({
        applicationId: first.id,
        migrantId: migrant.id,
        vacancyId: single.vacancy.id,
        employerId: single.employer.id,
        contractStartDate: '2026-12-25',
        contractEndDate: '2027-12-24',
        status: 'active',
      });
      expect(res.body.eligibility.status).toBe('eligible');
      const vacancy = await t.http().get(`/v1/vacancies/${single.vacancy.id}`).expect(200);
      expect(vacancy.body.status).toBe('filled');
      const outbox = await ds.query(
        `SELECT 1 FROM outbox WHERE job_name = 'search.index-vacancy' AND payload->>'vacancyId' = $1`,
        [single.vacancy.id],
      );
      expect(outbox.length).toBeGreaterThan(0);
      const notes = await ds.query(
        `SELECT n.channel FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE u.migrant_id = $1 AND n.template = 'hired'`,
        [migrant.id],
      );
      expect(notes.map((n: { channel: string }) => n.channel)).toContain('in_app');
      // The only position is taken: a second hire is a conflict and changes nothing.
      await transition(staff, second.id, { to: 'hired', contractStartDate: '2026-12-25' }).expect(409);
      const [row] = await ds.query(`SELECT status FROM applications WHERE id = $1`, [second.id]);
      expect(row.status).toBe('offered');
    });

    it('needs a contract start date and an end not before it', async () => {
      const { id } = await application('offered');
      await transition(staff, id, { to: 'hired' }).expect(400);
      await transition(staff, id, {
        to: 'hired',
        contractStartDate: '2026-12-01',
        contractEndDate: '2026-11-01',
      }).expect(400);
    });
  });

  describe('placements and employers’ duties', () => {
    let own: HiringSetup;
    let stranger: HiringSetup;
    const hire = async (s: HiringSetup, contractStartDate: string) => {
      const { id } = await application('offered', s);
      const res = await transition(s.employer.token, id, { to: 'hired', contractStartDate }).expect(200);
      return res.body.placement as { id: string };
    };
    const obligationsOf = async (token: string, query = '') =>
      (await t.http().get(`/v1/obligations?pageSize=100${query}`).set(auth(token)).expect(200)).body
        .items as {
        id: string;
        placementId: string;
        kind: string;
        dueDate: string;
        status: string;
        overdue: boolean;
      }[];

    beforeAll(async () => {
      own = await createHiringSetup(t, staff, { positions: 10 });
      stranger = await createHiringSetup(t, staff, { positions: 10 });
    });

    it('gives a hire on Friday 25 December 2026 a deadline of Wednesday 30 December', async () => {
      const placement = await hire(own, '2026-12-25');
      const duty = (await obligationsOf(own.employer.token)).find((o) => o.placementId === placement.id)!;
      expect(duty).toMatchObject({ kind: 'hire_notification', dueDate: '2026-12-30', status: 'open' });
    });

    it('counts across the New Year holidays: 30 December 2025 → 14 January 2026, overdue now', async () => {
      const placement = await hire(own, '2025-12-30');
      const duty = (await obligationsOf(own.employer.token)).find((o) => o.placementId === placement.id)!;
      expect(duty).toMatchObject({ dueDate: '2026-01-14', overdue: true });
      const overdue = await obligationsOf(own.employer.token, '&status=overdue');
      expect(overdue.map((o) => o.id)).toContain(duty.id);
      expect(overdue.every((o) => o.overdue)).toBe(true);
    });

    it('creates no Russian duty for a hire in Kazakhstan', async () => {
      const kz = await createHiringSetup(t, staff, { country: 'KZ' });
      await hire(kz, '2026-12-01');
      expect(await obligationsOf(kz.employer.token)).toEqual([]);
    });

    it('terminates a placement and opens the termination duty', async () => {
      const placement = await hire(own, '2026-12-01');
      await t
        .http()
        .post(`/v1/placements/${placement.id}/terminate`)
        .set(auth(stranger.employer.token))
        .send({ date: '2026-12-31', reason: 'x' })
        .expect(404);
      await t
        .http()
        .post(`/v1/placements/${placement.id}/terminate`)
        .set(auth(own.employer.token))
        .send({ date: '2026-11-30', reason: 'Before the start' })
        .expect(400);
      const res = await t
        .http()
        .post(`/v1/placements/${placement.id}/terminate`)
        .set(auth(own.employer.token))
        .send({ date: '2026-12-31', reason: 'Agreement of the parties' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'terminated', terminatedOn: '2026-12-31' });
      const duty = (await obligationsOf(own.employer.token)).find(
        (o) => o.placementId === placement.id && o.kind === 'termination_notification',
      );
      // 31 December 2026 is a day off (decree), then the New Year holidays: 12, 13, 14 January.
      expect(duty?.dueDate).toBe('2027-01-13');
      await t
        .http()
        .post(`/v1/placements/${placement.id}/terminate`)
        .set(auth(staff))
        .send({ date: '2026-12-31', reason: 'again' })
        .expect(409);
    });

    it('scopes placements: the employer its own, staff all', async () => {
      const mine = await t
        .http()
        .get('/v1/placements?pageSize=100')
        .set(auth(own.employer.token))
        .expect(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((p: { employerId: string }) => p.employerId === own.employer.id)).toBe(
        true,
      );
      await t
        .http()
        .get(`/v1/placements?employerId=${stranger.employer.id}`)
        .set(auth(own.employer.token))
        .expect(404);
      const all = await t
        .http()
        .get(`/v1/placements?employerId=${own.employer.id}`)
        .set(auth(staff))
        .expect(200);
      expect(all.body.total).toBe(mine.body.total);
    });

    it('hides another employer’s duties (404) and keeps them from migrants (403)', async () => {
      await t
        .http()
        .get(`/v1/obligations?employerId=${own.employer.id}`)
        .set(auth(stranger.employer.token))
        .expect(404);
      const migrant = await registerEaeuMigrant(t);
      await t.http().get('/v1/obligations').set(auth(migrant.token)).expect(403);
      const staffView = await obligationsOf(staff, `&employerId=${own.employer.id}`);
      expect(staffView.length).toBe((await obligationsOf(own.employer.token)).length);
      await t.http().get('/v1/obligations?status=late').set(auth(staff)).expect(400);
    });

    it('records a duty as done once, by its employer only', async () => {
      const placement = await hire(own, '2026-11-02');
      const duty = (await obligationsOf(own.employer.token)).find((o) => o.placementId === placement.id)!;
      const body = { completedAt: '2026-11-03T10:00:00+03:00', reference: 'MVD 77-000123' };
      await t
        .http()
        .post(`/v1/obligations/${duty.id}/complete`)
        .set(auth(stranger.employer.token))
        .send(body)
        .expect(404);
      await t
        .http()
        .post(`/v1/obligations/${duty.id}/complete`)
        .set(auth(own.employer.token))
        .send({ ...body, completedAt: '2099-01-01T00:00:00Z' })
        .expect(400);
      const done = await t
        .http()
        .post(`/v1/obligations/${duty.id}/complete`)
        .set(auth(own.employer.token))
        .send(body)
        .expect(200);
      expect(done.body).toMatchObject({ status: 'done', reference: 'MVD 77-000123', overdue: false });
      await t.http().post(`/v1/obligations/${duty.id}/complete`).set(auth(staff)).send(body).expect(409);
      const doneList = await obligationsOf(own.employer.token, '&status=done');
      expect(doneList.map((o) => o.id)).toContain(duty.id);
    });

    it('reminds the day before the deadline and once more when overdue, never twice', async () => {
      const s = await createHiringSetup(t, staff);
      const placement = await hire(s, '2026-12-25');
      const [duty] = (await obligationsOf(s.employer.token)).filter((o) => o.placementId === placement.id);
      const sweeps = t.app.get(ObligationsService);
      const sent = async () =>
        (
          await ds.query(
            `SELECT template, channel FROM notifications WHERE dedupe_key LIKE $1 ORDER BY template, channel`,
            [`obligation:${duty.id}:%`],
          )
        ).map((r: { template: string; channel: string }) => `${r.template}/${r.channel}`);
      await sweeps.sweep('2026-12-28');
      expect(await sent()).toEqual([]);
      await sweeps.sweep('2026-12-29');
      await sweeps.sweep('2026-12-29');
      // Employer users log in by e-mail: e-mail and in-app.
      expect(await sent()).toEqual(['obligation_due/email', 'obligation_due/in_app']);
      await sweeps.sweep('2026-12-31');
      await sweeps.sweep('2027-01-02');
      expect(await sent()).toEqual([
        'obligation_due/email',
        'obligation_due/in_app',
        'obligation_overdue/email',
        'obligation_overdue/in_app',
      ]);
    });

    it('warns the placed worker and the employer 10 days before a patent’s paid period ends', async () => {
      const s = await createHiringSetup(t, staff);
      const migrant = await registerEaeuMigrant(t);
      const { id } = await application('offered', s, migrant.id);
      await transition(staff, id, { to: 'hired', contractStartDate: '2026-12-01' }).expect(200);
      const [doc] = await ds.query(
        `INSERT INTO migrant_documents (migrant_id, type, region, valid_from, valid_until)
         VALUES ($1, 'patent', 'RU-MOW', '2026-01-11', '2027-03-11') RETURNING id`,
        [migrant.id],
      );
      const sweeps = t.app.get(ObligationsService);
      const sent = async () =>
        (
          await ds.query(
            `SELECT DISTINCT template FROM notifications WHERE dedupe_key LIKE $1 ORDER BY template`,
            [`patent:${doc.id}:%`],
          )
        ).map((r: { template: string }) => r.template);
      await sweeps.sweepPatents('2027-02-28');
      expect(await sent()).toEqual([]);
      await sweeps.sweepPatents('2027-03-01');
      await sweeps.sweepPatents('2027-03-01');
      expect(await sent()).toEqual(['patent_expiring_employer', 'patent_expiring_migrant']);
      const [{ count }] = await ds.query(
        `SELECT count(*)::int AS count FROM notifications WHERE dedupe_key LIKE $1`,
        [`patent:${doc.id}:%`],
      );
      const again = await sweeps.sweepPatents('2027-03-01');
      // The run finds this patent again (other specs' placed workers may end on the same day too) and sends nothing new.
      expect(again.reminded).toBeGreaterThanOrEqual(1);
      const [{ count: after }] = await ds.query(
        `SELECT count(*)::int AS count FROM notifications WHERE dedupe_key LIKE $1`,
        [`patent:${doc.id}:%`],
      );
      expect(after).toBe(count);
    });
  });
});
