import { Browser, Page } from 'playwright-core';
import { TestApp, bootTestApp, login, staffToken, unique } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { randomBirthDate, uniqueMigrantPhone, uniquePersonName } from 'test/harness/migrants.factory';
import {
  createFairScenario,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

const PHONE_VIEWPORT = { width: 390, height: 844 };

describe('jobseeker page in the browser (phone)', () => {
  let t: TestApp;
  let browser: Browser;
  let staff: string;

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    staff = await staffToken(t);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Matching reads a search index filled by a queue: reopen the tab until the card shows. */
  async function waitForCard(page: Page, vacancyId: string): Promise<void> {
    const card = page.locator(`article[data-vacancy="${vacancyId}"]`);
    for (let i = 0; i < 30; i++) {
      if (await card.count()) return;
      await page.waitForTimeout(500);
      await page.locator('nav [data-tab="matches"]').click();
      await page.locator('main[data-tab="matches"] h2').waitFor();
    }
    await card.waitFor({ timeout: 1000 });
  }

  it('registers in Uzbek, sees a matching job and applies', async () => {
    const employer = await createVerifiedEmployer(t, { staff });
    const vacancy = await createPublishedVacancy(t, employer.token, {
      occupationCode: '5322',
      title: `Сиделка ${unique('v')}`,
    });
    const phone = uniqueMigrantPhone();
    const { context, page } = await newPage(browser, { viewport: PHONE_VIEWPORT });
    try {
      await page.goto(`${t.url}/`);
      await page.locator('button[data-lang="uz"]').click();
      expect(await page.locator('html').getAttribute('lang')).toBe('uz');
      await page.getByRole('button', { name: 'Roʻyxatdan oʻtish' }).click();
      await page.locator('#f-fullName').fill(uniquePersonName());
      await page.locator('#f-birthDate').fill(randomBirthDate());
      await page.locator('#f-citizenship').selectOption('UZ');
      await page.locator('#f-phone').fill(phone);
      await page.locator('#f-trade option[value="5322"]').waitFor({ state: 'attached' });
      await page.locator('#f-trade').selectOption('5322');
      await page.locator('#f-password').fill('migrant-password-1');
      await page.getByLabel('Maʼlumotlarimni qayta ishlashga roziman').check();
      await screenshot(page, 'migrant-1-register-uz');
      await page.locator('form button[type="submit"]').click();

      await page.locator('main[data-tab="matches"]').waitFor();
      await waitForCard(page, vacancy.id);
      const card = page.locator(`article[data-vacancy="${vacancy.id}"]`);
      // The minimum wage in force in the vacancy's region, as a fact in the person's language (Uzbek).
      const shown = (await card.locator(`[data-minimum-wage="${vacancy.id}"]`).textContent())?.trim();
      const token = await login(t, { phone, password: 'migrant-password-1' });
      const me = await t.http().get('/v1/auth/me').set('authorization', `Bearer ${token}`);
      const matches = await t
        .http()
        .get(`/v1/migrants/${me.body.migrantId}/matches?lang=uz`)
        .set('authorization', `Bearer ${token}`);
      const match = matches.body.items.find((m: { vacancy: { id: string } }) => m.vacancy.id === vacancy.id);
      expect(match.minimumWage.amount).toBeGreaterThan(0);
      expect(shown).toBe(match.minimumWage.fact);
      expect(match.minimumWage.facts).toBeUndefined();
      await card.locator('[data-action="apply"]').click();
      await page.locator(`[data-applied="${vacancy.id}"]`).waitFor();
      await screenshot(page, 'migrant-2-matches');

      const apps = await t
        .http()
        .get(`/v1/applications?vacancyId=${vacancy.id}`)
        .set('authorization', `Bearer ${employer.token}`);
      expect(apps.body.items).toHaveLength(1);
      expect(apps.body.items[0].source).toBe('online');
    } finally {
      await context.close();
    }
  });

  it('signs in from the kiosk QR link, sees the application, and erases the data', async () => {
    const scenario = await createFairScenario(t, { staff });
    const submission = kioskSubmission([scenario.vacancy.id], {
      phone: uniqueMigrantPhone(),
      birthDate: randomBirthDate(),
      preferredLanguage: 'ru',
    });
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set('authorization', `Bearer ${scenario.kiosk.token}`)
      .set('idempotency-key', unique('k'))
      .send(submission);
    expect(res.status).toBe(201);
    const { migrantId, accessCode } = res.body as { migrantId: string; accessCode: string };
    const phone = submission.migrant.phone as string;

    const { context, page } = await newPage(browser, { viewport: PHONE_VIEWPORT });
    try {
      await page.goto(`${t.url}/#login?phone=${encodeURIComponent(phone)}&code=${accessCode}`);
      await page.locator('button[data-lang="ru"]').click();
      await page.locator('nav [data-tab="applications"]').click();
      const card = page.locator('article[data-application]');
      await card.first().waitFor();
      expect(await card.first().textContent()).toContain(scenario.vacancy.title as string);
      await screenshot(page, 'migrant-3-applications');

      await page.locator('nav [data-tab="profile"]').click();
      page.once('dialog', (d) => void d.accept());
      await page.locator('[data-action="erase"]').click();
      await page.getByText('Ваши данные удалены.').waitFor();

      const after = await t.http().get(`/v1/migrants/${migrantId}`).set('authorization', `Bearer ${staff}`);
      expect(after.status === 404 || after.body.status === 'erased').toBe(true);
    } finally {
      await context.close();
    }
  });
});
