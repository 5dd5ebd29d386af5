import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KioskPrincipal } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { normalizePhone } from 'src/common/validation/phone';
import { inTransaction } from 'src/database/transaction';
import { answerInTransaction, completeInTransaction } from 'src/common/idempotency/idempotency.context';
import { ApplicationsRepository, KioskVacancyRow } from 'src/modules/applications/applications.repository';
import { ApplicationsService, eligibilityKey, toLang } from 'src/modules/applications/applications.service';
import { EligibilityResult, Lang } from 'src/modules/eligibility/eligibility.types';
import { generateAccessCode } from 'src/modules/kiosk/access-code';
import { KioskIdentificationService, ProofKind } from 'src/modules/kiosk/kiosk-identification.service';
import {
  KioskCheckInDto,
  KioskCheckInResultDto,
  KioskGrievanceInputDto,
  KioskGrievanceResultDto,
  KioskIdentificationRequestDto,
  KioskSubmissionDto,
  KioskSubmissionResultDto,
  KioskVacancyDto,
  KioskVacancyListDto,
  KioskVisitorRecordsDto,
} from 'src/modules/kiosk/kiosk.dto';
import { compareTerms } from 'src/modules/grievances/terms-comparison';
import { MigrantsRepository } from 'src/modules/migrants/migrants.repository';
import { vacancyMinimumWageView } from 'src/modules/reference/minimum-wage.dto';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { minimumWageCheck } from 'src/modules/vacancies/minimum-wage';
import type { SalaryPeriod, Schedule } from 'src/modules/vacancies/vacancy.entity';
import { workingTimeOf, workingTimeView } from 'src/modules/vacancies/working-time';
import {
  NotificationsService,
  UserContact,
  UserNotificationRequest,
} from 'src/modules/notifications/notifications.service';
import { GrievancesService } from 'src/modules/grievances/grievances.service';
import type { GrievanceLang } from 'src/modules/grievances/grievance.types';
import { MigrantProfileInput, MigrantsService } from 'src/modules/migrants/migrants.service';
import { UserRepository } from 'src/modules/users/user.repository';
import { preparedQuery } from 'src/database/prepared-query';
import { pageLinks } from 'src/modules/notifications/links';

/** A visitor registered at the kiosk now, and how their access code reaches them. */
interface RegisteredVisitor {
  migrantId: string;
  name: string;
  identity: 'new' | 'unconfirmed';
  userId: string | null;
  contact: UserContact | null;
  /** Shown on the screen; null when the phone is already someone's login (no code can be given here). */
  accessCode: string | null;
  accessCodeMessage: UserNotificationRequest | null;
}

/** The access code by SMS and e-mail, where only the person reads it; never to the in-app inbox it unlocks. */
function accessCodeMessage(userId: string, code: string, phone: string): UserNotificationRequest {
  return {
    userId,
    template: 'access_code',
    payload: { code, loginUrl: pageLinks.migrantLogin(phone) },
    channels: ['sms', 'email'],
  };
}

/** A fair kiosk acts only for its own fair: its vacancies, its visitors. */
@Injectable()
export class KioskService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly repository: ApplicationsRepository,
    private readonly migrants: MigrantsService,
    private readonly migrantsRepo: MigrantsRepository,
    private readonly users: UserRepository,
    private readonly identification: KioskIdentificationService,
    private readonly grievances: GrievancesService,
    private readonly notifications: NotificationsService,
  ) {}

  async vacancies(kiosk: KioskPrincipal, lang: Lang): Promise<KioskVacancyListDto> {
    const rows = await this.repository.findOpenFairVacancies(kiosk.fairId);
    return { fairId: kiosk.fairId, lang, items: rows.map((r) => this.vacancyView(r, lang)) };
  }

  /**
   * Registers the visitor, or acts for a returning one who proved who they are, counts the visit and applies to
   * each vacancy, in one transaction. Without proof a known phone and birth date never reach that person's profile
   * (a new one is made for staff to review). A vacancy applied to before is reported with its current status.
   */
  async submit(kiosk: KioskPrincipal, dto: KioskSubmissionDto): Promise<KioskSubmissionResultDto> {
    const ids = [...new Set(dto.vacancyIds.map((id) => id.toLowerCase()))];
    const profile = dto.migrant;
    const phone = normalizePhone(profile.phone);
    // Independent reads in parallel; their failures are reported in the order they were always checked.
    const [{ targets: targetRows, atFair, employerContacts }, known] = await Promise.all([
      this.repository.findFairVacancyTargets(kiosk.fairId, ids),
      phone && !dto.identification
        ? this.migrantsRepo.findActiveByPhoneAndBirthDate(this.dataSource.manager, phone, profile.birthDate)
        : Promise.resolve(null),
    ]);
    const missing = ids.filter((id) => !atFair.has(id));
    if (missing.length) {
      throw new DomainError(ErrorCode.VacancyNotAtFair, 'Some vacancies are not shown at this fair', {
        vacancyIds: missing,
      });
    }
    const found = new Map(targetRows.map((t) => [t.id, t]));
    const targets = ids.map((id) => found.get(id)!);
    this.applications.assertOpen(targets);

    if (!phone) throw ValidationError.field('migrant.phone', 'must be a valid phone number');
    const lang = toLang(profile.preferredLanguage);
    const proven = dto.identification
      ? await this.identification.prove(kiosk, phone, dto.identification, 'identification')
      : undefined;

    // Everything slow happens before the transaction: eligibility (once per distinct vacancy input).
    const byInput = new Map<string, Promise<EligibilityResult | null>>();
    const eligibility = new Map<string, EligibilityResult | null>();
    for (const target of targets) {
      const key = eligibilityKey(target);
      let result = byInput.get(key);
      if (!result) {
        result = proven
          ? this.applications.checkStored(proven.migrantId, target, lang)
          : this.applications.checkFacts(
              {
                birthDate: profile.birthDate,
                citizenship: profile.citizenship,
                occupationCodes: [],
                documents: [],
              },
              target,
              lang,
            );
        byInput.set(key, result);
      }
      eligibility.set(target.id, await result);
    }
    const code = generateAccessCode();

    return inTransaction(this.dataSource, async (manager) => {
      let person: { migrantId: string; name: string };
      let identity: KioskSubmissionResultDto['identity'];
      let userId: string | null;
      let contact: UserContact | null;
      let codeMessage: UserNotificationRequest | null = null;
      if (proven) {
        person = await this.provenPerson(manager, proven.migrantId);
        identity = 'confirmed';
        ({ userId, contact } = await this.countVisitAndGrantAccessCode(manager, kiosk, {
          migrantId: person.migrantId,
          isNew: false,
          phone,
          name: person.name,
          lang,
          // Proven by the access code: that code stays. Proven by an SMS code: a new access code, by SMS.
          codeHash: proven.via === 'access_code' ? null : this.identification.hashAccessCode(code),
        }));
        if (userId && proven.via === ('sms_code' satisfies ProofKind)) {
          codeMessage = accessCodeMessage(userId, code, phone);
        }
      } else {
        const visitor = await this.registerVisitor(
          manager,
          kiosk,
          { ...profile, phone },
          lang,
          !!known,
          code,
        );
        person = visitor;
        ({ identity, userId, contact } = visitor);
        codeMessage = visitor.accessCodeMessage;
      }
      const submitted = await this.applications.submit(manager, {
        migrantId: person.migrantId,
        // The employer reads the name on the profile, never one typed at the kiosk for someone else's.
        candidateName: person.name,
        migrantUserId: userId,
        migrantContact: contact,
        employerContacts,
        phone,
        locale: lang,
        targets,
        eligibility,
        source: 'kiosk',
        fairId: kiosk.fairId,
        kioskId: kiosk.kioskId,
        message: null,
        principal: kiosk,
        // The code goes where only the person reads it; never to the in-app inbox it unlocks.
        alsoNotify: codeMessage ? [codeMessage] : [],
      });
      // A person registered now sees the code on the screen; a returning one gets a new one only by SMS.
      const result: KioskSubmissionResultDto = {
        migrantId: person.migrantId,
        identity,
        accessCode: userId && !proven ? code : null,
        accessCodeSent: !!codeMessage && !!proven,
        applications: submitted.map((a) => ({ id: a.id, vacancyId: a.vacancyId, status: a.status })),
      };
      // The Idempotency-Key commits with the submission: a retry after a crash gets this body, not a second run.
      await completeInTransaction(manager, result);
      return result;
    });
  }

  /**
   * A visitor with no profile reports a problem by themselves: registered as the apply path registers a visitor
   * (a known phone never reaches that person's profile), with the access code on the screen and by SMS, and the
   * grievance filed for the new profile, in one transaction. A visitor who checked in gives `migrantId` instead.
   */
  async reportProblem(
    kiosk: KioskPrincipal,
    dto: KioskGrievanceInputDto,
    acceptLang?: GrievanceLang,
  ): Promise<KioskGrievanceResultDto> {
    const { migrant: reporter, ...complaint } = dto;
    if (!reporter) return this.grievances.create(kiosk, complaint, acceptLang);
    if (complaint.migrantId) {
      throw ValidationError.field(
        'migrant',
        'send migrantId (a checked-in visitor) or migrant (a new one), not both',
      );
    }
    const phone = this.identification.phone(reporter.phone, 'migrant.phone');
    const lang = toLang(reporter.preferredLanguage);
    const known = await this.migrantsRepo.findActiveByPhone(this.dataSource.manager, phone);
    const code = generateAccessCode();
    return inTransaction(this.dataSource, async (manager) => {
      const visitor = await this.registerVisitor(
        manager,
        kiosk,
        {
          fullName: reporter.fullName,
          birthDate: reporter.birthDate ?? null,
          gender: 'unspecified',
          citizenship: reporter.citizenship,
          phone,
          preferredLanguage: lang,
          consent: reporter.consent,
        },
        lang,
        !!known,
        code,
      );
      if (visitor.accessCodeMessage) {
        const m = visitor.accessCodeMessage;
        await this.notifications.notifyUser(manager, m.userId, m.template, m.payload, m.channels, {
          dedupeKey: `kiosk-report-access-code:${visitor.migrantId}`,
        });
      }
      const grievance = await this.grievances.createForNewVisitor(
        manager,
        kiosk,
        visitor.migrantId,
        complaint,
        complaint.lang ?? acceptLang ?? lang,
      );
      return answerInTransaction(manager, {
        ...grievance,
        visitor: {
          migrantId: visitor.migrantId,
          identity: visitor.identity,
          accessCode: visitor.accessCode,
          accessCodeSent: !!visitor.accessCodeMessage,
        },
      });
    });
  }

  /**
   * Registers a visitor who did not prove who they are, for every kiosk path: a new profile (a known phone and
   * birth date never reach that person's profile; staff review the pair), its first visit at this fair, and a
   * login holding the new access code unless the phone is already someone's login. The code is for the screen;
   * `accessCodeMessage` sends it by SMS (and e-mail) where only the person reads it.
   */
  private async registerVisitor(
    manager: EntityManager,
    kiosk: KioskPrincipal,
    profile: MigrantProfileInput,
    lang: Lang,
    known: boolean,
    code: string,
  ): Promise<RegisteredVisitor> {
    const { migrantId } = await this.migrants.registerOrReuse(manager, profile, 'kiosk', kiosk.fairId, {
      reuse: false,
    });
    const name = profile.fullName.trim();
    if (known) await this.identification.recordUnconfirmed(manager, kiosk);
    const { userId, contact } = await this.countVisitAndGrantAccessCode(manager, kiosk, {
      migrantId,
      isNew: true,
      phone: profile.phone,
      name,
      lang,
      codeHash: this.identification.hashAccessCode(code),
    });
    return {
      migrantId,
      name,
      identity: known ? 'unconfirmed' : 'new',
      userId,
      contact,
      accessCode: userId ? code : null,
      accessCodeMessage: userId ? accessCodeMessage(userId, code, profile.phone) : null,
    };
  }

  /** A returning visitor proves who they are (access code, or a code texted to them). Counts one more visit. */
  async checkIn(kiosk: KioskPrincipal, dto: KioskCheckInDto): Promise<KioskCheckInResultDto> {
    return this.proveAndCount(kiosk, dto, async () => ({}));
  }

  /**
   * The returning visitor's step of "get help": proven and counted as at the check-in, the answer lists the
   * person's own applications and placements with the vacancy title and the advertised terms, so that a report
   * can name one. Nobody else's: the proof decides whose records these are.
   */
  async visitorRecords(kiosk: KioskPrincipal, dto: KioskCheckInDto): Promise<KioskVisitorRecordsDto> {
    return this.proveAndCount(kiosk, dto, async (manager, migrantId) => {
      const rows = await this.repository.findOwnRecords(manager, migrantId);
      const advertised = (terms: Record<string, unknown> | null) =>
        terms
          ? compareTerms(terms as Parameters<typeof compareTerms>[0], null).map((t) => ({
              term: t.term,
              advertised: t.advertised,
            }))
          : [];
      return {
        applications: rows.map((r) => ({
          id: r.id,
          status: r.status,
          vacancyId: r.vacancy_id,
          vacancyTitle: r.title,
          employerName: r.employer_name,
          appliedAt: r.created_at,
          termsSnapshotId: r.terms_snapshot_id,
          terms: advertised(r.terms),
        })),
        placements: rows
          .filter((r) => r.placement_id)
          .map((r) => ({
            id: r.placement_id!,
            applicationId: r.id,
            status: r.placement_status!,
            vacancyTitle: r.title,
            employerName: r.employer_name,
            contractStartDate: r.contract_start_date!,
            termsSnapshotId: r.placement_snapshot_id ?? r.terms_snapshot_id,
            terms: advertised(r.placement_terms ?? r.terms),
          })),
      };
    });
  }

  /** The check-in's proof and visit count, then what the caller reads for the proven person, in one answer. */
  private async proveAndCount<T extends object>(
    kiosk: KioskPrincipal,
    dto: KioskCheckInDto,
    read: (manager: EntityManager, migrantId: string) => Promise<T>,
  ): Promise<KioskCheckInResultDto & T> {
    if (dto.birthDate) {
      throw ValidationError.field(
        'birthDate',
        'a birth date is no proof of identity: send the access code, or the code texted to the phone ' +
          '(POST /v1/kiosk/identifications, then identificationId with code)',
      );
    }
    const phone = this.identification.phone(dto.phone, 'phone');
    const { migrantId } = await this.identification.prove(kiosk, phone, dto, 'accessCode');
    return inTransaction(this.dataSource, async (manager) => {
      const visits = await this.repository.recordAttendance(manager, kiosk.fairId, migrantId, kiosk.kioskId);
      return answerInTransaction(manager, { migrantId, visits, ...(await read(manager, migrantId)) });
    });
  }

  /** Texts a one-time code to the phone, when it is a person's login (the answer does not say). */
  requestIdentification(kiosk: KioskPrincipal, dto: KioskIdentificationRequestDto) {
    return this.identification.request(kiosk, dto.phone);
  }

  private async provenPerson(
    manager: EntityManager,
    migrantId: string,
  ): Promise<{ migrantId: string; reused: boolean; name: string }> {
    const [row] = await preparedQuery<{ full_name: string | null }>(
      manager,
      `SELECT full_name FROM migrants WHERE id = $1 AND status = 'active' FOR UPDATE`,
      [migrantId],
    );
    if (!row) throw new NotFoundError('Visitor');
    return { migrantId, reused: true, name: row.full_name ?? '' };
  }

  /**
   * Counts the visit and gives the person's login the new access code (an existing password keeps working).
   * Returns the user id, null when the phone already belongs to someone else's account (then no code can be
   * given here), and the contacts of a login created now.
   */
  private async countVisitAndGrantAccessCode(
    manager: EntityManager,
    kiosk: KioskPrincipal,
    p: {
      migrantId: string;
      isNew: boolean;
      phone: string;
      name: string;
      lang: Lang;
      codeHash: string | null;
    },
  ): Promise<{ userId: string | null; contact: UserContact | null }> {
    const displayName = p.name.trim();
    const login = `INSERT INTO users (role, phone, display_name, access_code_hash, migrant_id, preferred_language)
       VALUES ('migrant', $1, $2, $3, $4, $5)
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING
       RETURNING id`;
    const loginParams = [p.phone, displayName, p.codeHash, p.migrantId, p.lang];
    let created: { id: string } | undefined;
    if (p.isNew) {
      // A profile created in this transaction: its first visit, and a login unless the phone is someone else's.
      [created] = await preparedQuery<{ id: string }>(
        manager,
        `WITH visit AS (
           INSERT INTO fair_attendance (fair_id, migrant_id, kiosk_id) VALUES ($6, $4, $7)
           ON CONFLICT (fair_id, migrant_id) DO UPDATE SET visits = fair_attendance.visits + 1
         )
         ${login}`,
        [...loginParams, kiosk.fairId, kiosk.kioskId],
      );
    } else {
      await this.repository.recordAttendance(manager, kiosk.fairId, p.migrantId, kiosk.kioskId);
      const [own] = await manager.query(`SELECT id FROM users WHERE migrant_id = $1 FOR UPDATE`, [
        p.migrantId,
      ]);
      if (own) {
        if (p.codeHash) {
          await manager.query(`UPDATE users SET access_code_hash = $2, updated_at = now() WHERE id = $1`, [
            own.id,
            p.codeHash,
          ]);
        }
        return { userId: own.id as string, contact: null };
      }
      [created] = await manager.query(login, loginParams);
    }
    if (!created) return { userId: null, contact: null };
    const contact: UserContact = {
      id: created.id,
      email: null,
      phone: p.phone,
      preferred_language: p.lang,
      display_name: displayName,
    };
    return { userId: contact.id, contact };
  }

  /** The country a vacancy is in, so a fair abroad can label local jobs and jobs in Russia or Kazakhstan. */
  private countryOf(region: string, lang: Lang): { country: string; countryName: string } {
    const country = this.catalog.region(region)?.country ?? region.slice(0, 2);
    const c = this.catalog.country(country);
    const cyrillic = lang === 'ru' || lang === 'tg' || lang === 'ky';
    return { country, countryName: (c && (cyrillic ? c.nameRu : c.nameEn)) ?? country };
  }

  private vacancyView(r: KioskVacancyRow, lang: Lang): KioskVacancyDto {
    const code = r.occupation_code.trim();
    const num = (x: string | null) => (x === null ? null : Number(x));
    const schedule = r.schedule as Schedule;
    const wt = workingTimeOf({
      schedule,
      hoursPerWeek: num(r.hours_per_week),
      shiftHours: num(r.shift_hours),
      shiftsPerMonth: num(r.shifts_per_month),
    });
    const check = minimumWageCheck(
      {
        region: r.region,
        startDate: r.start_date,
        schedule,
        workingTime: wt,
        salary: {
          min: Number(r.salary_min),
          currency: r.salary_currency.trim(),
          period: r.salary_period as SalaryPeriod,
          gross: r.salary_gross,
        },
      },
      this.catalog,
    );
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      occupation: { code, label: this.catalog.occupationLabel(code, lang) ?? code },
      employer: { id: r.employer_id, name: r.employer_name, booth: r.booth },
      region: {
        code: r.region,
        name: this.catalog.regionName(r.region, lang) ?? r.region,
        ...this.countryOf(r.region, lang),
      },
      city: r.city,
      address: r.address,
      salary: {
        min: Number(r.salary_min),
        ...(r.salary_max !== null ? { max: Number(r.salary_max) } : {}),
        currency: r.salary_currency.trim(),
        period: r.salary_period,
        gross: r.salary_gross,
      },
      schedule: r.schedule,
      workingTime: workingTimeView(schedule, wt),
      minimumWage: check
        ? vacancyMinimumWageView(check, r.region, schedule, wt, lang, this.catalog, false)
        : null,
      positions: r.positions,
      startDate: r.start_date,
      endDate: r.end_date,
      housing: {
        provided: r.housing_provided,
        ...(r.housing_cost !== null ? { costPerMonth: Number(r.housing_cost) } : {}),
      },
      meals: r.meals,
      requirements: r.requirements,
      workerCosts: r.worker_costs,
      termsSnapshotId: r.terms_snapshot_id,
    };
  }
}
