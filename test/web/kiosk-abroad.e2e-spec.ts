import { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { uniqueMigrantPhone, uniquePersonName } from 'test/harness/migrants.factory';
import {
  VacancyView,
  addFairVacancies,
  addParticipant,
  createFair,
  createPublishedVacancy,
  createVerifiedEmployer,
  registerKiosk,
} from 'test/harness/supply.factory';
import { LANG_NAMES } from '../../web/src/i18n/catalogue';
import { DICTIONARY } from '../../web/src/i18n/kiosk';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

/** A run-unique Tajik mobile number (+992 90 …). */
const tajikPhone = () => `+99290${String(Date.now() % 10_000_000).padStart(7, '0')}`;

describe('kiosk at a fair abroad (Khujand) in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let db: Client;
  let local: VacancyView;
  let russian: VacancyView;
  let kioskToken: string;

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    db = new Client({ connectionString: t.config.databaseUrl });
    await db.connect();
    const staff = await staffToken(t);
    const tajik = await createVerifiedEmployer(t, {
      staff,
      overrides: {
        name: `ООО «Согд Сохтмон ${unique()}»`,
        country: 'TJ',
        taxId: String(100_000_000 + Math.floor(Math.random() * 899_999_999)),
        region: 'TJ-SU',
        address: 'Худжанд, проспект Исмоили Сомони, 10',
        phone: '+992 92 777 12 34',
      },
    });
    const moscow = await createVerifiedEmployer(t, { staff });
    local = await createPublishedVacancy(t, tajik.token, {
      title: `Ошпаз ${unique()}`,
      occupationCode: '5120',
      region: 'TJ-SU',
      city: 'Худжанд',
      address: 'ул. Ленина, 5',
      location: { lat: 40.2826, lng: 69.6222 },
      salary: { min: 3000, max: 4000, currency: 'TJS', period: 'month', gross: true },
      requirements: { languages: [{ code: 'tg', level: 'B1' }], experienceYears: 1, medicalBook: false },
    });
    russian = await createPublishedVacancy(t, moscow.token, {
      title: `Повар ${unique()}`,
      occupationCode: '5120',
    });
    const fair = await createFair(t, staff, {
      name: `Ярмарка вакансий в Худжанде ${unique()}`,
      region: 'TJ-SU',
      city: 'Худжанд',
      venue: 'Дворец культуры, Худжанд',
      timezone: 'Asia/Dushanbe',
      languages: ['tg', 'uz', 'ru', 'ky', 'en'],
    });
    await addParticipant(t, staff, fair.id, tajik.id, 'T-1');
    await addParticipant(t, staff, fair.id, moscow.id, 'R-1');
    await addFairVacancies(t, tajik.token, fair.id, [local.id]);
    await addFairVacancies(t, moscow.token, fair.id, [russian.id]);
    kioskToken = (await registerKiosk(t, staff, fair.id, 'Киоск 1')).token;
  });

  afterAll(async () => {
    await db?.end();
    await browser?.close();
    await t?.close();
  });

  async function applyBoth(page: Page, lang: 'tg' | 'uz', citizenship: 'TJ' | 'UZ', phone: string) {
    await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(kioskToken)}`);
    await page.locator('main[data-screen="language"]').waitFor();
    await page.locator('main .choices button', { hasText: LANG_NAMES[lang].name }).click();
    await page.locator('main[data-screen="consent"]').waitFor();
    await page.locator('[data-choice="visible-no"]').click();
    await page.locator('[data-action="agree"]').click();
    await page.locator('main[data-screen="about"]').waitFor();
    await page.locator(`[data-country="${citizenship}"]`).click();
    await page.locator('[data-gender="male"]').click();
    await page.selectOption('#birth-day', '12');
    await page.selectOption('#birth-month', '4');
    await page.selectOption('#birth-year', '1995');
    await page.fill('#full-name', uniquePersonName());
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="phone"]').waitFor();
    await page.fill('#phone', phone);
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="trade"]').waitFor();
    await page.locator('[data-trade="5120"]').click();
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="vacancies"]').waitFor();

    // The local job and the job in Russia side by side, each labelled with its country in the visitor's language.
    const localCard = page.locator(`article[data-vacancy="${local.id}"]`);
    const russianCard = page.locator(`article[data-vacancy="${russian.id}"]`);
    expect((await localCard.locator('[data-vacancy-country="TJ"]').textContent())?.trim()).toBe(
      DICTIONARY.country_TJ[lang],
    );
    expect((await russianCard.locator('[data-vacancy-country="RU"]').textContent())?.trim()).toBe(
      DICTIONARY.country_RU[lang],
    );
    expect(await localCard.textContent()).toContain('TJS');
    await screenshot(page, `kiosk-abroad-${lang}-vacancies`);
    await localCard.locator('button').click();
    await russianCard.locator('button').click();
    await page.getByText(DICTIONARY.selectedCount[lang].replace('{count}', '2')).waitFor();
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="review"]').waitFor();
    await page.locator(`[data-eligibility="${local.id}"] [data-status]`).waitFor();
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="done"], main .error').first().waitFor();
    const error = page.locator('main .error');
    if (await error.count()) throw new Error(`kiosk refused: ${await error.first().textContent()}`);
  }

  /** The applications stored for the person with this phone, by vacancy. */
  async function stored(phone: string): Promise<string[]> {
    const res = await db.query(
      `SELECT a.vacancy_id FROM applications a JOIN migrants m ON m.id = a.migrant_id
        WHERE m.phone = $1 ORDER BY a.vacancy_id`,
      [phone],
    );
    return res.rows.map((r) => r.vacancy_id as string);
  }

  it.each([
    ['tg', 'TJ', tajikPhone],
    ['uz', 'UZ', uniqueMigrantPhone],
  ] as const)(
    'in %s: shows local and Russian vacancies labelled with their country and stores the submission',
    async (lang, citizenship, makePhone) => {
      const phone = makePhone();
      const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1400 } });
      try {
        await applyBoth(page, lang, citizenship, phone);
        expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
        await screenshot(page, `kiosk-abroad-${lang}-done`);
        expect(await stored(phone)).toEqual([local.id, russian.id].sort());
      } finally {
        await context.close();
      }
    },
  );
});
