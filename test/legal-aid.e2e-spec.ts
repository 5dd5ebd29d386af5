import { DataSource } from 'typeorm';
import { JOB_QUEUE, JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { LegalAidProcessor } from 'src/modules/legal-aid/legal-aid.processor';
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

  let filedByA: string;
  let handedToB: string;
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
    filedByA = own.body.id;
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
    handedToB = grievanceId;
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

  it('an adviser’s list holds only the grievances assigned to them; staff the queue; a person their own', async () => {
    const ids = async (token: string, query = '') =>
      (await t.http().get(`/v1/grievances?pageSize=100${query}`).set(auth(token)).expect(200)).body.items.map(
        (g: { id: string }) => g.id,
      );
    expect(await ids(adviserA.token)).toEqual([filedByA]);
    expect(await ids(adviserB.token)).toEqual([handedToB]);
    // Filters narrow an adviser's own list, never widen it to someone else's cases.
    expect(await ids(adviserA.token, `&migrantId=${person.id}`)).toEqual([filedByA]);
    expect(await ids(adviserB.token, `&migrantId=${someone.id}`)).toEqual([]);
    expect(await ids(adviserB.token, '&category=documents_retained')).toEqual([handedToB]);
    const queue = await ids(staff);
    expect(queue).toEqual(expect.arrayContaining([filedByA, handedToB]));
    expect((await ids(person.token)).sort()).toEqual([filedByA, handedToB].sort());
    expect(await ids(someone.token)).toEqual([]);
    // The list shows no texts to an adviser either, and is on the audit trail.
    const listed = await t.http().get('/v1/grievances').set(auth(adviserB.token)).expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: handedToB, description: null, reportedTerms: null });
    const audit = await ds.query(
      `SELECT 1 FROM audit_log WHERE action = 'grievance.list' AND actor_id = $1`,
      [adviserB.id],
    );
    expect(audit.length).toBeGreaterThan(0);
    // An adviser at no fair of theirs has nothing assigned: an empty list, not another adviser's cases.
    const elsewhere = await createFairScenario(t, { staff });
    const outsider = await adviser([elsewhere.fair.id]);
    expect(await ids(outsider.token)).toEqual([]);
    await t.http().get('/v1/grievances?state=bogus').set(auth(adviserA.token)).expect(400);
  });

  describe('moving and cancelling a booking', () => {
    let desk: { id: string; slots: { id: string; adviserId: string; startsAt: string }[] };
    let otherDeskSlot: string;
    let tajik: RegisteredMigrant;
    let bookingId: string;
    let userId: string;

    const act = (token: string, id: string, what: 'reschedule' | 'cancel', body: Record<string, unknown>) =>
      t.http().post(`/v1/legal-consultations/${id}/${what}`).set(auth(token)).send(body);
    const notes = (template: string) =>
      ds.query(
        `SELECT channel, locale, payload, attachments FROM notifications
          WHERE recipient_user_id = $1 AND template = $2 ORDER BY created_at`,
        [userId, template],
      );

    beforeAll(async () => {
      const made = await t
        .http()
        .post(`/v1/fairs/${scenario.fair.id}/legal-desks`)
        .set(auth(staff))
        .send({
          name: 'Legal aid 2',
          location: 'Hall C',
          slots: [
            { adviserId: adviserA.id, startsAt: at(5), endsAt: at(5.5) },
            { adviserId: adviserA.id, startsAt: at(30), endsAt: at(30.5) },
            { adviserId: adviserA.id, startsAt: at(31), endsAt: at(31.5) },
            { adviserId: adviserB.id, startsAt: at(32), endsAt: at(32.5) },
            { adviserId: adviserB.id, startsAt: at(33), endsAt: at(33.5) },
          ],
        })
        .expect(201);
      desk = {
        id: made.body.id,
        slots: [...made.body.slots].sort((x, y) => String(x.startsAt).localeCompare(String(y.startsAt))),
      };
      const other = await t
        .http()
        .post(`/v1/fairs/${scenario.fair.id}/legal-desks`)
        .set(auth(staff))
        .send({
          name: 'Legal aid 3',
          slots: [{ adviserId: adviserB.id, startsAt: at(40), endsAt: at(40.5) }],
        })
        .expect(201);
      otherDeskSlot = other.body.slots[0].id;
      tajik = await registerMigrant(t, { preferredLanguage: 'tg' });
      [{ id: userId }] = await ds.query(`SELECT id FROM users WHERE migrant_id = $1`, [tajik.id]);
      const booked = await t
        .http()
        .post('/v1/legal-consultations')
        .set(auth(tajik.token))
        .send({ slotId: desk.slots[0].id, topic: 'patent', lang: 'tg' })
        .expect(201);
      bookingId = booked.body.id;
      expect(booked.body.sequence).toBe(0);
      // Another person holds the third slot.
      await t
        .http()
        .post('/v1/legal-consultations')
        .set(auth(someone.token))
        .send({ slotId: desk.slots[2].id, topic: 'contract' })
        .expect(201);
    });

    it('the person moves it to a free slot of the same desk: ICS SEQUENCE raised, told in Tajik, reminder at the new time', async () => {
      const res = await act(tajik.token, bookingId, 'reschedule', { slotId: desk.slots[1].id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: bookingId,
        slotId: desk.slots[1].id,
        status: 'booked',
        sequence: 1,
        startsAt: desk.slots[1].startsAt,
      });
      expect(res.body.ics).toContain('METHOD:REQUEST');
      expect(res.body.ics).toContain('SEQUENCE:1');
      expect(res.body.ics).toContain(`UID:legal-consultation-${bookingId}@jobfair`);
      const told = await notes('legal_consultation_rescheduled');
      expect(told.map((n: { channel: string; locale: string }) => [n.channel, n.locale])).toEqual(
        expect.arrayContaining([['in_app', 'tg']]),
      );
      // The old slot is free again, the new one taken.
      const desks = await t
        .http()
        .get(`/v1/fairs/${scenario.fair.id}/legal-desks`)
        .set(auth(staff))
        .expect(200);
      const slots = desks.body.items.find((d: { id: string }) => d.id === desk.id).slots;
      const free = (id: string) => slots.find((x: { id: string }) => x.id === id).free;
      expect([free(desk.slots[0].id), free(desk.slots[1].id)]).toEqual([true, false]);
      // The new slot is more than a day away: its reminder waits in the queue with the new time.
      const queue = t.app.get(QueueService).queue(JOB_QUEUE[JobName.LegalConsultationReminder]);
      await waitFor(async () => !!(await queue.getJob(`legal-reminder-${bookingId}-1`)), {
        what: 'the reminder of the moved booking',
        timeoutMs: 15_000,
      });
      const reminder = await queue.getJob(`legal-reminder-${bookingId}-1`);
      expect(reminder?.data).toEqual({
        consultationId: bookingId,
        startsAt: new Date(desk.slots[1].startsAt).toISOString(),
      });
      // A reminder made for the old time sends nothing; the one for the new time tells the new time.
      const processor = t.app.get(LegalAidProcessor);
      const sent = async () =>
        (await notes('legal_consultation_reminder')).filter(
          (n: { channel: string }) => n.channel === 'in_app',
        );
      const before = (await sent()).length;
      await processor.remind({
        consultationId: bookingId,
        startsAt: new Date(desk.slots[0].startsAt).toISOString(),
      });
      expect(await sent()).toHaveLength(before);
      await processor.remind({
        consultationId: bookingId,
        startsAt: new Date(desk.slots[1].startsAt).toISOString(),
      });
      const after = await sent();
      expect(after).toHaveLength(before + 1);
      expect(after[after.length - 1].payload.startsAt).toBe(told[told.length - 1].payload.startsAt);
    });

    it('refuses a taken slot (409), a slot of another desk (404), the same slot (409); others get 404', async () => {
      const taken = await act(tajik.token, bookingId, 'reschedule', { slotId: desk.slots[2].id });
      expect(taken.status).toBe(409);
      expect(taken.body.type).toBe('/problems/slot-taken');
      expect(taken.type).toBe('application/problem+json');
      await act(tajik.token, bookingId, 'reschedule', { slotId: otherDeskSlot }).expect(404);
      await act(tajik.token, bookingId, 'reschedule', { slotId: crypto.randomUUID() }).expect(404);
      await act(tajik.token, bookingId, 'reschedule', { slotId: desk.slots[1].id }).expect(409);
      await act(tajik.token, bookingId, 'reschedule', { slotId: 'soon' }).expect(400);
      await act(tajik.token, bookingId, 'reschedule', {}).expect(400);
      await act(someone.token, bookingId, 'reschedule', { slotId: desk.slots[3].id }).expect(404);
      await act(adviserB.token, bookingId, 'reschedule', { slotId: desk.slots[3].id }).expect(404);
      await act(scenario.employer.token, bookingId, 'reschedule', { slotId: desk.slots[3].id }).expect(403);
      await act(someone.token, bookingId, 'cancel', { reason: 'Не смогу прийти' }).expect(404);
      await act(adviserB.token, bookingId, 'cancel', { reason: 'Не смогу прийти' }).expect(404);
      await act(tajik.token, crypto.randomUUID(), 'cancel', { reason: 'Не смогу прийти' }).expect(404);
      await act(tajik.token, 'x', 'cancel', { reason: 'Не смогу прийти' }).expect(400);
    });

    it('two moves into the same free slot: one wins, the other is told the slot is taken', async () => {
      const second = await t
        .http()
        .post('/v1/legal-consultations')
        .set(auth(person.token))
        .send({ slotId: desk.slots[0].id, topic: 'registration' })
        .expect(201);
      const [x, y] = await Promise.all([
        act(staff, bookingId, 'reschedule', { slotId: desk.slots[4].id }),
        act(staff, second.body.id, 'reschedule', { slotId: desk.slots[4].id }),
      ]);
      expect([x.status, y.status].sort()).toEqual([200, 409]);
      const holders = await ds.query(
        `SELECT id FROM legal_consultations WHERE slot_id = $1 AND status <> 'cancelled'`,
        [desk.slots[4].id],
      );
      expect(holders).toHaveLength(1);
      // Staff put the booking on adviser B's slot: B is now its adviser and may change it; A may not.
      if (holders[0].id !== bookingId) {
        await act(staff, bookingId, 'reschedule', { slotId: desk.slots[3].id }).expect(200);
      }
      const now = await t
        .http()
        .get(`/v1/legal-consultations/${bookingId}`)
        .set(auth(adviserB.token))
        .expect(200);
      expect(now.body.adviserId).toBe(adviserB.id);
      await t.http().get(`/v1/legal-consultations/${bookingId}`).set(auth(adviserA.token)).expect(404);
    });

    it('the booking’s adviser cancels it with a reason: METHOD:CANCEL, the person told, the slot free again', async () => {
      await act(adviserB.token, bookingId, 'cancel', { reason: '' }).expect(400);
      await act(adviserB.token, bookingId, 'cancel', {}).expect(400);
      const before = (await t.http().get(`/v1/legal-consultations/${bookingId}`).set(auth(tajik.token))).body;
      const res = await act(adviserB.token, bookingId, 'cancel', {
        reason: 'Юрист заболел, запишитесь снова',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'cancelled',
        sequence: before.sequence + 1,
        cancelReason: 'Юрист заболел, запишитесь снова',
        cancelledAt: expect.any(String),
      });
      expect(res.body.ics).toContain('METHOD:CANCEL');
      expect(res.body.ics).toContain(`SEQUENCE:${before.sequence + 1}`);
      const told = await notes('legal_consultation_cancelled');
      expect(told).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            channel: 'in_app',
            locale: 'tg',
            payload: expect.objectContaining({ reason: 'Юрист заболел, запишитесь снова' }),
          }),
        ]),
      );
      const [row] = await ds.query(`SELECT cancel_reason_enc FROM legal_consultations WHERE id = $1`, [
        bookingId,
      ]);
      expect(row.cancel_reason_enc).not.toContain('заболел');
      // The slot can be booked again; the cancelled booking moves and cancels no more.
      await t
        .http()
        .post('/v1/legal-consultations')
        .set(auth(someone.token))
        .send({ slotId: before.slotId, topic: 'other' })
        .expect(201);
      const again = await act(tajik.token, bookingId, 'cancel', { reason: 'Ещё раз' });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/problems/invalid-transition');
      await act(staff, bookingId, 'reschedule', { slotId: desk.slots[1].id }).expect(409);
      const mine = await t
        .http()
        .get(`/v1/legal-consultations/${bookingId}`)
        .set(auth(tajik.token))
        .expect(200);
      expect(mine.body).toMatchObject({
        status: 'cancelled',
        cancelReason: 'Юрист заболел, запишитесь снова',
      });
    });

    it('the person cancels their own booking too', async () => {
      // The slot the booking first moved to is free again since it moved on.
      const booked = await t
        .http()
        .post('/v1/legal-consultations')
        .set(auth(tajik.token))
        .send({ slotId: desk.slots[1].id, topic: 'family_women' })
        .expect(201);
      const res = await act(tajik.token, booked.body.id, 'cancel', { reason: 'Уезжаю домой' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', sequence: 1, cancelReason: 'Уезжаю домой' });
    });
  });
});
