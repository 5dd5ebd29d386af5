/**
 * Regenerates the README's pictures (docs/screenshots/*.png) from the demo seed: creates a database
 * of its own, migrates and seeds it, serves the built web/dist, signs in to each face as a demo user
 * and photographs its main screen, then drops the database. Needs PostgreSQL, Redis and Chromium, and
 * `npx vite build --config web/vite.config.ts` first.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register scripts/screenshots.ts
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { createApp, prepareDatabase } from 'src/bootstrap';
import { loadConfig } from 'src/config/config';
import { DemoSeedService } from 'src/modules/demo/demo-seed.service';
import { launchBrowser, newPage } from 'test/web/browser';

const OUT = join(__dirname, '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

async function main(): Promise<void> {
  if (!existsSync(join(__dirname, '..', 'web', 'dist', 'kiosk', 'index.html')))
    throw new Error('build the web faces first: npx vite build --config web/vite.config.ts');
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `jobfair_shots_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: url.toString(),
    REDIS_PREFIX: name,
    LOG_LEVEL: 'fatal',
    MAIL_DIR: 'var/shots-mail',
    SMS_DIR: 'var/shots-sms',
  });
  await prepareDatabase(config);
  const app = await createApp(config);
  const browser = await launchBrowser();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const site = await app.getUrl();
    const { logins } = await app.get(DemoSeedService).seed();
    mkdirSync(OUT, { recursive: true });

    // Kiosk: a fair's touch screen in portrait, at the vacancy list in Uzbek.
    {
      const { context, page } = await newPage(browser, { viewport: { width: 1080, height: 1500 } });
      await page.goto(`${site}/kiosk#token=${encodeURIComponent(logins.kiosk.token)}`);
      await page.locator('main[data-screen="language"]').waitFor();
      await page.locator('main .choices button', { hasText: 'Oʻzbekcha' }).click();
      await page.locator('[data-choice="visible-no"]').click();
      await page.locator('[data-action="agree"]').click();
      await page.locator('[data-country="UZ"]').click();
      await page.locator('[data-gender="male"]').click();
      await page.selectOption('#birth-day', '12');
      await page.selectOption('#birth-month', '4');
      await page.selectOption('#birth-year', '1995');
      await page.fill('#full-name', 'Alisher Karimov');
      await page.locator('[data-action="next"]').click();
      await page.fill('#phone', '+998901234567');
      await page.locator('[data-action="next"]').click();
      await page.locator('main[data-screen="trade"]').waitFor();
      await page.locator('[data-action="next"]').click();
      await page.locator('main[data-screen="vacancies"]').waitFor();
      await page.locator('article[data-vacancy] button').first().click();
      await shoot(page, 'kiosk');
      await context.close();
    }

    // Employer: the first demo employer's vacancies.
    {
      const employer = logins.employers[0];
      const { context, page } = await newPage(browser);
      await page.goto(`${site}/employer`);
      await page.fill('#f-email', employer.email);
      await page.fill('#f-password', employer.password);
      await page.locator('form button[type="submit"]').click();
      await page.locator('main[data-tab="vacancies"] table').waitFor();
      await shoot(page, 'employer');
      await context.close();
    }

    // Staff: the reports of the demo fair.
    {
      const { context, page } = await newPage(browser);
      await page.goto(`${site}/staff`);
      await page.fill('#f-email', logins.staff.email);
      await page.fill('#f-password', logins.staff.password);
      await page.locator('form button[type="submit"]').click();
      await page.locator('nav [data-tab="reports"]').click();
      await page.locator('main[data-tab="reports"] svg.chart').first().waitFor();
      await shoot(page, 'staff');
      await context.close();
    }

    // Migrant at home on a phone: their matches.
    {
      const migrant = logins.migrants[0];
      const { context, page } = await newPage(browser, { viewport: { width: 420, height: 900 } });
      await page.goto(`${site}/`);
      await page.fill('#f-phone', migrant.phone);
      await page.fill('#f-password', migrant.password);
      await page.locator('form button[type="submit"]').click();
      await page.locator('main[data-tab="matches"] h2').waitFor();
      await page.locator('main[data-tab="matches"] article').first().waitFor({ timeout: 20_000 });
      await shoot(page, 'migrant');
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
