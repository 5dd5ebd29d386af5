import { Browser, Page } from 'playwright-core';
import { TestApp, adminToken, bootTestApp, login, unique } from 'test/harness/app';
import { createApplication } from 'test/harness/applications.factory';
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
      // Breakdown tables name countries and genders in the page's language, never by their raw codes.
      for (const breakdown of ['byCitizenship', 'byGender']) {
        const rows = page.locator(`table[data-breakdown-table="${breakdown}"] tbody tr`);
        expect(await rows.count()).toBeGreaterThan(0);
        for (const row of await rows.all()) {
          const code = (await row.getAttribute('data-key')) ?? '';
          const shown = ((await row.locator('th').textContent()) ?? '').trim();
          expect(shown).not.toBe(code);
          expect(shown).toMatch(/^[А-ЯЁ][а-яё -]+$/);
        }
      }
      await screenshot(page, 'staff-3-fair-report');
    } finally {
      await context.close();
    }
  });

  it('follows an application with its history and lists overdue duties', async () => {
    const applied = await createApplication(t, { staff });
    const { context, page } = await newPage(browser);
    try {
      await signIn(page);
      await page.getByRole('button', { name: 'Заявки', exact: true }).click();
      await page.getByLabel('Статус').selectOption('submitted');
      const row = page.locator(`tr[data-application="${applied.applicationId}"]`);
      // The filtered list has come back once the section says so; newest first, so ours is on top.
      await page.locator('section[data-status-filter="submitted"]').waitFor();
      expect(await page.inputValue('#applications-status')).toBe('submitted');
      await row.waitFor();
      expect(await row.textContent()).toContain(String(applied.vacancy.title));
      expect(await row.textContent()).toContain('Онлайн');
      await row.getByRole('button', { name: /История/ }).click();
      const history = page.locator(`table[data-history="${applied.applicationId}"]`);
      await history.waitFor();
      const first = history.locator('tr[data-transition="submitted"]');
      expect(await first.count()).toBe(1);
      expect(await first.textContent()).toContain('соискатель');
      await screenshot(page, 'staff-4-application-history');

      await page.getByRole('button', { name: 'Просроченные обязанности' }).click();
      await page.locator('main[data-tab="obligations"] h2').waitFor();
      const overdue = await t
        .http()
        .get('/v1/obligations?status=overdue')
        .set('authorization', `Bearer ${staff}`);
      if (overdue.body.total === 0) {
        await page.getByText('Просроченных обязанностей нет.').waitFor();
      } else {
        await page.locator(`tr[data-obligation="${overdue.body.items[0].id}"]`).waitFor();
      }
      await page.getByRole('button', { name: 'Все открытые' }).click();
      await page.locator('[data-obligations="open"][aria-pressed="true"]').waitFor();
      await screenshot(page, 'staff-5-obligations');
    } finally {
      await context.close();
    }
  });
});
