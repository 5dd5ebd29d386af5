import { Browser } from 'playwright-core';
import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { DICTIONARY } from '../../web/src/i18n/kiosk';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

/** The jobseeker moves a consultation booking to another slot of its desk and then cancels it, in Tajik. */
describe('moving and cancelling a consultation in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let staff: string;
  let scenario: FairScenario;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const icsOf = async (href: string | null) => decodeURIComponent((href ?? '').replace(/^data:[^,]*,/, ''));

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    staff = await staffToken(t);
    scenario = await createFairScenario(t, { staff });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('moves the booking to a free slot of its desk, then cancels it with a reason', async () => {
    const adviser = await t
      .http()
      .post('/v1/legal-advisers')
      .set(auth(staff))
      .send({
        email: `${unique('adviser')}@test.jobfair.local`,
        password: 'adviser-password-1',
        displayName: 'Юрист',
        fairIds: [scenario.fair.id],
      })
      .expect(201);
    const desk = await t
      .http()
      .post(`/v1/fairs/${scenario.fair.id}/legal-desks`)
      .set(auth(staff))
      .send({
        name: 'Юридическая помощь',
        slots: [
          { adviserId: adviser.body.id, startsAt: at(30), endsAt: at(30.5) },
          { adviserId: adviser.body.id, startsAt: at(31), endsAt: at(31.5) },
        ],
      })
      .expect(201);
    const [first, second] = [...desk.body.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const person = await registerMigrant(t, { preferredLanguage: 'tg' });
    const booked = await t
      .http()
      .post('/v1/legal-consultations')
      .set(auth(person.token))
      .send({ slotId: first.id, topic: 'patent', lang: 'tg' })
      .expect(201);
    const id = booked.body.id as string;
    const { context, page } = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      locale: 'tg-TJ',
    });
    try {
      await page.goto(`${t.url}/#consultations/${id}`);
      await page.locator('#f-phone').fill(person.phone);
      await page.locator('#f-password').fill(person.password);
      await page.locator('form button[type="submit"]').click();
      const detail = page.locator(`[data-consultation-detail="${id}"]`);
      await detail.waitFor();
      await page.getByText(DICTIONARY.moveBooking.tg).waitFor();
      // Only the other free slot of the same desk is offered.
      const offered = await detail
        .locator('[data-move-slot]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-move-slot')));
      expect(offered).toEqual([second.id]);
      await screenshot(page, 'migrant-consultation-1-move');
      await detail.locator(`[data-move-slot="${second.id}"] button`).click();
      await page
        .locator(`[data-consultation-detail="${id}"] p > time[datetime="${second.startsAt}"]`)
        .waitFor();
      const moved = await t.http().get(`/v1/legal-consultations/${id}`).set(auth(person.token)).expect(200);
      expect(moved.body).toMatchObject({ slotId: second.id, sequence: 1, status: 'booked' });
      const ics = await icsOf(await page.getByTestId('consultation-ics').getAttribute('href'));
      expect(ics).toContain('SEQUENCE:1');
      expect(ics).toContain('METHOD:REQUEST');

      await page.getByText(DICTIONARY.cancelBooking.tg).first().waitFor();
      const submit = page.locator('form[data-form="cancel-consultation"] button[type="submit"]');
      expect(await submit.isDisabled()).toBe(true);
      await page.fill('#cancel-reason', 'Ба ватан бармегардам');
      await submit.click();
      await page.locator(`[data-consultation-detail="${id}"][data-status="cancelled"]`).waitFor();
      expect(await page.getByTestId('consultation-status').textContent()).toBe(
        DICTIONARY.cstatus_cancelled.tg,
      );
      expect(await page.getByTestId('consultation-cancel-reason').textContent()).toBe('Ба ватан бармегардам');
      const cancelIcs = await icsOf(await page.getByTestId('consultation-ics').getAttribute('href'));
      expect(cancelIcs).toContain('METHOD:CANCEL');
      expect(cancelIcs).toContain('SEQUENCE:2');
      expect(await page.locator('form[data-form="cancel-consultation"]').count()).toBe(0);
      await screenshot(page, 'migrant-consultation-2-cancelled');
      const cancelled = await t
        .http()
        .get(`/v1/legal-consultations/${id}`)
        .set(auth(person.token))
        .expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Ба ватан бармегардам' });
    } finally {
      await context.close();
    }
  });
});
