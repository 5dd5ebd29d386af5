import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from './harness/app';
import { applyOnline } from './harness/applications.factory';
import { addMigrantDocument, registerMigrant } from './harness/migrants.factory';
import { dataSourceOf } from './harness/placements.factory';
import {
  createPublishedVacancy,
  createVacancy,
  createVerifiedEmployer,
  registerEmployer,
} from './harness/supply.factory';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Only employers that staff verified reach jobseekers; users who are no longer active stop at once. */
describe('Employer clearance and active users (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let visibleMigrantId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    const visible = await registerMigrant(t, {
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
      occupations: [{ code: '5120', years: 4 }],
    });
    visibleMigrantId = visible.id;
  });
  afterAll(() => t.close());

  function expectNotCleared(
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: string,
  ) {
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: '/problems/employer-not-cleared',
      status: 403,
      employerStatus: status,
    });
    expect(String(res.body.detail)).toMatch(/labour department/);
  }

  it('lets a pending employer prepare drafts but refuses candidates, profiles and applications with 403', async () => {
    const pending = await registerEmployer(t);
    const draft = await createVacancy(t, pending.token);
    expect(draft.status).toBe('draft');
    await t.http().get(`/v1/employers/${pending.id}`).set(auth(pending.token)).expect(200);
    await t
      .http()
      .patch(`/v1/employers/${pending.id}`)
      .set(auth(pending.token))
      .send({ address: 'Москва, ул. Новая, 2' })
      .expect(200);
    const edited = await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(pending.token))
      .send({ positions: 2, version: draft.version })
      .expect(200);
    expect(edited.body.positions).toBe(2);
    await t.http().get('/v1/auth/me').set(auth(pending.token)).expect(200);

    expectNotCleared(
      await t.http().get(`/v1/vacancies/${draft.id}/candidates`).set(auth(pending.token)),
      'pending',
    );
    expectNotCleared(
      await t.http().get(`/v1/migrants/${visibleMigrantId}`).set(auth(pending.token)),
      'pending',
    );
    expectNotCleared(
      await t.http().get(`/v1/migrants/${visibleMigrantId}/eligibility`).set(auth(pending.token)),
      'pending',
    );
    expectNotCleared(await t.http().get('/v1/applications').set(auth(pending.token)), 'pending');
    expectNotCleared(await t.http().get('/v1/placements').set(auth(pending.token)), 'pending');
    // Publishing keeps its own answer: the draft waits for verification.
    const publish = await t.http().post(`/v1/vacancies/${draft.id}/publish`).set(auth(pending.token));
    expect(publish.status).toBe(409);
    expect(publish.body.type).toBe('/problems/employer-not-verified');
  });

  it('opens candidates and consenting profiles once staff verified the employer', async () => {
    const employer = await registerEmployer(t);
    const draft = await createVacancy(t, employer.token);
    expect(
      (await t.http().get(`/v1/vacancies/${draft.id}/candidates`).set(auth(employer.token))).status,
    ).toBe(403);
    await t.http().post(`/v1/employers/${employer.id}/verify`).set(auth(staff)).expect(200);
    // The same token works at once: the status is read on every request, not carried in the token.
    await t.http().get(`/v1/vacancies/${draft.id}/candidates`).set(auth(employer.token)).expect(200);
    await t.http().get(`/v1/migrants/${visibleMigrantId}`).set(auth(employer.token)).expect(200);
  });

  it('tells a rejected employer to correct its details and ask for a review', async () => {
    const employer = await registerEmployer(t);
    await t
      .http()
      .post(`/v1/employers/${employer.id}/reject`)
      .set(auth(staff))
      .send({ reason: 'Tax id does not match the registry' })
      .expect(200);
    const res = await t.http().get(`/v1/migrants/${visibleMigrantId}`).set(auth(employer.token));
    expectNotCleared(res, 'rejected');
    expect(String(res.body.detail)).toMatch(/review/);
    // Correcting the name is the request for review: back to pending, on the audit trail.
    const patched = await t
      .http()
      .patch(`/v1/employers/${employer.id}`)
      .set(auth(employer.token))
      .send({ name: 'ООО «Исправленное имя»' })
      .expect(200);
    expect(patched.body.status).toBe('pending');
  });

  it('returns a verified employer to review when it changes its name or kind, not its address', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token);
    const address = await t
      .http()
      .patch(`/v1/employers/${employer.id}`)
      .set(auth(employer.token))
      .send({ address: 'Москва, ул. Другая, 5' })
      .expect(200);
    expect(address.body.status).toBe('verified');

    const kind = await t
      .http()
      .patch(`/v1/employers/${employer.id}`)
      .set(auth(employer.token))
      .send({ kind: 'individual' })
      .expect(200);
    expect(kind.body.status).toBe('pending');
    expectNotCleared(
      await t.http().get(`/v1/vacancies/${vacancy.id}/candidates`).set(auth(employer.token)),
      'pending',
    );
    const [audit] = await ds.query(
      `SELECT action, reason FROM audit_log WHERE subject_id = $1 AND action = 'employer.review_requested'`,
      [employer.id],
    );
    expect(audit).toEqual({ action: 'employer.review_requested', reason: 'kind changed while verified' });

    // Staff correcting the same field is the review itself and keeps the status.
    await t.http().post(`/v1/employers/${employer.id}/verify`).set(auth(staff)).expect(200);
    const byStaff = await t
      .http()
      .patch(`/v1/employers/${employer.id}`)
      .set(auth(staff))
      .send({ name: 'ООО «Имя от сотрудника»' })
      .expect(200);
    expect(byStaff.body.status).toBe('verified');
  });

  it('closes candidates to an employer that staff suspend, at once, saying why, and reopens them when lifted', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token);
    await t.http().get(`/v1/vacancies/${vacancy.id}/candidates`).set(auth(employer.token)).expect(200);
    await t
      .http()
      .post(`/v1/employers/${employer.id}/suspension`)
      .set(auth(staff))
      .send({ reason: 'Workers report unpaid wages' })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const refused = await t.http().get(`/v1/vacancies/${vacancy.id}/candidates`).set(auth(employer.token));
    expectNotCleared(refused, 'suspended');
    expect(String(refused.body.detail)).toMatch(/suspended/);
    // Its own account stays open, so it can read why.
    await t.http().get(`/v1/employers/${employer.id}`).set(auth(employer.token)).expect(200);
    await t
      .http()
      .delete(`/v1/employers/${employer.id}/suspension`)
      .set(auth(staff))
      .send({})
      .expect((res) => expect(res.status).toBeLessThan(300));
    await t.http().get(`/v1/vacancies/${vacancy.id}/candidates`).set(auth(employer.token)).expect(200);
  });

  it('stops the token of a disabled user, and of an erased person, at once', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    await t.http().get('/v1/auth/me').set(auth(employer.token)).expect(200);
    await ds.query(`UPDATE users SET disabled = true WHERE employer_id = $1`, [employer.id]);
    const refused = await t.http().get('/v1/auth/me').set(auth(employer.token));
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toMatch(/no longer active/);
    // On a public route the stale token is simply not a principal.
    await t.http().get('/v1/vacancies').set(auth(employer.token)).expect(200);

    const person = await registerMigrant(t);
    await t.http().get(`/v1/migrants/${person.id}`).set(auth(person.token)).expect(200);
    await t.http().post(`/v1/migrants/${person.id}/erase`).set(auth(staff)).expect(200);
    await t.http().get(`/v1/migrants/${person.id}`).set(auth(person.token)).expect(401);
  });

  it('shows the phone and the eligibility facts to an employer only while an application to it is under way', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token);
    const person = await registerMigrant(t, {
      citizenship: 'TJ',
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
    });
    await addMigrantDocument(t, person.token, person.id, {
      type: 'patent',
      number: 'PT1234567',
      region: 'RU-MOW',
      validFrom: '2026-01-10',
      validUntil: '2027-01-09',
    });
    const profile = () => t.http().get(`/v1/migrants/${person.id}`).set(auth(employer.token)).expect(200);
    const eligibility = () =>
      t
        .http()
        .get(`/v1/migrants/${person.id}/eligibility?vacancyId=${vacancy.id}&lang=en`)
        .set(auth(employer.token))
        .expect(200);

    // Visible by consent only: the answer, not the documents behind it, and no phone.
    expect((await profile()).body.phone).toBeUndefined();
    const before = (await eligibility()).body;
    expect(before.status).toEqual(expect.any(String));
    expect(before.checks).toEqual([]);
    expect(JSON.stringify(before)).not.toMatch(/2027-01-09|patent.*RU-MOW/i);
    for (const step of before.steps) expect(Object.keys(step)).toEqual(['code']);

    const application = await applyOnline(t, person.token, vacancy.id);
    expect((await profile()).body.phone).toBe(person.phone);
    const during = (await eligibility()).body;
    expect(during.checks.length).toBeGreaterThan(0);
    expect(during.checks.map((c: { code: string }) => c.code)).toContain('PATENT_VALID');

    await t.http().post(`/v1/applications/${application.id}/withdraw`).set(auth(person.token)).expect(200);
    expect((await profile()).body.phone).toBeUndefined();
    expect((await eligibility()).body.checks).toEqual([]);
  });
});
