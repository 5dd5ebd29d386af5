/**
 * The authorization matrix: every operation of the service's own OpenAPI document, asked as every principal, with
 * path parameters naming objects owned by migrant A, employer A and fair X. A new operation without a row here fails,
 * so nothing ships unchecked.
 *
 * Answers are compared as classes: `ok` (authorization passed: 2xx, or 400/409/412/422/428 from the body or the
 * state), `401`, `403`, `404` (hidden). Never a 5xx; every 4xx is problem+json.
 */
import { TestApp, bootTestApp } from 'test/harness/app';
import { isoDate } from 'test/harness/supply.factory';
import { PRINCIPALS, PrincipalName, World, buildWorld } from 'test/harness/world.factory';
import { employerBody, fairBody, vacancyBody } from 'test/harness/supply.factory';
import { migrantRegistration } from 'test/harness/migrants.factory';
import { kioskSubmission } from 'test/harness/applications.factory';
import { slotAt } from 'test/harness/interviews.factory';

type Params = Record<string, string>;

interface Row {
  /**
   * Eleven classes, in the order of PRINCIPALS:
   * anonymous migrantA migrantB pendingEmployer employerA employerB kioskX kioskY staff admin adviserX
   */
  expect: string;
  params?: (w: World) => Promise<Params>;
  query?: (w: World) => Promise<string> | string;
  body?: (w: World) => Promise<unknown> | unknown;
}

const ALL_OK = 'ok ok ok ok ok ok ok ok ok ok ok';
const STAFF_ONLY = '401 403 403 403 403 403 403 403 ok ok 403';
const USERS = '401 ok ok ok ok ok 403 403 ok ok ok';

const vacancy = async (w: World): Promise<Params> => ({ id: await w.vacancyA() });
const fair = async (w: World): Promise<Params> => ({ id: await w.fairX() });
const employer = async (w: World): Promise<Params> => ({ id: w.ids.employerA });
const migrant = async (w: World): Promise<Params> => ({ id: w.ids.migrantA });
const document = async (w: World): Promise<Params> => ({ id: w.ids.migrantA, docId: await w.documentA() });
const application = async (w: World): Promise<Params> => ({ id: await w.applicationA() });
const interview = async (w: World): Promise<Params> => ({ id: await w.interviewA() });
const notification = async (w: World): Promise<Params> => ({ id: await w.notificationA() });
const grievance = async (w: World): Promise<Params> => ({ id: await w.grievanceA() });
const consultation = async (w: World): Promise<Params> => ({ id: await w.consultationA() });
const order = async (w: World): Promise<Params> => ({ id: await w.orderA() });
const recruit = async (w: World): Promise<Params> => ({ id: await w.recruitA() });
const complaint = { category: 'wages_unpaid', description: 'Зарплату за октябрь не выплатили' };

const TABLE: Record<string, Row> = {
  'GET /health': { expect: ALL_OK },
  'GET /health/ready': { expect: ALL_OK },
  'GET /metrics': { expect: ALL_OK },
  'POST /v1/auth/login': {
    expect: '401 401 401 401 401 401 401 401 401 401 401',
    body: () => ({ email: 'nobody@test.jobfair.local', password: 'not-the-password-1' }),
  },
  'GET /v1/auth/me': { expect: USERS },
  'POST /v1/me/password': {
    // The adviser, made over HTTP, has a password: the wrong current one is refused (403) after authorization.
    expect: '401 ok ok ok ok ok 403 403 ok ok 403',
    body: () => ({ password: 'a-new-password-123', currentPassword: 'not-the-password-1' }),
  },
  'POST /v1/staff': {
    expect: '401 403 403 403 403 403 403 403 403 ok 403',
    body: () => ({
      email: `matrix-${Math.random().toString(36).slice(2)}@test.jobfair.local`,
      password: 'staff-password-123',
      displayName: 'Matrix Staff',
    }),
  },
  'GET /v1/reference/occupations': { expect: ALL_OK },
  'GET /v1/reference/regions': { expect: ALL_OK },
  'GET /v1/reference/minimum-wage': { expect: ALL_OK, query: () => '?region=RU-MOW' },
  'GET /v1/reference/countries': { expect: ALL_OK },
  'GET /v1/reference/languages': { expect: ALL_OK },
  'POST /v1/employers': { expect: ALL_OK, body: () => employerBody() },
  'GET /v1/employers': { expect: STAFF_ONLY },
  'GET /v1/employers/{id}': { expect: '401 404 404 404 ok 404 403 403 ok ok 404', params: employer },
  'PATCH /v1/employers/{id}': {
    expect: '401 403 403 404 ok 404 403 403 ok ok 403',
    params: employer,
    body: () => ({ contactName: 'Анна Смирнова' }),
  },
  'POST /v1/employers/{id}/verify': {
    expect: STAFF_ONLY,
    params: async (w) => ({ id: w.ids.pendingEmployer }),
  },
  'POST /v1/employers/{id}/reject': {
    expect: STAFF_ONLY,
    params: employer,
    body: () => ({ reason: 'Налоговый номер не совпадает с ЕГРЮЛ' }),
  },
  'POST /v1/vacancies': { expect: '401 403 403 ok ok ok 403 403 403 403 403', body: () => vacancyBody() },
  'GET /v1/vacancies': { expect: ALL_OK },
  'GET /v1/vacancies/{id}': { expect: ALL_OK, params: vacancy },
  'PATCH /v1/vacancies/{id}': {
    expect: '401 403 403 404 ok 404 403 403 ok ok 403',
    params: vacancy,
    body: () => ({ title: 'Повар-универсал', version: 2 }),
  },
  'GET /v1/vacancies/{id}/terms-snapshots': { expect: ALL_OK, params: vacancy },
  'POST /v1/vacancies/{id}/publish': {
    expect: '401 403 403 404 ok 404 403 403 ok ok 403',
    params: async (w) => ({ id: await w.draftA() }),
  },
  'POST /v1/vacancies/{id}/pause': { expect: '401 403 403 404 ok 404 403 403 ok ok 403', params: vacancy },
  'POST /v1/vacancies/{id}/close': {
    expect: '401 403 403 404 ok 404 403 403 ok ok 403',
    params: vacancy,
    body: () => ({ filled: false }),
  },
  'POST /v1/fairs': { expect: STAFF_ONLY, body: () => fairBody() },
  'GET /v1/fairs': { expect: ALL_OK },
  'GET /v1/fairs/{id}': { expect: ALL_OK, params: fair },
  'PATCH /v1/fairs/{id}': {
    expect: STAFF_ONLY,
    params: fair,
    body: () => ({ venue: 'Экспоцентр, павильон 2' }),
  },
  'POST /v1/fairs/{id}/cancel': { expect: STAFF_ONLY, params: fair },
  'POST /v1/fairs/{id}/participants': {
    expect: STAFF_ONLY,
    params: fair,
    body: (w) => ({ employerId: w.ids.employerB, booth: 'B-2' }),
  },
  'POST /v1/fairs/{id}/vacancies': {
    expect: '401 403 403 404 ok 404 403 403 ok ok 403',
    params: fair,
    body: async (w) => ({ vacancyIds: [await w.vacancyA()] }),
  },
  'POST /v1/fairs/{id}/kiosks': { expect: STAFF_ONLY, params: fair, body: () => ({ label: 'Kiosk 7' }) },
  'GET /v1/fairs/{id}/kiosks': { expect: STAFF_ONLY, params: fair },
  'DELETE /v1/fairs/{id}/kiosks/{kioskId}': {
    expect: STAFF_ONLY,
    params: async (w) => ({ id: await w.fairX(), kioskId: (await w.kioskX()).id }),
  },
  'GET /v1/kiosk/fair': { expect: '401 403 403 403 403 403 ok ok 403 403 403' },
  'POST /v1/migrants': { expect: ALL_OK, body: () => migrantRegistration() },
  'GET /v1/migrants/duplicates': { expect: STAFF_ONLY },
  'GET /v1/migrants/{id}': { expect: '401 ok 404 403 ok ok 403 403 ok ok 404', params: migrant },
  'PATCH /v1/migrants/{id}': {
    expect: '401 ok 404 403 404 404 403 403 ok ok 404',
    params: migrant,
    body: () => ({ needsHousing: true }),
  },
  'POST /v1/migrants/{id}/merge': {
    expect: STAFF_ONLY,
    params: migrant,
    body: (w) => ({ intoId: w.ids.migrantB }),
  },
  'POST /v1/migrants/{id}/erase': { expect: '401 ok 404 403 404 404 403 403 ok ok 404', params: migrant },
  'GET /v1/migrants/{id}/documents': { expect: '401 ok 404 403 404 404 403 403 ok ok 404', params: migrant },
  'POST /v1/migrants/{id}/documents': {
    expect: '401 ok 404 403 404 404 403 403 ok ok 404',
    params: migrant,
    body: () => ({ type: 'patent', region: 'RU-MOW', validFrom: '2026-01-01', validUntil: '2026-12-31' }),
  },
  'GET /v1/migrants/{id}/documents/{docId}': {
    expect: '401 ok 404 403 404 404 403 403 ok ok 404',
    params: document,
  },
  'PATCH /v1/migrants/{id}/documents/{docId}': {
    expect: '401 ok 404 403 404 404 403 403 ok ok 404',
    params: document,
    body: () => ({ validUntil: '2032-01-01' }),
  },
  'DELETE /v1/migrants/{id}/documents/{docId}': {
    expect: '401 ok 404 403 404 404 403 403 ok ok 404',
    params: document,
  },
  'POST /v1/eligibility/check': {
    expect: ALL_OK,
    body: () => ({
      hostCountry: 'RU',
      workRegion: 'RU-MOW',
      citizenship: 'UZ',
      birthDate: '1991-04-12',
      startDate: isoDate(30),
    }),
  },
  'GET /v1/eligibility/rule-sets': { expect: ALL_OK },
  'GET /v1/migrants/{id}/eligibility': {
    expect: '401 ok 404 403 ok ok 403 403 ok ok 404',
    params: migrant,
    query: async (w) => `?vacancyId=${await w.vacancyA()}`,
  },
  'GET /v1/me/notifications': { expect: USERS },
  'POST /v1/me/notifications/{id}/read': {
    expect: '401 ok 404 404 404 404 403 403 404 404 404',
    params: notification,
  },
  'GET /v1/notifications': { expect: STAFF_ONLY },
  'POST /v1/notifications/{id}/retry': { expect: STAFF_ONLY, params: notification },
  'GET /v1/migrants/{id}/matches': { expect: '401 ok 404 403 404 404 403 403 ok ok 404', params: migrant },
  'GET /v1/vacancies/{id}/candidates': {
    expect: '401 404 404 403 ok 404 403 403 ok ok 404',
    params: vacancy,
  },
  'POST /v1/kiosk/matches': {
    expect: '401 403 403 403 403 403 ok ok 403 403 403',
    body: () => ({ citizenship: 'TJ', birthDate: '1995-02-03' }),
  },
  'POST /v1/applications': {
    expect: '401 ok ok 403 403 403 403 403 403 403 403',
    body: async (w) => ({ vacancyId: await w.vacancyA(), message: 'Здравствуйте' }),
  },
  'GET /v1/applications': { expect: '401 ok ok 403 ok ok 403 403 ok ok ok' },
  'GET /v1/applications/{id}': { expect: '401 ok 404 403 ok 404 403 403 ok ok 404', params: application },
  'POST /v1/applications/{id}/withdraw': {
    expect: '401 ok 404 403 403 403 403 403 403 403 403',
    params: application,
    body: () => ({ reason: 'Нашёл другую работу' }),
  },
  'GET /v1/kiosk/vacancies': { expect: '401 403 403 403 403 403 ok ok 403 403 403' },
  'POST /v1/kiosk/applications': {
    expect: '401 403 403 403 403 403 ok ok 403 403 403',
    body: async (w) => kioskSubmission([await w.vacancyA()]),
  },
  'POST /v1/kiosk/identifications': {
    expect: '401 403 403 403 403 403 ok ok 403 403 403',
    body: (w) => ({ phone: w.ids.migrantAPhone }),
  },
  'POST /v1/kiosk/held-submissions': {
    expect: '401 403 403 403 403 403 ok ok 403 403 403',
    body: async (w) => ({
      idempotencyKey: crypto.randomUUID(),
      submittedAt: new Date().toISOString(),
      submission: kioskSubmission([await w.vacancyA()]),
      refusal: { status: 422, type: '/problems/unprocessable-entity', title: 'Unprocessable' },
    }),
  },
  'GET /v1/held-submissions': { expect: STAFF_ONLY },
  'POST /v1/held-submissions/{id}/resolve': {
    expect: STAFF_ONLY,
    params: async (w) => ({ id: await w.heldSubmissionX() }),
    body: () => ({ note: 'Позвонили, записали у стойки' }),
  },
  'POST /v1/kiosk/check-ins': {
    expect: '401 403 403 403 403 403 ok ok 403 403 403',
    body: (w) => ({ phone: w.ids.migrantAPhone, birthDate: '1991-04-12' }),
  },
  'POST /v1/kiosk/visitor-records': {
    // Without the visitor's proof the answer is 422 (test/kiosk-reports.e2e-spec.ts lists with it).
    expect: '401 403 403 403 403 403 ok ok 403 403 403',
    body: (w) => ({ phone: w.ids.migrantAPhone, accessCode: 'ZZZZZZZZ' }),
  },
  'POST /v1/vacancies/{id}/interview-slots': {
    expect: '401 403 403 404 ok 404 403 403 ok ok 403',
    params: vacancy,
    body: () => ({ slots: [slotAt(3 * 24 * 60)] }),
  },
  'GET /v1/vacancies/{id}/interview-slots': {
    expect: '401 ok ok ok ok ok 403 403 ok ok ok',
    params: vacancy,
  },
  'POST /v1/applications/{id}/interview': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 404',
    params: application,
    body: async (w) => ({ slotId: (await w.slotsA())[1] }),
  },
  'GET /v1/applications/{id}/interviews': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 404',
    params: application,
  },
  'GET /v1/interviews/{id}': { expect: '401 ok 404 403 ok 404 403 403 ok ok 404', params: interview },
  'POST /v1/interviews/{id}/reschedule': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 404',
    params: interview,
    body: async (w) => ({ slotId: (await w.slotsA())[1] }),
  },
  'POST /v1/interviews/{id}/cancel': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 404',
    params: interview,
    body: () => ({ reason: 'Заболел' }),
  },
  'POST /v1/interviews/{id}/outcome': {
    expect: '401 403 403 403 ok 404 403 403 ok ok 403',
    params: interview,
    body: () => ({ attended: true, result: 'passed' }),
  },
  'GET /v1/calendars/{country}/{year}': {
    expect: ALL_OK,
    params: async () => ({ country: 'RU', year: '2026' }),
  },
  'PUT /v1/calendars/{country}/{year}': {
    expect: STAFF_ONLY,
    params: async () => ({ country: 'RU', year: '2027' }),
    body: () => ({ decree: 'Matrix test decree', daysOff: [], workingDays: [] }),
  },
  'POST /v1/applications/{id}/transitions': {
    expect: '401 403 404 403 ok 404 403 403 ok ok 403',
    params: application,
    body: () => ({ to: 'rejected', reason: 'Позиция закрыта' }),
  },
  'GET /v1/applications/{id}/history': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 403',
    params: application,
  },
  'GET /v1/placements': { expect: '401 ok ok 403 ok ok 403 403 ok ok 403' },
  'POST /v1/placements/{id}/terminate': {
    expect: '401 403 403 403 ok 404 403 403 ok ok 403',
    params: async (w) => ({ id: await w.placementA() }),
    body: () => ({ date: isoDate(10), reason: 'По соглашению сторон' }),
  },
  'GET /v1/obligations': { expect: '401 403 403 403 ok ok 403 403 ok ok 403' },
  'POST /v1/obligations/{id}/complete': {
    expect: '401 403 403 403 ok 404 403 403 ok ok 403',
    params: async (w) => ({ id: await w.obligationA() }),
    body: () => ({ completedAt: new Date().toISOString(), reference: 'Уведомление № 77-1234' }),
  },
  'GET /v1/reports/fairs/{id}': { expect: STAFF_ONLY, params: fair },
  'GET /v1/reports/placements': { expect: STAFF_ONLY },
  'GET /v1/reports/applications/export': { expect: STAFF_ONLY },
  'GET /v1/reports/demand': { expect: STAFF_ONLY },
  'POST /v1/grievances': {
    // The adviser files for migrant A, who consulted them; for anyone else 404 (test/grievances.e2e-spec.ts).
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    body: async (w) => {
      await w.consultationA();
      return { ...complaint, migrantId: w.ids.migrantA };
    },
  },
  // An adviser lists the grievances assigned to them (test/legal-aid.e2e-spec.ts).
  'GET /v1/grievances': { expect: '401 ok ok ok ok ok 403 403 ok ok ok' },
  'GET /v1/grievances/ilo-indicators': { expect: '401 ok ok 403 403 403 403 403 ok ok ok' },
  'GET /v1/grievances/report': { expect: STAFF_ONLY },
  'GET /v1/grievances/{id}': { expect: '401 ok 404 404 ok 404 403 403 ok ok ok', params: grievance },
  'POST /v1/grievances/{id}/transitions': {
    expect: '401 403 403 403 403 403 403 403 ok ok ok',
    params: grievance,
    body: () => ({ to: 'in_review', note: 'Взято в работу' }),
  },
  'POST /v1/grievances/{id}/messages': {
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    params: grievance,
    body: () => ({ body: 'Пришлите, пожалуйста, копию договора' }),
  },
  'POST /v1/grievances/{id}/assignment': {
    expect: STAFF_ONLY,
    params: grievance,
    body: async (w) => ({ adviserId: (await w.adviserX()).id }),
  },
  'POST /v1/grievances/{id}/share': { expect: STAFF_ONLY, params: grievance },
  'POST /v1/grievances/{id}/employer-answer': {
    expect: '401 403 403 404 ok 404 403 403 403 403 403',
    params: grievance,
    body: () => ({ body: 'Выплата произведена 5 ноября' }),
  },
  'POST /v1/kiosk/grievances': {
    expect: '401 403 403 403 403 403 ok 404 403 403 403',
    body: async (w) => ({ ...complaint, migrantId: await w.visitorA() }),
  },
  'GET /v1/kiosk/grievances/ilo-indicators': { expect: '401 403 403 403 403 403 ok ok 403 403 403' },
  'GET /v1/kiosk/hotlines': { expect: '401 403 403 403 403 403 ok ok 403 403 403', query: () => '?lang=uz' },
  'GET /v1/employers/flagged': { expect: STAFF_ONLY },
  'POST /v1/employers/{id}/suspension': {
    expect: STAFF_ONLY,
    params: employer,
    body: () => ({ reason: 'Жалобы работников на невыплату зарплаты подтверждены' }),
  },
  'DELETE /v1/employers/{id}/suspension': { expect: STAFF_ONLY, params: employer },
  'POST /v1/legal-advisers': {
    expect: STAFF_ONLY,
    body: async (w) => ({
      email: `matrix-adviser-${Math.random().toString(36).slice(2)}@test.jobfair.local`,
      password: 'adviser-password-123',
      displayName: 'Matrix Adviser',
      fairIds: [await w.fairX()],
    }),
  },
  'GET /v1/legal-advisers': { expect: STAFF_ONLY },
  'POST /v1/fairs/{id}/legal-desks': {
    expect: STAFF_ONLY,
    params: fair,
    body: async (w) => {
      const start = Math.ceil((Date.now() + 5 * 86_400_000) / 3_600_000) * 3_600_000;
      return {
        name: 'Юридическая помощь 2',
        slots: [
          {
            adviserId: (await w.adviserX()).id,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 1_800_000).toISOString(),
          },
        ],
      };
    },
  },
  'GET /v1/fairs/{id}/legal-desks': { expect: '401 ok ok 403 403 403 403 403 ok ok ok', params: fair },
  'POST /v1/legal-consultations': {
    expect: '401 ok 404 403 403 403 403 403 ok ok 403',
    body: async (w) => ({ slotId: (await w.deskX()).slotIds[1], topic: 'patent', migrantId: w.ids.migrantA }),
  },
  'GET /v1/legal-consultations': { expect: '401 ok ok 403 403 403 403 403 ok ok ok' },
  'GET /v1/legal-consultations/{id}': {
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    params: consultation,
  },
  'GET /v1/legal-consultations/{id}/person': {
    expect: '401 403 403 403 403 403 403 403 ok ok ok',
    params: consultation,
  },
  'POST /v1/legal-consultations/{id}/reschedule': {
    // Migrant A's booking with adviser X: the person, that adviser and staff; another person 404.
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    params: consultation,
    body: async (w) => ({ slotId: (await w.deskX()).slotIds[2] }),
  },
  'POST /v1/legal-consultations/{id}/cancel': {
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    params: consultation,
    body: () => ({ reason: 'Не смогу прийти, запишусь на другой день' }),
  },
  'POST /v1/legal-consultations/{id}/outcome': {
    expect: '401 403 403 403 403 403 403 403 ok ok ok',
    params: consultation,
    body: () => ({ outcome: 'Разъяснён порядок продления патента' }),
  },
  'POST /v1/kiosk/legal-consultations': {
    expect: '401 403 403 403 403 403 ok 404 403 403 403',
    body: async (w) => ({
      slotId: (await w.deskX()).slotIds[1],
      topic: 'registration',
      migrantId: await w.visitorA(),
    }),
  },
  'GET /v1/kiosk/legal-desks': { expect: '401 403 403 403 403 403 ok ok 403 403 403' },
  'GET /v1/recruitment/funnel': { expect: STAFF_ONLY },
  'POST /v1/recruitment/orders': {
    expect: '401 403 403 403 ok 404 403 403 ok ok 403',
    body: async (w) => ({
      vacancyId: await w.vacancyA(),
      workers: 3,
      originCountries: ['UZ'],
      startsOn: isoDate(60),
      endsOn: isoDate(120),
      costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
    }),
  },
  'GET /v1/recruitment/orders': { expect: '401 403 403 403 ok ok 403 403 ok ok 403' },
  'POST /v1/recruitment/orders/{id}/approve': {
    expect: STAFF_ONLY,
    params: async (w) => ({ id: await w.pendingOrderA() }),
  },
  'POST /v1/recruitment/orders/{id}/recruits': {
    // Migrant B keeps the profile hidden from employers: only staff may make them a recruit.
    expect: '401 403 403 403 404 404 403 403 ok ok 403',
    params: order,
    body: (w) => ({ migrantId: w.ids.migrantB }),
  },
  'GET /v1/recruitment/orders/{id}/pipeline': {
    expect: '401 403 403 403 ok 404 403 403 ok ok 403',
    params: order,
  },
  'GET /v1/recruitment/recruits/{id}': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 403',
    params: recruit,
  },
  'POST /v1/recruitment-agencies': {
    expect: STAFF_ONLY,
    body: () => ({
      country: 'TJ',
      name: `Matrix Agency ${Math.random().toString(36).slice(2)}`,
      taxId: String(Math.floor(100_000_000 + Math.random() * 899_999_999)),
      licenceNumber: 'L-0002',
      issuingBody: 'Migration Service',
      licenceValidFrom: isoDate(-30),
      licenceValidUntil: isoDate(700),
      source: 'Licence copy checked by staff',
    }),
  },
  'GET /v1/recruitment-agencies': { expect: '401 403 403 403 ok ok 403 403 ok ok 403' },
  'GET /v1/recruitment-agencies/{id}': {
    expect: '401 403 403 403 ok ok 403 403 ok ok 403',
    params: async (w) => ({ id: await w.agencyA() }),
  },
  'PATCH /v1/recruitment-agencies/{id}': {
    expect: STAFF_ONLY,
    params: async (w) => ({ id: await w.agencyA() }),
    body: () => ({ licenceNumber: 'L-0001-A' }),
  },
  'POST /v1/recruitment-agencies/{id}/licence-status': {
    expect: STAFF_ONLY,
    params: async (w) => ({ id: await w.agencyA() }),
    body: () => ({ status: 'suspended', reason: 'Licence suspended by the licensing body' }),
  },
  'GET /v1/recruitment/recruits/{id}/offer': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 403',
    params: recruit,
  },
  'POST /v1/recruitment/recruits/{id}/steps': {
    expect: '401 ok 404 403 ok 404 403 403 ok ok 403',
    params: recruit,
    body: () => ({ to: 'dropped', reason: 'Передумал ехать' }),
  },
  'POST /v1/migrants/{id}/pre-departure-plan': {
    expect: '401 ok 404 403 403 403 403 403 ok ok 403',
    params: migrant,
    body: async (w) => ({ vacancyId: await w.vacancyA(), arrivalDate: isoDate(30) }),
  },
  'GET /v1/migrants/{id}/pre-departure-plan': {
    // Adviser X helps with the plan of migrant A, who consulted them.
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    params: async (w) => {
      await w.consultationA();
      return migrant(w);
    },
  },
  'PATCH /v1/migrants/{id}/pre-departure-plan/steps/{stepId}': {
    // Adviser X helps with the plan of migrant A, who consulted them.
    expect: '401 ok 404 403 403 403 403 403 ok ok ok',
    params: async (w) => {
      await w.consultationA();
      return { id: w.ids.migrantA, stepId: await w.planStepA() };
    },
    body: () => ({ done: true }),
  },
  'POST /v1/migrants/{id}/entry-bans': {
    expect: '401 ok 404 403 404 404 403 403 ok ok 404',
    params: migrant,
    body: () => ({ hostCountry: 'RU', until: isoDate(300), source: 'declared' }),
  },
  'GET /v1/migrants/{id}/entry-bans': { expect: '401 ok 404 403 404 404 403 403 ok ok 404', params: migrant },
  'DELETE /v1/migrants/{id}/entry-bans/{banId}': {
    expect: '401 403 404 403 404 404 403 403 ok ok 404',
    params: async (w) => ({ id: w.ids.migrantA, banId: await w.entryBanA() }),
  },
  'GET /v1/pre-departure/overdue': { expect: STAFF_ONLY },
};

/**
 * Cells where today's code answers other than the table (the table holds the right answer): security holes found by
 * the matrix and not fixed yet. The test fails when one of them starts to answer as the table says, so that it is
 * struck from this list and guarded from then on.
 */
const KNOWN_HOLES: Record<string, string> = {};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function classOf(status: number): string {
  if (status >= 200 && status < 300) return 'ok';
  if ([400, 409, 412, 422, 428].includes(status)) return 'ok';
  return String(status);
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

describe('authorization matrix: every operation × every principal (e2e)', () => {
  let t: TestApp;
  let operations: string[];

  beforeAll(async () => {
    t = await bootTestApp();
    const doc = (await t.http().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => t.close());

  it('has a row for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    const missing = operations.filter((op) => !TABLE[op]);
    const stale = Object.keys(TABLE).filter((op) => !operations.includes(op));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    for (const [op, row] of Object.entries(TABLE))
      expect({ op, classes: row.expect.split(' ').length }).toEqual({ op, classes: PRINCIPALS.length });
  });

  it('answers every principal as the table says, never with a 5xx, every refusal as problem+json', async () => {
    const started = Date.now();
    const shared = await buildWorld(t);
    const cells = operations
      .filter((op) => TABLE[op])
      .flatMap((op) => PRINCIPALS.map((who, i) => ({ op, who, want: TABLE[op].expect.split(' ')[i] })));
    const failures: string[] = [];
    const holes: string[] = [];

    const ask = async (cell: { op: string; who: PrincipalName; want: string }): Promise<void> => {
      try {
        await answer(cell);
      } catch (error) {
        failures.push(`${cell.op} as ${cell.who}: ${(error as Error).message}`);
      }
    };
    const answer = async (cell: { op: string; who: PrincipalName; want: string }): Promise<void> => {
      const row = TABLE[cell.op];
      const [method, template] = cell.op.split(' ');
      // An allowed mutation changes its world; it gets a fresh one so that no later cell meets its effect.
      const w = method !== 'GET' && cell.want === 'ok' ? await buildWorld(t) : shared;
      const params = row.params ? await row.params(w) : {};
      const path =
        template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]) +
        (row.query ? await row.query(w) : '');
      const body = row.body ? await row.body(w) : undefined;
      const res = await w.send(cell.who, method, path, body);
      const got = res.status >= 500 ? `5xx` : classOf(res.status);
      const problem = res.status >= 400 && !res.type.startsWith('application/problem+json');
      if (got !== cell.want && !problem && KNOWN_HOLES[`${cell.op} as ${cell.who}`]) {
        holes.push(`${cell.op} as ${cell.who}`);
        return;
      }
      if (got !== cell.want || problem)
        failures.push(
          `${cell.op} as ${cell.who}: expected ${cell.want}, got ${res.status}` +
            `${problem ? ` (${res.type}, not problem+json)` : ''} ${JSON.stringify(res.body).slice(0, 160)}`,
        );
    };

    // Reads first (they share one world), then mutations, each allowed one in a world of its own.
    const reads = cells.filter((c) => c.op.startsWith('GET '));
    const writes = cells.filter((c) => !c.op.startsWith('GET '));
    await pool(reads, 4, ask);
    await pool(writes, 4, ask);

    console.log(
      `authorization matrix: ${operations.length} operations × ${PRINCIPALS.length} principals = ` +
        `${cells.length} cells in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failed, ` +
        `${holes.length} known holes still open`,
    );
    expect(failures.sort()).toEqual([]);
    expect(holes.sort()).toEqual(Object.keys(KNOWN_HOLES).sort());
  }, 300_000);
});
