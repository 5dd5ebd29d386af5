import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, unique, waitFor } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';

/** A run with no SMTP server and no SMS gateway configured: every message still arrives somewhere readable. */
describe('default delivery (no SMTP_URL, no SMS_GATEWAY_URL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let smsDir: string;
  let fair: FairScenario;

  beforeAll(async () => {
    smsDir = mkdtempSync(join(tmpdir(), 'jobfair-sms-'));
    t = await bootTestApp({ SMTP_URL: '', SMS_GATEWAY_URL: '', SMS_DIR: smsDir });
    ds = t.app.get(DataSource);
    fair = await createFairScenario(t);
  });

  afterAll(async () => {
    await t?.close();
    rmSync(smsDir, { recursive: true, force: true });
  });

  const submit = (body: unknown) =>
    t
      .http()
      .post('/v1/kiosk/applications')
      .set('authorization', `Bearer ${fair.kiosk.token}`)
      .set('idempotency-key', unique('default-delivery-'))
      .send(body as object);

  const smsFiles = () =>
    readdirSync(smsDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(smsDir, name), 'utf8'));

  it('texts a returning visitor the identification code and then a new access code as files in SMS_DIR, and nothing ends dead', async () => {
    const body = kioskSubmission([fair.vacancy.id]);
    const phone = body.migrant.phone as string;
    expect((await submit(body)).status).toBe(201);
    // The visitor forgot their code: the kiosk texts a one-time code to the phone on the profile.
    const asked = await t
      .http()
      .post('/v1/kiosk/identifications')
      .set('authorization', `Bearer ${fair.kiosk.token}`)
      .send({ phone });
    expect(asked.status).toBe(201);
    // The SMS as a file named by its notification, the code in its text (after the headers and a blank line).
    const oneTime = await waitFor(
      async () => {
        const [row] = await ds.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [
          `kiosk-identification:${asked.body.identificationId}`,
        ]);
        const file = row && join(smsDir, `${row.id}.txt`);
        if (!file || !existsSync(file)) return undefined;
        const text = readFileSync(file, 'utf8');
        expect(text.startsWith(`To: ${phone}\n`)).toBe(true);
        return /(?<![0-9])([0-9]{6})(?![0-9])/.exec(text.split('\n\n').slice(1).join('\n\n'))?.[1];
      },
      { what: 'identification SMS file' },
    );
    const again = await submit({
      ...body,
      identification: { identificationId: asked.body.identificationId, code: oneTime },
    });
    expect(again.status).toBe(201);
    expect(again.body.identity).toBe('confirmed');
    expect(again.body.accessCodeSent).toBe(true);

    // Every message to the visitor and to the employer settles; none is failed or dead.
    const rows = await waitFor(
      async () => {
        const found: Array<{ status: string; channel: string; template: string; last_error: string | null }> =
          await ds.query(
            `SELECT n.status, n.channel, n.template, n.last_error FROM notifications n
               LEFT JOIN users u ON u.id = n.recipient_user_id
              WHERE n.recipient_address = $1 OR u.migrant_id = $2 OR u.employer_id = $3`,
            [phone, again.body.migrantId, fair.employer.id],
          );
        return found.length > 0 && found.every((n) => n.status !== 'queued' && n.status !== 'failed')
          ? found
          : undefined;
      },
      { what: 'notifications delivered', timeoutMs: 20_000 },
    );
    expect(rows.filter((n) => n.status !== 'sent')).toEqual([]);
    expect(rows.map((n) => n.channel)).toEqual(expect.arrayContaining(['sms', 'email', 'in_app']));

    const [{ code }] = await ds.query(
      `SELECT payload->>'code' AS code FROM notifications
        WHERE template = 'access_code' AND channel = 'sms' AND recipient_address = $1
        ORDER BY created_at DESC LIMIT 1`,
      [phone],
    );
    const texts = smsFiles().filter((text) => text.startsWith(`To: ${phone}\n`));
    const withCode = texts.filter((text) => text.includes(code));
    expect(withCode).toHaveLength(1);
    // Headers a person reads, a blank line, then the message in the visitor's language (Tajik).
    expect(withCode[0]).toMatch(/^To: \+\d+\nId: [0-9a-f-]{36}\nDate: \d{4}-\d{2}-\d{2}T[\d:.]+Z\n\n/);
    expect(withCode[0]).toMatch(/[ҳҷқғӯӣ]/i);

    const login = await t.http().post('/v1/auth/login').send({ phone, accessCode: code });
    expect(login.status).toBe(200);
  });

  it('reports the SMS folder in the readiness checks', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.body.components.sms).toMatchObject({ status: 'up', detail: 'files' });
  });
});
