import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, login, unique, waitFor } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { dataSourceOf } from 'test/harness/placements.factory';
import { FairScenario, createFairScenario, registerKiosk } from 'test/harness/supply.factory';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A phone and a birth date are no proof of identity: a returning visitor shows their code, or one texted to them. */
describe('kiosk identification of a returning visitor (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let a: FairScenario;

  beforeAll(async () => {
    t = await bootTestApp({
      RATE_LIMIT_IDENTIFY_PER_PHONE: '6/900',
      RATE_LIMIT_IDENTIFY_FAILURES_PER_KIOSK: '12/900',
    });
    ds = dataSourceOf(t);
    a = await createFairScenario(t);
  });
  afterAll(() => t.close());

  const submit = (token: string, body: unknown) =>
    t
      .http()
      .post('/v1/kiosk/applications')
      .set(auth(token))
      .set('idempotency-key', unique('ident-'))
      .send(body as object);
  const askCode = (token: string, phone: string) =>
    t.http().post('/v1/kiosk/identifications').set(auth(token)).send({ phone });
  /** The one-time code texted to the phone for this identification (as the person reads it on their phone). */
  const textedCode = (identificationId: string) =>
    waitFor(
      async () => {
        const [row] = await ds.query(
          `SELECT payload->>'code' AS code, locale, status FROM notifications WHERE dedupe_key = $1`,
          [`kiosk-identification:${identificationId}`],
        );
        return row as { code: string; locale: string; status: string } | undefined;
      },
      { what: 'identification SMS' },
    );
  async function registeredVisitor(fair: FairScenario = a) {
    const body = kioskSubmission([fair.vacancy.id]);
    const kioskToken = fair.kiosk.token;
    const res = await submit(kioskToken, body);
    expect(res.status).toBe(201);
    return { body, migrantId: res.body.migrantId as string, accessCode: res.body.accessCode as string };
  }

  it('never writes into a known profile without proof: another name with the same phone and birth date makes a new profile for staff review', async () => {
    const person = await registeredVisitor();
    const [before] = await ds.query(`SELECT full_name FROM migrants WHERE id = $1`, [person.migrantId]);
    const impostor = { ...person.body, migrant: { ...person.body.migrant, fullName: 'Чужое Имя' } };
    const res = await submit(a.kiosk.token, impostor);
    expect(res.status).toBe(201);
    expect(res.body.identity).toBe('unconfirmed');
    expect(res.body.migrantId).not.toBe(person.migrantId);
    expect(res.body.accessCode).toBeNull();
    expect(res.body.accessCodeSent).toBe(false);

    // The person's profile, applications and code are untouched; their own code still logs them in.
    const [after] = await ds.query(`SELECT full_name FROM migrants WHERE id = $1`, [person.migrantId]);
    expect(after).toEqual(before);
    const own = await ds.query(`SELECT id FROM applications WHERE migrant_id = $1`, [person.migrantId]);
    expect(own).toHaveLength(1);
    await login(t, { phone: person.body.migrant.phone as string, accessCode: person.accessCode });
    // The new profile is a possible duplicate in the staff review, and the kiosk's unproven attempt is counted.
    const [first, second] = [person.migrantId, res.body.migrantId as string].sort();
    const duplicates = await ds.query(
      `SELECT reason, status FROM migrant_duplicates WHERE migrant_id = $1 AND candidate_id = $2`,
      [first, second],
    );
    expect(duplicates).toEqual([{ reason: 'phone_birth_date', status: 'open' }]);
    const [audit] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'kiosk.identity_unconfirmed' AND subject_id = $1`,
      [a.kiosk.id],
    );
    expect(audit.n).toBeGreaterThanOrEqual(1);
  });

  it('texts a one-time code in the person’s language that works once, at that kiosk, for that phone', async () => {
    const person = await registeredVisitor();
    const phone = person.body.migrant.phone as string;
    const asked = await askCode(a.kiosk.token, phone);
    expect(asked.status).toBe(201);
    expect(asked.body).toEqual({ identificationId: expect.any(String), expiresAt: expect.any(String) });
    const sms = await textedCode(asked.body.identificationId);
    expect(sms.code).toMatch(/^[0-9]{6}$/);
    expect(sms.locale).toBe('tg');
    const [stored] = await ds.query(`SELECT code_hash FROM kiosk_identifications WHERE id = $1`, [
      asked.body.identificationId,
    ]);
    expect(stored.code_hash).not.toContain(sms.code);

    // Another kiosk cannot use it.
    const otherKiosk = await registerKiosk(t, a.staff, a.fair.id, 'Kiosk 2');
    const proof = { identificationId: asked.body.identificationId, code: sms.code };
    const elsewhere = await t
      .http()
      .post('/v1/kiosk/check-ins')
      .set(auth(otherKiosk.token))
      .send({ phone, ...proof });
    expect(elsewhere.status).toBe(422);

    const res = await submit(a.kiosk.token, {
      ...person.body,
      identification: proof,
      vacancyIds: [a.vacancy.id],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      migrantId: person.migrantId,
      identity: 'confirmed',
      accessCodeSent: true,
    });
    // Used once: the same code again is refused.
    const again = await t
      .http()
      .post('/v1/kiosk/check-ins')
      .set(auth(a.kiosk.token))
      .send({ phone, ...proof });
    expect(again.status).toBe(422);
    expect(again.body.type).toBe('/problems/identification-failed');
  });

  it('answers a phone nobody has exactly like a known one, and texts nothing', async () => {
    const phone = `+99890${String(Date.now()).slice(-7)}`;
    const asked = await askCode(a.kiosk.token, phone);
    expect(asked.status).toBe(201);
    expect(Object.keys(asked.body).sort()).toEqual(['expiresAt', 'identificationId']);
    const texts = await ds.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [
      `kiosk-identification:${asked.body.identificationId}`,
    ]);
    expect(texts).toEqual([]);
    const guess = await t
      .http()
      .post('/v1/kiosk/check-ins')
      .set(auth(a.kiosk.token))
      .send({ phone, identificationId: asked.body.identificationId, code: '000000' });
    expect(guess.status).toBe(422);
  });

  it('stops a code after five wrong tries, and when it has expired', async () => {
    const person = await registeredVisitor();
    const phone = person.body.migrant.phone as string;
    const asked = await askCode(a.kiosk.token, phone);
    const sms = await textedCode(asked.body.identificationId);
    const wrong = sms.code === '999999' ? '999998' : '999999';
    const checkIn = (code: string) =>
      t
        .http()
        .post('/v1/kiosk/check-ins')
        .set(auth(a.kiosk.token))
        .send({ phone, identificationId: asked.body.identificationId, code });
    for (let i = 0; i < 5; i++) expect((await checkIn(wrong)).status).toBe(422);
    expect((await checkIn(sms.code)).status).toBe(422);

    // Another visitor's code, left to expire.
    const other = await registeredVisitor();
    const otherPhone = other.body.migrant.phone as string;
    const second = await askCode(a.kiosk.token, otherPhone);
    const secondSms = await textedCode(second.body.identificationId);
    await ds.query(
      `UPDATE kiosk_identifications SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [second.body.identificationId],
    );
    const late = await t
      .http()
      .post('/v1/kiosk/check-ins')
      .set(auth(a.kiosk.token))
      .send({ phone: otherPhone, identificationId: second.body.identificationId, code: secondSms.code });
    expect(late.status).toBe(422);
  });

  it('limits attempts per phone and failures per kiosk with 429, and shows the kiosk to the fair’s staff', async () => {
    const b = await createFairScenario(t);
    const person = await registeredVisitor(b);
    const phone = person.body.migrant.phone as string;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t
        .http()
        .post('/v1/kiosk/check-ins')
        .set(auth(b.kiosk.token))
        .send({ phone, accessCode: 'WRONG234' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 429]);

    // Other phones at the same kiosk: failures add up to the kiosk's limit, then every identification there waits.
    for (let i = 0; i < 6; i++) {
      const other = await registeredVisitor(b);
      await t
        .http()
        .post('/v1/kiosk/check-ins')
        .set(auth(b.kiosk.token))
        .send({ phone: other.body.migrant.phone, accessCode: 'WRONG234' });
    }
    const fresh = await registeredVisitor(b);
    const blocked = await t
      .http()
      .post('/v1/kiosk/check-ins')
      .set(auth(b.kiosk.token))
      .send({ phone: fresh.body.migrant.phone, accessCode: fresh.accessCode });
    expect(blocked.status).toBe(429);
    // Another fair's kiosk is not held up.
    const elsewhere = await t
      .http()
      .post('/v1/kiosk/check-ins')
      .set(auth(a.kiosk.token))
      .send({ phone: fresh.body.migrant.phone, accessCode: fresh.accessCode });
    expect(elsewhere.status).toBe(200);

    const kiosks = await t.http().get(`/v1/fairs/${b.fair.id}/kiosks`).set(auth(b.staff)).expect(200);
    const shown = kiosks.body.find((k: { id: string }) => k.id === b.kiosk.id);
    expect(shown.identification).toEqual({ failedLast24h: 12, unconfirmedLast24h: 0, flagged: true });
    const audit = await ds.query(
      `SELECT reason, details FROM audit_log WHERE action = 'kiosk.identification_failed' AND subject_id = $1 LIMIT 1`,
      [b.kiosk.id],
    );
    // The trail names the kiosk and the kind of proof, never the phone.
    expect(audit).toEqual([{ reason: 'access_code', details: { fairId: b.fair.id } }]);
  });
});
