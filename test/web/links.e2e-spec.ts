import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  TestApp,
  bootTestApp,
  freePort,
  login,
  staffToken,
  unique,
  waitFor,
} from 'test/harness/app';
import { GrievancesProcessor } from 'src/modules/grievances/grievances.processor';
import { createApplication, kioskSubmission } from 'test/harness/applications.factory';
import { bookInterview, createSlots, slotAt } from 'test/harness/interviews.factory';
import { firstLink } from 'test/harness/notifications.factory';
import { SmsGatewayStub } from 'test/harness/sms-gateway';
import { EMPLOYER_PASSWORD, createFairScenario } from 'test/harness/supply.factory';
import { pageLinks } from 'src/modules/notifications/links';
import { launchBrowser, newPage } from 'test/web/browser';

jest.setTimeout(120_000);

/**
 * The links that messages carry, taken from the messages the service really sent, opened in the browser: each
 * lands on a page of its face that, after sign-in, shows the object to its owner.
 */
describe('links in messages open the page of their object', () => {
  let t: TestApp;
  let browser: Browser;
  let sms: SmsGatewayStub;
  let staff: string;
  let base: string;

  const inboxLink = async (token: string, template: string): Promise<string> =>
    waitFor(
      async () => {
        const res = await t.http().get('/v1/me/notifications').set('authorization', `Bearer ${token}`);
        const item = (res.body.items as Array<{ template: string; text: string }>).find(
          (i) => i.template === template,
        );
        return item ? firstLink(item.text) : undefined;
      },
      { what: `a ${template} message` },
    );

  async function migrantSignIn(page: Page, phone: string, password: string): Promise<void> {
    await page.locator('#f-phone').fill(phone);
    await page.locator('#f-password').fill(password);
    await page.locator('form button[type="submit"]').click();
  }

  async function employerSignIn(page: Page, email: string): Promise<void> {
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль', { exact: true }).fill(EMPLOYER_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
  }

  beforeAll(async () => {
    sms = await SmsGatewayStub.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await bootTestApp({ PORT: String(port), PUBLIC_BASE_URL: base, SMS_GATEWAY_URL: sms.url });
    browser = await launchBrowser();
    staff = await staffToken(t);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await sms?.close();
  });

  it('takes the candidate to the interview and to the offer, and the employer to the application and the interview', async () => {
    const { applicationId, migrant, employer, vacancy } = await createApplication(t, { staff });
    const [slot] = await createSlots(t, employer.token, vacancy.id, [slotAt(2 * 24 * 60)]);
    const interview = await bookInterview(t, employer.token, applicationId, slot.id);

    const invitation = await inboxLink(migrant.token, 'interview_invitation');
    expect(invitation).toBe(`${base}${pageLinks.migrantInterview(interview.id)}`);
    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await page.goto(invitation);
      await migrantSignIn(page, migrant.phone, migrant.password);
      const card = page.locator(
        `main[data-tab="applications"] article.focus[data-interview="${interview.id}"]`,
      );
      await card.waitFor();
      expect(await card.getAttribute('data-status')).toBe('scheduled');
      await page.locator(`article[data-application="${applicationId}"][aria-current="true"]`).waitFor();

      await t.app
        .get(DataSource)
        .query(`UPDATE applications SET status = 'interviewed' WHERE id = $1`, [applicationId]);
      const moved = await t
        .http()
        .post(`/v1/applications/${applicationId}/transitions`)
        .set('authorization', `Bearer ${employer.token}`)
        .send({ to: 'offered' });
      expect(moved.status).toBe(200);
      const offer = await inboxLink(migrant.token, 'offer');
      expect(offer).toBe(`${base}${pageLinks.migrantApplication(applicationId)}`);
      // Signed in already, on the open page: the link opens the application at once.
      await page.goto(offer);
      const offered = page.locator(`article[data-application="${applicationId}"][aria-current="true"]`);
      await offered.waitFor();
      expect(await offered.getAttribute('data-status')).toBe('offered');
    } finally {
      await context.close();
    }

    const forEmployer = await inboxLink(employer.token, 'new_application');
    expect(forEmployer).toBe(`${base}${pageLinks.employerApplication(applicationId)}`);
    const employerInterview = await inboxLink(employer.token, 'interview_invitation');
    expect(employerInterview).toBe(`${base}${pageLinks.employerInterview(interview.id)}`);
    const second = await newPage(browser);
    try {
      await second.page.goto(forEmployer);
      await employerSignIn(second.page, employer.email);
      await second.page.locator(`tr[data-application="${applicationId}"][aria-current="true"]`).waitFor();
      expect(await second.page.locator('main').getAttribute('data-tab')).toBe('vacancy');

      await second.page.goto(employerInterview);
      await second.page.locator(`tr[data-application="${applicationId}"][aria-current="true"]`).waitFor();

      await second.page.goto(`${base}${pageLinks.employerObligations()}`);
      await second.page.locator('main[data-tab="obligations"]').waitFor();
    } finally {
      await second.context.close();
    }
  });

  it('lets the candidate take another time or say they cannot come, from the invitation’s link', async () => {
    const { applicationId, migrant, employer, vacancy } = await createApplication(t, { staff });
    const [first, second] = await createSlots(t, employer.token, vacancy.id, [
      slotAt(3 * 24 * 60),
      slotAt(3 * 24 * 60 + 60),
    ]);
    const interview = await bookInterview(t, employer.token, applicationId, first.id);
    const link = await inboxLink(migrant.token, 'interview_invitation');
    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    const read = async () =>
      (await t.http().get(`/v1/interviews/${interview.id}`).set('authorization', `Bearer ${migrant.token}`))
        .body;
    try {
      await page.goto(link);
      await migrantSignIn(page, migrant.phone, migrant.password);
      await page.locator(`article.focus[data-interview="${interview.id}"]`).waitFor();
      await page.locator('[data-action="other-time"]').click();
      await page.locator(`button[data-slot="${second.id}"]`).click();
      await page.locator('main [role="status"]').waitFor();
      expect((await read()).slotId).toBe(second.id);

      await page.locator('#cancel-reason').fill('Заболел, прошу перенести на следующую неделю');
      await page.locator('[data-action="cancel-interview"]').click();
      await page
        .locator(`article.focus[data-interview="${interview.id}"][data-status="cancelled"]`)
        .waitFor();
      const cancelled = await read();
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.cancelReason).toBe('Заболел, прошу перенести на следующую неделю');
    } finally {
      await context.close();
    }
  });

  it('opens the sign-in page with the phone filled in from the kiosk’s access-code text', async () => {
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
    const link = firstLink(text)!;
    expect(link).toBe(`${base}${pageLinks.migrantLogin(phone)}`);
    const { context, page } = await newPage(browser);
    try {
      await page.goto(link);
      expect(await page.locator('#f-phone').inputValue()).toBe(phone);
      await page.locator('#f-accessCode').fill(String(res.body.accessCode));
      await page.locator('form button[type="submit"]').click();
      await page.locator('nav [data-tab="applications"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it('takes the person, the employer it was shared with and staff to a grievance', async () => {
    const { applicationId, migrant, employer } = await createApplication(t, { staff });
    const filed = await t
      .http()
      .post('/v1/grievances')
      .set('authorization', `Bearer ${migrant.token}`)
      .send({ category: 'wages_unpaid', description: 'Зарплату за октябрь не выплатили', applicationId });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    const moved = await t
      .http()
      .post(`/v1/grievances/${id}/transitions`)
      .set('authorization', `Bearer ${staff}`)
      .send({ to: 'in_review' });
    expect(moved.status).toBe(200);
    const shared = await t.http().post(`/v1/grievances/${id}/share`).set('authorization', `Bearer ${staff}`);
    expect(shared.status).toBe(200);

    const forPerson = await inboxLink(migrant.token, 'grievance_state_changed');
    expect(forPerson).toBe(`${base}${pageLinks.migrantGrievance(id)}`);
    const person = await newPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await person.page.goto(forPerson);
      await migrantSignIn(person.page, migrant.phone, migrant.password);
      const detail = person.page.locator(`[data-grievance-detail="${id}"]`);
      await detail.waitFor();
      expect(await detail.getAttribute('data-state')).toBe('in_review');
    } finally {
      await person.context.close();
    }

    const forEmployer = await inboxLink(employer.token, 'grievance_shared');
    expect(forEmployer).toBe(`${base}${pageLinks.employerGrievance(id)}`);
    const company = await newPage(browser);
    try {
      await company.page.goto(forEmployer);
      await employerSignIn(company.page, employer.email);
      await company.page.locator(`[data-grievance="${id}"]`).waitFor();
    } finally {
      await company.context.close();
    }

    // Staff are reminded of a grievance past its first-response date, with a link into the console.
    const email = `${unique('console')}@test.jobfair.local`;
    const admin = await login(t, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const made = await t
      .http()
      .post('/v1/staff')
      .set('authorization', `Bearer ${admin}`)
      .send({ email, password: 'staff-password-123', displayName: 'Дежурный сотрудник' });
    expect(made.status).toBe(201);
    const duty = await login(t, { email, password: 'staff-password-123' });
    const late = await t.http().post('/v1/grievances').set('authorization', `Bearer ${duty}`).send({
      category: 'wages_unpaid',
      description: 'Принято на стойке, ответ просрочен',
      migrantId: migrant.id,
      receivedAt: '2026-10-30T10:00:00+03:00',
    });
    expect(late.status).toBe(201);
    await t.app.get(GrievancesProcessor).sweep();
    const forStaff = await waitFor(
      async () => {
        const res = await t.http().get('/v1/me/notifications').set('authorization', `Bearer ${duty}`);
        const items = res.body.items as Array<{ template: string; text: string }>;
        const item = items.find((i) => i.template === 'grievance_overdue' && i.text.includes(late.body.id));
        return item ? firstLink(item.text) : undefined;
      },
      { what: 'the overdue reminder' },
    );
    expect(forStaff).toBe(`${base}${pageLinks.staffGrievance(late.body.id)}`);
    const desk = await newPage(browser);
    try {
      await desk.page.goto(forStaff);
      await desk.page.getByLabel('Электронная почта').fill(email);
      await desk.page.getByLabel('Пароль').fill('staff-password-123');
      await desk.page.getByRole('button', { name: 'Войти' }).click();
      await desk.page.locator(`[data-grievance-detail="${late.body.id}"]`).waitFor();
    } finally {
      await desk.context.close();
    }
  });

  it('opens the plan tab from the pre-departure reminder’s link', async () => {
    const { migrant } = await createApplication(t, { staff });
    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await page.goto(`${base}${pageLinks.migrantPlan()}`);
      await migrantSignIn(page, migrant.phone, migrant.password);
      await page.locator('main[data-tab="plan"]').waitFor();
      expect(await page.locator('nav [data-tab="plan"]').getAttribute('aria-current')).toBe('page');
    } finally {
      await context.close();
    }
  });

  it('tells a person a link that is not theirs leads nowhere, without showing anything', async () => {
    const mine = await createApplication(t, { staff });
    const other = await createApplication(t, { staff });
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${base}${pageLinks.migrantApplication(other.applicationId)}`);
      await migrantSignIn(page, mine.migrant.phone, mine.migrant.password);
      await page.locator('main[data-tab="applications"] [role="alert"]').waitFor();
      expect(await page.locator(`[data-application="${other.applicationId}"]`).count()).toBe(0);
      expect(await page.locator(`[data-application="${mine.applicationId}"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
