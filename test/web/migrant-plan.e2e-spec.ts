import { Browser } from 'playwright-core';
import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { uniqueMigrantPhone } from 'test/harness/migrants.factory';
import { createFairScenario } from 'test/harness/supply.factory';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

describe('jobseeker page: the pre-departure plan in the browser', () => {
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

  it('shows the kept plan in Tajik and lets the person tick a step off, seen through the API', async () => {
    const scenario = await createFairScenario(t, { staff });
    const submission = kioskSubmission([scenario.vacancy.id], {
      phone: uniqueMigrantPhone(),
      citizenship: 'TJ',
      preferredLanguage: 'tg',
    });
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set('authorization', `Bearer ${scenario.kiosk.token}`)
      .set('idempotency-key', unique('k'))
      .send(submission);
    expect(res.status).toBe(201);
    const { migrantId, accessCode } = res.body as { migrantId: string; accessCode: string };
    const arrival = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    // Staff keep the plan at the desk, asking in Russian; the person reads it in Tajik.
    const saved = await t
      .http()
      .post(`/v1/migrants/${migrantId}/pre-departure-plan`)
      .query({ lang: 'ru' })
      .set('authorization', `Bearer ${staff}`)
      .send({ vacancyId: scenario.vacancy.id, arrivalDate: arrival });
    expect(saved.status).toBe(200);
    const register = saved.body.items.find((s: { code: string }) => s.code === 'REGISTER_STAY');
    const asked = saved.body.plan.steps.find((s: { code: string }) => s.code === 'REGISTER_STAY');
    expect(asked.message).toMatch(/[а-я]/); // the Russian answer staff asked for

    const { context, page } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      const phone = submission.migrant.phone as string;
      await page.goto(`${t.url}/#login?phone=${encodeURIComponent(phone)}&code=${accessCode}`);
      await page.locator('button[data-lang="tg"]').click();
      await page.locator('nav [data-tab="plan"]').click();
      const step = page.locator(`[data-plan-step="${register.id}"]`);
      await step.waitFor();
      expect(await step.textContent()).toContain('ба қайди муҳоҷиратӣ');
      expect(await step.getAttribute('data-done')).toBe('false');
      await screenshot(page, 'migrant-plan-tg');
      await step.locator(`[data-tick="${register.id}"]`).click();
      await page.locator(`[data-plan-step="${register.id}"][data-done="true"]`).waitFor();
      const kept = await t
        .http()
        .get(`/v1/migrants/${migrantId}/pre-departure-plan`)
        .set('authorization', `Bearer ${staff}`);
      expect(kept.body.items.find((s: { id: string }) => s.id === register.id).done).toBe(true);
    } finally {
      await context.close();
    }
  });
});
