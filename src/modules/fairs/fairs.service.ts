import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newKioskToken } from 'src/common/auth/kiosk-token';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import {
  DomainError,
  ErrorCode,
  FieldError,
  NotFoundError,
  ValidationError,
} from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { EmployerRepository } from 'src/modules/employers/employer.repository';
import { EmployersService } from 'src/modules/employers/employers.service';
import { FairEntity, FairParticipantEntity } from 'src/modules/fairs/fair.entity';
import { FairRepository } from 'src/modules/fairs/fair.repository';
import {
  CreateFairDto,
  FairDto,
  FairListQuery,
  KioskCreatedDto,
  KioskDto,
  ParticipantAddedDto,
  UpdateFairDto,
} from 'src/modules/fairs/fairs.dto';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { VacanciesService } from 'src/modules/vacancies/vacancies.service';
import { VacancyEntity } from 'src/modules/vacancies/vacancy.entity';
import { VacancyRepository } from 'src/modules/vacancies/vacancy.repository';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Failed identifications in a day from which staff see a kiosk flagged (someone may be trying phones there). */
export const KIOSK_FLAG_FAILURES = 10;

@Injectable()
export class FairsService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly fairs: FairRepository,
    private readonly employers: EmployersService,
    private readonly employerRepo: EmployerRepository,
    private readonly vacancies: VacanciesService,
    private readonly vacancyRepo: VacancyRepository,
    private readonly outbox: OutboxService,
  ) {}

  async create(staff: UserPrincipal, dto: CreateFairDto): Promise<FairDto> {
    const fields = this.validFields(dto);
    return inTransaction(this.dataSource, async (manager) => {
      const fair = await this.fairs.insert(manager, {
        ...fields,
        status: 'scheduled',
        createdBy: staff.userId,
      });
      // A new fair has no participants yet; the Idempotency-Key completes with it.
      return answerInTransaction(manager, this.view(fair, [], new Map(), []));
    });
  }

  async update(id: string, dto: UpdateFairDto): Promise<FairDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const fair = await this.fairs.findByIdForUpdate(manager, id);
      if (!fair) throw new NotFoundError('Fair');
      this.assertScheduled(fair);
      const merged = {
        name: dto.name ?? fair.name,
        region: dto.region ?? fair.region,
        city: dto.city ?? fair.city,
        venue: dto.venue ?? fair.venue,
        startsAt: dto.startsAt ?? fair.startsAt.toISOString(),
        endsAt: dto.endsAt ?? fair.endsAt.toISOString(),
        timezone: dto.timezone ?? fair.timezone,
        languages: dto.languages ?? fair.languages,
      };
      await this.fairs.update(manager, id, this.validFields(merged));
    });
    return this.detail(id);
  }

  async cancel(id: string): Promise<FairDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const fair = await this.fairs.findByIdForUpdate(manager, id);
      if (!fair) throw new NotFoundError('Fair');
      this.assertScheduled(fair);
      await this.fairs.update(manager, id, { status: 'cancelled', cancelledAt: new Date() });
    });
    return this.detail(id);
  }

  async list(query: FairListQuery): Promise<Page<FairDto>> {
    const [rows, total] = await this.fairs.findPage(
      !!query.upcoming,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const items = await Promise.all(rows.map((f) => this.toDto(f)));
    return pageOf(items, total, query);
  }

  async detail(id: string): Promise<FairDto> {
    const fair = await this.fairs.findById(id);
    if (!fair) throw new NotFoundError('Fair');
    return this.toDto(fair);
  }

  async addParticipant(
    fairId: string,
    employerId: string,
    booth: string | null,
  ): Promise<ParticipantAddedDto> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw new NotFoundError('Fair');
    this.assertScheduled(fair);
    await this.employers.requireVerified(employerId);
    const added = await inTransaction(this.dataSource, (manager) =>
      this.fairs.addParticipant(manager, { fairId, employerId, booth }),
    );
    if (!added) throw new DomainError(ErrorCode.Conflict, 'The employer takes part in this fair already');
    return { fairId, employerId, booth };
  }

  /** The participating employer (or staff for it) brings its published vacancies to the fair. */
  async addVacancies(principal: Principal, fairId: string, vacancyIds: string[]): Promise<FairDto> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw new NotFoundError('Fair');
    this.assertScheduled(fair);
    const found = await this.vacancyRepo.findByIds(vacancyIds);
    const byId = new Map(found.map((v) => [v.id, v]));
    for (const id of vacancyIds) {
      const v = byId.get(id);
      if (!v || !this.vacancies.canManage(principal, v)) throw new NotFoundError(`Vacancy ${id}`);
      if (v.status !== 'published') {
        throw new DomainError(
          ErrorCode.VacancyNotOpen,
          `Vacancy ${id} is ${v.status}; only published vacancies go to a fair`,
        );
      }
    }
    const employerIds = [...new Set(found.map((v) => v.employerId))];
    for (const employerId of employerIds) {
      await this.employers.requireVerified(employerId);
      if (!(await this.fairs.findParticipant(fairId, employerId))) {
        throw new DomainError(
          ErrorCode.Forbidden,
          isStaff(principal)
            ? `Employer ${employerId} does not take part in this fair; add it as a participant first`
            : 'Your organisation does not take part in this fair; ask the organisers to add it',
        );
      }
    }
    await inTransaction(this.dataSource, async (manager) => {
      for (const employerId of employerIds) {
        const ids = found.filter((v) => v.employerId === employerId).map((v) => v.id);
        await this.fairs.addVacancies(manager, fairId, employerId, ids);
      }
      // The search document of a vacancy lists its fairs.
      await this.outbox.add(
        manager,
        ...vacancyIds.map((vacancyId) => ({
          job: JobName.SearchIndexVacancy as const,
          payload: { vacancyId },
        })),
      );
    });
    return this.detail(fairId);
  }

  async registerKiosk(staff: UserPrincipal, fairId: string, label: string): Promise<KioskCreatedDto> {
    const fair = await this.fairs.findById(fairId);
    if (!fair) throw new NotFoundError('Fair');
    this.assertScheduled(fair);
    const { token, hash } = newKioskToken();
    const kiosk = await inTransaction(this.dataSource, (manager) =>
      this.fairs.insertKiosk(manager, {
        fairId,
        label: label.trim(),
        tokenHash: hash,
        createdBy: staff.userId,
      }),
    );
    return { ...this.kioskDto(kiosk), token };
  }

  async kiosks(fairId: string): Promise<KioskDto[]> {
    if (!(await this.fairs.findById(fairId))) throw new NotFoundError('Fair');
    const [kiosks, counts] = await Promise.all([
      this.fairs.findKiosks(fairId),
      this.fairs.kioskIdentificationCounts(fairId),
    ]);
    return kiosks.map((k) => {
      const { failed, unconfirmed } = counts.get(k.id) ?? { failed: 0, unconfirmed: 0 };
      return {
        ...this.kioskDto(k),
        identification: {
          failedLast24h: failed,
          unconfirmedLast24h: unconfirmed,
          flagged: failed >= KIOSK_FLAG_FAILURES,
        },
      };
    });
  }

  async revokeKiosk(fairId: string, kioskId: string): Promise<void> {
    if (!(await this.fairs.revokeKiosk(fairId, kioskId))) throw new NotFoundError('Kiosk');
  }

  private kioskDto(k: {
    id: string;
    fairId: string;
    label: string;
    revokedAt: Date | null;
    createdAt: Date;
  }): KioskDto {
    return {
      id: k.id,
      fairId: k.fairId,
      label: k.label,
      revokedAt: k.revokedAt?.toISOString() ?? null,
      createdAt: k.createdAt.toISOString(),
    };
  }

  private assertScheduled(fair: FairEntity): void {
    if (fair.status === 'cancelled')
      throw new DomainError(ErrorCode.InvalidTransition, 'The fair is cancelled');
  }

  private validFields(dto: CreateFairDto): Partial<FairEntity> {
    const errors: FieldError[] = [];
    if (!this.catalog.isRegion(dto.region))
      errors.push({ field: 'region', message: 'is not a known ISO 3166-2 region' });
    if (!isTimeZone(dto.timezone)) errors.push({ field: 'timezone', message: 'is not an IANA time zone' });
    dto.languages.forEach((code, i) => {
      if (!this.catalog.isLanguage(code))
        errors.push({ field: `languages[${i}]`, message: 'is not a known language' });
    });
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (Number.isNaN(startsAt.getTime())) errors.push({ field: 'startsAt', message: 'is not a valid time' });
    if (Number.isNaN(endsAt.getTime())) errors.push({ field: 'endsAt', message: 'is not a valid time' });
    else if (!(endsAt > startsAt)) errors.push({ field: 'endsAt', message: 'must be after startsAt' });
    if (errors.length)
      throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    return {
      name: dto.name.trim(),
      region: dto.region,
      city: dto.city.trim(),
      venue: dto.venue.trim(),
      startsAt,
      endsAt,
      timezone: dto.timezone,
      languages: dto.languages,
    };
  }

  private async toDto(fair: FairEntity): Promise<FairDto> {
    const [participants, links] = await Promise.all([
      this.fairs.findParticipants(fair.id),
      this.fairs.findFairVacancies(fair.id),
    ]);
    const [employers, vacancies] = await Promise.all([
      this.employerRepo.findByIds(participants.map((p) => p.employerId)),
      this.vacancyRepo.findByIds(links.map((l) => l.vacancyId)),
    ]);
    const employerName = new Map(employers.map((e) => [e.id, e.name]));
    // Publicly a fair shows only vacancies open now.
    const open = vacancies.filter((v) => v.status === 'published');
    return this.view(fair, participants, employerName, open);
  }

  private view(
    fair: FairEntity,
    participants: FairParticipantEntity[],
    employerName: ReadonlyMap<string, string>,
    open: VacancyEntity[],
  ): FairDto {
    return {
      id: fair.id,
      name: fair.name,
      region: fair.region,
      city: fair.city,
      venue: fair.venue,
      startsAt: fair.startsAt.toISOString(),
      endsAt: fair.endsAt.toISOString(),
      timezone: fair.timezone,
      languages: fair.languages,
      status: fair.status,
      cancelledAt: fair.cancelledAt?.toISOString() ?? null,
      participants: participants.map((p) => ({
        employerId: p.employerId,
        name: employerName.get(p.employerId) ?? '',
        booth: p.booth,
        vacancies: open
          .filter((v) => v.employerId === p.employerId)
          .map((v) => ({
            id: v.id,
            title: v.title,
            occupationCode: v.occupationCode,
            occupationLabel: this.catalog.occupationLabel(v.occupationCode) ?? v.occupationCode,
            city: v.city,
            salaryMin: v.salaryMin,
            salaryMax: v.salaryMax,
            salaryCurrency: v.salaryCurrency,
            salaryPeriod: v.salaryPeriod,
            positions: v.positions,
            housingProvided: v.housingProvided,
          })),
      })),
    };
  }
}
