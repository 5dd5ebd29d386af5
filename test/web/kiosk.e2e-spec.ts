import { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp, bootTestApp, login } from 'test/harness/app';
import { uniqueMigrantPhone, uniquePersonName } from 'test/harness/migrants.factory';
import {
  FairScenario,
  addFairVacancies,
  createFairScenario,
  createPublishedVacancy,
} from 'test/harness/supply.factory';
import { audit, expectAccessible } from 'test/web/accessibility';
import { LANG_NAMES } from '../../web/src/i18n/catalogue';
import { DICTIONARY } from '../../web/src/i18n/kiosk';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

describe('fair kiosk in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let db: Client;

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await t?.close();
  });

  /** A fair with two published vacancies from one employer, and a kiosk. */
  async function twoVacancyFair(): Promise<FairScenario & { second: { id: string } }> {
    const scenario = await createFairScenario(t, {
      vacancy: { title: `Повар ${Date.now()}`, occupationCode: '5120' },
    });
    const second = await createPublishedVacancy(t, scenario.employer.token, {
      title: `Кухонный работник ${Date.now()}`,
      occupationCode: '9412',
      housing: { provided: false },
    });
    await addFairVacancies(t, scenario.employer.token, scenario.fair.id, [second.id]);
    return { ...scenario, second };
  }

  /** The held submission of this phone at this fair, as staff read it. */
  async function waitForHeld(scenario: FairScenario, phone: string) {
    const token = await login(t, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    let found: { refusal: { status: number }; vacancies: Array<{ id: string }> } | undefined;
    await waitUntilAsync(async () => {
      const res = await t
        .http()
        .get('/v1/held-submissions')
        .query({ fairId: scenario.fair.id })
        .set('authorization', `Bearer ${token}`);
      found = res.body.items.find((i: { phone: string }) => i.phone === phone);
      return !!found;
    });
    return found!;
  }

  async function countApplications(vacancyIds: string[]): Promise<number> {
    const res = await db.query(
      'SELECT count(*)::int AS n FROM applications WHERE vacancy_id = ANY($1::uuid[])',
      [vacancyIds],
    );
    return res.rows[0].n as number;
  }

  /**
   * Pairs the kiosk, picks the language (Uzbek unless told) and fills in the person; `onPhone` acts on the phone
   * screen (a returning visitor's proof); stops on the review screen.
   */
  async function applyInUzbek(
    page: Page,
    scenario: FairScenario & { second: { id: string } },
    shots: boolean,
    phone = uniqueMigrantPhone(),
    options: { lang?: 'uz' | 'tg'; onPhone?: (page: Page) => Promise<void> } = {},
  ) {
    const language = options.lang ?? 'uz';
    await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}`);
    await page.locator('main[data-screen="language"]').waitFor();
    if (shots) await screenshot(page, 'kiosk-1-language');
    await page.locator('main .choices button', { hasText: LANG_NAMES[language].name }).click();

    await page.locator('main[data-screen="consent"]').waitFor();
    await page.getByRole('heading', { name: DICTIONARY.consentTitle[language] }).waitFor();
    await page.locator('[data-choice="visible-no"]').click();
    if (shots) await screenshot(page, 'kiosk-2-consent');
    await page.locator('[data-action="agree"]').click();

    await page.locator('main[data-screen="about"]').waitFor();
    await page.locator('[data-country="UZ"]').click();
    await page.locator('[data-gender="male"]').click();
    await page.selectOption('#birth-day', '12');
    await page.selectOption('#birth-month', '4');
    await page.selectOption('#birth-year', '1995');
    await page.fill('#full-name', uniquePersonName());
    if (shots) await screenshot(page, 'kiosk-3-about');
    await page.locator('[data-action="next"]').click();

    await page.locator('main[data-screen="phone"]').waitFor();
    await page.fill('#phone', phone);
    if (options.onPhone) await options.onPhone(page);
    await page.locator('[data-action="next"]').click();

    await page.locator('main[data-screen="trade"]').waitFor();
    await page.locator('[data-trade="5120"]').click();
    if (shots) await screenshot(page, 'kiosk-4-trade');
    await page.locator('[data-action="next"]').click();

    await page.locator('main[data-screen="vacancies"]').waitFor();
    // Ranked by the server for the chosen trade: the cook vacancy comes first.
    expect(await page.locator('article[data-vacancy]').first().getAttribute('data-vacancy')).toBe(
      scenario.vacancy.id,
    );
    // Each vacancy states the minimum wage in force in its region, in the visitor's language, as the API says it.
    const listed = await t
      .http()
      .get(`/v1/kiosk/vacancies?lang=${language}`)
      .set('authorization', `Bearer ${scenario.kiosk.token}`);
    const fact = listed.body.items.find((v: { id: string }) => v.id === scenario.vacancy.id).minimumWage.fact;
    expect(fact.length).toBeGreaterThan(20);
    expect((await page.locator(`[data-minimum-wage="${scenario.vacancy.id}"]`).textContent())?.trim()).toBe(
      fact,
    );
    await page.locator(`article[data-vacancy="${scenario.vacancy.id}"] button`).click();
    await page.locator(`article[data-vacancy="${scenario.second.id}"] button`).click();
    await page.getByText(DICTIONARY.selectedCount[language].replace('{count}', '2')).waitFor();
    if (shots) await screenshot(page, 'kiosk-5-vacancies');
    await page.locator('[data-action="next"]').click();

    await page.locator('main[data-screen="review"]').waitFor();
    // An Uzbek citizen needs a patent for Moscow: the summary says so with steps, in Uzbek.
    await page.locator(`[data-eligibility="${scenario.vacancy.id}"] [data-status]`).waitFor();
    if (shots) await screenshot(page, 'kiosk-6-eligibility');
  }

  it('lets a migrant apply in Uzbek to two vacancies and shows an access code with a QR', async () => {
    const scenario = await twoVacancyFair();
    const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
    try {
      await applyInUzbek(page, scenario, true);
      await page.locator('[data-action="next"]').click();
      await waitForDone(page);
      const code = (await page.locator('[data-testid="access-code"]').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[A-Za-z0-9]{4,12}$/);
      expect(await page.locator('main canvas').count()).toBe(1);
      await page.getByText('Arizalar yuborildi').waitFor();
      await screenshot(page, 'kiosk-7-done');
      expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('lets a returning person prove who they are with an SMS code (Uzbek) or their access code (Tajik), and never shows a code to whoever types a known phone', async () => {
    const scenario = await twoVacancyFair();
    const phone = uniqueMigrantPhone();
    const latestCode = async (template: string) => {
      const res = await db.query(
        `SELECT payload->>'code' AS code FROM notifications
          WHERE template = $1 AND channel = 'sms' AND recipient_address = $2 ORDER BY created_at DESC LIMIT 1`,
        [template, phone],
      );
      return res.rows[0]?.code as string | undefined;
    };
    const visit = async (
      options: Parameters<typeof applyInUzbek>[4],
      check: (page: Page) => Promise<void>,
    ) => {
      const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
      try {
        await applyInUzbek(page, scenario, false, phone, options);
        await page.locator('[data-action="next"]').click();
        await waitForDone(page);
        await check(page);
      } finally {
        await context.close();
      }
    };

    // First visit: a new profile, its code on the screen.
    await visit({}, async (page) => {
      expect(await page.locator('[data-testid="access-code"]').count()).toBe(1);
    });
    // In Uzbek, with a code texted to the phone on the profile: recognised, a new access code by SMS only.
    await visit(
      {
        onPhone: async (page) => {
          await page.locator('[data-action="returning"]').click();
          await page.locator('[data-action="sms-code"]').click();
          await page.locator('[data-testid="sms-code-sent"]').waitFor();
          let code: string | undefined;
          for (let i = 0; i < 100 && !code; i++) {
            code = await latestCode('kiosk_identification_code');
            if (!code) await page.waitForTimeout(100);
          }
          await page.fill('#sms-code', code!);
        },
      },
      async (page) => {
        await page.locator('[data-testid="access-code-sent"]', { hasText: 'Sizni tanidik' }).waitFor();
        expect(await page.locator('[data-testid="access-code"]').count()).toBe(0);
        expect(await page.locator('main canvas').count()).toBe(0);
      },
    );
    // In Tajik, with the access code that SMS brought: recognised, nothing new shown or sent.
    const accessCode = await latestCode('access_code');
    await visit(
      {
        lang: 'tg',
        onPhone: async (page) => {
          await page.locator('[data-action="returning"]').click();
          await page.fill('#access-code', accessCode!);
        },
      },
      async (page) => {
        await page.getByText(DICTIONARY.finish.tg).waitFor();
        expect(await page.locator('[data-testid="access-code"]').count()).toBe(0);
        expect(await page.locator('[data-testid="identity-unconfirmed"]').count()).toBe(0);
      },
    );
    // The same phone and birth date without proof: no code, and the screen says staff will link the profiles.
    await visit({ lang: 'tg' }, async (page) => {
      await page.locator('[data-testid="identity-unconfirmed"]').waitFor();
      expect(await page.locator('[data-testid="access-code"]').count()).toBe(0);
    });
    // The proven visits applied as the same person (already applied); the unproven one as a new profile.
    expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(4);
  });

  it('keeps a submission on the kiosk while the network is down and sends it exactly once', async () => {
    const scenario = await twoVacancyFair();
    const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
    try {
      await applyInUzbek(page, scenario, false);
      const keys: string[] = [];
      let cut = true;
      await page.route('**/v1/kiosk/applications', async (route) => {
        keys.push(route.request().headers()['idempotency-key']);
        if (cut) await route.abort('internetdisconnected');
        else await route.continue();
      });
      await page.locator('[data-action="next"]').click();
      await page.locator('[data-testid="saved-offline"]').waitFor();
      await page.getByText('Ushbu kioskda saqlandi, yuborilmoqda').waitFor();
      await screenshot(page, 'kiosk-8-saved-offline');
      const stored = await page.evaluate<string | null>("localStorage.getItem('jobfair.kiosk.outbox')");
      expect(JSON.parse(stored ?? '[]')).toHaveLength(1);
      expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(0);

      // Wait for a retry with the same key, then restore the network.
      await waitUntil(() => keys.length >= 2);
      cut = false;
      await waitForDone(page, 30_000);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/.{8,}/);
      expect(await page.evaluate<string | null>("localStorage.getItem('jobfair.kiosk.outbox')")).toBe('[]');
      expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(2);

      // A replay with the same key (a retry whose answer was lost) changes nothing.
      const replay = await t
        .http()
        .post('/v1/kiosk/applications')
        .set('authorization', `Bearer ${scenario.kiosk.token}`)
        .set('idempotency-key', keys[0])
        .send(JSON.parse(JSON.stringify(JSON.parse(stored ?? '[]')[0].body)));
      expect(replay.status).toBeLessThan(300);
      expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('serves a Tajik reader with big labelled targets, icons on the main actions and visible steps', async () => {
    const scenario = await twoVacancyFair();
    const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
    try {
      await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}`);
      await page.locator('main[data-screen="language"]').waitFor();
      // Languages by their own names and codes, no flags.
      const names = await page.locator('main .choices button').allTextContents();
      expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual([
        'Русский RU',
        'Oʻzbekcha UZ',
        'Тоҷикӣ TG',
        'Кыргызча KY',
        'English EN',
      ]);
      expect(names.join('')).not.toMatch(/\p{Regional_Indicator}/u);
      await expectAccessible(page);
      await page.locator('main .choices button', { hasText: 'Тоҷикӣ' }).click();

      await page.locator('main[data-screen="consent"]').waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('tg');
      await page.getByRole('heading', { name: 'Маълумоти шумо' }).waitFor();
      await expectProgress(page, 'Қадами 1 аз 6', 1);
      await expectAccessible(page);
      await page.locator('[data-choice="visible-yes"]').click();
      await page.locator('[data-action="agree"]').click();

      await page.locator('main[data-screen="about"]').waitFor();
      await expectProgress(page, 'Қадами 2 аз 6', 2);
      await page.locator('[data-country="TJ"]').click();
      await page.locator('[data-gender="female"]').click();
      await page.selectOption('#birth-day', '3');
      await page.selectOption('#birth-month', '11');
      await page.selectOption('#birth-year', '1990');
      await page.fill('#full-name', uniquePersonName());
      await expectAccessible(page);
      await page.locator('[data-action="next"]').click();

      await page.locator('main[data-screen="phone"]').waitFor();
      // Choosing Tajikistan put its dialling code in; the keypad adds digits.
      expect(await page.inputValue('#phone')).toBe('+992');
      for (const d of '901234567') await page.getByRole('button', { name: d, exact: true }).click();
      expect(await page.inputValue('#phone')).toBe('+992901234567');
      await page.getByRole('button', { name: 'Пок кардан' }).waitFor();
      await expectProgress(page, 'Қадами 3 аз 6', 3);
      await expectAccessible(page);
      await page.locator('[data-action="next"]').click();

      await page.locator('main[data-screen="trade"]').waitFor();
      await page.locator('[data-trade="5120"]').click();
      await page.locator('[data-action="next"]').click();
      await page.locator('main[data-screen="vacancies"]').waitFor();
      await expectProgress(page, 'Қадами 5 аз 6', 5);
      await page
        .getByRole('button', { name: /^Интихоб: / })
        .first()
        .click();
      await page.getByText('Интихоб шуд: 1').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'kiosk-tg-vacancies');
      // The audit does catch a shortfall: a small button with no name.
      await page.evaluate(
        `document.querySelector('main').insertAdjacentHTML('beforeend', '<button style="all:unset;display:inline-block;width:20px;height:20px"></button>')`,
      );
      const found = await audit(page);
      expect([found.small.length, found.unnamed.length]).toEqual([1, 1]);
    } finally {
      await context.close();
    }
  });

  it('hands a submission refused after the visitor left to the fair’s staff, who see it in the console and resolve it', async () => {
    const scenario = await twoVacancyFair();
    const phone = uniqueMigrantPhone();
    const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
    try {
      await applyInUzbek(page, scenario, false, phone);
      await page.route('**/v1/kiosk/applications', (route) => route.abort('internetdisconnected'));
      await page.locator('[data-action="next"]').click();
      await page.locator('[data-testid="saved-offline"]').waitFor();
      // While it waits, the employer closes both vacancies; the visitor walks away (the kiosk restarts).
      for (const id of [scenario.vacancy.id, scenario.second.id]) {
        const closed = await t
          .http()
          .post(`/v1/vacancies/${id}/close`)
          .set('authorization', `Bearer ${scenario.employer.token}`);
        expect(closed.status).toBe(200);
      }
      await page.unroute('**/v1/kiosk/applications');
      await page.reload();
      await page.locator('main[data-screen="language"]').waitFor();
      const heldItem = await waitForHeld(scenario, phone);
      expect(heldItem.refusal.status).toBeGreaterThanOrEqual(400);
      expect(heldItem.vacancies.map((v: { id: string }) => v.id).sort()).toEqual(
        [scenario.vacancy.id, scenario.second.id].sort(),
      );
      await waitUntilAsync(async () => {
        const stored = await page.evaluate<string | null>("localStorage.getItem('jobfair.kiosk.outbox')");
        return JSON.parse(stored ?? '[]').length === 0;
      });
      expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(0);
    } finally {
      await context.close();
    }

    const { context: staffContext, page: staffPage } = await newPage(browser);
    try {
      await staffPage.goto(`${t.url}/staff#fairs`);
      await staffPage.getByLabel('Электронная почта').fill(ADMIN_EMAIL);
      await staffPage.getByLabel('Пароль').fill(ADMIN_PASSWORD);
      await staffPage.getByRole('button', { name: 'Войти' }).click();
      const card = staffPage.locator('[data-testid="held-submissions"] article', { hasText: phone });
      await card.waitFor();
      await card.locator('input[name="note"]').fill('Позвонили, записали на другую вакансию');
      await card.getByRole('button', { name: 'Отметить как решённое' }).click();
      await staffPage
        .locator('[data-testid="held-submissions"] article', { hasText: phone })
        .waitFor({ state: 'detached' });
      const staffToken = await login(t, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const all = await t
        .http()
        .get('/v1/held-submissions')
        .query({ fairId: scenario.fair.id, resolved: true })
        .set('authorization', `Bearer ${staffToken}`);
      const resolved = all.body.items.find((i: { phone: string }) => i.phone === phone);
      expect(resolved.resolution).toBe('Позвонили, записали на другую вакансию');
    } finally {
      await staffContext.close();
    }
  });

  it('keeps what it could not send when its token is revoked, and sends it once staff pair it with its fair again', async () => {
    const scenario = await twoVacancyFair();
    const phone = uniqueMigrantPhone();
    const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
    try {
      await applyInUzbek(page, scenario, false, phone);
      await page.route('**/v1/kiosk/applications', (route) => route.abort('internetdisconnected'));
      await page.locator('[data-action="next"]').click();
      await page.locator('[data-testid="saved-offline"]').waitFor();
      const admin = await login(t, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      const revoked = await t
        .http()
        .delete(`/v1/fairs/${scenario.fair.id}/kiosks/${scenario.kiosk.id}`)
        .set('authorization', `Bearer ${admin}`);
      expect(revoked.status).toBeLessThan(300);
      await page.unroute('**/v1/kiosk/applications');
      await page.reload();
      // Unpaired, the kiosk still says what it holds.
      await page.locator('main[data-screen="pairing"] [data-testid="unsent-on-kiosk"]').waitFor();
      const stored = await page.evaluate<string | null>("localStorage.getItem('jobfair.kiosk.outbox')");
      expect(JSON.parse(stored ?? '[]')).toHaveLength(1);
      expect(await countApplications([scenario.vacancy.id, scenario.second.id])).toBe(0);

      const fresh = await t
        .http()
        .post(`/v1/fairs/${scenario.fair.id}/kiosks`)
        .set('authorization', `Bearer ${admin}`)
        .send({ label: 'Kiosk 1, paired again' });
      expect(fresh.status).toBe(201);
      await page.fill('#kiosk-token', fresh.body.token);
      await page.locator('main[data-screen="pairing"] button[type="submit"]').click();
      await page.locator('main[data-screen="language"]').waitFor();
      await waitUntilAsync(
        async () => (await countApplications([scenario.vacancy.id, scenario.second.id])) === 2,
      );
      await waitUntilAsync(async () => {
        const left = await page.evaluate<string | null>("localStorage.getItem('jobfair.kiosk.outbox')");
        return JSON.parse(left ?? '[]').length === 0;
      });
    } finally {
      await context.close();
    }
  });

  it('forgets what it holds a week after its fair ended', async () => {
    const scenario = await twoVacancyFair();
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}`);
      await page.locator('main[data-screen="language"]').waitFor();
      const old = {
        key: crypto.randomUUID(),
        body: { migrant: { fullName: 'Old Visitor' }, vacancyIds: [scenario.vacancy.id] },
        createdAt: '2026-01-10T10:00:00.000Z',
        attempts: 3,
        fairId: scenario.fair.id,
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
        stuck: true,
        held: { status: 401, type: '/problems/unauthenticated', title: 'Unauthenticated' },
      };
      await page.evaluate(
        `localStorage.setItem('jobfair.kiosk.outbox', ${JSON.stringify(JSON.stringify([old]))})`,
      );
      await page.reload();
      await page.locator('main[data-screen="language"]').waitFor();
      await waitUntilAsync(async () => {
        const left = await page.evaluate<string | null>("localStorage.getItem('jobfair.kiosk.outbox')");
        return !(left ?? '').includes('Old Visitor');
      });
    } finally {
      await context.close();
    }
  });

  it('wipes the screen after the idle timeout', async () => {
    const scenario = await twoVacancyFair();
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}`);
      await page.evaluate("localStorage.setItem('jobfair.kiosk.idleMs', '2500')");
      await page.locator('main .choices button', { hasText: 'English' }).click();
      await page.locator('main[data-screen="consent"]').waitFor();
      await page.locator('main[data-screen="language"]').waitFor({ timeout: 10_000 });
    } finally {
      await context.close();
    }
  });
});

/** Waits for the confirmation screen; a refusal shown on screen fails the test with its text. */
async function waitForDone(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('main[data-screen="done"], main .error').first().waitFor({ timeout });
  const error = page.locator('main .error');
  if (await error.count()) throw new Error(`kiosk refused: ${await error.first().textContent()}`);
}

async function waitUntilAsync(probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function waitUntil(probe: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The step indicator is on screen, says which step this is, and marks it for screen readers. */
async function expectProgress(page: Page, label: string, current: number): Promise<void> {
  const progress = page.locator('[data-testid="progress"]');
  expect(await progress.isVisible()).toBe(true);
  expect(await progress.getAttribute('aria-label')).toBe(label);
  await progress.getByText(label).waitFor();
  expect(await progress.locator('li').count()).toBe(6);
  expect(await progress.locator('li.done').count()).toBe(current - 1);
  const here = progress.locator('li[aria-current="step"]');
  expect(await here.count()).toBe(1);
  expect((await here.locator('.dot').textContent())?.trim()).toBe(String(current));
}
