import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError } from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { completeInTransaction } from 'src/common/idempotency/idempotency.context';
import { inTransaction } from 'src/database/transaction';
import { ApplicationStatus } from 'src/modules/applications/application-state';
import { actorOf, transitionApplication } from 'src/modules/applications/application-transitions';
import {
  ApplicationCreatedDto,
  ApplicationDto,
  ApplicationListQuery,
  CreateApplicationDto,
} from 'src/modules/applications/applications.dto';
import {
  ApplicationRow,
  ApplicationScope,
  ApplicationsRepository,
  VacancyTarget,
} from 'src/modules/applications/applications.repository';
import { EligibilityService, VacancyEligibilityInput } from 'src/modules/eligibility/eligibility.service';
import { EligibilityResult, LANGS, Lang } from 'src/modules/eligibility/eligibility.types';
import type { MigrantEligibilityFacts } from 'src/modules/migrants/migrants.types';
import {
  NewNotification,
  NotificationsService,
  UserContact,
  UserNotificationRequest,
} from 'src/modules/notifications/notifications.service';
import { pageLinks } from 'src/modules/notifications/links';

/** Who applies, and to what, in one transaction (online: one vacancy; kiosk: up to ten). */
export interface Submission {
  migrantId: string;
  candidateName: string;
  /** The person's login, for `application_received`; without one an SMS goes to `phone`. */
  migrantUserId: string | null;
  /** That login's contacts when the caller wrote them in this transaction (saves reading them back). */
  migrantContact?: UserContact | null;
  /** The active users of the targets' employers, by employer id, when the caller has read them already. */
  employerContacts?: Map<string, UserContact[]>;
  phone: string | null;
  locale: string;
  targets: VacancyTarget[];
  eligibility: Map<string, EligibilityResult | null>;
  source: 'online' | 'kiosk';
  fairId: string | null;
  kioskId: string | null;
  message: string | null;
  principal: Principal;
  /** Further messages to users (the kiosk's access code), sent in the same batch after the applications' ones. */
  alsoNotify?: UserNotificationRequest[];
}

export interface Submitted {
  id: string;
  vacancyId: string;
  status: ApplicationStatus;
  termsSnapshotId: string | null;
  createdAt: Date | null;
  /** False when the person had applied to this vacancy before: the existing application is reported. */
  created: boolean;
}

/** Where a link in a message points; the web app resolves it against its own origin. */

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsRepository,
    private readonly eligibility: EligibilityService,
    private readonly notifications: NotificationsService,
  ) {}

  // --- online ---

  async apply(principal: UserPrincipal, dto: CreateApplicationDto): Promise<ApplicationCreatedDto> {
    const migrantId = principal.migrantId;
    if (principal.role !== 'migrant' || !migrantId) {
      throw new DomainError(ErrorCode.Forbidden, 'Only a migrant with a profile can apply');
    }
    const vacancyId = dto.vacancyId.toLowerCase();
    const [target] = await this.applications.findVacancyTargets([vacancyId]);
    if (!target) throw new NotFoundError('Vacancy');
    this.assertOpen([target]);
    const facts = await this.migrantFacts(migrantId);
    const eligibility = new Map([[target.id, await this.checkStored(migrantId, target, facts.lang)]]);

    return inTransaction(this.dataSource, async (manager) => {
      const [row] = await this.submit(manager, {
        migrantId,
        candidateName: facts.name,
        migrantUserId: principal.userId,
        phone: null,
        locale: facts.lang,
        targets: [target],
        eligibility,
        source: 'online',
        fairId: null,
        kioskId: null,
        message: dto.message?.trim() || null,
        principal,
      });
      if (!row.created) {
        throw new DomainError(ErrorCode.DuplicateApplication, 'You have applied to this vacancy already', {
          applicationId: row.id,
        });
      }
      const created: ApplicationCreatedDto = {
        id: row.id,
        status: row.status,
        vacancyId: row.vacancyId,
        termsSnapshotId: row.termsSnapshotId,
        createdAt: row.createdAt!.toISOString(),
      };
      // The Idempotency-Key commits with the application: a retry after a crash gets this body, not a 409.
      await completeInTransaction(manager, created);
      return created;
    });
  }

  async list(principal: Principal, query: ApplicationListQuery): Promise<Page<ApplicationDto>> {
    const { rows, total } = await this.applications.findPage(
      this.scopeOf(principal),
      {
        vacancyId: query.vacancyId?.toLowerCase(),
        fairId: query.fairId?.toLowerCase(),
        status: query.status,
        from: query.from,
        to: query.to,
      },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return pageOf(rows.map(toDto), total, query);
  }

  async get(principal: Principal, id: string): Promise<ApplicationDto> {
    const row = await this.applications.findById(id, this.scopeOf(principal));
    if (!row) throw new NotFoundError('Application');
    return toDto(row);
  }

  /** The applicant takes the application back; the pipeline decides whether it still can be. */
  async withdraw(principal: UserPrincipal, id: string, reason?: string): Promise<ApplicationDto> {
    if (principal.role !== 'migrant' || !principal.migrantId) throw new NotFoundError('Application');
    const scope = { migrantId: principal.migrantId };
    return inTransaction(this.dataSource, async (manager) => {
      if (!(await this.applications.findById(id, scope, manager))) throw new NotFoundError('Application');
      await transitionApplication(manager, id, 'withdrawn', principal, reason?.trim() || null);
      return toDto((await this.applications.findById(id, scope, manager))!);
    });
  }

  // --- shared with the kiosk ---

  /** 409 when a vacancy does not take applications now or its employer is not verified. */
  assertOpen(targets: VacancyTarget[]): void {
    for (const t of targets) {
      if (t.status !== 'published') {
        throw new DomainError(
          ErrorCode.VacancyNotOpen,
          `The vacancy is ${t.status}, not open for applications`,
          {
            vacancyId: t.id,
          },
        );
      }
      if (t.employerStatus !== 'verified') {
        throw new DomainError(
          ErrorCode.EmployerNotVerified,
          'The employer of this vacancy is not verified; it cannot take applications',
          { vacancyId: t.id },
        );
      }
    }
  }

  /** The check for a stored person (their documents count); null when no rule set can judge it. */
  async checkStored(migrantId: string, target: VacancyTarget, lang: Lang): Promise<EligibilityResult | null> {
    return this.guard(() =>
      this.eligibility.checkMigrantForVacancy(migrantId, eligibilityInput(target), lang),
    );
  }

  /** The check for a person not stored yet (a new kiosk visitor): no documents. */
  checkFacts(
    facts: MigrantEligibilityFacts,
    target: VacancyTarget,
    lang: Lang,
  ): Promise<EligibilityResult | null> {
    const input = eligibilityInput(target);
    const today = new Date().toISOString().slice(0, 10);
    return this.guard(async () =>
      this.eligibility.check(
        {
          hostCountry: input.hostCountry,
          workRegion: input.region,
          citizenship: facts.citizenship,
          birthDate: facts.birthDate,
          startDate: input.startDate < today ? today : input.startDate,
          employer: { kind: input.employerKind, quotaAvailable: input.quotaAvailable },
          documents: [],
          ...(input.occupationCode ? { occupationCode: input.occupationCode } : {}),
          ...(input.monthlySalary ? { monthlySalary: input.monthlySalary } : {}),
        },
        lang,
      ),
    );
  }

  /**
   * Writes the applications (skipping vacancies the person applied to before), their first history rows and
   * the messages they cause, all in the caller's transaction; the messages (and `s.alsoNotify`, last) go in one
   * batch.
   */
  async submit(manager: EntityManager, s: Submission): Promise<Submitted[]> {
    const inserted = await this.applications.insertManyIfAbsent(
      manager,
      s.targets.map((target) => ({
        migrantId: s.migrantId,
        vacancyId: target.id,
        employerId: target.employerId,
        termsSnapshotId: target.termsSnapshotId,
        source: s.source,
        fairId: s.fairId,
        kioskId: s.kioskId,
        message: s.message,
        eligibility: s.eligibility.get(target.id) ?? null,
      })),
      actorOf(s.principal),
    );
    const existing = await this.applications.findByMigrantAndVacancies(
      manager,
      s.migrantId,
      s.targets.filter((t) => !inserted.has(t.id)).map((t) => t.id),
    );
    const fresh = s.targets.filter((t) => inserted.has(t.id));
    const employerUsers =
      s.employerContacts ??
      (await this.applications.employerContactsMany(manager, [...new Set(fresh.map((t) => t.employerId))]));
    const known = new Map<string, UserContact>();
    for (const contacts of employerUsers.values()) for (const c of contacts) known.set(c.id, c);
    if (s.migrantContact) known.set(s.migrantContact.id, s.migrantContact);
    const out: Submitted[] = [];
    const messages: Array<NewNotification | UserNotificationRequest> = [];
    for (const target of s.targets) {
      const created = inserted.get(target.id);
      if (!created) {
        const prior = existing.get(target.id)!;
        out.push({
          id: prior.id,
          vacancyId: target.id,
          status: prior.status,
          termsSnapshotId: target.termsSnapshotId,
          createdAt: null,
          created: false,
        });
        continue;
      }
      const recipients = (employerUsers.get(target.employerId) ?? []).map((c) => c.id);
      messages.push(...this.announce(s, target, created.id, recipients));
      out.push({
        id: created.id,
        vacancyId: target.id,
        status: 'submitted',
        termsSnapshotId: target.termsSnapshotId,
        createdAt: created.createdAt,
        created: true,
      });
    }
    messages.push(...(s.alsoNotify ?? []));
    await this.sendAll(manager, messages, known);
    return out;
  }

  /** Enqueues direct messages and per-user ones (one contact read) in input order, in one batch. */
  private async sendAll(
    manager: EntityManager,
    messages: Array<NewNotification | UserNotificationRequest>,
    known: ReadonlyMap<string, UserContact>,
  ): Promise<void> {
    const requests = messages.filter((m): m is UserNotificationRequest => 'userId' in m);
    const perUser = await this.notifications.forUsers(manager, requests, known);
    let next = 0;
    const items = messages.flatMap((m) => ('userId' in m ? perUser[next++] : [m]));
    if (items.length) await this.notifications.enqueueMany(manager, items);
  }

  private announce(
    s: Submission,
    target: VacancyTarget,
    id: string,
    employerUserIds: string[],
  ): Array<NewNotification | UserNotificationRequest> {
    const out: Array<NewNotification | UserNotificationRequest> = [];
    const received = { vacancyTitle: target.title, employerName: target.employerName };
    const dedupeKey = `application:${id}`;
    if (s.migrantUserId) {
      out.push({
        userId: s.migrantUserId,
        template: 'application_received',
        payload: received,
        options: { dedupeKey: `${dedupeKey}:received` },
      });
    } else if (s.phone) {
      out.push({
        channel: 'sms',
        address: s.phone,
        template: 'application_received',
        locale: s.locale,
        payload: received,
        dedupeKey: `${dedupeKey}:received:sms`,
      });
    }
    for (const userId of employerUserIds) {
      out.push({
        userId,
        template: 'new_application',
        payload: {
          vacancyTitle: target.title,
          candidateName: s.candidateName,
          applicationUrl: pageLinks.employerApplication(id),
        },
        options: { dedupeKey: `${dedupeKey}:new:${userId}` },
      });
    }
    return out;
  }

  private async migrantFacts(migrantId: string): Promise<{ name: string; lang: Lang }> {
    const [row] = await this.dataSource.query(
      `SELECT full_name, preferred_language FROM migrants WHERE id = $1 AND status = 'active'`,
      [migrantId],
    );
    if (!row) throw new NotFoundError('Migrant');
    return { name: row.full_name ?? '', lang: toLang(row.preferred_language) };
  }

  private async guard(check: () => Promise<EligibilityResult>): Promise<EligibilityResult | null> {
    try {
      return await check();
    } catch (error) {
      // No rule set (or incomplete stored facts) must not stop an application: it is stored unjudged.
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  private scopeOf(principal: Principal): ApplicationScope {
    if (isStaff(principal)) return { all: true };
    if (principal.kind === 'user' && principal.role === 'migrant' && principal.migrantId) {
      return { migrantId: principal.migrantId };
    }
    if (principal.kind === 'user' && principal.role === 'employer' && principal.employerId) {
      return { employerId: principal.employerId };
    }
    // A user without a profile or company sees nothing rather than everything.
    return { migrantId: '00000000-0000-0000-0000-000000000000' };
  }
}

export function toLang(value: unknown): Lang {
  return (LANGS as readonly string[]).includes(value as string) ? (value as Lang) : 'ru';
}

/** Two vacancies with the same key get the same eligibility answer for one person (on one day). */
export function eligibilityKey(t: VacancyTarget): string {
  return JSON.stringify(eligibilityInput(t));
}

function eligibilityInput(t: VacancyTarget): VacancyEligibilityInput {
  return {
    hostCountry: t.employerCountry,
    region: t.region,
    startDate: t.startDate,
    occupationCode: t.occupationCode,
    // Only a monthly salary compares with the HQS threshold; day or hour rates leave it unknown.
    monthlySalary:
      t.salaryPeriod === 'month' ? { amount: t.salaryMin, currency: t.salaryCurrency } : undefined,
    employerKind: t.employerKind,
    quotaAvailable: t.quotaAvailable,
  };
}

function toDto(r: ApplicationRow): ApplicationDto {
  return {
    id: r.id,
    migrantId: r.migrant_id,
    vacancyId: r.vacancy_id,
    vacancyTitle: r.vacancy_title,
    employerId: r.employer_id,
    employerName: r.employer_name,
    status: r.status,
    source: r.source,
    fairId: r.fair_id,
    termsSnapshotId: r.terms_snapshot_id,
    message: r.message,
    eligibility: r.eligibility,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
