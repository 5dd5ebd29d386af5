import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { DataSource, EntityManager } from 'typeorm';
import { KioskPrincipal, Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { inTransaction } from 'src/database/transaction';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import {
  FIRST_RESPONSE_WORKING_DAYS,
  GRIEVANCE_LANGS,
  GrievanceLang,
  GrievanceState,
  STATE_LABELS,
  URGENT_CATEGORIES,
  URGENT_NOTICE,
  allowedGrievanceTransitions,
  canTransitionGrievance,
  hotlinesFor,
} from 'src/modules/grievances/grievance.types';
import {
  CreateGrievanceDto,
  GrievanceDto,
  GrievanceListQuery,
  GrievanceMessageInputDto,
  GrievanceTransitionDto,
  ReportedTermsDto,
} from 'src/modules/grievances/grievances.dto';
import { GrievanceRow, GrievancesRepository } from 'src/modules/grievances/grievances.repository';
import { compareTerms } from 'src/modules/grievances/terms-comparison';
import { NotificationChannel } from 'src/modules/notifications/notification.entity';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { TemplateName, TemplatePayload } from 'src/modules/notifications/templates/render';
import { pageLinks } from 'src/modules/notifications/links';

type Viewer = 'person' | 'staff' | 'adviser' | 'employer';

interface FilingPlan {
  migrantId: string;
  channel: 'online' | 'kiosk' | 'desk';
  fairId: string | null;
  filedBy: string | null;
  links: {
    employerId: string | null;
    vacancyId: string | null;
    applicationId: string | null;
    placementId: string | null;
    termsSnapshotId: string | null;
    fairId: string | null;
    country: string;
  };
  receivedAt: Date;
  urgent: boolean;
  dueDate: string;
  lang: GrievanceLang;
}

/** `YYYY-MM-DD` in Moscow: the date deadlines are counted in. */
export function moscowDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(at);
}

/** The end of a Moscow day as an instant (Moscow keeps UTC+3 all year). */
export function endOfMoscowDay(date: string): string {
  return new Date(`${date}T23:59:59.999+03:00`).toISOString();
}

export function asLang(value: string | null | undefined): GrievanceLang | undefined {
  const primary = (value ?? '').toLowerCase().split(/[-_]/)[0];
  return (GRIEVANCE_LANGS as readonly string[]).includes(primary) ? (primary as GrievanceLang) : undefined;
}

/**
 * Grievances from filing to closing: who may file and for whom, the links checked against the person, the due
 * date on the production calendar, the state machine with its history, messages, sharing with the employer and
 * its one answer. Texts are encrypted at rest; every read by staff or an adviser is audited.
 */
@Injectable()
export class GrievancesService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: GrievancesRepository,
    private readonly cipher: PiiCipher,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    principal: Principal,
    dto: CreateGrievanceDto,
    acceptLang?: GrievanceLang,
  ): Promise<GrievanceDto> {
    const { migrantId, channel, fairId, filedBy } = await this.filer(principal, dto);
    const person = await this.repository.migrantFacts(migrantId);
    if (!person || person.status !== 'active') throw new NotFoundError('Migrant');
    const links = await this.checkLinks(migrantId, dto, principal.kind === 'kiosk' ? principal.fairId : null);

    let receivedAt = new Date();
    if (dto.receivedAt) {
      if (!(principal.kind === 'user' && isStaff(principal))) {
        throw ValidationError.field('receivedAt', 'only staff typing in a paper form may give it');
      }
      receivedAt = new Date(dto.receivedAt);
      if (receivedAt.getTime() > Date.now() + 60_000) {
        throw ValidationError.field('receivedAt', 'must not be in the future');
      }
    }
    const urgent = URGENT_CATEGORIES.includes(dto.category);
    const dueDate = await this.dueDate(receivedAt, urgent);
    const lang = dto.lang ?? acceptLang ?? asLang(person.preferredLanguage) ?? 'ru';
    const plan: FilingPlan = {
      migrantId,
      channel,
      fairId,
      filedBy,
      links,
      receivedAt,
      urgent,
      dueDate,
      lang,
    };
    return inTransaction(this.dataSource, async (manager) =>
      answerInTransaction(manager, await this.write(manager, principal, dto, plan)),
    );
  }

  /**
   * A kiosk visitor registered in the caller's transaction reports a problem: a new profile has no application,
   * placement, employer or vacancy to name (422), and the help numbers are those of the fair's country. The
   * caller completes the request's Idempotency-Key with its own answer.
   */
  async createForNewVisitor(
    manager: EntityManager,
    kiosk: KioskPrincipal,
    migrantId: string,
    dto: CreateGrievanceDto,
    lang: GrievanceLang,
  ): Promise<GrievanceDto> {
    const linked = (['applicationId', 'placementId', 'employerId', 'vacancyId'] as const).find((f) => dto[f]);
    if (linked) {
      throw new DomainError(ErrorCode.UnprocessableEntity, 'A visitor registered now has nothing to link', {
        errors: [{ field: linked, message: 'a new profile has no applications or placements' }],
      });
    }
    if (dto.receivedAt)
      throw ValidationError.field('receivedAt', 'only staff typing in a paper form may give it');
    if (dto.fairId && dto.fairId !== kiosk.fairId)
      throw ValidationError.field('fairId', 'is the kiosk’s fair');
    const receivedAt = new Date();
    const urgent = URGENT_CATEGORIES.includes(dto.category);
    const links = {
      employerId: null,
      vacancyId: null,
      applicationId: null,
      placementId: null,
      termsSnapshotId: null,
      fairId: null,
      country: await this.fairCountry(kiosk.fairId),
    };
    const plan: FilingPlan = {
      migrantId,
      channel: 'kiosk',
      fairId: kiosk.fairId,
      filedBy: null,
      links,
      receivedAt,
      urgent,
      dueDate: await this.dueDate(receivedAt, urgent),
      lang: dto.lang ?? lang,
    };
    return this.write(manager, kiosk, dto, plan);
  }

  /** The help numbers of the kiosk's fair's host country in a language, for the kiosk to keep offline. */
  async kioskHotlines(kiosk: KioskPrincipal, lang: GrievanceLang) {
    const country = await this.fairCountry(kiosk.fairId);
    return {
      country,
      lang,
      urgentCategories: [...URGENT_CATEGORIES],
      urgentNotice: URGENT_NOTICE[lang],
      items: hotlinesFor(country, lang, this.config.legalHelpPhones),
    };
  }

  /** Due the same Moscow day when urgent, else the working days of the production calendar later. */
  private async dueDate(receivedAt: Date, urgent: boolean): Promise<string> {
    const filedOn = moscowDate(receivedAt);
    if (urgent) return filedOn;
    try {
      return await this.calendar.addWorkingDays(filedOn, FIRST_RESPONSE_WORKING_DAYS, 'RU');
    } catch (error) {
      throw ValidationError.field('receivedAt', (error as Error).message);
    }
  }

  private async write(
    manager: EntityManager,
    principal: Principal,
    dto: CreateGrievanceDto,
    plan: FilingPlan,
  ): Promise<GrievanceDto> {
    const { migrantId, channel, fairId, filedBy, links, receivedAt, urgent, dueDate, lang } = plan;
    const id = await this.repository.insert(manager, {
      migrantId,
      category: dto.category,
      descriptionEnc: this.cipher.encrypt(dto.description.trim()),
      reportedTermsEnc: dto.reportedTerms ? this.cipher.encrypt(JSON.stringify(dto.reportedTerms)) : null,
      iloIndicators: dto.iloIndicators ?? [],
      ...links,
      anonymousToEmployer: dto.anonymousToEmployer ?? false,
      urgent,
      channel,
      fairId: fairId ?? links.fairId,
      filedBy,
      // An adviser who files from a consultation keeps the case.
      assignedAdviserId:
        principal.kind === 'user' && principal.role === 'legal_adviser' ? principal.userId : null,
      receivedAt,
      dueDate,
    });
    await this.repository.insertTransition(manager, {
      grievanceId: id,
      from: null,
      to: 'received',
      actorId: filedBy,
      actorRole: principal.kind === 'kiosk' ? 'kiosk' : principal.role,
      noteEnc: null,
      referralBody: null,
      referralName: null,
    });
    const row = (await this.repository.find(id, manager))!;
    const view = this.view(row, 'person', lang, links.country);
    // The advertised terms beside the reported ones, as the detail shows them.
    const comparison = await this.comparison(row, view.reportedTerms);
    return { ...view, comparison, history: [], messages: [] };
  }

  async get(principal: Principal, id: string, lang?: GrievanceLang): Promise<GrievanceDto> {
    const row = await this.repository.find(id);
    const viewer = row && this.viewerOf(principal, row);
    if (!row || !viewer) throw new NotFoundError('Grievance');
    await this.auditRead(principal, viewer, id, 'grievance.read');
    const person = await this.repository.migrantFacts(row.migrantId);
    const language = lang ?? asLang(person?.preferredLanguage) ?? 'ru';
    const country = row.employerId
      ? ((await this.repository.employerCountry(row.employerId)) ?? 'RU')
      : row.channel === 'kiosk' && row.fairId
        ? await this.fairCountry(row.fairId)
        : 'RU';
    const view = this.view(row, viewer, language, country);
    if (viewer === 'employer') {
      // The employer sees what staff shared: never who filed an anonymous grievance, nor the inner history.
      return {
        ...view,
        personName: row.anonymousToEmployer ? null : (person?.fullName ?? null),
        hotlines: [],
        urgentNotice: null,
      };
    }
    const history = await this.repository.history(id);
    const messages = await this.repository.messages(id);
    const comparison = await this.comparison(row, view.reportedTerms);
    const out: GrievanceDto = {
      ...view,
      comparison,
      history: history.map((h) => ({
        from: h.from,
        to: h.to,
        actorRole: h.actorRole,
        note: h.noteEnc ? this.cipher.decrypt(h.noteEnc) : null,
        referral: h.referralBody ? { body: h.referralBody, name: h.referralName ?? '' } : null,
        at: h.at,
      })),
      messages: messages.map((m) => ({
        id: m.id,
        authorRole: m.authorRole,
        body: m.bodyEnc ? this.cipher.decrypt(m.bodyEnc) : null,
        at: m.at,
      })),
    };
    if (viewer !== 'person' && row.employerId) {
      out.employerSubstantiated = await this.repository.substantiatedCount(row.employerId);
    }
    return out;
  }

  async list(principal: Principal, query: GrievanceListQuery): Promise<Page<GrievanceDto>> {
    if (principal.kind !== 'user')
      throw new DomainError(ErrorCode.Forbidden, 'A kiosk does not list grievances');
    const filter = {
      state: query.state,
      category: query.category,
      urgent: query.urgent,
      overdue: query.overdue,
      fairId: query.fairId,
      employerId: query.employerId,
      migrantId: query.migrantId,
      sharedOnly: false,
      assignedAdviserId: undefined as string | undefined,
    };
    let viewer: Viewer;
    if (isStaff(principal)) viewer = 'staff';
    else if (principal.role === 'migrant' && principal.migrantId) {
      viewer = 'person';
      filter.migrantId = principal.migrantId;
      filter.employerId = undefined;
    } else if (principal.role === 'employer' && principal.employerId) {
      if (query.employerId && query.employerId !== principal.employerId) throw new NotFoundError('Employer');
      viewer = 'employer';
      filter.employerId = principal.employerId;
      filter.migrantId = undefined;
      filter.sharedOnly = true;
    } else if (principal.role === 'legal_adviser') {
      // An adviser's list holds only the grievances staff assigned to them (or that they filed from a consultation).
      viewer = 'adviser';
      filter.assignedAdviserId = principal.userId;
    } else throw new DomainError(ErrorCode.Forbidden, 'No grievances for this user');

    const { items, total } = await this.repository.list(
      filter,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    if ((viewer === 'staff' || viewer === 'adviser') && items.length) {
      await this.repository.writeAudit(undefined, {
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'grievance.list',
        subjectId: items[0].id,
        reason: `${items.length} grievances listed`,
      });
    }
    const lang = query.lang ?? 'ru';
    return pageOf(
      items.map((row) => {
        const v = this.view(row, viewer, lang, 'RU');
        // The queue shows no texts; the detail does (and is audited per grievance).
        const listed = { ...v, description: viewer === 'person' ? v.description : null, reportedTerms: null };
        if (viewer === 'employer' && row.anonymousToEmployer) listed.migrantId = null;
        return listed;
      }),
      total,
      query,
    );
  }

  async transition(principal: UserPrincipal, id: string, dto: GrievanceTransitionDto): Promise<GrievanceDto> {
    if (dto.to === 'referred' && !dto.referral) {
      throw ValidationError.field('referral', 'is required with to=referred');
    }
    if (dto.to !== 'referred' && dto.referral)
      throw ValidationError.field('referral', 'only with to=referred');
    if (dto.to === 'resolved' && !dto.outcome)
      throw ValidationError.field('outcome', 'is required with to=resolved');
    if (dto.to !== 'resolved' && dto.outcome) throw ValidationError.field('outcome', 'only with to=resolved');

    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lock(manager, id);
      const viewer = row && this.viewerOf(principal, row);
      if (!row || !viewer || viewer === 'person' || viewer === 'employer')
        throw new NotFoundError('Grievance');
      if (!canTransitionGrievance(row.state, dto.to)) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `A grievance cannot go from ${row.state} to ${dto.to}`,
          {
            currentState: row.state,
            allowed: allowedGrievanceTransitions(row.state),
          },
        );
      }
      const closes = dto.to === 'referred' || dto.to === 'resolved' || dto.to === 'rejected';
      await this.repository.setState(manager, id, dto.to, dto.outcome ?? null, closes);
      const note = [dto.note, dto.referral?.note].filter(Boolean).join('\n\n');
      await this.repository.insertTransition(manager, {
        grievanceId: id,
        from: row.state,
        to: dto.to,
        actorId: principal.userId,
        actorRole: principal.role,
        noteEnc: note ? this.cipher.encrypt(note) : null,
        referralBody: dto.referral?.body ?? null,
        referralName: dto.referral?.name.trim() ?? null,
      });
      await this.notifyPerson(manager, row.migrantId, id, dto.to, `grievance:${id}:${dto.to}`);
      const fresh = (await this.repository.find(id, manager))!;
      return answerInTransaction(manager, this.view(fresh, 'staff', 'en', 'RU'));
    });
  }

  /** Staff (or the assigned adviser) write to the person; the person may answer in the same thread. */
  async addMessage(principal: UserPrincipal, id: string, dto: GrievanceMessageInputDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lock(manager, id);
      const viewer = row && this.viewerOf(principal, row);
      if (!row || !viewer || viewer === 'employer') throw new NotFoundError('Grievance');
      if (row.erasedAt)
        throw new DomainError(ErrorCode.Conflict, 'This grievance was erased with the person’s data');
      const messageId = await this.repository.insertMessage(manager, {
        grievanceId: id,
        authorId: principal.userId,
        authorRole: viewer === 'person' ? 'migrant' : principal.role,
        bodyEnc: this.cipher.encrypt(dto.body.trim()),
      });
      if (viewer !== 'person') {
        await this.repository.markFirstResponse(manager, id);
        await this.notifyPerson(manager, row.migrantId, id, null, `grievance-message:${messageId}`);
      }
      return answerInTransaction(manager, {
        id: messageId,
        authorRole: viewer === 'person' ? 'migrant' : principal.role,
        body: dto.body.trim(),
        at: new Date(),
      });
    });
  }

  /** Staff assign a legal adviser, who may then read, message and move the grievance. */
  async assign(principal: UserPrincipal, id: string, adviserId: string): Promise<GrievanceDto> {
    if (!(await this.repository.isAdviser(adviserId))) {
      throw new DomainError(ErrorCode.UnprocessableEntity, 'This user is not a legal adviser', {
        errors: [{ field: 'adviserId', message: 'is not an active legal adviser' }],
      });
    }
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lock(manager, id);
      if (!row || !isStaff(principal)) throw new NotFoundError('Grievance');
      await this.repository.assign(manager, id, adviserId);
      const fresh = (await this.repository.find(id, manager))!;
      return answerInTransaction(manager, this.view(fresh, 'staff', 'en', 'RU'));
    });
  }

  async share(principal: UserPrincipal, id: string): Promise<GrievanceDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lock(manager, id);
      if (!row || !isStaff(principal)) throw new NotFoundError('Grievance');
      if (!row.employerId)
        throw new DomainError(ErrorCode.UnprocessableEntity, 'This grievance names no employer');
      if (!row.sharedWithEmployerAt) {
        await this.repository.share(manager, id);
        for (const userId of await this.repository.userIdsOfEmployer(manager, row.employerId)) {
          await this.notifications.notifyUser(
            manager,
            userId,
            'grievance_shared',
            { grievanceUrl: pageLinks.employerGrievance(id), category: row.category },
            undefined,
            { dedupeKey: `grievance-shared:${id}:${userId}` },
          );
        }
      }
      const fresh = (await this.repository.find(id, manager))!;
      return answerInTransaction(manager, this.view(fresh, 'staff', 'en', 'RU'));
    });
  }

  /** The employer's one answer to a grievance staff shared with it. */
  async employerAnswer(
    principal: UserPrincipal,
    id: string,
    dto: GrievanceMessageInputDto,
  ): Promise<GrievanceDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lock(manager, id);
      if (!row || this.viewerOf(principal, row) !== 'employer') throw new NotFoundError('Grievance');
      if (row.employerAnsweredAt) {
        throw new DomainError(ErrorCode.Conflict, 'The employer has answered this grievance already');
      }
      await this.repository.setEmployerAnswer(manager, id, this.cipher.encrypt(dto.body.trim()));
      const fresh = (await this.repository.find(id, manager))!;
      const view = this.view(fresh, 'employer', 'ru', 'RU');
      return answerInTransaction(manager, view);
    });
  }

  // --- helpers ---

  private async filer(
    principal: Principal,
    dto: CreateGrievanceDto,
  ): Promise<{
    migrantId: string;
    channel: 'online' | 'kiosk' | 'desk';
    fairId: string | null;
    filedBy: string | null;
  }> {
    if (principal.kind === 'kiosk') {
      if (!dto.migrantId)
        throw ValidationError.field('migrantId', 'is required at a kiosk (from the check-in)');
      if (dto.fairId && dto.fairId !== principal.fairId)
        throw ValidationError.field('fairId', 'is the kiosk’s fair');
      // A kiosk acts only for visitors of its own fair.
      if (!(await this.repository.attendedFair(dto.migrantId, principal.fairId)))
        throw new NotFoundError('Migrant');
      return { migrantId: dto.migrantId, channel: 'kiosk', fairId: principal.fairId, filedBy: null };
    }
    if (principal.role === 'migrant') {
      if (!principal.migrantId)
        throw new DomainError(ErrorCode.Forbidden, 'This login has no migrant profile');
      if (dto.migrantId && dto.migrantId !== principal.migrantId) throw new NotFoundError('Migrant');
      if (dto.fairId) throw ValidationError.field('fairId', 'only at the fair’s desk');
      return { migrantId: principal.migrantId, channel: 'online', fairId: null, filedBy: principal.userId };
    }
    if (isStaff(principal) || principal.role === 'legal_adviser') {
      if (!dto.migrantId)
        throw ValidationError.field('migrantId', 'is required when filing on a person’s behalf');
      // An adviser files only for the people who consulted them; anyone else is not theirs to know.
      if (
        principal.role === 'legal_adviser' &&
        !(await this.repository.consultedAdviser(dto.migrantId, principal.userId))
      ) {
        throw new NotFoundError('Migrant');
      }
      return {
        migrantId: dto.migrantId,
        channel: 'desk',
        fairId: dto.fairId ?? null,
        filedBy: principal.userId,
      };
    }
    throw new DomainError(ErrorCode.Forbidden, 'Employers do not file grievances');
  }

  /** A person points only at their own application, placement, and the vacancies and employers they applied to. */
  private async checkLinks(migrantId: string, dto: CreateGrievanceDto, kioskFairId: string | null) {
    let employerId = dto.employerId ?? null;
    let vacancyId = dto.vacancyId ?? null;
    let applicationId = dto.applicationId ?? null;
    let snapshotId: string | null = null;
    let fairId: string | null = null;
    const mismatch = (field: string) =>
      new DomainError(ErrorCode.UnprocessableEntity, `${field} does not belong to the linked application`, {
        errors: [{ field, message: 'does not match the linked application or placement' }],
      });
    if (dto.placementId) {
      const p = await this.repository.placement(dto.placementId);
      if (!p || p.migrantId !== migrantId) throw new NotFoundError('Placement');
      if (applicationId && applicationId !== p.applicationId) throw mismatch('applicationId');
      applicationId = p.applicationId;
      snapshotId = p.termsSnapshotId;
    }
    if (applicationId) {
      const a = await this.repository.application(applicationId);
      if (!a || a.migrantId !== migrantId) throw new NotFoundError('Application');
      if (vacancyId && vacancyId !== a.vacancyId) throw mismatch('vacancyId');
      if (employerId && employerId !== a.employerId) throw mismatch('employerId');
      vacancyId = a.vacancyId;
      employerId = a.employerId;
      snapshotId = snapshotId ?? a.termsSnapshotId;
      fairId = a.fairId;
    } else if (vacancyId || employerId) {
      if (vacancyId) {
        const v = await this.repository.vacancyEmployer(vacancyId);
        if (!v) throw new NotFoundError('Vacancy');
        if (employerId && employerId !== v.employerId) {
          throw new DomainError(ErrorCode.UnprocessableEntity, 'The vacancy is not this employer’s', {
            errors: [{ field: 'vacancyId', message: 'belongs to another employer' }],
          });
        }
        employerId = v.employerId;
      }
      if (
        !(await this.repository.migrantAppliedTo(migrantId, {
          vacancyId: vacancyId ?? undefined,
          employerId: employerId!,
        }))
      ) {
        throw new DomainError(
          ErrorCode.UnprocessableEntity,
          'A grievance may name only an employer or vacancy the person applied to',
          {
            errors: [
              {
                field: vacancyId ? 'vacancyId' : 'employerId',
                message: 'the person has no application here',
              },
            ],
          },
        );
      }
    }
    // Without an employer a kiosk report takes the help numbers of the fair's country (Russia elsewhere).
    const country = employerId
      ? ((await this.repository.employerCountry(employerId)) ?? 'RU')
      : kioskFairId
        ? await this.fairCountry(kioskFairId)
        : 'RU';
    return {
      employerId,
      vacancyId,
      applicationId,
      placementId: dto.placementId ?? null,
      termsSnapshotId: snapshotId,
      fairId,
      country,
    };
  }

  /** The host country of a fair: the country of its region (`TJ-SU` → `TJ`). */
  private async fairCountry(fairId: string): Promise<string> {
    const region = await this.repository.fairRegion(fairId);
    if (!region) return 'RU';
    return this.catalog.region(region)?.country ?? region.slice(0, 2);
  }

  private viewerOf(principal: Principal, row: GrievanceRow): Viewer | null {
    if (principal.kind !== 'user') return null;
    if (isStaff(principal)) return 'staff';
    if (principal.role === 'migrant' && principal.migrantId === row.migrantId) return 'person';
    if (principal.role === 'legal_adviser' && row.assignedAdviserId === principal.userId) return 'adviser';
    if (
      principal.role === 'employer' &&
      principal.employerId &&
      principal.employerId === row.employerId &&
      row.sharedWithEmployerAt
    ) {
      return 'employer';
    }
    return null;
  }

  private async auditRead(principal: Principal, viewer: Viewer, id: string, action: string): Promise<void> {
    if (principal.kind !== 'user' || (viewer !== 'staff' && viewer !== 'adviser')) return;
    await this.repository.writeAudit(undefined, {
      actorId: principal.userId,
      actorRole: principal.role,
      action,
      subjectId: id,
    });
  }

  private async comparison(row: GrievanceRow, reported: ReportedTermsDto | null) {
    if (!row.termsSnapshotId) return null;
    const snapshot = await this.repository.snapshot(row.termsSnapshotId);
    if (!snapshot) return null;
    const terms = compareTerms(snapshot.terms, reported);
    return {
      snapshotId: snapshot.id,
      vacancyId: snapshot.vacancyId,
      terms,
      differing: terms.filter((t) => t.differs).map((t) => t.term),
    };
  }

  private view(row: GrievanceRow, viewer: Viewer, lang: GrievanceLang, country: string): GrievanceDto {
    const hotlines = row.urgent ? hotlinesFor(country, lang, this.config.legalHelpPhones) : [];
    return {
      id: row.id,
      state: row.state,
      stateLabel: STATE_LABELS[lang][row.state],
      category: row.category,
      urgent: row.urgent,
      dueDate: row.dueDate,
      dueAt: endOfMoscowDay(row.dueDate),
      overdue: row.overdue,
      migrantId: viewer === 'employer' && row.anonymousToEmployer ? null : row.migrantId,
      description: row.descriptionEnc ? this.cipher.decrypt(row.descriptionEnc) : null,
      iloIndicators: row.iloIndicators,
      reportedTerms: row.reportedTermsEnc
        ? (JSON.parse(this.cipher.decrypt(row.reportedTermsEnc)) as ReportedTermsDto)
        : null,
      employerId: row.employerId,
      vacancyId: row.vacancyId,
      applicationId: viewer === 'employer' && row.anonymousToEmployer ? null : row.applicationId,
      placementId: viewer === 'employer' && row.anonymousToEmployer ? null : row.placementId,
      anonymousToEmployer: row.anonymousToEmployer,
      channel: row.channel,
      fairId: row.fairId,
      assignedAdviserId: viewer === 'employer' ? null : row.assignedAdviserId,
      outcome: row.outcome,
      receivedAt: row.receivedAt,
      firstResponseAt: row.firstResponseAt,
      closedAt: row.closedAt,
      sharedWithEmployer: row.sharedWithEmployerAt !== null,
      employerAnswer: row.employerAnswerEnc ? this.cipher.decrypt(row.employerAnswerEnc) : null,
      employerAnsweredAt: row.employerAnsweredAt,
      hotlines,
      urgentNotice: row.urgent ? URGENT_NOTICE[lang] : null,
      erasedAt: row.erasedAt,
    };
  }

  /** In-app, e-mail and SMS to the person's login in their language; an SMS to the profile phone without one. */
  private async notifyPerson(
    manager: EntityManager,
    migrantId: string,
    grievanceId: string,
    state: GrievanceState | null,
    dedupeKey: string,
  ): Promise<void> {
    const template: TemplateName = state ? 'grievance_state_changed' : 'grievance_message';
    const person = await this.repository.migrantFacts(migrantId, manager);
    if (!person || person.status !== 'active') return;
    const lang = asLang(person.preferredLanguage) ?? 'ru';
    const payload: TemplatePayload = {
      stateLabel: state ? STATE_LABELS[lang][state] : '',
      grievanceUrl: pageLinks.migrantGrievance(grievanceId),
    };
    // The person's pick (in-app only, SMS or e-mail) besides the in-app thread; none picked: every channel.
    const channels: NotificationChannel[] | undefined = person.grievanceChannel
      ? [...new Set<NotificationChannel>(['in_app', person.grievanceChannel])]
      : undefined;
    const userId = await this.repository.userIdOfMigrant(manager, migrantId);
    // A person's login holds no e-mail; the one on the profile carries what they asked to get by e-mail.
    if (person.grievanceChannel === 'email' && person.email) {
      await this.notifications.enqueue(manager, {
        channel: 'email',
        address: person.email,
        ...(userId ? { recipientUserId: userId } : {}),
        template,
        locale: lang,
        payload: { recipientName: person.fullName ?? '', ...payload },
        dedupeKey: `${dedupeKey}:email`,
      });
    }
    if (userId) {
      await this.notifications.notifyUser(manager, userId, template, payload, channels, { dedupeKey });
      return;
    }
    if (person.phone && (!channels || channels.includes('sms'))) {
      await this.notifications.enqueue(manager, {
        channel: 'sms',
        address: person.phone,
        template,
        locale: lang,
        payload: { recipientName: person.fullName ?? '', ...payload },
        dedupeKey: `${dedupeKey}:sms`,
      });
    }
  }
}
