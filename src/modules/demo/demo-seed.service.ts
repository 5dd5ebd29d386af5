import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';
import { Injectable, Logger, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { KioskPrincipal, UserPrincipal } from 'src/common/auth/principal';
import { hashPassword } from 'src/common/crypto/password';
import { DomainError } from 'src/common/errors/domain-error';
import { normalizePhone } from 'src/common/validation/phone';
import { isValidTaxId } from 'src/common/validation/tax-id';
import { inTransaction } from 'src/database/transaction';
import { ApplicationsService } from 'src/modules/applications/applications.service';
import { AuthService } from 'src/modules/auth/auth.service';
import {
  DEMO_EMPLOYERS,
  DEMO_EMPLOYER_PASSWORD,
  DEMO_MIGRANT_PASSWORD,
  DEMO_STAFF,
  DEMO_TRADES,
  DemoCitizenship,
  FEMALE_TRADES,
  MALE_TRADES,
  NAME_POOLS,
  PHONE_FORMATS,
} from 'src/modules/demo/demo.data';
import { DocumentType, MigrationCardPurpose } from 'src/modules/eligibility/eligibility.types';
import { EmployersService } from 'src/modules/employers/employers.service';
import { FairsService } from 'src/modules/fairs/fairs.service';
import { InterviewsService } from 'src/modules/interviews/interviews.service';
import { KioskService } from 'src/modules/kiosk/kiosk.service';
import { MigrantsService } from 'src/modules/migrants/migrants.service';
import { PlacementsService } from 'src/modules/placements/placements.service';
import { UserRepository } from 'src/modules/users/user.repository';
import { VacanciesService } from 'src/modules/vacancies/vacancies.service';
import { GrievancesService } from 'src/modules/grievances/grievances.service';
import type { GrievanceCategory } from 'src/modules/grievances/grievance.types';
import { LegalAidService } from 'src/modules/legal-aid/legal-aid.service';
import { RecruitmentService } from 'src/modules/recruitment/recruitment.service';
import type { JourneyStep } from 'src/modules/recruitment/recruit-journey';

export const DEMO_SEED = 20261122;
const MIGRANTS_ONLINE = 90;
const MIGRANTS_KIOSK = 60;
const HIRES = 6;
const FAIR_INTERVIEWS = 40;
const CONSENT_VERSION = '2025-01';

/** The database holds data already: the demo only fills an empty one. */
export class DemoRefusedError extends Error {}

export interface DemoLogins {
  staff: { email: string; password: string };
  employers: { name: string; email: string; password: string }[];
  migrants: { name: string; phone: string; password: string; note: string }[];
  kiosk: { token: string; fairId: string; fairName: string; label: string };
  fairs: { id: string; name: string; startsAt: string }[];
  legalAdviser?: { email: string; password: string };
  /** The kiosk of the fair abroad (Khujand), local language first. */
  originKiosk?: { token: string; fairId: string; fairName: string; label: string };
}

export interface DemoCounts {
  employers: number;
  vacancies: number;
  fairs: number;
  migrants: number;
  documents: number;
  attendance: number;
  applications: number;
  kioskApplications: number;
  interviews: number;
  placements: number;
  obligations: number;
}

export interface DemoSeedResult {
  logins: DemoLogins;
  counts: DemoCounts;
}

/** mulberry32: small, fast and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** A 10-digit organisation INN: tax office code of the region (77 Moscow, 50 Moscow oblast) and its check digit. */
export function demoInn(regionPrefix: '77' | '50', random: () => number): string {
  let digits = regionPrefix + String(10 + Math.floor(random() * 40));
  while (digits.length < 9) digits += String(Math.floor(random() * 10));
  const sum = INN10_WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return digits + String((sum % 11) % 10);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today in Moscow plus `days`, `YYYY-MM-DD`. */
function moscowDay(days: number, now = Date.now()): string {
  return isoDay(new Date(now + 3 * 3_600_000 + days * 86_400_000));
}

interface SeededEmployer {
  id: string;
  principal: UserPrincipal;
  email: string;
  name: string;
  vacancies: { id: string; occupationCode: string; startDate: string; region: string }[];
}

interface SeededMigrant {
  id: string;
  name: string;
  phone: string;
  birthDate: string;
  citizenship: DemoCitizenship;
  trades: string[];
  papers: Papers;
  principal?: UserPrincipal;
}

type Papers = 'patent_mow' | 'patent_lapsed' | 'patent_mos' | 'card_only' | 'eaeu' | 'none';

/**
 * Fills an empty database with a realistic fair through the real services, so that eligibility checks, pipeline
 * history, outbox events and notifications are exactly what production would write.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  private svc<T>(type: Type<T>): T {
    return this.moduleRef.get(type, { strict: false });
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM employers) AS present`);
    return !row.present;
  }

  async seed(now = Date.now()): Promise<DemoSeedResult> {
    if (!(await this.isEmpty())) {
      throw new DemoRefusedError(
        'The database already has employers, so the demo was not loaded (it only fills an empty database). ' +
          'Use a fresh DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/jobfair_demo.',
      );
    }
    const random = seededRandom(DEMO_SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

    const staff = await this.staff();
    const employers = await this.employers(staff, random, now);
    const { mainFair, dayFair, kiosk } = await this.fairs(staff, employers, now);
    const migrants = await this.migrants(staff, kiosk, employers, dayFair, random, pick, now);
    await this.pipeline(employers, migrants, mainFair, random);
    const hires = await this.hires(employers, migrants, now);
    this.logger.log(`hired ${hires.length}`);
    const legalAdviser = await this.protection(staff, mainFair, migrants);
    const origin = await this.origin(staff, employers, random, pick, now);

    const online = migrants.filter((m) => m.principal);
    const showcase = [
      online.find((m) => m.papers === 'patent_mow' && m.citizenship === 'TJ'),
      online.find((m) => m.papers === 'eaeu' && m.citizenship === 'KG'),
    ].filter((m): m is SeededMigrant => !!m);
    return {
      logins: {
        staff: { email: DEMO_STAFF.email, password: DEMO_STAFF.password },
        employers: employers.slice(0, 2).map((e) => ({
          name: e.name,
          email: e.email,
          password: DEMO_EMPLOYER_PASSWORD,
        })),
        migrants: showcase.map((m) => ({
          name: m.name,
          phone: m.phone,
          password: DEMO_MIGRANT_PASSWORD,
          note:
            m.papers === 'eaeu'
              ? 'citizen of Kyrgyzstan (EAEU): may work without a patent'
              : 'Tajikistan, valid patent for Moscow: eligible for Moscow jobs, not for Moscow oblast',
        })),
        kiosk,
        fairs: [mainFair, dayFair, origin.fair],
        legalAdviser,
        originKiosk: origin.kiosk,
      },
      counts: await this.counts(),
    };
  }

  /**
   * A fair abroad: the vacancy fair in Khujand (Sughd region, Tajikistan) running today, its kiosk in Tajik first,
   * a Tajik employer's local vacancies in somoni beside two Moscow employers' vacancies (each labelled with its
   * country at the kiosk); people who applied there, and the first Moscow employer's recruitment order, approved,
   * with those people as recruits at several steps of the journey.
   */
  private async origin(
    staff: UserPrincipal,
    employers: SeededEmployer[],
    random: () => number,
    pick: <T>(items: readonly T[]) => T,
    now: number,
  ) {
    const employersService = this.svc(EmployersService);
    const vacanciesService = this.svc(VacanciesService);
    const users = this.svc(UserRepository);
    const fairs = this.svc(FairsService);
    const recruitment = this.svc(RecruitmentService);
    const email = 'hr@sughd-sokhtmon.example';
    const { id: tajikId } = await employersService.register({
      kind: 'company',
      name: 'ООО «Согд Сохтмон»',
      country: 'TJ',
      // A Tajik ИНН is nine digits (format only: no check digit is published in an act we could cite).
      taxId: '310284517',
      region: 'TJ-SU',
      address: 'г. Худжанд, проспект Исмоили Сомони, 10',
      contactName: 'Фарход Рахимов',
      email,
      phone: '+992 92 777 12 34',
      password: DEMO_EMPLOYER_PASSWORD,
    });
    await employersService.verify(staff, tajikId);
    const user = (await users.findByEmail(email))!;
    const tajik: UserPrincipal = {
      kind: 'user',
      userId: user.id,
      role: 'employer',
      employerId: tajikId,
      migrantId: null,
    };
    const local: { id: string; code: string }[] = [];
    for (const [code, title, min, max] of [
      ['5120', 'Ошпаз / Повар', 3000, 4000],
      ['8153', 'Дӯзанда / Швея', 2500, 3200],
      ['9313', 'Коргари сохтмон / Разнорабочий на стройке', 2800, 3600],
    ] as const) {
      const draft = await vacanciesService.create(tajik, {
        title,
        description: 'Работа в Худжанде, официальное оформление, зарплата два раза в месяц.',
        occupationCode: code,
        region: 'TJ-SU',
        city: 'Худжанд',
        address: 'ул. Ленина, 5',
        location: { lat: 40.2826, lng: 69.6222 },
        salary: { min, max, currency: 'TJS', period: 'month', gross: true },
        positions: 3 + Math.floor(random() * 5),
        schedule: 'full_time',
        startDate: moscowDay(10 + Math.floor(random() * 20), now),
        housing: { provided: false },
        meals: true,
        requirements: { languages: [{ code: 'tg', level: 'B1' }], experienceYears: 0, medicalBook: false },
        foreignersAccepted: false,
        quotaAvailable: false,
        workerCosts: [{ item: 'recruitment_fee', amount: 0 }],
      } as never);
      await vacanciesService.publish(tajik, draft.id);
      local.push({ id: draft.id, code });
    }

    const hour = 3_600_000;
    const startsAt = new Date(Math.floor(now / hour) * hour - hour);
    const fair = await fairs.create(staff, {
      name: 'Ярмарка вакансий в Худжанде',
      region: 'TJ-SU',
      city: 'Худжанд',
      venue: 'Дворец культуры, Худжанд',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 8 * hour).toISOString(),
      timezone: 'Asia/Dushanbe',
      languages: ['tg', 'uz', 'ru', 'ky', 'en'],
    });
    await fairs.addParticipant(fair.id, tajikId, 'T-1');
    await fairs.addVacancies(
      tajik,
      fair.id,
      local.map((v) => v.id),
    );
    const moscow = employers.slice(0, 2);
    for (const [i, e] of moscow.entries()) {
      await fairs.addParticipant(fair.id, e.id, `R-${i + 1}`);
      await fairs.addVacancies(
        e.principal,
        fair.id,
        e.vacancies.map((v) => v.id),
      );
    }
    const label = 'Киоск у входа, Худжанд';
    const created = await fairs.registerKiosk(staff, fair.id, label);
    const [{ id: kioskId }] = await this.dataSource.query(
      `SELECT id FROM kiosks WHERE fair_id = $1 ORDER BY created_at LIMIT 1`,
      [fair.id],
    );
    const kiosk: KioskPrincipal = { kind: 'kiosk', kioskId, fairId: fair.id };

    // Six people apply at the kiosk in Khujand: to the Moscow vacancy of the order, and to a local job.
    const ordered = moscow[0].vacancies[0];
    const taken = new Set<string>(
      (await this.dataSource.query(`SELECT phone FROM migrants WHERE phone IS NOT NULL`)).map(
        (r: { phone: string }) => r.phone,
      ),
    );
    const people: string[] = [];
    for (let n = 0; n < 6; n++) {
      const citizenship: DemoCitizenship = n < 4 ? 'TJ' : 'UZ';
      const pool = NAME_POOLS[citizenship];
      const [first, firstLatin] = pick(pool.male);
      const [surname, surnameLatin] = pick(pool.surnames);
      const result = await this.svc(KioskService).submit(kiosk, {
        migrant: {
          fullName: `${first} ${surname}`,
          fullNameLatin: `${firstLatin} ${surnameLatin}`,
          birthDate: moscowDay(-Math.floor((20 + random() * 20) * 365.25), now),
          gender: 'male',
          citizenship,
          phone: this.phone(citizenship, taken, random, pick),
          preferredLanguage: pool.language,
          languages: [
            { code: 'ru', level: 'A2' },
            { code: pool.language, level: 'C2' },
          ],
          occupations: [{ code: ordered.occupationCode, years: 2 }],
          desiredRegions: ['RU-MOW'],
          consent: { dataProcessing: true, visibleToEmployers: true, version: CONSENT_VERSION },
        },
        vacancyIds: [ordered.id, local[0].id],
      } as never);
      people.push(result.migrantId);
    }

    const order = await recruitment.createOrder(moscow[0].principal, {
      vacancyId: ordered.id,
      workers: 10,
      originCountries: ['TJ', 'UZ'],
      startsOn: moscowDay(20, now),
      endsOn: moscowDay(120, now),
      costs: { travel: 'employer', medicalExam: 'employer', patent: 'employer', housing: 'employer' },
    });
    await recruitment.approve(staff, order.id);
    // A journey in progress: each recruit one step further than the one before.
    const reached: JourneyStep[] = ['selected', 'offer_accepted', 'documents_ready', 'departed', 'arrived'];
    for (const [i, migrantId] of people.entries()) {
      const recruit = await recruitment.select(moscow[0].principal, order.id, migrantId);
      if (i === people.length - 1) {
        await recruitment.move(staff, recruit.id, { to: 'dropped', reason: 'Передумал ехать' } as never);
        continue;
      }
      for (const to of reached.slice(1, i + 1)) {
        await recruitment.move(staff, recruit.id, { to } as never);
      }
    }
    this.logger.log(`fair abroad: ${fair.name}, order ${order.id} with ${people.length} recruits`);
    return {
      fair: { id: fair.id, name: fair.name, startsAt: startsAt.toISOString() },
      kiosk: { token: created.token, fairId: fair.id, fairName: fair.name, label },
    };
  }

  private async staff(): Promise<UserPrincipal> {
    const created = await this.svc(AuthService).createStaff({
      email: DEMO_STAFF.email,
      password: DEMO_STAFF.password,
      displayName: DEMO_STAFF.displayName,
      role: 'staff',
    });
    return { kind: 'user', userId: created.id, role: 'staff', employerId: null, migrantId: null };
  }

  /** 12 organisations registered and verified by staff, each with five published vacancies. */
  private async employers(
    staff: UserPrincipal,
    random: () => number,
    now: number,
  ): Promise<SeededEmployer[]> {
    const employersService = this.svc(EmployersService);
    const vacanciesService = this.svc(VacanciesService);
    const users = this.svc(UserRepository);
    const out: SeededEmployer[] = [];
    const taxIds = new Set<string>();
    for (const e of DEMO_EMPLOYERS) {
      let taxId: string;
      do taxId = demoInn(e.region === 'RU-MOW' ? '77' : '50', random);
      while (taxIds.has(taxId) || !isValidTaxId('RU', taxId));
      taxIds.add(taxId);
      const email = `hr@${e.slug}.example`;
      const { id } = await employersService.register({
        kind: 'company',
        name: e.name,
        country: 'RU',
        taxId,
        region: e.region,
        address: `${e.region === 'RU-MOW' ? 'г. Москва' : `Московская обл., г. ${e.city}`}, ${e.address}`,
        contactName: e.contactName,
        email,
        phone: e.phone,
        password: DEMO_EMPLOYER_PASSWORD,
      });
      await employersService.verify(staff, id);
      const user = (await users.findByEmail(email))!;
      const principal: UserPrincipal = {
        kind: 'user',
        userId: user.id,
        role: 'employer',
        employerId: id,
        migrantId: null,
      };
      const vacancies: SeededEmployer['vacancies'] = [];
      for (const [i, code] of e.trades.entries()) {
        const trade = DEMO_TRADES[code];
        const startDate = moscowDay(14 + Math.floor(random() * 50), now);
        const housing = e.sector === 'construction' || e.sector === 'manufacturing' || random() < 0.3;
        const [low, high] = trade.salary;
        const min = Math.round((low + random() * 10_000) / 1000) * 1000;
        const draft = await vacanciesService.create(principal, {
          title: trade.title,
          description: `${trade.description} Официальное оформление по трудовому договору с первого дня, зарплата два раза в месяц на карту.`,
          occupationCode: code,
          region: e.region,
          city: e.city,
          address: e.address,
          location: e.location,
          salary: { min, max: Math.max(min, high), currency: 'RUB', period: 'month', gross: true },
          positions: 2 + Math.floor(random() * 6),
          schedule: e.sector === 'catering' ? 'shift' : i % 4 === 3 ? 'rotation' : 'full_time',
          startDate,
          housing: housing
            ? { provided: true, costPerMonth: random() < 0.5 ? 0 : 5_000 }
            : { provided: false },
          meals: e.sector === 'catering' || random() < 0.4,
          requirements: {
            languages: [{ code: 'ru', level: code.startsWith('9') ? 'A1' : 'A2' }],
            experienceYears: code.startsWith('9') ? 0 : 1,
            medicalBook: e.sector === 'catering',
          },
          foreignersAccepted: true,
          quotaAvailable: false,
          workerCosts: [
            { item: 'recruitment_fee', amount: 0 },
            { item: 'travel', amount: 0 },
            { item: 'medical_exam', amount: 0 },
          ],
        } as never);
        await vacanciesService.publish(principal, draft.id);
        vacancies.push({ id: draft.id, occupationCode: code, startDate, region: e.region });
      }
      out.push({ id, principal, email, name: e.name, vacancies });
    }
    this.logger.log(`employers ${out.length}, vacancies ${out.length * 5}`);
    return out;
  }

  /**
   * The fair in two to three weeks with every employer, and the vacancy day at the job centre running today, whose kiosk
   * works now (a kiosk token works from a day before its fair to a day after).
   */
  private async fairs(staff: UserPrincipal, employers: SeededEmployer[], now: number) {
    const fairs = this.svc(FairsService);
    // Two to three weeks ahead: outbox.delay_ms is an integer, so reminders cannot yet be queued beyond ~24.8 days.
    const mainDay = nextThursday(moscowDay(14, now));
    const main = await fairs.create(staff, {
      name: 'Ярмарка вакансий для иностранных граждан',
      region: 'RU-MOW',
      city: 'Москва',
      venue: 'ЦЗН «Моя работа», ул. Стромынка, д. 19, корп. 2',
      startsAt: `${mainDay}T10:00:00+03:00`,
      endsAt: `${mainDay}T17:00:00+03:00`,
      timezone: 'Europe/Moscow',
      languages: ['ru', 'uz', 'tg', 'ky'],
    });
    const hour = 3_600_000;
    const dayStart = new Date(Math.floor(now / hour) * hour - hour);
    const day = await fairs.create(staff, {
      name: 'День вакансий для мигрантов в ЦЗН',
      region: 'RU-MOW',
      city: 'Москва',
      venue: 'Флагманский центр «Моя работа», ул. Верхняя Красносельская, д. 20',
      startsAt: dayStart.toISOString(),
      endsAt: new Date(dayStart.getTime() + 8 * hour).toISOString(),
      timezone: 'Europe/Moscow',
      languages: ['ru', 'uz', 'tg', 'ky'],
    });
    for (const [i, e] of employers.entries()) {
      await fairs.addParticipant(
        main.id,
        e.id,
        `${String.fromCharCode(65 + Math.floor(i / 6))}-${(i % 6) + 1}`,
      );
      await fairs.addVacancies(
        e.principal,
        main.id,
        e.vacancies.map((v) => v.id),
      );
      if (i % 2 === 0) {
        await fairs.addParticipant(day.id, e.id, `${i / 2 + 1}`);
        await fairs.addVacancies(
          e.principal,
          day.id,
          e.vacancies.map((v) => v.id),
        );
      }
    }
    const label = 'Киоск у входа';
    const created = await fairs.registerKiosk(staff, day.id, label);
    await fairs.registerKiosk(staff, main.id, 'Киоск 1, зал А');
    return {
      mainFair: { id: main.id, name: main.name, startsAt: `${mainDay}T10:00:00+03:00` },
      dayFair: { id: day.id, name: day.name, startsAt: dayStart.toISOString() },
      kiosk: { token: created.token, fairId: day.id, fairName: day.name, label },
    };
  }

  /**
   * 150 people: 90 register online (a login each) and add their papers before applying; 60 register at the kiosk
   * of today's vacancy day, applying there at once. Some online users also check in at the kiosk.
   */
  private async migrants(
    staff: UserPrincipal,
    kiosk: { token: string; fairId: string },
    employers: SeededEmployer[],
    dayFair: { id: string },
    random: () => number,
    pick: <T>(items: readonly T[]) => T,
    now: number,
  ): Promise<SeededMigrant[]> {
    const migrantsService = this.svc(MigrantsService);
    const applications = this.svc(ApplicationsService);
    const kioskService = this.svc(KioskService);
    const users = this.svc(UserRepository);
    const [{ id: kioskId }] = await this.dataSource.query(`SELECT id FROM kiosks WHERE fair_id = $1`, [
      kiosk.fairId,
    ]);
    const kioskPrincipal: KioskPrincipal = { kind: 'kiosk', kioskId, fairId: dayFair.id };
    // One scrypt hash for every demo login: they share the password, and 90 hashes would take a minute.
    const passwordHash = await hashPassword(DEMO_MIGRANT_PASSWORD);
    const allVacancies = employers.flatMap((e) => e.vacancies);
    const dayVacancies = employers.filter((_, i) => i % 2 === 0).flatMap((e) => e.vacancies);
    const phones = new Set<string>();
    const out: SeededMigrant[] = [];

    const choose = (trades: string[], pool: typeof allVacancies, n: number): string[] => {
      const matching = pool.filter((v) => trades.includes(v.occupationCode));
      const chosen = new Set<string>();
      for (let guard = 0; chosen.size < n && guard < 50; guard++) {
        const from = matching.length && random() < 0.8 ? matching : pool;
        chosen.add(pick(from).id);
      }
      return [...chosen];
    };

    for (let n = 0; n < MIGRANTS_ONLINE + MIGRANTS_KIOSK; n++) {
      const citizenship: DemoCitizenship = n % 10 < 3 ? 'TJ' : n % 10 < 7 ? 'UZ' : n % 10 < 9 ? 'KG' : 'KZ';
      const pool = NAME_POOLS[citizenship];
      const female = random() < 0.25;
      const [first, firstLatin] = pick(female ? pool.female : pool.male);
      const [surname, surnameLatin] = pick(pool.surnames);
      const fullName = `${first} ${female ? `${surname}а` : surname}`;
      const fullNameLatin = `${firstLatin} ${female ? `${surnameLatin}a` : surnameLatin}`;
      const phone = this.phone(citizenship, phones, random, pick);
      const birthDate = moscowDay(-Math.floor((19 + random() * 33) * 365.25), now);
      const trades = [pick(female ? FEMALE_TRADES : MALE_TRADES)];
      if (random() < 0.4) trades.push(pick(female ? FEMALE_TRADES : MALE_TRADES));
      const tradeList = [...new Set(trades)];
      const preferredLanguage = random() < 0.7 ? pool.language : 'ru';
      const profile = {
        fullName,
        fullNameLatin,
        birthDate,
        gender: female ? ('female' as const) : ('male' as const),
        citizenship,
        phone,
        preferredLanguage,
        languages: [
          { code: 'ru', level: pick(['A1', 'A2', 'B1', 'B2']) },
          ...(pool.language === 'ru' ? [] : [{ code: pool.language, level: 'C2' }]),
        ],
        occupations: tradeList.map((code) => ({ code, years: Math.floor(random() * 8) })),
        desiredRegions: random() < 0.6 ? ['RU-MOW'] : ['RU-MOW', 'RU-MOS'],
        availableFrom: moscowDay(Math.floor(random() * 20), now),
        needsHousing: random() < 0.6,
        expectedMonthlySalary: { amount: 60_000 + Math.floor(random() * 8) * 10_000, currency: 'RUB' },
        consent: { dataProcessing: true, visibleToEmployers: random() < 0.8, version: CONSENT_VERSION },
      };
      const papers = this.papers(citizenship, random);
      const migrant: SeededMigrant = {
        id: '',
        name: fullName,
        phone,
        birthDate,
        citizenship,
        trades: tradeList,
        papers,
      };

      if (n < MIGRANTS_ONLINE) {
        migrant.id = await inTransaction(this.dataSource, async (manager) => {
          const { migrantId } = await migrantsService.registerOrReuse(manager, profile, 'online');
          await users.insert(manager, {
            phone,
            passwordHash,
            role: 'migrant',
            displayName: fullName,
            migrantId,
          });
          return migrantId;
        });
        const user = (await users.findByMigrantId(migrant.id))!;
        migrant.principal = {
          kind: 'user',
          userId: user.id,
          role: 'migrant',
          employerId: null,
          migrantId: migrant.id,
        };
        await this.documents(staff, migrant, random, now);
        for (const vacancyId of choose(tradeList, allVacancies, 2)) {
          await applications.apply(migrant.principal, { vacancyId });
        }
        if (n % 3 === 0) {
          // A returning visitor proves who they are at the kiosk: an access code from an earlier visit.
          const accessCode = `DEMO${String(n).padStart(4, '0')}`;
          await users.update(this.dataSource.manager, user.id, {
            accessCodeHash: this.svc(AccessCodeHasher).hash(accessCode),
          });
          await kioskService.checkIn(kioskPrincipal, { phone, accessCode });
        }
      } else {
        const result = await kioskService.submit(kioskPrincipal, {
          migrant: profile,
          vacancyIds: choose(tradeList, dayVacancies, random() < 0.5 ? 2 : 3),
        } as never);
        migrant.id = result.migrantId;
        // Papers shown to the legal adviser at the fair, entered by staff afterwards.
        await this.documents(staff, migrant, random, now);
      }
      out.push(migrant);
    }
    this.logger.log(`migrants ${out.length}`);
    return out;
  }

  private phone(
    citizenship: DemoCitizenship,
    taken: Set<string>,
    random: () => number,
    pick: <T>(items: readonly T[]) => T,
  ): string {
    const format = PHONE_FORMATS[citizenship];
    for (;;) {
      let digits = pick(format.prefixes);
      for (let i = 0; i < format.digits; i++) digits += String(Math.floor(random() * 10));
      const phone = normalizePhone(`${format.code}${digits}`);
      if (phone && !taken.has(phone)) {
        taken.add(phone);
        return phone;
      }
    }
  }

  private papers(citizenship: DemoCitizenship, random: () => number): Papers {
    if (citizenship === 'KG' || citizenship === 'KZ') return random() < 0.75 ? 'eaeu' : 'none';
    const r = random();
    if (r < 0.4) return 'patent_mow';
    if (r < 0.6) return 'patent_lapsed';
    if (r < 0.75) return 'patent_mos';
    if (r < 0.9) return 'card_only';
    return 'none';
  }

  private async documents(staff: UserPrincipal, m: SeededMigrant, random: () => number, now: number) {
    if (m.papers === 'none') return;
    const migrants = this.svc(MigrantsService);
    const entered = moscowDay(-20 - Math.floor(random() * 200), now);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const add = (doc: {
      type: DocumentType;
      number?: string;
      issuingCountry?: string;
      region?: string;
      validFrom?: string;
      validUntil?: string;
      purpose?: MigrationCardPurpose;
      issuedAt?: string;
    }) => migrants.createDocument(staff, m.id, doc as never);
    const passportPrefix = { TJ: 'A', UZ: 'FA', KG: 'AC', KZ: 'N' }[m.citizenship];
    await add({
      type: 'passport',
      number: `${passportPrefix}${digits(7)}`,
      issuingCountry: m.citizenship,
      validFrom: moscowDay(-900, now),
      validUntil: moscowDay(2_400, now),
    });
    await add({
      type: 'registration',
      region: 'RU-MOW',
      validFrom: entered,
      validUntil: moscowDay(150, now),
    });
    if (m.papers === 'eaeu') return;
    await add({
      type: 'migration_card',
      number: `46 ${digits(7)}`,
      purpose: 'work',
      validFrom: entered,
      issuedAt: entered,
    });
    if (m.papers === 'card_only') return;
    await add({ type: 'medical_certificate', region: 'RU-MOW', issuedAt: entered, validFrom: entered });
    await add({ type: 'language_certificate', issuedAt: entered, validFrom: entered });
    const lapsed = m.papers === 'patent_lapsed';
    await add({
      type: 'patent',
      number: `${m.papers === 'patent_mos' ? '50' : '77'} №${digits(10)}`,
      region: m.papers === 'patent_mos' ? 'RU-MOS' : 'RU-MOW',
      issuedAt: moscowDay(lapsed ? -300 : -60, now),
      validFrom: moscowDay(lapsed ? -300 : -60, now),
      validUntil: moscowDay(lapsed ? -15 : 240, now),
    });
  }

  /**
   * Employers work through their applications: shortlist some, turn down a few with a reason, and invite people
   * to 20-minute interviews at their booth of next month's fair.
   */
  private async pipeline(
    employers: SeededEmployer[],
    migrants: SeededMigrant[],
    mainFair: { id: string; startsAt: string },
    random: () => number,
  ) {
    const interviews = this.svc(InterviewsService);
    const placements = this.svc(PlacementsService);
    const apps: { id: string; vacancy_id: string; employer_id: string; migrant_id: string }[] =
      await this.dataSource.query(
        `SELECT id, vacancy_id, employer_id, migrant_id FROM applications ORDER BY created_at, id`,
      );
    const reserved = await this.hireCandidates(employers, migrants);
    const byEmployer = new Map(employers.map((e) => [e.id, e]));
    const fairStart = new Date(mainFair.startsAt).getTime();
    const slots = new Map<string, string[]>();
    for (const e of employers) {
      for (const [k, v] of e.vacancies.entries()) {
        const created = await interviews.createSlots(e.principal, v.id, {
          slots: Array.from({ length: 4 }, (_, j) => {
            const start = fairStart + (k * 80 + j * 20) * 60_000;
            return {
              startsAt: new Date(start).toISOString(),
              endsAt: new Date(start + 20 * 60_000).toISOString(),
              mode: 'in_person' as const,
              location: 'Стенд работодателя',
              fairId: mainFair.id,
            };
          }),
        });
        slots.set(
          v.id,
          created.items.map((s) => s.id),
        );
      }
    }
    const interviewed = new Set<string>();
    let booked = 0;
    for (const a of apps) {
      if (reserved.has(a.id)) continue;
      const employer = byEmployer.get(a.employer_id)!;
      const r = random();
      if (booked < FAIR_INTERVIEWS && !interviewed.has(a.migrant_id) && r < 0.3) {
        const slotId = slots.get(a.vacancy_id)?.shift();
        if (!slotId) continue;
        await interviews.book(employer.principal, a.id, slotId);
        interviewed.add(a.migrant_id);
        booked += 1;
      } else if (r < 0.4) {
        await placements.transition(employer.principal, a.id, { to: 'shortlisted' }, 'ru');
      } else if (r < 0.46) {
        await placements.transition(
          employer.principal,
          a.id,
          { to: 'rejected', reason: 'Нужен опыт работы по специальности от 2 лет' },
          'ru',
        );
      }
    }
    this.logger.log(`interviews booked ${booked}`);
  }

  private hireCandidateIds?: Map<string, { employer: SeededEmployer; vacancyId: string; startDate: string }>;

  /** Applications whose check said `eligible`, one per employer and per person: the hires of the demo. */
  private async hireCandidates(employers: SeededEmployer[], migrants: SeededMigrant[]) {
    const online = new Set(migrants.filter((m) => m.principal).map((m) => m.id));
    const rows: { id: string; employer_id: string; vacancy_id: string; migrant_id: string }[] =
      await this.dataSource.query(
        `SELECT id, employer_id, vacancy_id, migrant_id FROM applications
          WHERE eligibility->>'status' = 'eligible' ORDER BY created_at, id`,
      );
    const chosen = new Map<string, { employer: SeededEmployer; vacancyId: string; startDate: string }>();
    const usedEmployers = new Set<string>();
    const usedMigrants = new Set<string>();
    for (const row of rows) {
      if (chosen.size >= HIRES + 2) break;
      if (
        !online.has(row.migrant_id) ||
        usedEmployers.has(row.employer_id) ||
        usedMigrants.has(row.migrant_id)
      )
        continue;
      const employer = employers.find((e) => e.id === row.employer_id)!;
      const vacancy = employer.vacancies.find((v) => v.id === row.vacancy_id)!;
      chosen.set(row.id, { employer, vacancyId: row.vacancy_id, startDate: vacancy.startDate });
      usedEmployers.add(row.employer_id);
      usedMigrants.add(row.migrant_id);
    }
    this.hireCandidateIds = chosen;
    return chosen;
  }

  /**
   * A few hires: a phone interview held now (slots start a few seconds ahead, since slots cannot be created in
   * the past), a passed result, an offer, and the hire, which re-checks eligibility for the contract start date
   * and opens the employer's 3-working-day duty to notify the Interior Ministry.
   */
  private async hires(
    employers: SeededEmployer[],
    migrants: SeededMigrant[],
    now: number,
  ): Promise<string[]> {
    const candidates = this.hireCandidateIds ?? (await this.hireCandidates(employers, migrants));
    const interviews = this.svc(InterviewsService);
    const placements = this.svc(PlacementsService);
    const startsAt = Math.ceil((Math.max(now, Date.now()) + 6_000) / 1000) * 1000;
    const booked: {
      applicationId: string;
      interviewId: string;
      employer: SeededEmployer;
      startDate: string;
    }[] = [];
    for (const [applicationId, c] of candidates) {
      const {
        items: [slot],
      } = await interviews.createSlots(c.employer.principal, c.vacancyId, {
        slots: [
          {
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(startsAt + 20 * 60_000).toISOString(),
            mode: 'phone',
          },
        ],
      });
      const interview = await interviews.book(c.employer.principal, applicationId, slot.id);
      booked.push({ applicationId, interviewId: interview.id, employer: c.employer, startDate: c.startDate });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt - Date.now() + 500)));
    const hired: string[] = [];
    for (const b of booked) {
      const principal = b.employer.principal;
      await interviews.outcome(principal, b.interviewId, { attended: true, result: 'passed' } as never);
      await placements.transition(principal, b.applicationId, { to: 'offered' }, 'ru');
      if (hired.length >= HIRES) continue;
      try {
        await placements.transition(
          principal,
          b.applicationId,
          { to: 'hired', contractStartDate: b.startDate },
          'ru',
        );
        hired.push(b.applicationId);
      } catch (error) {
        // The hire re-checks eligibility; a refusal leaves the offer open, as it would in real life.
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`hire refused: ${error.message}`);
      }
    }
    return hired;
  }

  /**
   * A legal-aid desk at the main fair with a few booked consultations, and a handful of grievances taken at the
   * desk, so that the triage queue and the adviser's view have something to show.
   */
  private async protection(
    staff: UserPrincipal,
    mainFair: { id: string; startsAt: string },
    migrants: SeededMigrant[],
  ): Promise<{ email: string; password: string }> {
    const legalAid = this.svc(LegalAidService);
    const grievances = this.svc(GrievancesService);
    const adviser = { email: 'adviser@demo.jobfair.local', password: 'demo-adviser-2026' };
    const { id: adviserId } = await legalAid.createAdviser({
      ...adviser,
      displayName: 'Юрист приёмной (демо)',
      fairIds: [mainFair.id],
    });
    const start = Date.parse(mainFair.startsAt);
    const desk = await legalAid.createDesk(staff, mainFair.id, {
      name: 'Бесплатная юридическая консультация',
      location: 'Зал Б, стол 4',
      slots: Array.from({ length: 8 }, (_, i) => ({
        adviserId,
        startsAt: new Date(start + i * 30 * 60_000).toISOString(),
        endsAt: new Date(start + (i + 1) * 30 * 60_000).toISOString(),
      })),
    });
    const online = migrants.filter((m) => m.principal);
    const topics = ['patent', 'contract', 'family_women'] as const;
    for (const [i, topic] of topics.entries()) {
      if (!online[i]) break;
      await legalAid.book(online[i].principal!, { slotId: desk.slots[i].id, topic, lang: 'ru' });
    }
    const cases: [GrievanceCategory, string][] = [
      ['wages_unpaid', 'Не выплатили зарплату за октябрь, обещают «потом».'],
      ['documents_retained', 'Бригадир забрал паспорт «на оформление» и не возвращает.'],
      ['worker_charged', 'За трудоустройство взяли 25 000 рублей наличными.'],
      ['terms_differ', 'Обещали 80 000 в месяц, платят 50 000; работаем по 12 часов.'],
      ['unsafe_work', 'Работаем на высоте без страховочных поясов.'],
    ];
    for (const [i, [category, description]] of cases.entries()) {
      const m = migrants[migrants.length - 1 - i];
      await grievances.create(staff, { category, description, migrantId: m.id, fairId: mainFair.id });
    }
    return adviser;
  }

  async counts(): Promise<DemoCounts> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM employers WHERE status = 'verified') AS employers,
              (SELECT count(*)::int FROM vacancies WHERE status IN ('published', 'filled')) AS vacancies,
              (SELECT count(*)::int FROM fairs) AS fairs,
              (SELECT count(*)::int FROM migrants) AS migrants,
              (SELECT count(*)::int FROM migrant_documents) AS documents,
              (SELECT count(*)::int FROM fair_attendance) AS attendance,
              (SELECT count(*)::int FROM applications) AS applications,
              (SELECT count(*)::int FROM applications WHERE source = 'kiosk') AS "kioskApplications",
              (SELECT count(*)::int FROM interviews) AS interviews,
              (SELECT count(*)::int FROM placements) AS placements,
              (SELECT count(*)::int FROM employer_obligations) AS obligations`,
    );
    return row as DemoCounts;
  }
}

/** The first Thursday on or after the day (fairs at the job centre run on Thursdays). */
function nextThursday(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  while (d.getUTCDay() !== 4) d.setUTCDate(d.getUTCDate() + 1);
  return isoDay(d);
}

/** The text printed after seeding: where to go and whom to log in as. */
export function formatDemoLogins(result: DemoSeedResult, baseUrl: string): string {
  const { logins, counts } = result;
  const lines = [
    '',
    'Demo data loaded:',
    `  ${counts.employers} verified employers, ${counts.vacancies} published vacancies, ${counts.fairs} fairs, ` +
      `${counts.migrants} migrants (${counts.documents} documents), ${counts.attendance} fair visits,`,
    `  ${counts.applications} applications (${counts.kioskApplications} at the kiosk), ${counts.interviews} interviews, ` +
      `${counts.placements} hires, ${counts.obligations} employer obligations`,
    '',
    'Fairs:',
    ...logins.fairs.map((f) => `  ${f.name} — ${f.startsAt} (${f.id})`),
    '',
    'Log in:',
    `  staff      ${logins.staff.email} / ${logins.staff.password}   → ${baseUrl}/staff`,
    ...logins.employers.map(
      (e) => `  employer   ${e.email} / ${e.password}   (${e.name})   → ${baseUrl}/employer`,
    ),
    ...logins.migrants.map((m) => `  migrant    ${m.phone} / ${m.password}   (${m.name}: ${m.note})`),
    `  kiosk      ${baseUrl}/kiosk with token ${logins.kiosk.token}`,
    ...(logins.legalAdviser
      ? [`  adviser    ${logins.legalAdviser.email} / ${logins.legalAdviser.password}   (legal-aid desk)`]
      : []),
    ...(logins.originKiosk
      ? [
          `  kiosk      ${baseUrl}/kiosk with token ${logins.originKiosk.token}   (${logins.originKiosk.fairName})`,
        ]
      : []),
    `             (${logins.kiosk.label}, ${logins.kiosk.fairName}; works until a day after today's fair ends)`,
    '',
    `API docs: ${baseUrl}/docs`,
    '',
  ];
  return lines.join('\n');
}
