import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, login, staffToken, unique, waitFor } from 'test/harness/app';
import { RegisteredMigrant, addMigrantDocument, registerMigrant } from 'test/harness/migrants.factory';
import { dataSourceOf } from 'test/harness/placements.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';

describe('legal-aid desk (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let scenario: FairScenario;
  let adviserA: { id: string; token: string };
  let adviserB: { id: string; token: string };
  let person: RegisteredMigrant;
  let someone: RegisteredMigrant;
  let slots: { id: string; adviserId: string; free: boolean }[];

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

  async function adviser(fairIds: string[]) {
    const email = `${unique('adviser')}@test.jobfair.local`;
    const res = await t
      .http()
      .post('/v1/legal-advisers')
      .set(auth(staff))
      .send({ email, password: 'adviser-password-1', displayName: 'Adviser', fairIds })
      .expect(201);
    expect(res.body.role).toBe('legal_adviser');
    return { id: res.body.id as string, token: await login(t, { email, password: 'adviser-password-1' }) };
  }

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    scenario = await createFairScenario(t, { staff });
    adviserA = await adviser([scenario.fair.id]);
    adviserB = await adviser([scenario.fair.id]);
    person = await registerMigrant(t, { gender: 'female' });
    someone = await registerMigrant(t);
    await addMigrantDocument(t, person.token, person.id, { type: 'passport', number: 'FA1234567' });
    const desk = await t
      .http()
      .post(`/v1/fairs/${scenario.fair.id}/legal-desks`)
      .set(auth(staff))
      .send({
        name: 'Legal aid',
        location: 'Hall B',
        slots: [
          { adviserId: adviserA.id, startsAt: at(3), endsAt: at(3.5) },
          { adviserId: adviserA.id, startsAt: at(3.5), endsAt: at(4) },
          { adviserId: adviserB.id, startsAt: at(3), endsAt: at(3.5) },
        ],
      })
      .expect(201);
    // Slots of adviser A first, in time order.
    slots = [...desk.body.slots].sort(
      (x, y) => Number(x.adviserId !== adviserA.id) - Number(y.adviserId !== adviserA.id),
    );
  });
  afterAll(() => t.close());

  it('lists the active advisers with their fairs to staff only', async () => {
    const res = await t.http().get('/v1/legal-advisers').set(auth(staff)).expect(200);
    const mine = res.body.items.filter((a: { id: string }) => [adviserA.id, adviserB.id].includes(a.id));
    expect(mine).toHaveLength(2);
    for (const a of mine) expect(a).toMatchObject({ displayName: 'Adviser', fairIds: [scenario.fair.id] });
    await ds.query(`UPDATE users SET disabled = true WHERE id = $1`, [adviserB.id]);
    try {
      const after = await t.http().get('/v1/legal-advisers').set(auth(staff)).expect(200);
      expect(after.body.items.map((a: { id: string }) => a.id)).not.toContain(adviserB.id);
    } finally {
      await ds.query(`UPDATE users SET disabled = false WHERE id = $1`, [adviserB.id]);
    }
    await t.http().get('/v1/legal-advisers').set(auth(person.token)).expect(403);
    await t.http().get('/v1/legal-advisers').set(auth(adviserA.token)).expect(403);
  });

  it('staff only create advisers and desks; an adviser must work at the fair; slots never overlap', async () => {
    await t
      .http()
      .post('/v1/legal-advisers')
      .set(auth(person.token))
      .send({
        email: 'x@test.jobfair.local',
        password: 'adviser-password-1',
        displayName: 'x',
        fairIds: [scenario.fair.id],
      })
      .expect(403);
    const elsewhere = await createFairScenario(t, { staff });
    const outsider = await adviser([elsewhere.fair.id]);
    const desk = (body: Record<string, unknown>) =>
      t.http().post(`/v1/fairs/${scenario.fair.id}/legal-desks`).set(auth(staff)).send(body);
    await desk({ name: 'X', slots: [{ adviserId: outsider.id, startsAt: at(5), endsAt: at(6) }] }).expect(
      422,
    );
    const overlap = await desk({
      name: 'X',
      slots: [{ adviserId: adviserA.id, startsAt: at(3.25), endsAt: at(3.75) }],
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.type).toBe('/problems/slot-overlap');
    await desk({ name: 'X', slots: [{ adviserId: adviserA.id, startsAt: 'soon', endsAt: at(6) }] }).expect(
      400,
    );
    await t
      .http()
      .post(`/v1/fairs/${crypto.randomUUID()}/legal-desks`)
      .set(auth(staff))
      .send({ name: 'X', slots: [] })
      .expect(404);
  });

  it('lists the desks with free slots to a person', async () => {
    const res = await t
      .http()
      .get(`/v1/fairs/${scenario.fair.id}/legal-desks`)
      .set(auth(person.token))
      .expect(200);
    expect(res.body.items[0].slots).toHaveLength(3);
    expect(res.body.items[0].slots.every((s: { free: boolean }) => s.free)).toBe(true);
  });

  let booking: string;
  it('a person books a slot on a topic and gets an ICS; the same slot cannot be booked twice', async () => {
    const book = (token: string, body: Record<string, unknown>) =>
      t.http().post('/v1/legal-consultations').set(auth(token)).send(body);
    await book(person.token, { slotId: slots[0].id, topic: 'astrology' }).expect(400);
    const res = await book(person.token, { slotId: slots[0].id, topic: 'family_women', lang: 'tg' }).expect(
      201,
    );
    expect(res.body).toMatchObject({
      status: 'booked',
      topic: 'family_women',
      adviserId: adviserA.id,
      channel: 'online',
    });
    expect(res.body.ics).toContain('BEGIN:VCALENDAR');
    booking = res.body.id;
    // The slot is within a day: the reminder goes at once, through the queue, in the person's language.
    const [user] = await ds.query(`SELECT id FROM users WHERE migrant_id = $1`, [person.id]);
    await waitFor(
      async () =>
        (
          await ds.query(
            `SELECT 1 FROM notifications WHERE recipient_user_id = $1 AND template = 'legal_consultation_reminder'
               AND channel = 'in_app'`,
            [user.id],
          )
        ).length === 1,
      { what: 'consultation reminder', timeoutMs: 15_000 },
    );
    const again = await book(someone.token, { slotId: slots[0].id, topic: 'patent' });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('/problems/slot-taken');
    await book(scenario.employer.token, { slotId: slots[1].id, topic: 'patent' }).expect(403);
  });

  it('a kiosk books for a visitor of its fair only', async () => {
    const kiosk = (body: Record<string, unknown>) =>
      t.http().post('/v1/kiosk/legal-consultations').set(auth(scenario.kiosk.token)).send(body);
    await kiosk({ slotId: slots[1].id, topic: 'patent', migrantId: someone.id }).expect(404);
    await ds.query(`INSERT INTO fair_attendance (fair_id, migrant_id) VALUES ($1, $2)`, [
      scenario.fair.id,
      someone.id,
    ]);
    const res = await kiosk({ slotId: slots[1].id, topic: 'registration', migrantId: someone.id }).expect(
      201,
    );
    expect(res.body.channel).toBe('kiosk');
  });

  it('an adviser sees only their own bookings, and the person’s facts and documents for them (audited)', async () => {
    await t.http().get(`/v1/legal-consultations/${booking}`).set(auth(adviserA.token)).expect(200);
    await t.http().get(`/v1/legal-consultations/${booking}`).set(auth(adviserB.token)).expect(404);
    await t.http().get(`/v1/legal-consultations/${booking}`).set(auth(someone.token)).expect(404);
    const listB = await t.http().get('/v1/legal-consultations').set(auth(adviserB.token)).expect(200);
    expect(listB.body.items).toEqual([]);
    const listA = await t.http().get('/v1/legal-consultations').set(auth(adviserA.token)).expect(200);
    expect(listA.body.items.map((i: { id: string }) => i.id)).toContain(booking);

    await t.http().get(`/v1/legal-consultations/${booking}/person`).set(auth(adviserB.token)).expect(404);
    await t.http().get(`/v1/legal-consultations/${booking}/person`).set(auth(person.token)).expect(403);
    const facts = await t
      .http()
      .get(`/v1/legal-consultations/${booking}/person`)
      .set(auth(adviserA.token))
      .expect(200);
    expect(facts.body.migrantId).toBe(person.id);
    expect(facts.body.eligibilityFacts).toBeDefined();
    expect(facts.body.documents).toEqual([expect.objectContaining({ type: 'passport' })]);
    expect(JSON.stringify(facts.body.documents)).not.toContain('FA1234567');
    const audit = await ds.query(
      `SELECT actor_id FROM audit_log WHERE action = 'legal_consultation.person_read' AND subject_id = $1`,
      [booking],
    );
    expect(audit).toEqual([{ actor_id: adviserA.id }]);
  });

  it('an adviser files a grievance only for a person who consulted them (404 for anyone else)', async () => {
    const complaint = { category: 'wages_unpaid', description: 'Не заплатили за октябрь' };
    const file = (token: string, migrantId: string) =>
      t
        .http()
        .post('/v1/grievances')
        .set(auth(token))
        .send({ ...complaint, migrantId });
    expect((await file(adviserB.token, person.id)).status).toBe(404);
    const stranger = await registerMigrant(t);
    expect((await file(adviserA.token, stranger.id)).status).toBe(404);
    const own = await file(adviserA.token, person.id);
    expect(own.status).toBe(201);
  });

  it('the adviser records the outcome and opens a grievance from it, which only they and staff read', async () => {
    await t
      .http()
      .post(`/v1/legal-consultations/${booking}/outcome`)
      .set(auth(adviserB.token))
      .send({ outcome: 'x' })
      .expect(404);
    const res = await t
      .http()
      .post(`/v1/legal-consultations/${booking}/outcome`)
      .set(auth(adviserA.token))
      .send({
        outcome: 'Работодатель удерживает паспорт; объяснили права',
        grievance: { category: 'documents_retained', description: 'Паспорт у работодателя с сентября' },
      })
      .expect(201);
    expect(res.body.status).toBe('done');
    expect(res.body.outcome).toContain('паспорт');
    const grievanceId = res.body.grievanceId;
    const g = await t.http().get(`/v1/grievances/${grievanceId}`).set(auth(adviserA.token)).expect(200);
    expect(g.body).toMatchObject({ migrantId: person.id, urgent: true, channel: 'desk' });
    await t.http().get(`/v1/grievances/${grievanceId}`).set(auth(adviserB.token)).expect(404);
    await t.http().get(`/v1/grievances/${grievanceId}`).set(auth(person.token)).expect(200);
    expect(g.body.assignedAdviserId).toBe(adviserA.id);

    // Staff hand the case to another adviser, who may then read it and move it; the first no longer reads it.
    const assign = (token: string, adviserId: string) =>
      t.http().post(`/v1/grievances/${grievanceId}/assignment`).set(auth(token)).send({ adviserId });
    await assign(adviserA.token, adviserB.id).expect(403);
    await assign(staff, person.id).expect(422);
    await assign(staff, adviserB.id).expect(200);
    await t.http().get(`/v1/grievances/${grievanceId}`).set(auth(adviserB.token)).expect(200);
    await t.http().get(`/v1/grievances/${grievanceId}`).set(auth(adviserA.token)).expect(404);
    await t
      .http()
      .post(`/v1/grievances/${grievanceId}/transitions`)
      .set(auth(adviserB.token))
      .send({ to: 'in_review' })
      .expect(200);
    const read = await ds.query(
      `SELECT actor_id FROM audit_log WHERE action = 'grievance.read' AND subject_id = $1`,
      [grievanceId],
    );
    expect(read.map((r: { actor_id: string }) => r.actor_id)).toEqual(
      expect.arrayContaining([adviserA.id, adviserB.id]),
    );
    const mine = await t.http().get(`/v1/legal-consultations/${booking}`).set(auth(person.token)).expect(200);
    expect(mine.body.outcome).toBeNull();
    const [row] = await ds.query(`SELECT outcome_enc FROM legal_consultations WHERE id = $1`, [booking]);
    expect(row.outcome_enc).not.toContain('паспорт');
  });
});
