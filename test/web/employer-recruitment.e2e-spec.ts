import { Browser } from 'playwright-core';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { applyOnline } from 'test/harness/applications.factory';
import { bookInterview, createSlots, slotAt } from 'test/harness/interviews.factory';
import { registerMigrant } from 'test/harness/migrants.factory';
import {
  EMPLOYER_PASSWORD,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

describe('employer portal: the recruitment pipeline in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the employer its order's recruits and records the next step, seen through the API", async () => {
    const staff = await staffToken(t);
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token);
    const auth = (token: string) => ({ authorization: `Bearer ${token}` });
    const placed = await t
      .http()
      .post('/v1/recruitment/orders')
      .set(auth(employer.token))
      .send({
        vacancyId: vacancy.id,
        workers: 2,
        originCountries: ['UZ'],
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
      });
    const orderId = placed.body.id as string;
    await t.http().post(`/v1/recruitment/orders/${orderId}/approve`).set(auth(staff)).expect(200);
    const person = await registerMigrant(t, { citizenship: 'UZ' });
    const selected = await t
      .http()
      .post(`/v1/recruitment/orders/${orderId}/recruits`)
      .set(auth(staff))
      .send({ migrantId: person.id });
    const recruitId = selected.body.id as string;
    // The recruit's interview for the vacancy, booked through their application, shows in the row.
    const applied = await applyOnline(t, person.token, vacancy.id);
    const [slot] = await createSlots(t, employer.token, vacancy.id, [slotAt(24 * 60)]);
    const interview = await bookInterview(t, employer.token, applied.id, slot.id);

    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/employer`);
      await page.getByLabel('Электронная почта').fill(employer.email);
      await page.getByLabel('Пароль', { exact: true }).fill(EMPLOYER_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.locator('nav [data-tab="recruitment"]').click();
      await page.locator(`[data-recruits="${orderId}"]`).click();
      const row = page.locator(`tr[data-recruit="${recruitId}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-status')).toBe('selected');
      await row.locator(`[data-interview="${interview.id}"]`).waitFor();
      await row.locator(`[data-next="${recruitId}"]`).click();
      await page.locator(`tr[data-recruit="${recruitId}"][data-status="offer_accepted"]`).waitFor();
      await screenshot(page, 'employer-recruitment-pipeline');
      const pipeline = await t
        .http()
        .get(`/v1/recruitment/orders/${orderId}/pipeline`)
        .set(auth(employer.token));
      expect(pipeline.body.recruits[0]).toMatchObject({ id: recruitId, status: 'offer_accepted' });
      expect(pipeline.body.recruits[0].steps.at(-1)).toMatchObject({
        status: 'offer_accepted',
        by: 'employer',
      });
    } finally {
      await context.close();
    }
  });
});
