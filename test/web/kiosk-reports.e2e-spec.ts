import { Browser, Page } from 'playwright-core';
import { TestApp, adminToken, bootTestApp, login, unique } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { uniqueMigrantPhone } from 'test/harness/migrants.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { expectAccessible } from 'test/web/accessibility';
import { DICTIONARY } from '../../web/src/i18n/kiosk';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

const STAFF_PASSWORD = 'staff-password-123';
const LEGAL_HELP = '+7 495 123-45-67';

/**
 * The kiosk's get-help screen for a visitor new here, a report naming the visitor's own application, the help
 * numbers kept on the device for an urgent report waiting offline, and the console chart's long labels.
 */
describe('kiosk reports in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let scenario: FairScenario;
  let staff: string;
  let staffEmail: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootTestApp({ LEGAL_HELP_PHONE: LEGAL_HELP });
    browser = await launchBrowser();
    staffEmail = `${unique('reports')}@test.jobfair.local`;
    await t
      .http()
      .post('/v1/staff')
      .set(auth(await adminToken(t)))
      .send({ email: staffEmail, password: STAFF_PASSWORD, displayName: 'Ольга Отчётная' })
      .expect(201);
    staff = await login(t, { email: staffEmail, password: STAFF_PASSWORD });
    scenario = await createFairScenario(t, { staff });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openHelp(page: Page, lang: 'ru' | 'uz' | 'tg' | 'ky' | 'en') {
    await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}&lang=${lang}`);
    await page.locator('main[data-screen="language"]').waitFor();
    // The kiosk keeps the fair's help numbers on the device as it starts.
    await page.waitForFunction('!!localStorage.getItem("jobfair.kiosk.hotlines")');
    await page.locator('[data-action="get-help"]').click();
    await page.locator('main[data-screen="help"]').waitFor();
  }

  async function applied(lang: 'uz' | 'tg') {
    const body = kioskSubmission([scenario.vacancy.id], { preferredLanguage: lang });
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set(auth(scenario.kiosk.token))
      .set('idempotency-key', unique('k'))
      .send(body)
      .expect(201);
    return {
      id: res.body.migrantId as string,
      phone: body.migrant.phone as string,
      accessCode: res.body.accessCode as string,
      applicationId: res.body.applications[0].id as string,
    };
  }

  async function identify(page: Page, who: { phone: string; accessCode: string }) {
    await page.fill('#help-phone', who.phone);
    await page.fill('#help-access-code', who.accessCode);
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="help-menu"]').waitFor();
    await page.locator('[data-action="help-report"]').click();
    await page.locator('main[data-screen="help-report"]').waitFor();
  }

  it('a visitor new here reports in Kyrgyz by themselves and gets an access code on the screen', async () => {
    const phone = uniqueMigrantPhone();
    const { context, page } = await newPage(browser);
    try {
      await openHelp(page, 'ky');
      await page.getByText(DICTIONARY.helpNotRegistered.ky).waitFor();
      await page.locator('[data-action="help-new"]').click();
      await page.locator('main[data-screen="help-new"]').waitFor();
      await page.getByRole('heading', { name: DICTIONARY.helpNew.ky }).waitFor();
      await page.fill('#help-new-name', 'Айгүл Бекова');
      await page.locator('[data-country="KG"]').click();
      await page.fill('#help-new-phone', phone);
      // Without consent to data processing nothing goes.
      expect(await page.locator('[data-action="next"]').isDisabled()).toBe(true);
      await page.locator('#help-new-consent').check();
      await expectAccessible(page);
      await screenshot(page, 'kiosk-help-new-1-visitor');
      await page.locator('[data-action="next"]').click();
      await page.locator('main[data-screen="help-report"]').waitFor();
      // A new profile has no applications to name.
      expect(await page.locator('[data-records]').count()).toBe(0);
      await page.locator('[data-category="worker_charged"]').click();
      await page.fill('#grievance-description', 'Жумуш үчүн 20 000 рубль алышты');
      await page.locator('[data-action="send-report"]').click();
      await page.locator('main[data-screen="help-sent"]').waitFor();
      const code = (await page.getByTestId('access-code').textContent())!.trim();
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
      await screenshot(page, 'kiosk-help-new-2-sent');
      const id = await page.getByTestId('grievance-id').getAttribute('data-grievance');
      const g = await t.http().get(`/v1/grievances/${id}`).set(auth(staff)).expect(200);
      expect(g.body).toMatchObject({
        channel: 'kiosk',
        category: 'worker_charged',
        fairId: scenario.fair.id,
      });
      // The code on the screen is the person's login, and the report is theirs.
      const token = await login(t, { phone, accessCode: code });
      const mine = await t.http().get('/v1/grievances').set(auth(token)).expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    } finally {
      await context.close();
    }
  });

  it('a returning visitor picks their own application: the report carries the advertised terms', async () => {
    const who = await applied('uz');
    const { context, page } = await newPage(browser);
    try {
      await openHelp(page, 'uz');
      await identify(page, who);
      const pick = page.locator(`[data-record="application:${who.applicationId}"]`);
      await pick.waitFor();
      expect(await pick.textContent()).toContain(String(scenario.vacancy.title));
      await page.getByText(DICTIONARY.reportAbout.uz).waitFor();
      await pick.click();
      expect(await pick.getAttribute('aria-pressed')).toBe('true');
      await expectAccessible(page);
      await screenshot(page, 'kiosk-help-record-1-pick');
      await page.locator('[data-category="terms_differ"]').click();
      await page.fill('#grievance-description', 'Vaʼda qilingan maoshdan kam toʻlashmoqda');
      await page.locator('[data-action="send-report"]').click();
      await page.locator('main[data-screen="help-sent"]').waitFor();
      const id = await page.getByTestId('grievance-id').getAttribute('data-grievance');
      const g = await t.http().get(`/v1/grievances/${id}`).set(auth(staff)).expect(200);
      expect(g.body).toMatchObject({
        migrantId: who.id,
        applicationId: who.applicationId,
        vacancyId: scenario.vacancy.id,
        comparison: { snapshotId: scenario.vacancy.termsSnapshotId },
      });
    } finally {
      await context.close();
    }
  });

  it('an urgent report queued offline shows the kept help numbers at once, in Uzbek', async () => {
    const who = await applied('uz');
    const { context, page } = await newPage(browser);
    try {
      await openHelp(page, 'uz');
      await identify(page, who);
      // The server is unreachable for the report: it waits in the outbox.
      await page.route('**/v1/kiosk/grievances', (route) => route.abort('internetdisconnected'));
      await page.locator('[data-category="documents_retained"]').click();
      await page.fill('#grievance-description', 'Ish beruvchi pasportimni olib qoʻydi');
      await page.locator('[data-action="send-report"]').click();
      await page.getByTestId('report-waiting').waitFor();
      const kept = page.getByTestId('hotlines-offline');
      await kept.waitFor();
      const numbers = await kept
        .locator('[data-hotline]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-hotline')));
      const api = await t
        .http()
        .get('/v1/kiosk/hotlines?lang=uz')
        .set(auth(scenario.kiosk.token))
        .expect(200);
      expect(numbers).toEqual(api.body.items.map((h: { number: string }) => h.number));
      expect(numbers).toEqual(['112', LEGAL_HELP]);
      expect(await kept.textContent()).toContain(api.body.items[0].label);
      expect(await kept.textContent()).toContain(api.body.urgentNotice);
      await page.getByText(DICTIONARY.hotlinesOffline.uz).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'kiosk-help-offline-hotlines');
      const filed = await t.http().get(`/v1/grievances?migrantId=${who.id}`).set(auth(staff)).expect(200);
      expect(filed.body.items).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a non-urgent report queued offline shows no help numbers', async () => {
    const who = await applied('tg');
    const { context, page } = await newPage(browser);
    try {
      await openHelp(page, 'tg');
      await identify(page, who);
      await page.route('**/v1/kiosk/grievances', (route) => route.abort('internetdisconnected'));
      await page.locator('[data-category="unsafe_work"]').click();
      await page.fill('#grievance-description', 'Кор хатарнок аст');
      await page.locator('[data-action="send-report"]').click();
      await page.getByTestId('report-waiting').waitFor();
      expect(await page.getByTestId('hotlines-offline').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('the console chart cuts a long label to its column and shows it whole on hover', async () => {
    // A report filed at the fair, whose name (with the count of women) is longer than the label column.
    await t
      .http()
      .post('/v1/kiosk/grievances')
      .set(auth(scenario.kiosk.token))
      .send({
        category: 'other',
        description: 'Обращение для отчёта',
        migrant: {
          fullName: 'Дилноза Каримова',
          phone: uniqueMigrantPhone(),
          citizenship: 'UZ',
          preferredLanguage: 'uz',
          consent: { dataProcessing: true, visibleToEmployers: false, version: '2025-01' },
        },
      })
      .expect(201);
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/staff#grievances`);
      await page.getByLabel('Электронная почта').fill(staffEmail);
      await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.locator('[data-testid="grievance-report"] svg.chart').waitFor();
      await page.locator('#grievance-report-by').selectOption('fair');
      await page.locator('figure[data-breakdown="fair"]').waitFor();
      // The fair's row: its name and the count of women, longer than the label column.
      const bar = page.locator(`figure[data-breakdown="fair"] g[data-bar^="${String(scenario.fair.name)}"]`);
      await bar.waitFor();
      const full = (await bar.getAttribute('data-bar'))!;
      expect(full.length).toBeGreaterThan(24);
      const shown = (await bar.locator('text').first().textContent())!;
      expect(shown.endsWith('…')).toBe(true);
      expect(full.startsWith(shown.slice(0, -1))).toBe(true);
      expect(await bar.locator('title').textContent()).toContain(full);
      // The cut label fits its column: it ends left of the bar.
      const fits = await bar.evaluate((g) => {
        const text = g.querySelector('text')!.getBBox();
        const rect = g.querySelector('rect')!.getBBox();
        return { fits: text.x >= 0 && text.x + text.width <= rect.x, ends: text.x + text.width, bar: rect.x };
      });
      expect(fits).toEqual({ fits: true, ends: expect.any(Number), bar: expect.any(Number) });
      await screenshot(page, 'staff-grievance-chart-long-labels');
    } finally {
      await context.close();
    }
  });
});
