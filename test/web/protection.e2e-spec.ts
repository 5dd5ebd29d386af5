import { Browser, Page } from 'playwright-core';
import { TestApp, adminToken, bootTestApp, login, unique } from 'test/harness/app';
import { applyOnline, kioskSubmission } from 'test/harness/applications.factory';
import { registerMigrant } from 'test/harness/migrants.factory';
import { EMPLOYER_PASSWORD, FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { expectAccessible } from 'test/web/accessibility';
import { DICTIONARY } from '../../web/src/i18n/kiosk';
import { launchBrowser, newPage, screenshot } from 'test/web/browser';

jest.setTimeout(120_000);

const STAFF_PASSWORD = 'staff-password-123';

/** "Report a problem / get help" at the kiosk, the staff triage queue and the jobseeker's Help tab. */
describe('grievances and legal aid in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let scenario: FairScenario;
  let staffEmail: string;
  let staff: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await bootTestApp();
    browser = await launchBrowser();
    staffEmail = `${unique('triage')}@test.jobfair.local`;
    await t
      .http()
      .post('/v1/staff')
      .set(auth(await adminToken(t)))
      .send({ email: staffEmail, password: STAFF_PASSWORD, displayName: 'Ирина Приёмная' })
      .expect(201);
    staff = await login(t, { email: staffEmail, password: STAFF_PASSWORD });
    scenario = await createFairScenario(t, { staff });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A visitor who applied at this fair's kiosk before: their phone and the access code the kiosk showed. */
  async function visitor(
    lang: 'tg' | 'uz',
  ): Promise<{ id: string; phone: string; accessCode: string; applicationId: string }> {
    const body = kioskSubmission([scenario.vacancy.id], {
      preferredLanguage: lang,
      citizenship: lang === 'tg' ? 'TJ' : 'UZ',
    });
    const res = await t
      .http()
      .post('/v1/kiosk/applications')
      .set(auth(scenario.kiosk.token))
      .set('idempotency-key', unique('k'))
      .send(body)
      .expect(201);
    return {
      id: res.body.migrantId,
      phone: body.migrant.phone as string,
      accessCode: res.body.accessCode,
      applicationId: res.body.applications[0].id,
    };
  }

  /** Opens the kiosk in the language, enters "get help" from the welcome and proves who the visitor is. */
  async function identifyAtKiosk(page: Page, lang: 'tg' | 'uz', who: { phone: string; accessCode: string }) {
    await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}&lang=${lang}`);
    await page.locator('main[data-screen="language"]').waitFor();
    await page.locator('[data-action="get-help"]').click();
    await page.locator('main[data-screen="help"]').waitFor();
    await page.getByRole('heading', { name: DICTIONARY.helpTitle[lang] }).waitFor();
    await page.fill('#help-phone', who.phone);
    await page.fill('#help-access-code', who.accessCode);
    await expectAccessible(page);
    await page.locator('[data-action="next"]').click();
    await page.locator('main[data-screen="help-menu"]').waitFor();
    await page.locator('[data-action="help-report"]').click();
    await page.locator('main[data-screen="help-report"]').waitFor();
  }

  /** A free slot at the fair's legal desk, this many hours ahead, with an adviser of its own. */
  async function freeSlot(hoursAhead: number): Promise<string> {
    const email = `${unique('adviser')}@test.jobfair.local`;
    const adviser = await t
      .http()
      .post('/v1/legal-advisers')
      .set(auth(staff))
      .send({ email, password: 'adviser-password-1', displayName: 'Юрист', fairIds: [scenario.fair.id] })
      .expect(201);
    const startsAt = new Date(Date.now() + hoursAhead * 3_600_000);
    const desk = await t
      .http()
      .post(`/v1/fairs/${scenario.fair.id}/legal-desks`)
      .set(auth(staff))
      .send({
        name: 'Юридическая помощь онлайн',
        slots: [
          {
            adviserId: adviser.body.id,
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString(),
          },
        ],
      })
      .expect(201);
    return desk.body.slots[0].id as string;
  }

  async function grievancesOf(migrantId: string) {
    const res = await t.http().get(`/v1/grievances?migrantId=${migrantId}`).set(auth(staff)).expect(200);
    return res.body.items as Array<Record<string, unknown>>;
  }

  it('a visitor reports unpaid wages at the kiosk in Tajik through the outbox: the grievance is stored once for them', async () => {
    const who = await visitor('tg');
    const { context, page } = await newPage(browser);
    try {
      await identifyAtKiosk(page, 'tg', who);
      await page.locator('[data-category="wages_unpaid"]').click();
      await page.fill('#grievance-description', 'Ду моҳ музд надоданд');
      await page.locator('#grievance-anonymous').check();
      await expectAccessible(page);
      await screenshot(page, 'kiosk-help-1-report');
      // The first try meets a lost network: the report waits in the outbox and goes later with the same key.
      const keys: string[] = [];
      let cut = true;
      await page.route('**/v1/kiosk/grievances', async (route) => {
        keys.push(route.request().headers()['idempotency-key']);
        if (cut) await route.abort('internetdisconnected');
        else await route.continue();
      });
      await page.locator('[data-action="send-report"]').click();
      await page.getByTestId('report-waiting').waitFor();
      expect(await grievancesOf(who.id)).toEqual([]);
      cut = false;
      await page.locator('main[data-screen="help-sent"]').waitFor({ timeout: 30_000 });
      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(1);
      await page.getByRole('heading', { name: DICTIONARY.reportReceived.tg }).waitFor();
      const id = await page.getByTestId('grievance-id').getAttribute('data-grievance');
      expect(await page.getByTestId('hotlines').count()).toBe(0);

      const [stored] = await grievancesOf(who.id);
      expect(stored).toMatchObject({
        id,
        category: 'wages_unpaid',
        state: 'received',
        channel: 'kiosk',
        anonymousToEmployer: true,
        urgent: false,
        fairId: scenario.fair.id,
      });
      const detail = await t.http().get(`/v1/grievances/${id}`).set(auth(staff)).expect(200);
      expect(detail.body.description).toBe('Ду моҳ музд надоданд');
      // The kiosk's outbox holds nothing once the server has the report.
      expect(await page.evaluate("localStorage.getItem('jobfair.kiosk.outbox')")).toBe('[]');
    } finally {
      await context.close();
    }
  });

  it('an urgent report in Uzbek, with the ILO checklist, shows the help numbers at once, in Uzbek, as the API gives them', async () => {
    const who = await visitor('uz');
    const { context, page } = await newPage(browser);
    try {
      await identifyAtKiosk(page, 'uz', who);
      await page.locator('[data-category="forced_labour"]').click();
      // The ILO checklist in the visitor's language, as the API words it.
      const checklist = await t
        .http()
        .get('/v1/grievances/ilo-indicators?lang=uz')
        .set(auth(staff))
        .expect(200);
      await page.locator('[data-ilo] [data-indicator]').first().waitFor();
      expect(
        await page
          .locator('[data-ilo] label')
          .evaluateAll((ls) => ls.map((l) => (l.textContent ?? '').trim())),
      ).toEqual(checklist.body.items.map((i: { label: string }) => i.label));
      await page.locator('[data-indicator="retention_of_identity_documents"]').check();
      await page.locator('[data-indicator="restriction_of_movement"]').check();
      await page.fill('#grievance-description', 'Ish beruvchi pasportimni olib qoʻydi, ketishga qoʻymayapti');
      await page.locator('[data-action="send-report"]').click();
      await page.locator('main[data-screen="help-sent"]').waitFor();
      const hotlines = page.getByTestId('hotlines');
      await hotlines.waitFor();
      await expectAccessible(page);
      await screenshot(page, 'kiosk-help-2-hotlines');
      const id = (await page.getByTestId('grievance-id').getAttribute('data-grievance'))!;

      const api = await t.http().get(`/v1/grievances/${id}?lang=uz`).set(auth(staff)).expect(200);
      expect(api.body).toMatchObject({ category: 'forced_labour', urgent: true, channel: 'kiosk' });
      expect([...api.body.iloIndicators].sort()).toEqual([
        'restriction_of_movement',
        'retention_of_identity_documents',
      ]);
      expect(api.body.hotlines.length).toBeGreaterThan(0);
      for (const h of api.body.hotlines as Array<{ number: string; label: string }>) {
        expect(await hotlines.locator(`[data-hotline="${h.number}"]`).textContent()).toContain(h.label);
      }
      expect(await hotlines.textContent()).toContain(api.body.urgentNotice);
      // Due the same day: an urgent category is answered today.
      expect(api.body.dueDate).toBe(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(api.body.receivedAt)),
      );
    } finally {
      await context.close();
    }
  });

  it('books a consultation at the fair’s legal desk from the kiosk; the adviser sees only their own bookings', async () => {
    const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const advisers: Array<{ id: string; email: string }> = [];
    for (const name of ['Юрист А', 'Юрист Б']) {
      const email = `${unique('adviser')}@test.jobfair.local`;
      const res = await t
        .http()
        .post('/v1/legal-advisers')
        .set(auth(staff))
        .send({ email, password: 'adviser-password-1', displayName: name, fairIds: [scenario.fair.id] })
        .expect(201);
      advisers.push({ id: res.body.id as string, email });
    }
    const desk = await t
      .http()
      .post(`/v1/fairs/${scenario.fair.id}/legal-desks`)
      .set(auth(staff))
      .send({
        name: 'Юридическая помощь',
        location: 'Зал B',
        slots: [
          { adviserId: advisers[0].id, startsAt: at(5), endsAt: at(5.5) },
          { adviserId: advisers[1].id, startsAt: at(6), endsAt: at(6.5) },
        ],
      })
      .expect(201);
    const first = desk.body.slots.find((x: { adviserId: string }) => x.adviserId === advisers[0].id);
    const other = await visitor('uz');
    // Someone else booked adviser B's slot: it is not A's to see.
    await t
      .http()
      .post('/v1/kiosk/legal-consultations')
      .set(auth(scenario.kiosk.token))
      .send({
        slotId: desk.body.slots.find((x: { id: string }) => x.id !== first.id).id,
        topic: 'patent',
        migrantId: other.id,
      })
      .expect(201);

    const who = await visitor('tg');
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/kiosk#token=${encodeURIComponent(scenario.kiosk.token)}&lang=tg`);
      await page.locator('[data-action="get-help"]').click();
      await page.fill('#help-phone', who.phone);
      await page.fill('#help-access-code', who.accessCode);
      await page.locator('[data-action="next"]').click();
      await page.locator('[data-action="help-legal"]').click();
      await page.locator('main[data-screen="help-legal"]').waitFor();
      await page.locator('[data-topic="family_women"]').click();
      await expectAccessible(page);
      await page.locator(`[data-slot="${first.id}"]`).click();
      const booked = page.getByTestId('consultation-booked');
      await booked.waitFor();
      const mine = await t.http().get('/v1/legal-consultations').set(auth(staff)).expect(200);
      const id = await booked.getAttribute('data-consultation');
      const stored = mine.body.items.find((c: { id: string }) => c.id === id);
      expect(stored).toMatchObject({
        slotId: first.id,
        migrantId: who.id,
        topic: 'family_women',
        language: 'tg',
        channel: 'kiosk',
        status: 'booked',
      });

      // The adviser signs in to the staff console and sees their one booking, not B's.
      await page.goto(`${t.url}/staff`);
      await page.getByLabel('Электронная почта').fill(advisers[0].email);
      await page.getByLabel('Пароль').fill('adviser-password-1');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.locator('main[data-tab="consultations"]').waitFor();
      const cards = page.locator('article[data-consultation]');
      await cards.first().waitFor();
      expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-consultation')))).toEqual([
        id,
      ]);
      expect(await page.locator('nav [data-tab]').count()).toBe(1);
      // The person's eligibility facts, for the booking's own adviser.
      await page.locator(`article[data-consultation="${id}"] [data-action="person"]`).click();
      await page.locator(`[data-person="${who.id}"]`).getByText('Таджикистан').waitFor();
      await page.fill(`#outcome-${id}`, 'Разъяснены права, рекомендовано обратиться в инспекцию');
      await page.locator('[data-action="outcome"]').click();
      await page.locator(`article[data-consultation="${id}"][data-status="done"]`).waitFor();
      const done = await t.http().get(`/v1/legal-consultations/${id}`).set(auth(staff)).expect(200);
      expect(done.body).toMatchObject({
        status: 'done',
        outcome: 'Разъяснены права, рекомендовано обратиться в инспекцию',
      });
    } finally {
      await context.close();
    }
  });

  it('staff see the queue urgent first, then by due date, and move a grievance into review', async () => {
    const person = await registerMigrant(t);
    const file = (category: string) =>
      t
        .http()
        .post('/v1/grievances')
        .set(auth(person.token))
        .send({ category, description: `Обращение ${category}` })
        .expect(201);
    const plain = (await file('unsafe_work')).body;
    const urgent = (await file('harassment_violence')).body;
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/staff#grievances`);
      await page.getByLabel('Электронная почта').fill(staffEmail);
      await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      const queue = page.getByTestId('grievance-queue');
      await queue.locator(`tr[data-grievance="${plain.id}"]`).waitFor();
      const shown = await queue
        .locator('tr[data-grievance]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-grievance')));
      const api = await t.http().get('/v1/grievances?pageSize=100').set(auth(staff)).expect(200);
      expect(shown).toEqual(api.body.items.map((g: { id: string }) => g.id));
      expect(shown.indexOf(urgent.id)).toBeLessThan(shown.indexOf(plain.id));
      // Among the open ones every urgent row comes before every other, and each part runs by due date.
      const rows = await queue
        .locator('tr[data-grievance]')
        .evaluateAll((trs) => trs.map((r) => [r.getAttribute('data-urgent'), r.getAttribute('data-due')]));
      const firstPlain = rows.findIndex(([u]) => u === 'false');
      expect(rows.slice(firstPlain).every(([u]) => u === 'false')).toBe(true);
      await page.locator('[data-testid="grievance-report"] svg.chart').waitFor();
      await screenshot(page, 'staff-grievances-1-queue');

      // Filtered to the fair: only what was filed there (the kiosk reports), as the API filters it.
      await page.locator('#grievance-fair').selectOption(scenario.fair.id);
      await queue.locator(`tr[data-grievance="${plain.id}"]`).waitFor({ state: 'detached' });
      const atFair = await t
        .http()
        .get(`/v1/grievances?pageSize=100&fairId=${scenario.fair.id}`)
        .set(auth(staff));
      expect(atFair.body.items.length).toBeGreaterThan(0);
      expect(
        await queue
          .locator('tr[data-grievance]')
          .evaluateAll((trs) => trs.map((r) => r.getAttribute('data-grievance'))),
      ).toEqual(atFair.body.items.map((g: { id: string }) => g.id));
      await page.locator('#grievance-fair').selectOption('');
      await queue.locator(`tr[data-grievance="${plain.id}"]`).waitFor();

      await queue.locator(`tr[data-grievance="${plain.id}"] button`).click();
      await page.locator(`[data-grievance-detail="${plain.id}"]`).waitFor();
      expect(new URL(page.url()).hash).toBe(`#grievances/${plain.id}`);
      await page.locator('[data-to="in_review"]').check();
      await page.fill('#transition-note', 'Взято в работу');
      await page.locator('[data-action="transition"]').click();
      await page.locator(`[data-grievance-detail="${plain.id}"][data-state="in_review"]`).waitFor();
      await screenshot(page, 'staff-grievances-2-detail');
      const after = await t.http().get(`/v1/grievances/${plain.id}`).set(auth(staff)).expect(200);
      expect(after.body.state).toBe('in_review');
      expect(after.body.history.at(-1)).toMatchObject({
        from: 'received',
        to: 'in_review',
        note: 'Взято в работу',
      });
    } finally {
      await context.close();
    }
  });

  it('staff write down a grievance at the desk from an application’s history and assign a legal adviser', async () => {
    const person = await registerMigrant(t, { gender: 'female' });
    const applied = await applyOnline(t, person.token, scenario.vacancy.id);
    const adviserEmail = `${unique('adviser')}@test.jobfair.local`;
    const adviserName = `Юрист ${unique()}`;
    const adviser = await t
      .http()
      .post('/v1/legal-advisers')
      .set(auth(staff))
      .send({
        email: adviserEmail,
        password: 'adviser-password-1',
        displayName: adviserName,
        fairIds: [scenario.fair.id],
      })
      .expect(201);
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/staff#applications`);
      await page.getByLabel('Электронная почта').fill(staffEmail);
      await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      const row = page.locator(`tr[data-application="${applied.id}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: /История/ }).click();
      await page.locator('[data-action="desk-grievance"]').click();
      const form = page.locator('form[data-form="desk-filing"]');
      await form.waitFor();
      await page.selectOption('#desk-category', 'worker_charged');
      await page.fill('#desk-description', 'С работницы взяли 30 000 рублей за оформление');
      await page.locator('[data-action="file-at-desk"]').click();
      const detail = page.locator('[data-grievance-detail]');
      await detail.waitFor();
      const id = await detail.getAttribute('data-grievance-detail');
      const got = await t.http().get(`/v1/grievances/${id}`).set(auth(staff)).expect(200);
      expect(got.body).toMatchObject({
        migrantId: person.id,
        applicationId: applied.id,
        category: 'worker_charged',
        channel: 'desk',
        description: 'С работницы взяли 30 000 рублей за оформление',
      });

      // Staff give the case to a legal adviser, who may then read and move it.
      await page.locator('#grievance-adviser').selectOption({ label: adviserName });
      await page.locator('[data-action="assign"]').click();
      await page.locator(`[data-adviser="${adviser.body.id}"]`).waitFor();
      const adviserToken = await login(t, { email: adviserEmail, password: 'adviser-password-1' });
      await t.http().get(`/v1/grievances/${id}`).set(auth(adviserToken)).expect(200);
    } finally {
      await context.close();
    }
  });

  it('the jobseeker opens a grievance from its link, reads the staff message, files a new one and books a consultation', async () => {
    const person = await registerMigrant(t, { preferredLanguage: 'ky' });
    const g = (
      await t
        .http()
        .post('/v1/grievances')
        .set(auth(person.token))
        .send({ category: 'worker_charged', description: 'Документтер үчүн акча алышты' })
        .expect(201)
    ).body;
    await t
      .http()
      .post(`/v1/grievances/${g.id}/messages`)
      .set(auth(staff))
      .send({ body: 'Квитанцияны алып келиңиз' })
      .expect(201);
    const applied = await applyOnline(t, person.token, scenario.vacancy.id);
    const { context, page } = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      locale: 'ky-KG',
    });
    try {
      await page.goto(`${t.url}/#grievances/${g.id}`);
      await page.locator('#f-phone').fill(person.phone);
      await page.locator('#f-password').fill(person.password);
      await page.locator('form button[type="submit"]').click();
      const detail = page.locator(`[data-grievance-detail="${g.id}"]`);
      await detail.waitFor();
      await detail.getByText('Квитанцияны алып келиңиз').waitFor();
      expect(await detail.locator('li[data-author="staff"]').count()).toBe(1);
      await screenshot(page, 'migrant-help-1-detail');

      await page.locator('[data-action="help-list"]').click();
      await page.locator('[data-action="new-grievance"]').click();
      await page.locator('form[data-form="grievance"] input[value="terms_differ"]').check();
      await page.locator('#f-application').selectOption(applied.id);
      await page.fill('#f-pay', '30000');
      await page.fill('#f-hours', '72');
      await page.fill('#f-description', 'Айлык жарнамадагыдан аз');
      await page.locator('form[data-form="grievance"] button[type="submit"]').click();
      await page.getByText(DICTIONARY.reportReceived.ky).waitFor();
      const mine = await t.http().get('/v1/grievances').set(auth(person.token)).expect(200);
      expect(mine.body.items.map((x: { category: string }) => x.category).sort()).toEqual([
        'terms_differ',
        'worker_charged',
      ]);
      const filed = mine.body.items.find((x: { category: string }) => x.category === 'terms_differ');
      expect(filed).toMatchObject({ channel: 'online', description: 'Айлык жарнамадагыдан аз' });
      // What the person reports, beside the terms advertised when they applied.
      const seen = await t.http().get(`/v1/grievances/${filed.id}`).set(auth(staff)).expect(200);
      expect(seen.body).toMatchObject({
        applicationId: applied.id,
        employerId: scenario.employer.id,
        reportedTerms: { monthlyPay: { amount: 30000, currency: 'RUB' }, hoursPerWeek: 72 },
      });
      expect(seen.body.comparison.differing).toContain('pay');
      await page.locator(`[data-grievance-detail="${filed.id}"]`).waitFor();

      // Booking a consultation online at the fair's legal desk, then opening it from its link.
      const slot = await freeSlot(8);
      await page.locator('[data-action="help-list"]').click();
      await page.locator('[data-action="book"]').click();
      await page.locator('#f-topic').selectOption('contract');
      await page.locator(`li[data-slot="${slot}"] button`).click();
      const booked = page.locator('[data-consultation-detail]');
      await booked.waitFor();
      const id = await booked.getAttribute('data-consultation-detail');
      // The booking's calendar invitation, as the API made it, offered as a file.
      const ics = decodeURIComponent(
        ((await page.getByTestId('consultation-ics').getAttribute('href')) ?? '').replace(/^data:[^,]*,/, ''),
      );
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain(`legal-consultation-${id}@jobfair`);
      const list = await t.http().get('/v1/legal-consultations').set(auth(person.token)).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id, slotId: slot, topic: 'contract', channel: 'online', language: 'ky' }),
      ]);
      await page.goto(`${t.url}/#consultations/${id}`);
      await page.locator(`[data-consultation-detail="${id}"]`).waitFor();
      expect(await page.getByTestId('consultation-status').textContent()).toBe(DICTIONARY.cstatus_booked.ky);
    } finally {
      await context.close();
    }
  });

  it('the employer opens a grievance staff shared from its link, without the anonymous worker’s name, and answers once; staff then see it flagged', async () => {
    const who = await visitor('uz');
    const filed = await t
      .http()
      .post('/v1/kiosk/grievances')
      .set(auth(scenario.kiosk.token))
      .send({
        migrantId: who.id,
        applicationId: who.applicationId,
        category: 'terms_differ',
        description: 'Ish haqi eʼlondagidan kam',
        anonymousToEmployer: true,
      })
      .expect(201);
    const id = filed.body.id as string;
    await t.http().post(`/v1/grievances/${id}/share`).set(auth(staff)).expect(200);
    const { context, page } = await newPage(browser);
    try {
      await page.goto(`${t.url}/employer#grievances/${id}`);
      await page.getByLabel('Электронная почта').fill(scenario.employer.email);
      await page.getByLabel('Пароль', { exact: true }).fill(EMPLOYER_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      const card = page.locator(`section[data-grievance="${id}"]`);
      await card.waitFor();
      const person = await page.getByTestId('grievance-person').textContent();
      expect(person).toBe('Работник просил не называть его имя.');
      await page.fill('#employer-answer', 'Доплата будет начислена в ближайшую выплату');
      await page.getByRole('button', { name: 'Отправить ответ' }).click();
      await page.getByTestId('employer-answer').waitFor();
      await screenshot(page, 'employer-grievance-1-answered');
      const got = await t.http().get(`/v1/grievances/${id}`).set(auth(staff)).expect(200);
      expect(got.body.employerAnswer).toBe('Доплата будет начислена в ближайшую выплату');

      // Once resolved as substantiated, staff see the employer flagged in the console.
      await t
        .http()
        .post(`/v1/grievances/${id}/transitions`)
        .set(auth(staff))
        .send({ to: 'in_review' })
        .expect(200);
      await t
        .http()
        .post(`/v1/grievances/${id}/transitions`)
        .set(auth(staff))
        .send({ to: 'resolved', outcome: 'substantiated' })
        .expect(200);
      await page.goto(`${t.url}/staff#grievances`);
      await page.getByLabel('Электронная почта').fill(staffEmail);
      await page.getByLabel('Пароль').fill(STAFF_PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      const row = page
        .getByTestId('flagged-employers')
        .locator(`tr[data-employer="${scenario.employer.id}"]`);
      await row.waitFor();
      expect(await row.locator('td').nth(1).textContent()).toBe('1');
    } finally {
      await context.close();
    }
  });
});
