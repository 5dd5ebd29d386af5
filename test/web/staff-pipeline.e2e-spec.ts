import { Browser, Page } from 'playwright-core';
import { TestApp, adminToken, bootTestApp, login, unique } from 'test/harness/app';
import { applyOnline } from 'test/harness/applications.factory';
import { bookInterview, createSlots, slotAt } from 'test/harness/interviews.factory';
import { registerMigrant } from 'test/harness/migrants.factory';
import { createPublishedVacancy, createVerifiedEmployer } from 'test/harness/supply.factory';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

const STAFF_PASSWORD = 'staff-password-123';

describe('staff pipeline view in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let staffEmail: string;
  let staff: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    staffEmail = `${unique('pipeline')}@test.jobfair.local`;
    const res = await t
      .http()
      .post('/v1/staff')
      .set(auth(await adminToken(t)))
      .send({ email: staffEmail, password: STAFF_PASSWORD, displayName: 'Ольга Сотрудник' });
    expect(res.status).toBe(201);
    staff = await login(t, { email: staffEmail, password: STAFF_PASSWORD });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${t.url}/staff`);
    await page.getByLabel('Электронная почта').fill(staffEmail);
    await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.locator('main[data-tab]').waitFor();
  }

  it('approves an order, moves a recruit one step, refuses an illegal step and lists a late deadline', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token, { title: `Каменщик ${unique()}` });
    const placed = await t
      .http()
      .post('/v1/recruitment/orders')
      .set(auth(employer.token))
      .send({
        vacancyId: vacancy.id,
        workers: 4,
        originCountries: ['TJ'],
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
      });
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    const person = await registerMigrant(t, { citizenship: 'TJ', preferredLanguage: 'tg' });
    // A plan whose registration deadline passed weeks ago: staff must see it.
    const arrival = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const plan = await t
      .http()
      .post(`/v1/migrants/${person.id}/pre-departure-plan`)
      .set(auth(person.token))
      .send({ vacancyId: vacancy.id, arrivalDate: arrival });
    expect(plan.status).toBe(200);
    const late = plan.body.items.find((s: { code: string }) => s.code === 'REGISTER_STAY');

    const { context, page } = await newPage(browser, { viewport: { width: 1400, height: 1200 } });
    try {
      await signIn(page);
      await page.locator('nav [data-tab="recruitment"]').click();
      const row = page.locator(`tr[data-order="${orderId}"]`);
      await row.waitFor();
      await row.locator(`[data-approve="${orderId}"]`).click();
      await page.getByText('одобрен').first().waitFor();
      await row.locator('[data-status="approved"]').waitFor();
      const approved = await t
        .http()
        .get('/v1/recruitment/orders')
        .query({ status: 'approved' })
        .set(auth(staff));
      expect(approved.body.items.map((o: { id: string }) => o.id)).toContain(orderId);

      // Staff select the person for the order (over the API), then follow them in the console.
      const selected = await t
        .http()
        .post(`/v1/recruitment/orders/${orderId}/recruits`)
        .set(auth(staff))
        .send({ migrantId: person.id });
      expect(selected.status).toBe(201);
      const recruitId = selected.body.id as string;
      // The recruit's interview, booked through their application to the vacancy, shows in the pipeline.
      const applied = await applyOnline(t, person.token, vacancy.id);
      const [slot] = await createSlots(t, employer.token, vacancy.id, [slotAt(24 * 60)]);
      const interview = await bookInterview(t, employer.token, applied.id, slot.id);
      await page.locator('nav [data-tab="recruitment"]').click();
      await page.locator(`[data-pipeline="${orderId}"]`).click();
      const recruit = page.locator(`tr[data-recruit="${recruitId}"]`);
      await recruit.waitFor();
      expect(await recruit.getAttribute('data-status')).toBe('selected');
      const shown = recruit.locator(`[data-interview="${interview.id}"]`);
      await shown.waitFor();
      expect(await shown.getAttribute('data-interview-status')).toBe('scheduled');
      expect(await shown.locator('time').getAttribute('datetime')).toBe(interview.startsAt);
      // The next step is offered first.
      expect(await recruit.locator(`[data-move-to="${recruitId}"]`).inputValue()).toBe('offer_accepted');
      await screenshot(page, 'staff-recruitment-pipeline');
      await recruit.locator(`[data-move="${recruitId}"]`).click();
      await page.locator(`tr[data-recruit="${recruitId}"][data-status="offer_accepted"]`).waitFor();
      const pipeline = await t.http().get(`/v1/recruitment/orders/${orderId}/pipeline`).set(auth(staff));
      expect(pipeline.body.recruits.find((r: { id: string }) => r.id === recruitId).status).toBe(
        'offer_accepted',
      );

      // Skipping to "placed" is refused by the server; the console shows its problem beside the recruit.
      const moved = page.locator(`tr[data-recruit="${recruitId}"]`);
      await moved.locator(`[data-move-to="${recruitId}"]`).selectOption('placed');
      await moved.locator(`[data-move="${recruitId}"]`).click();
      await moved.locator('[data-problem="/problems/invalid-transition"]').waitFor();
      expect(await moved.locator('[role="alert"]').textContent()).toContain('offer_accepted');
      await screenshot(page, 'staff-recruitment-refused-step');
      const after = await t.http().get(`/v1/recruitment/orders/${orderId}/pipeline`).set(auth(staff));
      expect(after.body.recruits.find((r: { id: string }) => r.id === recruitId).status).toBe(
        'offer_accepted',
      );

      // The funnel as a chart with its downloads, and the late deadline in the list.
      await page.locator('[data-testid="recruitment-funnel"] svg').waitFor();
      expect(await page.locator('[data-download="recruitment-funnel-order.csv"]').count()).toBe(1);
      expect(await page.locator('[data-download="recruitment-funnel-order.xlsx"]').count()).toBe(1);
      const order = page.locator(`tr[data-group="${orderId}"]`);
      await order.waitFor();
      expect((await order.locator('td').first().textContent())?.trim()).toBe('1');
      const overdue = page.locator(`tr[data-overdue-step="${late.id}"]`);
      await overdue.waitFor();
      expect(await overdue.textContent()).toContain('Учёт по месту пребывания');
      await screenshot(page, 'staff-recruitment-funnel-overdue');
    } finally {
      await context.close();
    }
  });
});
