import { Browser, Page } from 'playwright-core';
import { TestApp, adminToken, bootTestApp, login, unique } from 'test/harness/app';
import { migrantRegistration } from 'test/harness/migrants.factory';
import { createFairScenario, registerEmployer } from 'test/harness/supply.factory';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

const STAFF_PASSWORD = 'staff-password-123';

describe('staff console in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let staffEmail: string;
  let staff: string;

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    staffEmail = `${unique('console')}@test.jobfair.local`;
    const res = await t
      .http()
      .post('/v1/staff')
      .set('authorization', `Bearer ${await adminToken(t)}`)
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

  it('verifies a pending employer', async () => {
    const employer = await registerEmployer(t);
    const { context, page } = await newPage(browser);
    try {
      await signIn(page);
      await page.locator('[data-tab="employers"]').first().click();
      const row = page.locator(`tr[data-employer="${employer.id}"]`);
      await row.waitFor();
      await screenshot(page, 'staff-1-employers');
      await row.locator('[data-action="verify"]').click();
      await page.getByText('подтверждён').waitFor();
      expect(await row.count()).toBe(0);
      const res = await t.http().get(`/v1/employers/${employer.id}`).set('authorization', `Bearer ${staff}`);
      expect(res.body.status).toBe('verified');
    } finally {
      await context.close();
    }
  });

  it('pairs a kiosk with a QR code and reads the fair report with its chart', async () => {
    const scenario = await createFairScenario(t, { staff });
    // Two visitors apply at the kiosk, so the report has numbers to draw.
    for (const citizenship of ['UZ', 'TJ']) {
      const person = migrantRegistration({ citizenship });
      delete person.password;
      const res = await t
        .http()
        .post('/v1/kiosk/applications')
        .set('authorization', `Bearer ${scenario.kiosk.token}`)
        .set('idempotency-key', unique('k'))
        .send({ migrant: person, vacancyIds: [scenario.vacancy.id] });
      expect(res.status).toBe(201);
    }
    const { context, page } = await newPage(browser);
    try {
      await signIn(page);
      await page.locator('nav [data-tab="fairs"]').click();
      const card = page.locator(`[data-fair="${scenario.fair.id}"]`);
      await card.waitFor();
      page.once('dialog', (d) => void d.accept('Вход, справа'));
      await card.locator('[data-action="kiosk"]').click();
      await card.locator('[data-testid="kiosk-pairing"] canvas').waitFor();
      const link = await card.locator('[data-testid="kiosk-link"]').getAttribute('href');
      expect(link).toMatch(/\/kiosk#token=/);
      await screenshot(page, 'staff-2-fairs-kiosk-qr');

      await card.getByRole('button', { name: 'Отчёт' }).click();
      const funnel = page.locator('[data-testid="funnel"] svg');
      await funnel.waitFor();
      const applied = funnel.locator('g[data-bar="Подали заявки"] text').last();
      expect(Number(await applied.textContent())).toBe(2);
      await page.locator('[data-breakdown="byCitizenship"] svg').waitFor();
      await screenshot(page, 'staff-3-fair-report');
    } finally {
      await context.close();
    }
  });
});
