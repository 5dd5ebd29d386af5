import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { EmployerEntity } from 'src/modules/employers/employer.entity';
import { EmployerRepository } from 'src/modules/employers/employer.repository';
import { EmployersService } from 'src/modules/employers/employers.service';
import { vacancyMinimumWageView } from 'src/modules/reference/minimum-wage.dto';
import { LabelLang, ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import {
  CreateVacancyDto,
  Currency,
  TermsSnapshotDto,
  UpdateVacancyDto,
  VacancyDto,
  VacancyListQuery,
  WorkingTimeDto,
} from 'src/modules/vacancies/vacancies.dto';
import {
  Schedule,
  VacancyEntity,
  VacancyStatus,
  VacancyTermsSnapshotEntity,
} from 'src/modules/vacancies/vacancy.entity';
import {
  assertDraftValid,
  assertPublishable,
  canonicalJson,
  termsOf,
  vacancyMinimumWage,
} from 'src/modules/vacancies/vacancy.policy';
import {
  WorkingTime,
  defaultWorkingTime,
  workingTimeOf,
  workingTimeView,
} from 'src/modules/vacancies/working-time';
import { VacancyRepository, VacancyWithEmployer } from 'src/modules/vacancies/vacancy.repository';

const langOf = (query: VacancyListQuery): LabelLang => (query.lang as LabelLang | undefined) ?? 'ru';

/** Statuses anyone may read; drafts and paused vacancies only their employer and staff. */
export const PUBLIC_VACANCY_STATUSES: VacancyStatus[] = ['published', 'closed', 'filled'];

const TRANSITIONS: Record<'publish' | 'pause' | 'close', VacancyStatus[]> = {
  publish: ['draft', 'paused'],
  pause: ['published'],
  close: ['draft', 'published', 'paused'],
};

@Injectable()
export class VacanciesService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly vacancies: VacancyRepository,
    private readonly employerRepo: EmployerRepository,
    private readonly employers: EmployersService,
    private readonly outbox: OutboxService,
  ) {}

  // --- for other modules ---

  /** The vacancy with its employer, or null; no visibility check (callers decide). */
  findWithEmployer(id: string, manager?: EntityManager): Promise<VacancyWithEmployer | null> {
    return this.vacancies.findWithEmployer(id, manager);
  }

  findTermsSnapshot(id: string, manager?: EntityManager): Promise<VacancyTermsSnapshotEntity | null> {
    return this.vacancies.findSnapshot(id, manager);
  }

  /** May this principal manage (edit, publish, see drafts of) the vacancy? */
  canManage(principal: Principal | undefined, vacancy: Pick<VacancyEntity, 'employerId'>): boolean {
    if (isStaff(principal)) return true;
    return principal?.kind === 'user' && principal.employerId === vacancy.employerId;
  }

  // --- routes ---

  async create(principal: Principal, dto: CreateVacancyDto): Promise<VacancyDto> {
    const employerId = this.ownEmployerId(principal);
    const fields = this.fromDto(dto);
    assertDraftValid(fields as VacancyEntity, this.catalog);
    return inTransaction(this.dataSource, async (manager) => {
      const created = await this.vacancies.insert(manager, {
        ...fields,
        employerId,
        status: 'draft',
        version: 1,
      });
      await this.announce(manager, created.id);
      return this.answer(manager, created.id);
    });
  }

  async get(principal: Principal | undefined, id: string): Promise<VacancyDto> {
    const found = await this.vacancies.findWithEmployer(id);
    if (!found || !this.canSee(principal, found.vacancy)) throw new NotFoundError('Vacancy');
    return this.toDto(found);
  }

  async snapshots(principal: Principal | undefined, id: string): Promise<TermsSnapshotDto[]> {
    await this.get(principal, id);
    return (await this.vacancies.findSnapshots(id)).map((s) => ({
      id: s.id,
      vacancyId: s.vacancyId,
      seq: s.seq,
      vacancyVersion: s.vacancyVersion,
      terms: s.terms,
      createdAt: s.createdAt.toISOString(),
    }));
  }

  async list(principal: Principal | undefined, query: VacancyListQuery): Promise<Page<VacancyDto>> {
    const offset = (query.page - 1) * query.pageSize;
    if (!query.mine) {
      if (query.status) throw ValidationError.field('status', 'is allowed only with mine=true');
      const { rows, total, totalRelation } = await this.vacancies.findPublishedPage(
        query,
        offset,
        query.pageSize,
      );
      return pageOf(
        rows.map(({ vacancy, employerName }) =>
          this.toDto(
            { vacancy, employer: { id: vacancy.employerId, name: employerName } },
            langOf(query),
            true,
          ),
        ),
        total,
        query,
        totalRelation,
      );
    }
    if (principal?.kind !== 'user' || !principal.employerId) {
      throw ValidationError.field('mine', 'is for employer users only');
    }
    const [rows, total] = await this.vacancies.findByEmployerPage(
      principal.employerId,
      query.status as VacancyStatus | undefined,
      offset,
      query.pageSize,
    );
    const employers = new Map(
      (await this.employerRepo.findByIds([...new Set(rows.map((v) => v.employerId))])).map((e) => [e.id, e]),
    );
    return pageOf(
      rows.map((vacancy) =>
        this.toDto({ vacancy, employer: employers.get(vacancy.employerId)! }, langOf(query), true),
      ),
      total,
      query,
    );
  }

  async update(
    principal: Principal,
    id: string,
    dto: UpdateVacancyDto,
    ifMatch: string | undefined,
  ): Promise<VacancyDto> {
    const expected = this.expectedVersion(dto.version, ifMatch);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.lockManaged(manager, principal, id);
      if (current.version !== expected) {
        throw new DomainError(
          ErrorCode.StaleVersion,
          `The vacancy is at version ${current.version}, not ${expected}; reload and try again`,
          { currentVersion: current.version },
        );
      }
      if (current.status === 'closed' || current.status === 'filled') {
        throw new DomainError(ErrorCode.InvalidTransition, `A ${current.status} vacancy cannot be edited`);
      }
      const patch = this.patchFromDto(dto);
      const schedule = patch.schedule ?? current.schedule;
      // Working time is replaced as a whole; a new schedule without one takes the schedule's default.
      if (dto.workingTime != null || schedule !== current.schedule) {
        Object.assign(patch, this.workingTimeFields(schedule, dto.workingTime));
      }
      const next = { ...current, ...patch } as VacancyEntity;
      assertDraftValid(next, this.catalog);
      // A live vacancy must stay publishable; its new terms get a snapshot of their own.
      if (current.status === 'published') {
        assertPublishable(next, new Date(), this.catalog);
        patch.currentTermsSnapshotId = await this.snapshotIfChanged(manager, {
          ...next,
          version: current.version + 1,
        });
      }
      await this.vacancies.update(manager, current, patch);
      await this.announce(manager, id);
      return this.answer(manager, id);
    });
  }

  async publish(principal: Principal, id: string): Promise<VacancyDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.lockManaged(manager, principal, id);
      this.assertTransition(current, 'publish');
      await this.employers.requireVerified(current.employerId);
      assertPublishable(current, new Date(), this.catalog);
      const snapshotId = await this.snapshotIfChanged(manager, { ...current, version: current.version + 1 });
      await this.vacancies.update(manager, current, {
        status: 'published',
        currentTermsSnapshotId: snapshotId,
        publishedAt: current.publishedAt ?? new Date(),
      });
      await this.announce(manager, id);
      return this.answer(manager, id);
    });
  }

  async pause(principal: Principal, id: string): Promise<VacancyDto> {
    return this.simpleTransition(principal, id, 'pause', 'paused');
  }

  async close(principal: Principal, id: string, filled: boolean): Promise<VacancyDto> {
    return this.simpleTransition(principal, id, 'close', filled ? 'filled' : 'closed');
  }

  // --- internals ---

  private async simpleTransition(
    principal: Principal,
    id: string,
    action: 'pause' | 'close',
    to: VacancyStatus,
  ): Promise<VacancyDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.lockManaged(manager, principal, id);
      this.assertTransition(current, action);
      await this.vacancies.update(manager, current, { status: to });
      await this.announce(manager, id);
      return this.answer(manager, id);
    });
  }

  private assertTransition(v: VacancyEntity, action: keyof typeof TRANSITIONS): void {
    if (!TRANSITIONS[action].includes(v.status)) {
      throw new DomainError(ErrorCode.InvalidTransition, `Cannot ${action} a ${v.status} vacancy`, {
        currentStatus: v.status,
      });
    }
  }

  /** A new snapshot when the terms differ from the current one; returns the id now in force. */
  private async snapshotIfChanged(manager: EntityManager, v: VacancyEntity): Promise<string> {
    const terms = termsOf(v);
    if (v.currentTermsSnapshotId) {
      const current = await this.vacancies.findSnapshot(v.currentTermsSnapshotId, manager);
      if (current && canonicalJson(current.terms) === canonicalJson(terms)) return current.id;
    }
    return (await this.vacancies.insertSnapshot(manager, v.id, v.version, terms)).id;
  }

  private announce(manager: EntityManager, vacancyId: string): Promise<void> {
    return this.outbox.add(manager, { job: JobName.SearchIndexVacancy, payload: { vacancyId } });
  }

  private async lockManaged(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<VacancyEntity> {
    const v = await this.vacancies.findByIdForUpdate(manager, id);
    if (!v || !this.canManage(principal, v)) throw new NotFoundError('Vacancy');
    return v;
  }

  private canSee(principal: Principal | undefined, v: VacancyEntity): boolean {
    return PUBLIC_VACANCY_STATUSES.includes(v.status) || this.canManage(principal, v);
  }

  private ownEmployerId(principal: Principal): string {
    if (principal.kind !== 'user' || !principal.employerId) {
      throw new DomainError(ErrorCode.Forbidden, 'Only an employer user can create vacancies');
    }
    return principal.employerId;
  }

  private expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
    if (ifMatch !== undefined) {
      const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
      if (!m) throw ValidationError.field('If-Match', 'must be the vacancy version, e.g. "3"');
      const v = Number(m[1]);
      if (bodyVersion !== undefined && bodyVersion !== v) {
        throw ValidationError.field('version', 'differs from If-Match');
      }
      return v;
    }
    if (bodyVersion === undefined) {
      throw ValidationError.field('version', 'is required (or send If-Match) to avoid overwriting changes');
    }
    return bodyVersion;
  }

  /**
   * The vacancy as the response shows it, read in the transaction that changed it; the request's Idempotency-Key
   * completes with it there, so a retry after a crash gets this answer instead of a second run.
   */
  private async answer(manager: EntityManager, id: string): Promise<VacancyDto> {
    const found = await this.vacancies.findWithEmployer(id, manager);
    if (!found) throw new NotFoundError('Vacancy');
    return answerInTransaction(manager, this.toDto(found));
  }

  private fromDto(dto: CreateVacancyDto): Partial<VacancyEntity> {
    return {
      title: dto.title.trim(),
      description: dto.description,
      occupationCode: dto.occupationCode,
      region: dto.region,
      city: dto.city.trim(),
      address: dto.address?.trim() ?? null,
      lat: dto.location?.lat ?? null,
      lng: dto.location?.lng ?? null,
      ...this.salaryFields(dto.salary),
      positions: dto.positions,
      schedule: dto.schedule,
      ...this.workingTimeFields(dto.schedule, dto.workingTime),
      startDate: dto.startDate,
      endDate: dto.endDate ?? null,
      housingProvided: dto.housing.provided,
      housingCost: dto.housing.provided ? (dto.housing.costPerMonth ?? 0) : null,
      meals: dto.meals ?? false,
      requirements: { ...dto.requirements },
      foreignersAccepted: dto.foreignersAccepted,
      quotaAvailable: dto.quotaAvailable ?? false,
      workerCosts: dto.workerCosts.map((c) => ({
        item: c.item,
        amount: c.amount,
        ...(c.note ? { note: c.note } : {}),
      })),
    };
  }

  /** As stated, or the schedule's default when not stated (working-time.ts). */
  private workingTimeFields(schedule: Schedule, wt: WorkingTimeDto | undefined | null): WorkingTime {
    if (!wt) return defaultWorkingTime(schedule);
    return {
      hoursPerWeek: wt.hoursPerWeek ?? null,
      shiftHours: wt.shiftHours ?? null,
      shiftsPerMonth: wt.shiftsPerMonth ?? null,
    };
  }

  private salaryFields(s: CreateVacancyDto['salary']): Partial<VacancyEntity> {
    return {
      salaryMin: s.min,
      salaryMax: s.max ?? null,
      salaryCurrency: s.currency,
      salaryPeriod: s.period,
      salaryGross: s.gross,
    };
  }

  /** Only the fields present (and not null) change; address and location may be cleared with null. */
  private patchFromDto(dto: UpdateVacancyDto): Partial<VacancyEntity> {
    const p: Partial<VacancyEntity> = {};
    if (dto.title != null) p.title = dto.title.trim();
    if (dto.description != null) p.description = dto.description;
    if (dto.occupationCode != null) p.occupationCode = dto.occupationCode;
    if (dto.region != null) p.region = dto.region;
    if (dto.city != null) p.city = dto.city.trim();
    if (dto.address !== undefined) p.address = dto.address?.trim() ?? null;
    if (dto.location !== undefined) {
      p.lat = dto.location?.lat ?? null;
      p.lng = dto.location?.lng ?? null;
    }
    if (dto.salary != null) Object.assign(p, this.salaryFields(dto.salary));
    if (dto.positions != null) p.positions = dto.positions;
    if (dto.schedule != null) p.schedule = dto.schedule;
    if (dto.startDate != null) p.startDate = dto.startDate;
    if (dto.endDate !== undefined) p.endDate = dto.endDate ?? null;
    if (dto.housing != null) {
      p.housingProvided = dto.housing.provided;
      p.housingCost = dto.housing.provided ? (dto.housing.costPerMonth ?? 0) : null;
    }
    if (dto.meals != null) p.meals = dto.meals;
    if (dto.requirements != null) p.requirements = { ...dto.requirements };
    if (dto.foreignersAccepted != null) p.foreignersAccepted = dto.foreignersAccepted;
    if (dto.quotaAvailable != null) p.quotaAvailable = dto.quotaAvailable;
    if (dto.workerCosts != null) {
      p.workerCosts = dto.workerCosts.map((c) => ({
        item: c.item,
        amount: c.amount,
        ...(c.note ? { note: c.note } : {}),
      }));
    }
    return p;
  }

  toDto(
    {
      vacancy: v,
      employer,
    }: {
      vacancy: VacancyEntity;
      employer: Pick<EmployerEntity, 'id' | 'name'>;
    },
    lang: LabelLang = 'ru',
    /** An item of a list: the minimum wage's fact in `lang` only. */
    listItem = false,
  ): VacancyDto {
    const wt = workingTimeOf(v);
    const check = vacancyMinimumWage(v, this.catalog);
    return {
      id: v.id,
      employerId: v.employerId,
      employer: { id: employer.id, name: employer.name },
      title: v.title,
      description: v.description,
      occupationCode: v.occupationCode,
      occupationLabel: this.catalog.occupationLabel(v.occupationCode) ?? v.occupationCode,
      region: v.region,
      city: v.city,
      address: v.address,
      location: v.lat !== null && v.lng !== null ? { lat: v.lat, lng: v.lng } : null,
      salary: {
        min: v.salaryMin,
        ...(v.salaryMax !== null ? { max: v.salaryMax } : {}),
        currency: v.salaryCurrency as Currency,
        period: v.salaryPeriod,
        gross: v.salaryGross,
      },
      positions: v.positions,
      schedule: v.schedule,
      workingTime: workingTimeView(v.schedule, wt),
      minimumWage: check
        ? vacancyMinimumWageView(check, v.region, v.schedule, wt, lang, this.catalog, !listItem)
        : null,
      startDate: v.startDate,
      endDate: v.endDate,
      housing: {
        provided: v.housingProvided,
        ...(v.housingCost !== null ? { costPerMonth: v.housingCost } : {}),
      },
      meals: v.meals,
      requirements: v.requirements,
      foreignersAccepted: v.foreignersAccepted,
      quotaAvailable: v.quotaAvailable,
      workerCosts: v.workerCosts,
      status: v.status,
      version: v.version,
      termsSnapshotId: v.currentTermsSnapshotId,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
    };
  }
}
