import { DataSource } from 'typeorm';
import { inTransaction } from 'src/database/transaction';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { TestApp, bootTestApp, staffToken, waitFor } from 'test/harness/app';
import { createRecipient, uniquePhone } from 'test/harness/notifications.factory';
import { SmsGatewayStub } from 'test/harness/sms-gateway';
import { SmtpSink } from 'test/harness/smtp-sink';

const PAYLOAD = { vacancyTitle: 'Payvandchi', employerName: 'StroyMontazh' };

describe('notifications (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let sms: SmsGatewayStub;
  let db: DataSource;
  let notifications: NotificationsService;
  let staff: string;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sms = await SmsGatewayStub.start();
    t = await bootTestApp({
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      NOTIFICATION_BACKOFF_MS: '20',
    });
    db = t.app.get(DataSource);
    notifications = t.app.get(NotificationsService);
    staff = await staffToken(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await sms?.close();
  });

  const statusOf = async (id: string) =>
    (await db.query(`SELECT status, attempts FROM notifications WHERE id = $1`, [id]))[0] as {
      status: string;
      attempts: number;
    };
  const waitForStatus = (id: string, status: string, timeoutMs = 15_000) =>
    waitFor(async () => ((await statusOf(id)).status === status ? true : undefined), {
      timeoutMs,
      what: `notification ${id} ${status}`,
    });

  it('sends a user e-mail (HTML and text), SMS and in-app message in their language', async () => {
    const user = await createRecipient(t, 'uz');
    const ids = await inTransaction(db, (m) =>
      notifications.notifyUser(m, user.id, 'application_received', PAYLOAD),
    );
    expect(ids).toHaveLength(3);
    for (const id of ids) await waitForStatus(id, 'sent');

    const rows: { id: string; channel: string; locale: string }[] = await db.query(
      `SELECT id, channel, locale FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byChannel = Object.fromEntries(rows.map((r) => [r.channel, r]));
    expect(rows.every((r) => r.locale === 'uz')).toBe(true);

    const [mail] = smtp.byMessageId(`<${byChannel.email.id}@jobfair.local>`);
    expect(mail.to).toEqual([user.email]);
    expect(mail.parsed!.subject).toBe('Arizangiz qabul qilindi: Payvandchi');
    expect(mail.parsed!.text).toContain('Assalomu alaykum, Aziz Karimov!');
    expect(mail.parsed!.text).toContain('Ish uchun hech kimga pul toʻlamang');
    expect(mail.parsed!.html).toContain('<div lang="uz">');
    expect(mail.parsed!.html).toContain('Assalomu alaykum, Aziz Karimov!');

    const [text] = sms.byId(byChannel.sms.id);
    expect(text.to).toBe(user.phone);
    expect(text.text).toContain('Arizangiz qabul qilindi: "Payvandchi"');
    const [smsRow] = await db.query(`SELECT provider_message_id FROM notifications WHERE id = $1`, [
      byChannel.sms.id,
    ]);
    expect(smsRow.provider_message_id).toMatch(/^gw-\d+$/);
  });

  it('attaches a calendar invitation to an e-mail when given one', async () => {
    const user = await createRecipient(t, 'en');
    const content = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const id = await inTransaction(db, (m) =>
      notifications.enqueue(m, {
        recipientUserId: user.id,
        address: user.email,
        channel: 'email',
        template: 'interview_invitation',
        locale: 'en',
        payload: { ...PAYLOAD, startsAt: '3 March 10:00', location: 'Booth 12' },
        icalEvent: { method: 'REQUEST', content },
      }),
    );
    await waitForStatus(id, 'sent');
    const [mail] = smtp.byMessageId(`<${id}@jobfair.local>`);
    const calendar = mail.parsed!.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendar?.content.toString()).toContain('METHOD:REQUEST');
    expect(mail.parsed!.text).toContain('Booth 12');
  });

  it('sends nothing when the causing transaction rolls back, and once per dedupe key', async () => {
    const user = await createRecipient(t);
    let rolledBack: string | undefined;
    await expect(
      inTransaction(db, async (m) => {
        rolledBack = await notifications.enqueue(m, {
          recipientUserId: user.id,
          channel: 'in_app',
          template: 'hired',
          locale: 'ru',
          payload: {},
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await db.query(`SELECT 1 FROM notifications WHERE id = $1`, [rolledBack])).toHaveLength(0);

    const key = `offer:${user.id}`;
    const first = await inTransaction(db, (m) =>
      notifications.notifyUser(m, user.id, 'offer', PAYLOAD, ['email'], { dedupeKey: key }),
    );
    const second = await inTransaction(db, (m) =>
      notifications.notifyUser(m, user.id, 'offer', PAYLOAD, ['email'], { dedupeKey: key }),
    );
    expect(second).toEqual(first);
    await waitForStatus(first[0], 'sent');
    expect(smtp.byMessageId(`<${first[0]}@jobfair.local>`)).toHaveLength(1);
  });

  it('lists my in-app messages newest first in my language and marks only my own read', async () => {
    const user = await createRecipient(t, 'uz');
    const other = await createRecipient(t, 'ru');
    await inTransaction(db, (m) =>
      notifications.notifyUser(m, user.id, 'application_received', PAYLOAD, ['in_app']),
    );
    const [latest] = await inTransaction(db, (m) =>
      notifications.notifyUser(m, user.id, 'hired', PAYLOAD, ['in_app']),
    );
    const [othersId] = await inTransaction(db, (m) =>
      notifications.notifyUser(m, other.id, 'hired', PAYLOAD, ['in_app']),
    );

    const list = await t
      .http()
      .get('/v1/me/notifications?pageSize=10')
      .set('authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(list.body.total).toBe(2);
    expect(list.body.unread).toBe(2);
    expect(list.body.items[0].id).toBe(latest);
    expect(list.body.items[1].subject).toBe('Arizangiz qabul qilindi: Payvandchi');
    expect(list.body.items[1].text).toContain('Assalomu alaykum, Aziz Karimov!');

    const read = await t
      .http()
      .post(`/v1/me/notifications/${latest}/read`)
      .set('authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));

    const foreign = await t
      .http()
      .post(`/v1/me/notifications/${othersId}/read`)
      .set('authorization', `Bearer ${user.token}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    const [untouched] = await db.query(`SELECT read_at FROM notifications WHERE id = $1`, [othersId]);
    expect(untouched.read_at).toBeNull();

    await t
      .http()
      .post(`/v1/me/notifications/not-a-uuid/read`)
      .set('authorization', `Bearer ${user.token}`)
      .expect(400);
    const after = await t
      .http()
      .get('/v1/me/notifications')
      .set('authorization', `Bearer ${user.token}`)
      .expect(200);
    expect(after.body.unread).toBe(1);
  });

  it('delivers every e-mail exactly once through a period of SMTP refusals', async () => {
    const user = await createRecipient(t, 'ru');
    const refusedBefore = smtp.refused;
    smtp.refuseFor(1500);
    const ids = await inTransaction(db, (m) =>
      notifications.enqueueMany(
        m,
        Array.from({ length: 20 }, (_, i) => ({
          recipientUserId: user.id,
          address: user.email,
          channel: 'email' as const,
          template: 'application_received' as const,
          locale: 'ru',
          payload: { ...PAYLOAD, vacancyTitle: `Сварщик ${i}` },
        })),
      ),
    );
    await waitFor(
      async () => {
        const [row] = await db.query(
          `SELECT count(*)::int AS n FROM notifications WHERE id = ANY($1::uuid[]) AND status = 'sent'`,
          [ids],
        );
        return row.n === ids.length;
      },
      { timeoutMs: 30_000, what: 'all e-mails sent' },
    );
    expect(smtp.refused).toBeGreaterThan(refusedBefore);
    await new Promise((r) => setTimeout(r, 300));
    for (const id of ids) expect(smtp.byMessageId(`<${id}@jobfair.local>`)).toHaveLength(1);
    const attempts: { n: number }[] = await db.query(
      `SELECT max(attempts)::int AS n FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(attempts[0].n).toBeGreaterThan(1);
  });

  it('gives up on a failing SMS gateway (dead), and staff list and retry it', async () => {
    const user = await createRecipient(t, 'ru');
    sms.failWith(503);
    const id = await inTransaction(db, (m) =>
      notifications.enqueue(m, {
        recipientUserId: user.id,
        address: uniquePhone(),
        channel: 'sms',
        template: 'hired',
        locale: 'ru',
        payload: PAYLOAD,
      }),
    );
    await waitForStatus(id, 'dead', 30_000);
    const dead = await statusOf(id);
    expect(dead.attempts).toBe(8);

    const list = await t
      .http()
      .get('/v1/notifications?status=dead&channel=sms&pageSize=100')
      .set('authorization', `Bearer ${staff}`)
      .expect(200);
    const item = list.body.items.find((n: { id: string }) => n.id === id);
    expect(item).toMatchObject({ status: 'dead', channel: 'sms', attempts: 8 });
    expect(item.lastError).toContain('503');
    expect(item.recipientAddress).toMatch(/^•+\d{3}$/);

    await t.http().get('/v1/notifications').set('authorization', `Bearer ${user.token}`).expect(403);
    await t
      .http()
      .post(`/v1/notifications/${id}/retry`)
      .set('authorization', `Bearer ${user.token}`)
      .expect(403);

    sms.succeed();
    const retried = await t
      .http()
      .post(`/v1/notifications/${id}/retry`)
      .set('authorization', `Bearer ${staff}`)
      .expect(200);
    expect(retried.body).toMatchObject({ status: 'queued', retries: 1 });
    await waitForStatus(id, 'sent');
    expect(sms.byId(id)).toHaveLength(1);

    const again = await t
      .http()
      .post(`/v1/notifications/${id}/retry`)
      .set('authorization', `Bearer ${staff}`);
    expect(again.status).toBe(409);
    expect(again.body.currentStatus).toBe('sent');
    await t
      .http()
      .post(`/v1/notifications/00000000-0000-4000-8000-000000000000/retry`)
      .set('authorization', `Bearer ${staff}`)
      .expect(404);
    await t.http().get('/v1/notifications?status=lost').set('authorization', `Bearer ${staff}`).expect(400);
  });

  it('reports the SMS gateway as a non-critical health component', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.components.sms).toMatchObject({ status: 'up', critical: false });
  });
});
