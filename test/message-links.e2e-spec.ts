import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken, unique, waitFor } from 'test/harness/app';
import { createApplication, kioskSubmission } from 'test/harness/applications.factory';
import { bookInterview, createSlots, slotAt } from 'test/harness/interviews.factory';
import { firstLink } from 'test/harness/notifications.factory';
import { SmsGatewayStub } from 'test/harness/sms-gateway';
import { createFairScenario } from 'test/harness/supply.factory';

/**
 * Every message links to a page of the faces that shows its object to its owner (PUBLIC_BASE_URL), not to the
 * JSON API or a page that does not exist. The browser tests open these same links (test/web/links.e2e-spec.ts).
 */
describe('links in messages', () => {
  const BASE = 'https://jobs.example.test/portal';
  let t: TestApp;
  let sms: SmsGatewayStub;
  let staff: string;

  const inbox = async (token: string, template: string) => {
    const res = await t.http().get('/v1/me/notifications').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ template: string; text: string; subject: string }>).filter(
      (i) => i.template === template,
    );
  };

  beforeAll(async () => {
    sms = await SmsGatewayStub.start();
    t = await bootTestApp({
      PUBLIC_BASE_URL: `${BASE}/`,
      LEGAL_HELP_PHONE: 'RU=+7 495 123-45-67;KZ=+7 7172 12-34-56',
      SMS_GATEWAY_URL: sms.url,
    });
    staff = await staffToken(t);
  });

  afterAll(async () => {
    await t.close();
    await sms.close();
  });

  it('sends the employer to the application, the candidate and the employer to the interview, and the offer to the application', async () => {
    const { applicationId, migrant, employer, vacancy } = await createApplication(t, { staff });
    const [received] = await waitFor(async () => {
      const items = await inbox(employer.token, 'new_application');
      return items.length ? items : undefined;
    });
    expect(firstLink(received.text)).toBe(`${BASE}/employer/#applications/${applicationId}`);

    const [slot] = await createSlots(t, employer.token, vacancy.id, [slotAt(24 * 60)]);
    const interview = await bookInterview(t, employer.token, applicationId, slot.id);
    const [invitation] = await waitFor(async () => {
      const items = await inbox(migrant.token, 'interview_invitation');
      return items.length ? items : undefined;
    });
    expect(firstLink(invitation.text)).toBe(`${BASE}/#interviews/${interview.id}`);
    expect(invitation.text).toContain('+7 495 123-45-67');
    const [forEmployer] = await waitFor(async () => {
      const items = await inbox(employer.token, 'interview_invitation');
      return items.length ? items : undefined;
    });
    expect(firstLink(forEmployer.text)).toBe(`${BASE}/employer/#interviews/${interview.id}`);

    // The interview is tomorrow; as if it had been held and passed.
    await t.app
      .get(DataSource)
      .query(`UPDATE applications SET status = 'interviewed' WHERE id = $1`, [applicationId]);
    const offered = await t
      .http()
      .post(`/v1/applications/${applicationId}/transitions`)
      .set('authorization', `Bearer ${employer.token}`)
      .send({ to: 'offered' });
    expect(offered.status).toBe(200);
    const [offer] = await waitFor(async () => {
      const items = await inbox(migrant.token, 'offer');
      return items.length ? items : undefined;
    });
    expect(firstLink(offer.text)).toBe(`${BASE}/#applications/${applicationId}`);
  });

  it('texts a new kiosk visitor the sign-in page with their phone filled in', async () => {
    const fair = await createFairScenario(t, { staff });
    const body = kioskSubmission([fair.vacancy.id]);
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set('authorization', `Bearer ${fair.kiosk.token}`)
      .set('idempotency-key', unique('links-'))
      .send(body);
    expect(res.status).toBe(201);
    const phone = String(body.migrant.phone);
    const text = await waitFor(
      async () => sms.messages.find((m) => m.to === phone && m.text.includes('#login'))?.text,
    );
    expect(firstLink(text!)).toBe(`${BASE}/#login?phone=${encodeURIComponent(phone)}`);
  });

  it('lists the legal-help number of the host country beside the hotlines of an urgent grievance', async () => {
    const { applicationId, migrant } = await createApplication(t, { staff });
    const res = await t
      .http()
      .post('/v1/grievances')
      .set('authorization', `Bearer ${migrant.token}`)
      .send({ category: 'documents_retained', description: 'Работодатель забрал паспорт', applicationId });
    expect(res.status).toBe(201);
    expect(res.body.urgent).toBe(true);
    expect(res.body.hotlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: '112', kind: 'emergency' }),
        expect.objectContaining({ number: '+7 495 123-45-67', kind: 'legal_help', free: true }),
      ]),
    );
  });

  it('never leaves an API path or a relative link in what was sent', async () => {
    for (const m of sms.messages) {
      expect(m.text).not.toMatch(/(^|\s)\/(v1|applications|login)\b/);
      const link = firstLink(m.text);
      if (link) expect(link.startsWith(`${BASE}/`)).toBe(true);
    }
  });
});
