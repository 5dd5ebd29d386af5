/**
 * A small world of principals and the objects they own, for the authorization matrix: users, people and employers
 * written straight to the tables with tokens minted by the app's TokenService (no scrypt), and the rest made over
 * HTTP by their owners, each object only when a test first asks for it.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenService } from 'src/common/auth/token.service';
import { Role } from 'src/common/auth/principal';
import { TestApp, unique } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { slotAt } from 'test/harness/interviews.factory';
import { uniqueMigrantPhone, uniquePersonName } from 'test/harness/migrants.factory';
import { fairBody, isoDate, validInn10, vacancyBody } from 'test/harness/supply.factory';

export const PRINCIPALS = [
  'anonymous',
  'migrantA',
  'migrantB',
  'pendingEmployer',
  'employerA',
  'employerB',
  'kioskX',
  'kioskY',
  'staff',
  'admin',
  'adviserX',
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

interface UserRow {
  userId: string;
  token: string;
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

export class World {
  private readonly ds: DataSource;
  private readonly tokens: TokenService;
  private principals = new Map<PrincipalName, string>();
  readonly ids: {
    migrantA: string;
    migrantB: string;
    employerA: string;
    employerB: string;
    pendingEmployer: string;
    migrantAUser: string;
    migrantAPhone: string;
  } = {
    migrantA: '',
    migrantB: '',
    employerA: '',
    employerB: '',
    pendingEmployer: '',
    migrantAUser: '',
    migrantAPhone: '',
  };

  constructor(private readonly t: TestApp) {
    this.ds = t.app.get(DataSource);
    this.tokens = t.app.get(TokenService);
  }

  /** The users and people by SQL: one round of inserts, no password hashing. */
  async init(): Promise<this> {
    const [a, b] = await Promise.all([this.insertMigrant(true), this.insertMigrant(false)]);
    const [ea, eb, ep] = await Promise.all([
      this.insertEmployer('verified'),
      this.insertEmployer('verified'),
      this.insertEmployer('pending'),
    ]);
    const [staff, admin] = await Promise.all([this.insertUser('staff'), this.insertUser('admin')]);
    this.ids.migrantA = a.migrantId;
    this.ids.migrantAUser = a.userId;
    this.ids.migrantAPhone = a.phone;
    this.ids.migrantB = b.migrantId;
    this.ids.employerA = ea.employerId;
    this.ids.employerB = eb.employerId;
    this.ids.pendingEmployer = ep.employerId;
    this.principals.set('migrantA', a.token);
    this.principals.set('migrantB', b.token);
    this.principals.set('employerA', ea.token);
    this.principals.set('employerB', eb.token);
    this.principals.set('pendingEmployer', ep.token);
    this.principals.set('staff', staff.token);
    this.principals.set('admin', admin.token);
    return this;
  }

  async token(who: PrincipalName): Promise<string | undefined> {
    if (who === 'anonymous') return undefined;
    if (who === 'kioskX') return (await this.kioskX()).token;
    if (who === 'kioskY') return (await this.kioskY()).token;
    if (who === 'adviserX') return (await this.adviserX()).token;
    return this.principals.get(who);
  }

  private async insertUser(
    role: Role,
    links: { employerId?: string; migrantId?: string; phone?: string } = {},
  ): Promise<UserRow> {
    const [row] = await this.ds.query(
      `INSERT INTO users (email, phone, role, display_name, employer_id, migrant_id)
       VALUES ($1, $2, $3, 'Matrix user', $4, $5) RETURNING id`,
      [
        links.migrantId ? null : `${unique(role)}@test.jobfair.local`,
        links.phone ?? null,
        role,
        links.employerId ?? null,
        links.migrantId ?? null,
      ],
    );
    const token = this.tokens.issue({
      id: row.id,
      role,
      employerId: links.employerId ?? null,
      migrantId: links.migrantId ?? null,
    }).accessToken;
    return { userId: row.id as string, token };
  }

  private async insertMigrant(visible: boolean): Promise<UserRow & { migrantId: string; phone: string }> {
    const phone = uniqueMigrantPhone();
    const [row] = await this.ds.query(
      `INSERT INTO migrants (full_name, birth_date, gender, citizenship, phone, preferred_language, languages,
                             occupations, desired_regions, visible_to_employers, source, consent_version, consent_at)
       VALUES ($1, '1991-04-12', 'male', 'KG', $2, 'ru', '[{"code":"ru","level":"B1"}]'::jsonb,
               '[{"code":"5120","years":3}]'::jsonb, '{RU-MOW}', $3, 'online', '2025-01', now()) RETURNING id`,
      [uniquePersonName(), phone, visible],
    );
    const user = await this.insertUser('migrant', { migrantId: row.id, phone });
    return { ...user, migrantId: row.id as string, phone };
  }

  private async insertEmployer(status: string): Promise<UserRow & { employerId: string }> {
    const [row] = await this.ds.query(
      `INSERT INTO employers (kind, name, country, tax_id, region, address, contact_name, email, phone, status)
       VALUES ('company', $1, 'RU', $2, 'RU-MOW', 'Москва, ул. Тверская, 1', 'Ирина Петрова', $3, '+74951234567', $4)
       RETURNING id`,
      [`ООО «Матрица ${unique()}»`, validInn10(), `${unique('hr')}@employer.test`, status],
    );
    const user = await this.insertUser('employer', { employerId: row.id });
    return { ...user, employerId: row.id as string };
  }

  /** An authenticated request as the principal (none for anonymous). */
  async send(
    who: PrincipalName,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown>; type: string }> {
    const req = this.t
      .http()
      [method.toLowerCase() as 'post'](path)
      .set('idempotency-key', randomUUID())
      .timeout(15_000);
    const token = await this.token(who);
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = body === undefined ? await req : await req.send(body as object);
    return { status: res.status, body: res.body, type: String(res.headers['content-type'] ?? '') };
  }

  private async as<T = Record<string, unknown>>(
    who: PrincipalName,
    method: string,
    path: string,
    body: unknown,
    expected: number,
  ): Promise<T> {
    const res = await this.send(who, method, path, body);
    if (res.status !== expected)
      throw new Error(`world: ${method} ${path} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  /** Employer A's published vacancy, offered at fair X. */
  readonly vacancyA = lazy(async () => {
    const draft = await this.as<{ id: string }>('employerA', 'POST', '/v1/vacancies', vacancyBody(), 201);
    await this.as('employerA', 'POST', `/v1/vacancies/${draft.id}/publish`, undefined, 200);
    return draft.id;
  });

  /** A second published vacancy of employer A, where migrant A was hired. */
  readonly hiringVacancyA = lazy(async () => {
    const draft = await this.as<{ id: string }>('employerA', 'POST', '/v1/vacancies', vacancyBody(), 201);
    await this.as('employerA', 'POST', `/v1/vacancies/${draft.id}/publish`, undefined, 200);
    return draft.id;
  });

  /** A draft of employer A (publishable). */
  readonly draftA = lazy(async () => {
    const draft = await this.as<{ id: string }>('employerA', 'POST', '/v1/vacancies', vacancyBody(), 201);
    return draft.id;
  });

  readonly fairX = lazy(async () => {
    const fair = await this.as<{ id: string }>('staff', 'POST', '/v1/fairs', fairBody(), 201);
    await this.as(
      'staff',
      'POST',
      `/v1/fairs/${fair.id}/participants`,
      { employerId: this.ids.employerA },
      201,
    );
    await this.as(
      'employerA',
      'POST',
      `/v1/fairs/${fair.id}/vacancies`,
      { vacancyIds: [await this.vacancyA()] },
      200,
    );
    return fair.id;
  });

  readonly fairY = lazy(
    async () => (await this.as<{ id: string }>('staff', 'POST', '/v1/fairs', fairBody(), 201)).id,
  );

  readonly kioskX = lazy(async () =>
    this.as<{ id: string; token: string }>(
      'staff',
      'POST',
      `/v1/fairs/${await this.fairX()}/kiosks`,
      { label: 'X' },
      201,
    ),
  );

  readonly kioskY = lazy(async () =>
    this.as<{ id: string; token: string }>(
      'staff',
      'POST',
      `/v1/fairs/${await this.fairY()}/kiosks`,
      { label: 'Y' },
      201,
    ),
  );

  /**
   * A legal adviser created by staff over HTTP and tied to fair X; the token is minted for that user (no login, so
   * no scrypt).
   */
  readonly adviserX = lazy(async () => {
    const adviser = await this.as<{ id: string; role: Role }>(
      'staff',
      'POST',
      '/v1/legal-advisers',
      {
        email: `${unique('adviser')}@test.jobfair.local`,
        password: 'adviser-password-123',
        displayName: 'Matrix Adviser',
        fairIds: [await this.fairX()],
      },
      201,
    );
    const token = this.tokens.issue({
      id: adviser.id,
      role: adviser.role,
      employerId: null,
      migrantId: null,
    });
    return { id: adviser.id, token: token.accessToken };
  });

  /** Migrant A as a visitor of fair X (checked in there), so that fair X's kiosk may act for them. */
  readonly visitorA = lazy(async () => {
    await this.ds.query(
      `INSERT INTO fair_attendance (fair_id, migrant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [await this.fairX(), this.ids.migrantA],
    );
    return this.ids.migrantA;
  });

  /** A legal-aid desk at fair X with four free half-hour slots of adviser X, from two days on. */
  readonly deskX = lazy(async () => {
    const adviserId = (await this.adviserX()).id;
    const start = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;
    const slots = [0, 1, 2, 3].map((i) => ({
      adviserId,
      startsAt: new Date(start + i * 1_800_000).toISOString(),
      endsAt: new Date(start + (i + 1) * 1_800_000).toISOString(),
    }));
    const desk = await this.as<{ id: string; slots: Array<{ id: string; startsAt: string }> }>(
      'staff',
      'POST',
      `/v1/fairs/${await this.fairX()}/legal-desks`,
      { name: 'Юридическая помощь', location: 'Зал B', slots },
      201,
    );
    const ordered = [...desk.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { id: desk.id, slotIds: ordered.map((s) => s.id) };
  });

  /** Migrant A's consultation with adviser X, booked online on the desk's first slot. */
  readonly consultationA = lazy(async () => {
    const { slotIds } = await this.deskX();
    const res = await this.as<{ id: string }>(
      'migrantA',
      'POST',
      '/v1/legal-consultations',
      { slotId: slotIds[0], topic: 'contract', lang: 'ru' },
      201,
    );
    return res.id;
  });

  /**
   * Migrant A's grievance about their application to employer A, filed online, shared by staff with employer A and
   * assigned to adviser X.
   */
  readonly grievanceA = lazy(async () => {
    const res = await this.as<{ id: string }>(
      'migrantA',
      'POST',
      '/v1/grievances',
      {
        category: 'wages_unpaid',
        description: 'Зарплату за октябрь не выплатили',
        applicationId: await this.applicationA(),
      },
      201,
    );
    await this.as('staff', 'POST', `/v1/grievances/${res.id}/share`, undefined, 200);
    await this.as(
      'staff',
      'POST',
      `/v1/grievances/${res.id}/assignment`,
      { adviserId: (await this.adviserX()).id },
      200,
    );
    return res.id;
  });

  /** Employer A's recruitment order for vacancy A, every cost on the employer, as placed (pending). */
  readonly pendingOrderA = lazy(async () => {
    const order = await this.as<{ id: string }>(
      'employerA',
      'POST',
      '/v1/recruitment/orders',
      {
        vacancyId: await this.vacancyA(),
        workers: 5,
        originCountries: ['KG', 'UZ', 'TJ'],
        startsOn: isoDate(60),
        endsOn: isoDate(180),
        costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
      },
      201,
    );
    return order.id;
  });

  /** A licensed Uzbek recruitment agency listed by staff. */
  readonly agencyA = lazy(async () => {
    const agency = await this.as<{ id: string }>(
      'staff',
      'POST',
      '/v1/recruitment-agencies',
      {
        country: 'UZ',
        name: `Matrix Agency ${Math.random().toString(36).slice(2)}`,
        taxId: String(Math.floor(100_000_000 + Math.random() * 899_999_999)),
        licenceNumber: 'L-0001',
        issuingBody: 'Agency for External Labour Migration',
        licenceValidFrom: isoDate(-30),
        licenceValidUntil: isoDate(700),
        source: 'Register of licensed agencies, entry checked by staff',
      },
      201,
    );
    return agency.id;
  });

  /** Employer A's recruitment order, approved by staff (it takes candidates). */
  readonly orderA = lazy(async () => {
    const id = await this.pendingOrderA();
    await this.as('staff', 'POST', `/v1/recruitment/orders/${id}/approve`, undefined, 200);
    return id;
  });

  /** Migrant A selected by employer A as a recruit of its approved order. */
  readonly recruitA = lazy(async () => {
    const recruit = await this.as<{ id: string }>(
      'employerA',
      'POST',
      `/v1/recruitment/orders/${await this.orderA()}/recruits`,
      { migrantId: this.ids.migrantA },
      201,
    );
    return recruit.id;
  });

  /** The first step of migrant A's pre-departure plan for vacancy A, kept by migrant A. */
  readonly planStepA = lazy(async () => {
    const res = await this.as<{ items: Array<{ id: string }> }>(
      'migrantA',
      'POST',
      `/v1/migrants/${this.ids.migrantA}/pre-departure-plan`,
      { vacancyId: await this.vacancyA(), arrivalDate: isoDate(30) },
      200,
    );
    if (!res.items.length) throw new Error('world: the pre-departure plan has no step');
    return res.items[0].id;
  });

  /** An entry ban of Russia that migrant A declared, already over (so that it bars no hiring in the world). */
  readonly entryBanA = lazy(async () => {
    const ban = await this.as<{ id: string }>(
      'migrantA',
      'POST',
      `/v1/migrants/${this.ids.migrantA}/entry-bans`,
      { hostCountry: 'RU', until: isoDate(-30), source: 'declared' },
      201,
    );
    return ban.id;
  });

  /** Migrant A's passport. */
  readonly documentA = lazy(async () => {
    const doc = await this.as<{ id: string }>(
      'migrantA',
      'POST',
      `/v1/migrants/${this.ids.migrantA}/documents`,
      {
        type: 'passport',
        number: `FA${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        issuingCountry: 'UZ',
        validUntil: '2031-01-01',
      },
      201,
    );
    return doc.id;
  });

  /** Migrant A's application to employer A's vacancy, shortlisted (so an interview can be booked). */
  /** A submission kiosk X handed over after the server refused it (an unresolved one, so staff may resolve it). */
  readonly heldSubmissionX = lazy(async () => {
    const res = await this.as<{ id: string }>(
      'kioskX',
      'POST',
      '/v1/kiosk/held-submissions',
      {
        idempotencyKey: randomUUID(),
        submittedAt: new Date().toISOString(),
        submission: kioskSubmission([await this.vacancyA()]),
        refusal: { status: 422, type: '/problems/unprocessable-entity', title: 'Unprocessable' },
      },
      201,
    );
    return res.id;
  });

  readonly applicationA = lazy(async () => this.insertApplication(await this.vacancyA(), 'shortlisted'));

  private async insertApplication(vacancyId: string, status: string): Promise<string> {
    const [row] = await this.ds.query(
      `INSERT INTO applications (migrant_id, vacancy_id, employer_id, status, source)
       SELECT $1, v.id, v.employer_id, $3, 'online' FROM vacancies v WHERE v.id = $2 RETURNING id`,
      [this.ids.migrantA, vacancyId, status],
    );
    await this.ds.query(
      `INSERT INTO application_transitions (application_id, from_status, to_status, actor_role)
       VALUES ($1, NULL, $2, 'system')`,
      [row.id, status],
    );
    return row.id as string;
  }

  /** Two free slots of employer A's vacancy, tomorrow. */
  readonly slotsA = lazy(async () => {
    const res = await this.as<{ items: Array<{ id: string }> }>(
      'employerA',
      'POST',
      `/v1/vacancies/${await this.vacancyA()}/interview-slots`,
      { slots: [slotAt(24 * 60 + 30), slotAt(24 * 60 + 90)] },
      201,
    );
    return res.items.map((s) => s.id);
  });

  /** Migrant A's interview with employer A, booked by the employer on the first slot. */
  readonly interviewA = lazy(async () => {
    const [slot] = await this.slotsA();
    const res = await this.as<{ id: string }>(
      'employerA',
      'POST',
      `/v1/applications/${await this.applicationA()}/interview`,
      { slotId: slot },
      201,
    );
    return res.id;
  });

  /** Migrant A hired by employer A: the placement and the first of employer A's duties it brings. */
  readonly placementA = lazy(async () => {
    const offered = await this.insertApplication(await this.hiringVacancyA(), 'offered');
    const res = await this.as<{ placement: { id: string } }>(
      'employerA',
      'POST',
      `/v1/applications/${offered}/transitions`,
      { to: 'hired', contractStartDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) },
      200,
    );
    return res.placement.id;
  });

  readonly obligationA = lazy(async () => {
    const placement = await this.placementA();
    const [row] = await this.ds.query(`SELECT id FROM employer_obligations WHERE placement_id = $1 LIMIT 1`, [
      placement,
    ]);
    if (!row) throw new Error('world: the placement brought no obligation');
    return row.id as string;
  });

  /** An in-app notification of migrant A that failed for good (so staff may retry it). */
  readonly notificationA = lazy(async () => {
    const [row] = await this.ds.query(
      `INSERT INTO notifications (recipient_user_id, channel, template, locale, payload, status, job_id)
       VALUES ($1, 'in_app', 'application_submitted', 'ru', '{}', 'dead', $2) RETURNING id`,
      [this.ids.migrantAUser, unique('matrix-job-')],
    );
    return row.id as string;
  });
}

export async function buildWorld(t: TestApp): Promise<World> {
  return new World(t).init();
}
