import { DataSource } from 'typeorm';
import { hashPassword } from 'src/common/crypto/password';
import { inTransaction } from 'src/database/transaction';
import { MigrantsService } from 'src/modules/migrants/migrants.service';
import { TestApp, bootTestApp, login, staffToken, unique } from 'test/harness/app';
import {
  addMigrantDocument,
  insertEmployerWithVacancy,
  migrantRegistration,
  randomBirthDate,
  registerMigrant,
  uniqueMigrantPhone,
} from 'test/harness/migrants.factory';

describe('migrant profiles, documents, duplicates and erasure (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  async function employerToken(): Promise<{ token: string; employerId: string }> {
    const { employerId } = await insertEmployerWithVacancy(ds);
    const email = `${unique('hr')}@example.org`;
    await ds.query(
      `INSERT INTO users (email, password_hash, role, display_name, employer_id)
       VALUES ($1, $2, 'employer', 'HR', $3)`,
      [email, await hashPassword('employer-password-1'), employerId],
    );
    return { token: await login(t, { email, password: 'employer-password-1' }), employerId };
  }

  describe('registration', () => {
    it('creates a profile and a phone login, with consent history and a search-index event', async () => {
      const phoneTyped = uniqueMigrantPhone().replace(/^\+998(\d\d)(\d{3})(\d\d)(\d\d)$/, '+998 $1 $2-$3-$4');
      const m = await registerMigrant(t, { phone: phoneTyped, fullNameLatin: 'Test Latin' });
      const me = await t.http().get(`/v1/migrants/${m.id}`).set(auth(m.token)).expect(200);
      expect(me.body).toMatchObject({
        id: m.id,
        status: 'active',
        phone: phoneTyped.replace(/[ -]/g, ''),
        birthDate: m.birthDate,
        citizenship: 'UZ',
        occupations: [{ code: '7112', years: 3 }],
        consent: { dataProcessing: true, visibleToEmployers: false, version: '2025-01' },
        source: 'online',
      });
      expect(me.body.consent.givenAt).toEqual(expect.any(String));
      const consents = await ds.query(
        `SELECT action, version, created_at FROM migrant_consents WHERE migrant_id = $1`,
        [m.id],
      );
      expect(consents).toEqual([{ action: 'granted', version: '2025-01', created_at: expect.any(Date) }]);
      const events = await ds.query(
        `SELECT 1 FROM outbox WHERE job_name = 'search.index-migrant' AND payload->>'migrantId' = $1`,
        [m.id],
      );
      expect(events.length).toBeGreaterThanOrEqual(1);
      const [user] = await ds.query(`SELECT role, migrant_id FROM users WHERE migrant_id = $1`, [m.id]);
      expect(user).toEqual({ role: 'migrant', migrant_id: m.id });
    });

    it.each([
      [
        { consent: { dataProcessing: false, visibleToEmployers: true, version: '1' } },
        'consent.dataProcessing',
      ],
      [{ consent: undefined }, 'consent'],
      [{ birthDate: '2999-01-01' }, 'birthDate'],
      [{ birthDate: '1990-02-30' }, 'birthDate'],
      [{ phone: '12345' }, 'phone'],
      [{ citizenship: 'XX' }, 'citizenship'],
      [{ languages: [{ code: 'zz', level: 'B1' }] }, 'languages[0].code'],
      [{ languages: [{ code: 'ru', level: 'fluent' }] }, 'languages[0].level'],
      [{ occupations: [{ code: '9999', years: 1 }] }, 'occupations[0].code'],
      [{ desiredRegions: ['RU-XYZ'] }, 'desiredRegions'],
      [{ gender: 'other' }, 'gender'],
      [{ preferredLanguage: 'de' }, 'preferredLanguage'],
      [{ password: 'short' }, 'password'],
      [{ role: 'admin' }, 'role'],
    ])('refuses a bad profile with 400 naming the field (%#)', async (override, field) => {
      const res = await t.http().post('/v1/migrants').send(migrantRegistration(override));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 409 to a second registration with the same phone (and birth date or not)', async () => {
      const m = await registerMigrant(t);
      const again = await t
        .http()
        .post('/v1/migrants')
        .send(migrantRegistration({ phone: m.phone, birthDate: m.birthDate }));
      expect(again.status).toBe(409);
      const other = await t
        .http()
        .post('/v1/migrants')
        .send(migrantRegistration({ phone: m.phone, birthDate: '1970-01-01' }));
      expect(other.status).toBe(409);
    });

    it('reuses a profile on exact phone and birth date for the kiosk flow (registerOrReuse)', async () => {
      const m = await registerMigrant(t);
      const service = t.app.get(MigrantsService);
      const input = migrantRegistration({ phone: m.phone, birthDate: m.birthDate }) as never;
      const again = await inTransaction(ds, (manager) => service.registerOrReuse(manager, input, 'kiosk'));
      expect(again).toEqual({ migrantId: m.id, reused: true });
      const fresh = migrantRegistration() as never;
      const created = await inTransaction(ds, (manager) => service.registerOrReuse(manager, fresh, 'kiosk'));
      expect(created.reused).toBe(false);
      const [row] = await ds.query(`SELECT source FROM migrants WHERE id = $1`, [created.migrantId]);
      expect(row.source).toBe('kiosk');
    });
  });

  describe('profile access', () => {
    it('lets the person and staff read and change the profile; another migrant gets 404', async () => {
      const a = await registerMigrant(t);
      const b = await registerMigrant(t);
      await t.http().get(`/v1/migrants/${a.id}`).set(auth(b.token)).expect(404);
      await t
        .http()
        .patch(`/v1/migrants/${a.id}`)
        .set(auth(b.token))
        .send({ needsHousing: true })
        .expect(404);
      await t.http().get(`/v1/migrants/${a.id}`).expect(401);

      const changed = await t
        .http()
        .patch(`/v1/migrants/${a.id}`)
        .set(auth(a.token))
        .send({
          needsHousing: true,
          desiredRegions: ['RU-MOS', 'RU-SPE'],
          expectedMonthlySalary: { amount: 95000, currency: 'RUB' },
        })
        .expect(200);
      expect(changed.body).toMatchObject({
        needsHousing: true,
        desiredRegions: ['RU-MOS', 'RU-SPE'],
        expectedMonthlySalary: { amount: 95000, currency: 'RUB' },
      });
      const byStaff = await t.http().get(`/v1/migrants/${a.id}`).set(auth(staff)).expect(200);
      expect(byStaff.body.needsHousing).toBe(true);
      await t
        .http()
        .patch(`/v1/migrants/${a.id}`)
        .set(auth(staff))
        .send({ fullName: 'Staff Corrected' })
        .expect(200);
    });

    it('refuses bad changes with 400 and a taken phone with 409', async () => {
      const a = await registerMigrant(t);
      const b = await registerMigrant(t);
      for (const [body, field] of [
        [{ fullName: null }, 'fullName'],
        [{ birthDate: '2999-01-01' }, 'birthDate'],
        [{ citizenship: 'XX' }, 'citizenship'],
        [{ phone: 'abc' }, 'phone'],
        [{ status: 'erased' }, 'status'],
      ] as const) {
        const res = await t.http().patch(`/v1/migrants/${a.id}`).set(auth(a.token)).send(body);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      await t.http().patch(`/v1/migrants/${a.id}`).set(auth(a.token)).send({ phone: b.phone }).expect(409);
      const newPhone = uniqueMigrantPhone();
      await t.http().patch(`/v1/migrants/${a.id}`).set(auth(a.token)).send({ phone: newPhone }).expect(200);
      await login(t, { phone: newPhone, password: a.password });
    });

    it('shows a migrant to an employer only with consent, and then without contacts or documents', async () => {
      const { token: employer } = await employerToken();
      const hidden = await registerMigrant(t);
      await t.http().get(`/v1/migrants/${hidden.id}`).set(auth(employer)).expect(404);

      const visible = await registerMigrant(t, {
        consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
      });
      await addMigrantDocument(t, visible.token, visible.id, { type: 'passport', number: 'AB9876543' });
      const seen = await t.http().get(`/v1/migrants/${visible.id}`).set(auth(employer)).expect(200);
      expect(seen.body).toMatchObject({
        id: visible.id,
        citizenship: 'UZ',
        occupations: [{ code: '7112', years: 3 }],
      });
      expect(seen.body).not.toHaveProperty('phone');
      expect(seen.body).not.toHaveProperty('birthDate');
      expect(seen.body).not.toHaveProperty('email');
      await t.http().get(`/v1/migrants/${visible.id}/documents`).set(auth(employer)).expect(404);
      await t
        .http()
        .patch(`/v1/migrants/${visible.id}`)
        .set(auth(employer))
        .send({ needsHousing: true })
        .expect(404);

      // Withdrawing visibility hides the person again, and the change is kept in the consent history.
      await t
        .http()
        .patch(`/v1/migrants/${visible.id}`)
        .set(auth(visible.token))
        .send({ consent: { dataProcessing: true, visibleToEmployers: false, version: '2025-02' } })
        .expect(200);
      await t.http().get(`/v1/migrants/${visible.id}`).set(auth(employer)).expect(404);
      const history = await ds.query(
        `SELECT action, visible_to_employers, version FROM migrant_consents WHERE migrant_id = $1 ORDER BY created_at`,
        [visible.id],
      );
      expect(history).toEqual([
        { action: 'granted', visible_to_employers: true, version: '2025-01' },
        { action: 'changed', visible_to_employers: false, version: '2025-02' },
      ]);
    });
  });

  describe('documents', () => {
    it('stores numbers encrypted, shows them masked, and supports change and delete', async () => {
      const m = await registerMigrant(t);
      const number = `FA${Math.floor(Math.random() * 1e9)}`;
      const created = await t
        .http()
        .post(`/v1/migrants/${m.id}/documents`)
        .set(auth(m.token))
        .send({ type: 'patent', number, region: 'RU-MOW', validFrom: '2026-01-01', validUntil: '2026-12-31' })
        .expect(201);
      expect(created.body.number).toMatch(new RegExp(`^•+${number.slice(-3)}$`));
      expect(JSON.stringify(created.body)).not.toContain(number);

      const raw = await ds.query(`SELECT d::text AS row FROM migrant_documents d WHERE migrant_id = $1`, [
        m.id,
      ]);
      expect(raw).toHaveLength(1);
      expect(raw[0].row).not.toContain(number);
      const all = await ds.query(`SELECT d::text AS row FROM migrant_documents d`);
      expect(all.some((r: { row: string }) => r.row.includes(number))).toBe(false);

      const list = await t.http().get(`/v1/migrants/${m.id}/documents`).set(auth(m.token)).expect(200);
      expect(list.body.items).toHaveLength(1);
      const docId = created.body.id;
      const patched = await t
        .http()
        .patch(`/v1/migrants/${m.id}/documents/${docId}`)
        .set(auth(m.token))
        .send({ validUntil: '2026-06-30' })
        .expect(200);
      expect(patched.body).toMatchObject({
        validFrom: '2026-01-01',
        validUntil: '2026-06-30',
        region: 'RU-MOW',
      });
      await t
        .http()
        .patch(`/v1/migrants/${m.id}/documents/${docId}`)
        .set(auth(m.token))
        .send({ validUntil: '2025-06-30' })
        .expect(400);
      await t.http().delete(`/v1/migrants/${m.id}/documents/${docId}`).set(auth(m.token)).expect(204);
      await t.http().get(`/v1/migrants/${m.id}/documents/${docId}`).set(auth(m.token)).expect(404);
    });

    it.each([
      [{ type: 'visa' }, 'type'],
      [{ type: 'patent', region: 'RU-XYZ' }, 'region'],
      [{ type: 'passport', issuingCountry: 'XX' }, 'issuingCountry'],
      [{ type: 'patent', validFrom: '2026-13-01' }, 'validFrom'],
      [{ type: 'patent', validFrom: '2026-05-01', validUntil: '2026-01-01' }, 'validFrom'],
      [{ type: 'patent', purpose: 'work' }, 'purpose'],
      [{ type: 'migration_card', purpose: 'fun' }, 'purpose'],
      [{ type: 'passport', number: '<script>' }, 'number'],
    ])('refuses a bad document with 400 naming the field (%#)', async (body, field) => {
      const m = await registerMigrant(t);
      const res = await t.http().post(`/v1/migrants/${m.id}/documents`).set(auth(m.token)).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('keeps documents from other migrants: 404', async () => {
      const a = await registerMigrant(t);
      const b = await registerMigrant(t);
      const docId = await addMigrantDocument(t, a.token, a.id, { type: 'passport', number: 'X1234567' });
      await t.http().get(`/v1/migrants/${a.id}/documents`).set(auth(b.token)).expect(404);
      await t.http().get(`/v1/migrants/${a.id}/documents/${docId}`).set(auth(b.token)).expect(404);
      await t.http().get(`/v1/migrants/${b.id}/documents/${docId}`).set(auth(b.token)).expect(404);
      await t
        .http()
        .post(`/v1/migrants/${a.id}/documents`)
        .set(auth(b.token))
        .send({ type: 'registration' })
        .expect(404);
      await t.http().delete(`/v1/migrants/${a.id}/documents/${docId}`).set(auth(b.token)).expect(404);
    });

    it('lets staff reveal a number only with a reason, and audits every reveal', async () => {
      const m = await registerMigrant(t);
      const number = `P${Math.floor(Math.random() * 1e9)}`;
      const docId = await addMigrantDocument(t, m.token, m.id, {
        type: 'passport',
        number,
        issuingCountry: 'UZ',
      });
      const url = `/v1/migrants/${m.id}/documents/${docId}`;
      await t.http().get(`${url}?reveal=true&reason=curious`).set(auth(m.token)).expect(403);
      const noReason = await t.http().get(`${url}?reveal=true`).set(auth(staff)).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const masked = await t.http().get(url).set(auth(staff)).expect(200);
      expect(masked.body.number).not.toBe(number);

      const reason = 'Employer contract check at fair booth';
      const revealed = await t
        .http()
        .get(`${url}?reveal=true&reason=${encodeURIComponent(reason)}`)
        .set(auth(staff))
        .expect(200);
      expect(revealed.body).toMatchObject({ number, revealed: true });
      const audit = await ds.query(
        `SELECT actor_id, actor_role, action, reason, details, created_at FROM audit_log
          WHERE subject_type = 'migrant_document' AND subject_id = $1`,
        [docId],
      );
      expect(audit).toEqual([
        {
          actor_id: expect.any(String),
          actor_role: 'staff',
          action: 'document.reveal',
          reason,
          details: { migrantId: m.id, type: 'passport' },
          created_at: expect.any(Date),
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain(number);
    });
  });

  describe('duplicates and merge', () => {
    it('flags the same name in another script with the same birth date, and merges on staff decision', async () => {
      const birthDate = randomBirthDate();
      const a = await registerMigrant(t, { fullName: 'Алишер Усмонов Ташкентович', birthDate });
      const b = await registerMigrant(t, { fullName: 'USMONOV Alisher', birthDate });
      const docId = await addMigrantDocument(t, b.token, b.id, { type: 'patent', region: 'RU-MOW' });

      await t.http().get('/v1/migrants/duplicates').set(auth(a.token)).expect(403);
      const list = await t.http().get('/v1/migrants/duplicates?pageSize=100').set(auth(staff)).expect(200);
      const pair = list.body.items.find(
        (d: { migrant: { id: string }; candidate: { id: string } }) =>
          [d.migrant.id, d.candidate.id].sort().join() === [a.id, b.id].sort().join(),
      );
      expect(pair).toMatchObject({ reason: 'name_birth_date', score: expect.any(Number) });
      expect(pair.score).toBeGreaterThanOrEqual(0.85);

      await t.http().post(`/v1/migrants/${b.id}/merge`).set(auth(a.token)).send({ intoId: a.id }).expect(403);
      await t.http().post(`/v1/migrants/${b.id}/merge`).set(auth(staff)).send({ intoId: b.id }).expect(400);
      const merged = await t
        .http()
        .post(`/v1/migrants/${b.id}/merge`)
        .set(auth(staff))
        .send({ intoId: a.id })
        .expect(200);
      expect(merged.body).toEqual({ id: b.id, mergedInto: a.id });

      const docs = await t.http().get(`/v1/migrants/${a.id}/documents`).set(auth(a.token)).expect(200);
      expect(docs.body.items.map((d: { id: string }) => d.id)).toContain(docId);
      const source = await t.http().get(`/v1/migrants/${b.id}`).set(auth(staff)).expect(200);
      expect(source.body).toMatchObject({ status: 'merged', mergedIntoId: a.id });
      // The merged profile's login stops at once, token included.
      await t.http().get(`/v1/migrants/${b.id}`).set(auth(b.token)).expect(401);
      // Both had logins: the target's stays, the merged one is switched off.
      const relogin = await t.http().post('/v1/auth/login').send({ phone: b.phone, password: b.password });
      expect(relogin.status).toBe(401);
      const consents = await ds.query(
        `SELECT count(*)::int AS n FROM migrant_consents WHERE migrant_id = $1`,
        [a.id],
      );
      expect(consents[0].n).toBe(2);

      const after = await t.http().get('/v1/migrants/duplicates?pageSize=100').set(auth(staff)).expect(200);
      expect(
        after.body.items.some((d: { migrant: { id: string }; candidate: { id: string } }) =>
          [d.migrant.id, d.candidate.id].includes(b.id),
        ),
      ).toBe(false);
      await t.http().post(`/v1/migrants/${b.id}/merge`).set(auth(staff)).send({ intoId: a.id }).expect(404);
    });

    it('moves the login when only the merged profile had one', async () => {
      const m = await registerMigrant(t);
      const service = t.app.get(MigrantsService);
      const kiosk = await inTransaction(ds, (manager) =>
        service.registerOrReuse(manager, migrantRegistration() as never, 'kiosk'),
      );
      await t
        .http()
        .post(`/v1/migrants/${m.id}/merge`)
        .set(auth(staff))
        .send({ intoId: kiosk.migrantId })
        .expect(200);
      const token = await login(t, { phone: m.phone, password: m.password });
      const me = await t.http().get('/v1/auth/me').set(auth(token)).expect(200);
      expect(me.body.migrantId).toBe(kiosk.migrantId);
    });
  });

  describe('erasure', () => {
    it('anonymises the person, keeps counts for reports and disables the login', async () => {
      const m = await registerMigrant(t, {
        gender: 'female',
        citizenship: 'TJ',
        email: `${unique('e')}@example.org`,
      });
      await addMigrantDocument(t, m.token, m.id, { type: 'passport', number: 'TJ7654321' });
      const other = await registerMigrant(t);
      await t.http().post(`/v1/migrants/${m.id}/erase`).set(auth(other.token)).expect(404);

      const res = await t.http().post(`/v1/migrants/${m.id}/erase`).set(auth(m.token)).expect(200);
      expect(res.body).toEqual({ id: m.id, status: 'erased' });

      const relogin = await t.http().post('/v1/auth/login').send({ phone: m.phone, password: m.password });
      expect(relogin.status).toBe(401);
      // The erased person's token stops working at once.
      await t.http().get(`/v1/migrants/${m.id}`).set(auth(m.token)).expect(401);
      const seen = await t.http().get(`/v1/migrants/${m.id}`).set(auth(staff)).expect(200);
      expect(seen.body).toMatchObject({
        status: 'erased',
        fullName: null,
        fullNameLatin: null,
        birthDate: null,
        phone: null,
        email: null,
        gender: 'female',
        citizenship: 'TJ',
        occupations: [{ code: '7112', years: 3 }],
        consent: { dataProcessing: false, visibleToEmployers: false },
      });
      const docs = await ds.query(`SELECT count(*)::int AS n FROM migrant_documents WHERE migrant_id = $1`, [
        m.id,
      ]);
      expect(docs[0].n).toBe(0);
      const [user] = await ds.query(
        `SELECT phone, email, password_hash, disabled FROM users WHERE migrant_id = $1`,
        [m.id],
      );
      expect(user).toEqual({ phone: null, email: null, password_hash: null, disabled: true });
      const [last] = await ds.query(
        `SELECT action FROM migrant_consents WHERE migrant_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [m.id],
      );
      expect(last.action).toBe('withdrawn');
      const events = await ds.query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'search.index-migrant' AND payload->>'migrantId' = $1`,
        [m.id],
      );
      expect(events[0].n).toBeGreaterThanOrEqual(3);
    });

    it('lets staff erase a profile', async () => {
      const m = await registerMigrant(t);
      await t.http().post(`/v1/migrants/${m.id}/erase`).set(auth(staff)).expect(200);
      await t.http().post(`/v1/migrants/${m.id}/erase`).set(auth(staff)).expect(404);
    });
  });
});
