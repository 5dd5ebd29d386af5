import { Browser, Page } from 'playwright-core';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { createApplication } from 'test/harness/applications.factory';
import {
  EMPLOYER_PASSWORD,
  TestEmployer,
  VacancyView,
  createVerifiedEmployer,
  employerBody,
} from 'test/harness/supply.factory';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

describe('employer portal in the browser', () => {
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

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${t.url}/employer`);
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль', { exact: true }).fill(EMPLOYER_PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).click();
  }

  it('registers and waits for verification until staff verify', async () => {
    const body = employerBody();
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/employer`);
      await page.getByRole('button', { name: 'Регистрация работодателя' }).click();
      await page.getByLabel('Название организации').fill(body.name as string);
      await page.getByLabel('ИНН').fill(body.taxId as string);
      await page.locator('#f-region option[value="RU-MOW"]').waitFor({ state: 'attached' });
      await page.getByLabel('Адрес').fill(body.address as string);
      await page.getByLabel('Контактное лицо').fill(body.contactName as string);
      await page.getByLabel('Телефон').fill(body.phone as string);
      await page.getByLabel('Электронная почта').fill(body.email as string);
      await page.getByLabel('Пароль (не короче 10 символов)').fill(EMPLOYER_PASSWORD);
      await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
      const status = page.locator('[data-testid="employer-status"]');
      await status.waitFor();
      expect(await status.getAttribute('data-status')).toBe('pending');
      await screenshot(page, 'employer-1-pending');

      const list = await t
        .http()
        .get('/v1/employers?status=pending&pageSize=100')
        .set('authorization', `Bearer ${staff}`);
      const mine = (list.body.items as Array<{ id: string; taxId: string }>).find(
        (e) => e.taxId === body.taxId,
      );
      expect(mine).toBeDefined();
      await t.http().post(`/v1/employers/${mine!.id}/verify`).set('authorization', `Bearer ${staff}`);
      await page.getByRole('button', { name: 'Проверить статус' }).click();
      await page.locator('main[data-tab="vacancies"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it('posts a vacancy, sees the fee refusal explained, publishes, adds a slot and books an interview', async () => {
    const employer: TestEmployer = await createVerifiedEmployer(t, { staff });
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, employer.email);
      await page.locator('nav [data-tab="new"]').click();
      const form = page.locator('[data-testid="vacancy-form"]');
      await form.waitFor();
      await page.getByLabel('Название вакансии').fill('Повар горячего цеха');
      await page.getByLabel('Профессия: поиск').fill('повар');
      await page.locator('#f-occupationCode option[value="5120"]').waitFor({ state: 'attached' });
      await page.getByLabel('Профессия (ОКЗ/ISCO-08)').selectOption('5120');
      await page.getByLabel('Регион').selectOption('RU-MOW');
      await page.getByLabel('Город').fill('Москва');
      // Before publishing, the minimum wage in force in the region, as the API answers it.
      const start = await page.inputValue('#f-startDate');
      const wage = await t
        .http()
        .get(`/v1/reference/minimum-wage?region=RU-MOW&schedule=full_time&lang=ru&date=${start}`);
      expect(wage.status).toBe(200);
      const shown = page.locator(`[data-testid="minimum-wage"][data-amount="${wage.body.amount}"]`);
      await shown.waitFor();
      expect(await shown.textContent()).toContain(wage.body.fact);
      expect(await shown.textContent()).toContain(wage.body.legalBasis);
      await page.getByLabel('Зарплата от').fill('90000');
      await page.getByLabel('Зарплата до').fill('110000');
      await page.getByLabel('Число мест').fill('2');
      await page.getByLabel('Описание').fill('Приготовление блюд по технологическим картам.');
      await page.getByRole('button', { name: 'Добавить расход' }).click();
      await page.locator('#cost-item-0').selectOption('travel');
      await page.locator('#cost-amount-0').fill('15000');
      await page.getByRole('button', { name: 'Сохранить и опубликовать' }).click();

      const refusal = page.locator('[data-testid="fee-refusal"]');
      await refusal.waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('платит работодатель');
      expect(await refusal.locator('li[data-item="travel"]').textContent()).toContain(
        'Проезд до места работы',
      );
      await screenshot(page, 'employer-2-fee-refusal');

      await page.getByRole('button', { name: 'Удалить расход «Проезд до места работы»' }).click();
      await page.getByRole('button', { name: 'Сохранить и опубликовать' }).click();
      const status = page.locator('[data-testid="vacancy-status"]');
      await status.waitFor();
      expect(await status.textContent()).toBe('опубликована');
      // The occupation in the page's language, not the English ISCO-08 title the vacancy carries ("Cook").
      const summary = await status.locator('xpath=..').textContent();
      expect(summary).toContain('Повар');
      expect(summary).not.toContain('Cook');
      const vacancyId = await page.locator('section[data-vacancy-id]').getAttribute('data-vacancy-id');
      expect(vacancyId).toBeTruthy();

      const applied = await createApplication(t, {
        employer,
        vacancy: { id: vacancyId } as VacancyView,
      });

      await page
        .locator('[data-testid="slot-form"]')
        .getByRole('button', { name: 'Опубликовать время' })
        .click();
      await page.locator('[data-testid="slots"] li').first().waitFor();
      const row = page.locator(`tr[data-application="${applied.applicationId}"]`);
      await row.waitFor();
      await row.locator('[data-action="book"]').click();
      await page.locator(`tr[data-application="${applied.applicationId}"] [data-interview]`).waitFor();
      await screenshot(page, 'employer-3-applicants');

      const interviews = await t
        .http()
        .get(`/v1/applications/${applied.applicationId}/interviews`)
        .set('authorization', `Bearer ${employer.token}`);
      expect(interviews.status).toBe(200);
      expect(interviews.body.items).toHaveLength(1);
      expect(interviews.body.items[0].status).toBe('scheduled');
      const app = await t
        .http()
        .get(`/v1/applications/${applied.applicationId}`)
        .set('authorization', `Bearer ${employer.token}`);
      expect(app.body.status).toBe('interview_scheduled');

      await page.locator('nav [data-tab="vacancies"]').click();
      await page.locator(`tr[data-vacancy="${vacancyId}"]`).waitFor();
      await screenshot(page, 'employer-4-vacancies');
    } finally {
      await context.close();
    }
  });
});
