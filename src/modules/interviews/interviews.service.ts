import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Principal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { OutboxService } from 'src/database/outbox.service';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { inTransaction } from 'src/database/transaction';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { transitionApplication } from 'src/modules/applications/application-transitions';
import {
  CreateSlotsDto,
  InterviewDto,
  InterviewOutcomeDto,
  SlotDto,
  SlotListDto,
} from 'src/modules/interviews/interviews.dto';
import { InterviewChange, InterviewNotifier, reminderKey } from 'src/modules/interviews/interview.notifier';
import {
  InterviewContext,
  InterviewRepository,
  InterviewWithSlot,
  NewSlotRow,
  SlotWithAvailability,
} from 'src/modules/interviews/interview.repository';
import { VacanciesService } from 'src/modules/vacancies/vacancies.service';
import { interviewZones, localIso } from 'src/modules/interviews/interview-zones';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { normalizePhone } from 'src/common/validation/phone';

type ReminderPayload = JobPayloads[JobName.InterviewReminder];

const MAX_SLOT_MS = 12 * 3_600_000;
const MEETING_LINK = /^https:\/\/[^\s/?#]+\.[^\s/?#]+[^\s]*$/i;

/** A remote slot carries what joins the two sides: a video call its link, a phone call a valid number if any. */
function remoteLocation(mode: string, location: string | null, field: string): string | null {
  if (mode === 'video') {
    if (!location || !MEETING_LINK.test(location)) {
      throw ValidationError.field(field, 'a video slot needs its meeting link (https://…)');
    }
  }
  if (mode === 'phone' && location) {
    const phone = normalizePhone(location);
    if (!phone)
      throw ValidationError.field(field, 'a phone slot takes a phone number in international format');
    return phone;
  }
  return location;
}
const OPEN_VACANCY = ['draft', 'published', 'paused'];

/** Maps the database's guards (exclusion constraints, partial unique indexes) to domain errors. */
function constraintError(error: unknown): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driver = error.driverError as { code?: string; constraint?: string };
  switch (driver.constraint) {
    case 'interview_slots_no_overlap':
      return new DomainError(
        ErrorCode.SlotOverlap,
        'The employer has another slot at this place at an overlapping time',
      );
    case 'interviews_slot_active_key':
      return new DomainError(ErrorCode.SlotTaken, 'This interview slot is already booked');
    case 'interviews_migrant_no_overlap':
      return new DomainError(
        ErrorCode.InterviewOverlap,
        'The candidate already has an interview at an overlapping time',
      );
    case 'interviews_application_active_key':
      return new DomainError(ErrorCode.Conflict, 'This application already has a scheduled interview');
    default:
      return undefined;
  }
}

function wholeSeconds(iso: string): Date {
  return new Date(Math.floor(new Date(iso).getTime() / 1000) * 1000);
}

const DEADLOCK_ATTEMPTS = 3;

function isDeadlock(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '40P01';
}

function rethrowConstraint(error: unknown): never {
  throw constraintError(error) ?? error;
}

@Injectable()
export class InterviewsService {
  private readonly logger = new Logger(InterviewsService.name);
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: InterviewRepository,
    private readonly vacancies: VacanciesService,
    private readonly notifier: InterviewNotifier,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
  ) {}

  // --- slots ---

  async createSlots(principal: Principal, vacancyId: string, dto: CreateSlotsDto): Promise<SlotListDto> {
    const found = await this.vacancies.findWithEmployer(vacancyId);
    if (!found || !this.vacancies.canManage(principal, found.vacancy)) throw new NotFoundError('Vacancy');
    const { vacancy } = found;
    if (!OPEN_VACANCY.includes(vacancy.status)) {
      throw new DomainError(ErrorCode.VacancyNotOpen, `The vacancy is ${vacancy.status}`);
    }
    const now = Date.now();
    const rows: NewSlotRow[] = dto.slots.map((s, i) => {
      // Calendars keep whole seconds; so do we, so the invitation shows exactly the booked time.
      const startsAt = wholeSeconds(s.startsAt);
      const endsAt = wholeSeconds(s.endsAt);
      if (endsAt <= startsAt) throw ValidationError.field(`slots.${i}.endsAt`, 'must be after startsAt');
      if (endsAt.getTime() - startsAt.getTime() > MAX_SLOT_MS) {
        throw ValidationError.field(`slots.${i}.endsAt`, 'a slot lasts at most 12 hours');
      }
      if (startsAt.getTime() <= now)
        throw ValidationError.field(`slots.${i}.startsAt`, 'must be in the future');
      return {
        vacancyId,
        employerId: vacancy.employerId,
        fairId: s.fairId ?? null,
        startsAt,
        endsAt,
        mode: s.mode,
        location: remoteLocation(s.mode, s.location?.trim() || null, `slots.${i}.location`),
        createdBy: principal.kind === 'user' ? principal.userId : null,
      };
    });
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        await this.checkFairs(manager, rows, vacancy.employerId);
        const slots = await this.repository.insertSlots(manager, rows);
        return answerInTransaction(manager, { items: slots.map((s) => this.toSlotDto(s)) });
      });
    } catch (error) {
      rethrowConstraint(error);
    }
  }

  private async checkFairs(manager: EntityManager, rows: NewSlotRow[], employerId: string): Promise<void> {
    const ids = [...new Set(rows.map((r) => r.fairId).filter((id): id is string => !!id))];
    const fairs = await this.repository.findFairs(manager, ids, employerId);
    rows.forEach((row, i) => {
      if (!row.fairId) return;
      const fair = fairs.get(row.fairId);
      if (!fair || fair.status !== 'scheduled') {
        throw new DomainError(ErrorCode.UnprocessableEntity, `slots.${i}.fairId: no such scheduled fair`, {
          field: `slots.${i}.fairId`,
        });
      }
      if (!fair.participates) {
        throw new DomainError(ErrorCode.UnprocessableEntity, 'The employer does not take part in this fair', {
          field: `slots.${i}.fairId`,
        });
      }
      if (row.startsAt < fair.startsAt || row.endsAt > fair.endsAt) {
        throw new DomainError(
          ErrorCode.UnprocessableEntity,
          `slots.${i}: a slot at a fair must lie within the fair's hours ` +
            `(${fair.startsAt.toISOString()} – ${fair.endsAt.toISOString()})`,
          { field: `slots.${i}`, fairStartsAt: fair.startsAt, fairEndsAt: fair.endsAt },
        );
      }
    });
  }

  async listSlots(
    principal: Principal | undefined,
    vacancyId: string,
    available: boolean,
  ): Promise<SlotDto[]> {
    const found = await this.vacancies.findWithEmployer(vacancyId);
    const visible =
      found && (found.vacancy.status === 'published' || this.vacancies.canManage(principal, found.vacancy));
    if (!visible) throw new NotFoundError('Vacancy');
    const slots = await this.repository.listSlots(vacancyId, available);
    return slots.map((s) => this.toSlotDto(s));
  }

  // --- interviews ---

  async book(principal: Principal, applicationId: string, slotId: string): Promise<InterviewDto> {
    return this.write(async (manager) => {
      const application = await this.repository.findApplication(manager, applicationId);
      if (!application || !this.mayAccess(principal, application)) throw new NotFoundError('Application');
      const slot = await this.usableSlot(manager, slotId, application.vacancyId);
      await this.assertReachable(manager, slot, application.migrantId);
      if (application.status === 'interviewed') {
        const last = await this.repository.lastOutcome(manager, application.id);
        if (last !== 'second_interview') {
          throw new DomainError(
            ErrorCode.InvalidTransition,
            'Another interview can be booked only after a result of second_interview',
            { currentStatus: application.status },
          );
        }
      }
      await transitionApplication(manager, application.id, 'interview_scheduled', principal);
      const interviewId = await this.repository.insertInterview(manager, {
        applicationId: application.id,
        slotId: slot.id,
        migrantId: application.migrantId,
        employerId: application.employerId,
        vacancyId: application.vacancyId,
        recruitId: await this.repository.findRecruitFor(
          manager,
          application.vacancyId,
          application.migrantId,
        ),
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        createdBy: principal.kind === 'user' ? principal.userId : null,
      });
      await this.announce(manager, interviewId, 'invitation');
      return this.answer(manager, principal, interviewId);
    });
  }

  async reschedule(principal: Principal, id: string, slotId: string): Promise<InterviewDto> {
    const { previous, answer } = await this.write(async (manager) => {
      const interview = await this.lockScheduled(manager, principal, id);
      if (interview.slotId === slotId) {
        throw new DomainError(ErrorCode.Conflict, 'The interview is already in this slot');
      }
      const slot = await this.usableSlot(manager, slotId, interview.vacancyId);
      await this.assertReachable(manager, slot, interview.migrantId);
      await this.repository.moveToSlot(manager, id, slot);
      await this.announce(manager, id, 'rescheduled');
      return { previous: interview, answer: await this.answer(manager, principal, id) };
    });
    this.removeReminders(id, previous.sequence);
    return answer;
  }

  async cancel(principal: Principal, id: string, reason: string): Promise<InterviewDto> {
    const { previous, answer } = await this.write(async (manager) => {
      const interview = await this.lockScheduled(manager, principal, id);
      await this.repository.markCancelled(manager, id, reason.trim());
      await transitionApplication(manager, interview.applicationId, 'shortlisted', principal, reason.trim());
      await this.announce(manager, id, 'cancelled');
      return { previous: interview, answer: await this.answer(manager, principal, id) };
    });
    this.removeReminders(id, previous.sequence);
    return answer;
  }

  async outcome(principal: Principal, id: string, dto: InterviewOutcomeDto): Promise<InterviewDto> {
    if (dto.attended && !dto.result)
      throw ValidationError.field('result', 'is required when attended is true');
    const { previous, answer } = await this.write(async (manager) => {
      const interview = await this.lockScheduled(manager, principal, id);
      if (!this.isEmployerSide(principal, interview)) {
        throw new DomainError(ErrorCode.Forbidden, 'Only the employer or staff record an interview outcome');
      }
      if (interview.startsAt.getTime() > Date.now()) {
        throw new DomainError(ErrorCode.InvalidTransition, 'The interview has not started yet', {
          currentStatus: interview.status,
        });
      }
      const result = dto.attended ? dto.result! : (dto.result ?? null);
      await this.repository.recordOutcome(manager, id, {
        attended: dto.attended,
        result,
        notes: dto.notes?.trim() || null,
      });
      await transitionApplication(
        manager,
        interview.applicationId,
        'interviewed',
        principal,
        dto.attended ? `interview ${result}` : 'no-show',
      );
      return { previous: interview, answer: await this.answer(manager, principal, id) };
    });
    this.removeReminders(id, previous.sequence);
    return answer;
  }

  async get(principal: Principal, id: string): Promise<InterviewDto> {
    const interview = await this.repository.findById(undefined, id);
    if (!interview || !this.mayAccess(principal, interview)) throw new NotFoundError('Interview');
    return this.toDto(principal, interview);
  }

  async listForApplication(principal: Principal, applicationId: string): Promise<InterviewDto[]> {
    const application = await this.repository.findApplication(this.dataSource.manager, applicationId);
    if (!application || !this.mayAccess(principal, application)) throw new NotFoundError('Application');
    const interviews = await this.repository.listByApplication(applicationId);
    return interviews.map((i) => this.toDto(principal, i));
  }

  // --- recruits of organised recruitment ---

  /** Each recruit's interview (the scheduled one, else the latest) as the caller sees it. */
  async forRecruits(principal: Principal, recruitIds: string[]): Promise<Map<string, InterviewDto>> {
    const rows = await this.repository.latestByRecruits(recruitIds);
    return new Map(
      [...rows.entries()]
        .filter(([, i]) => this.mayAccess(principal, i))
        .map(([recruitId, i]) => [recruitId, this.toDto(principal, i)]),
    );
  }

  /** Links the person's earlier interviews for the vacancy to the recruit just selected, in that transaction. */
  linkRecruit(
    manager: EntityManager,
    recruitId: string,
    migrantId: string,
    vacancyId: string,
  ): Promise<void> {
    return this.repository.linkRecruit(manager, recruitId, migrantId, vacancyId);
  }

  // --- reminders ---

  /**
   * Sends each reminder unless its interview was cancelled, finished or moved since the job was made (its
   * time differs): a stale job is harmless. Many go in one short transaction: one read of the interviews
   * (share-locked, so a concurrent cancellation or move either waits for these messages or is seen by them)
   * and one write of all the messages. Returns, in input order, whether each was sent.
   */
  async sendReminders(payloads: ReminderPayload[]): Promise<boolean[]> {
    if (!payloads.length) return [];
    return inTransaction(this.dataSource, async (manager) => {
      const ids = [...new Set(payloads.map((p) => p.interviewId))];
      const contexts = await this.repository.contexts(manager, ids, true);
      const due = new Map<string, { ctx: InterviewContext; offsetMinutes: number }>();
      const sent = payloads.map((p) => {
        const ctx = contexts.get(p.interviewId);
        if (!ctx || ctx.interview.status !== 'scheduled') return false;
        if (ctx.interview.startsAt.toISOString() !== p.startsAt) return false;
        // Two jobs of one reminder (a move to another slot at the same time) make one set of messages.
        due.set(reminderKey(p.interviewId, ctx.interview.startsAt, p.offsetMinutes), {
          ctx,
          offsetMinutes: p.offsetMinutes,
        });
        return true;
      });
      // Inserted in key order, so two batches that share a reminder cannot deadlock on its unique key.
      const ordered = [...due.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
      await this.notifier.remind(manager, ordered);
      return sent;
    });
  }

  // --- helpers ---

  /**
   * The interview as the caller sees it, read in the transaction that changed it; the request's Idempotency-Key
   * completes with it in that transaction, so a retry after a crash gets this answer instead of a second run.
   */
  private async answer(manager: EntityManager, principal: Principal, id: string): Promise<InterviewDto> {
    const interview = await this.repository.findById(manager, id);
    if (!interview) throw new NotFoundError('Interview');
    return answerInTransaction(manager, this.toDto(principal, interview));
  }

  /**
   * One transaction whose constraint violations become domain errors. Two transactions inserting rows that
   * conflict under an exclusion constraint can each wait for the other (both see the other's row, neither
   * committed); PostgreSQL then aborts one with a deadlock. The aborted one is run again: it now sees the
   * committed row and fails with the constraint (409). `work` only touches the database, so a rerun is safe.
   */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.dataSource, work);
      } catch (error) {
        if (attempt < DEADLOCK_ATTEMPTS && isDeadlock(error)) continue;
        rethrowConstraint(error);
      }
    }
  }

  /** Messages to both sides plus reminder jobs for the interview's current time, in this transaction. */
  private async announce(
    manager: EntityManager,
    interviewId: string,
    change: InterviewChange,
  ): Promise<void> {
    const ctx = await this.repository.context(manager, interviewId);
    if (!ctx) throw new NotFoundError('Interview');
    await this.notifier.announce(manager, ctx, change);
    if (change !== 'cancelled') {
      await this.outbox.add(
        manager,
        ...this.notifier.reminderEvents(interviewId, ctx.interview.sequence, ctx.interview.startsAt),
      );
    }
  }

  /** Best effort after commit: a job left behind finds the interview changed and sends nothing. */
  private removeReminders(interviewId: string, sequence: number): void {
    for (const jobId of this.notifier.reminderJobIds(interviewId, sequence)) {
      this.queues
        .remove(JobName.InterviewReminder, jobId)
        .catch((error: Error) => this.logger.debug(`reminder ${jobId} not removed: ${error.message}`));
    }
  }

  private async usableSlot(
    manager: EntityManager,
    slotId: string,
    vacancyId: string,
  ): Promise<SlotWithAvailability> {
    const slot = await this.repository.findSlot(manager, slotId);
    if (!slot || slot.vacancyId !== vacancyId) throw new NotFoundError('Interview slot');
    if (slot.startsAt.getTime() <= Date.now()) {
      throw new DomainError(ErrorCode.UnprocessableEntity, 'This interview slot has already started');
    }
    // Early, friendly answer; the unique index decides under concurrency.
    if (!slot.available) throw new DomainError(ErrorCode.SlotTaken, 'This interview slot is already booked');
    return slot;
  }

  /** A phone slot without a number to call means the employer calls the candidate: they need a phone. */
  private async assertReachable(
    manager: EntityManager,
    slot: SlotWithAvailability,
    migrantId: string,
  ): Promise<void> {
    if (slot.mode !== 'phone' || slot.location) return;
    const phone = await this.repository.migrantPhone(manager, migrantId);
    if (!phone || !normalizePhone(phone)) {
      throw new DomainError(
        ErrorCode.UnprocessableEntity,
        'A phone interview needs the candidate’s phone number, or a number on the slot for the candidate to call',
        { field: 'slotId' },
      );
    }
  }

  private async lockScheduled(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<InterviewWithSlot> {
    const interview = await this.repository.lockById(manager, id);
    if (!interview || !this.mayAccess(principal, interview)) throw new NotFoundError('Interview');
    if (interview.status !== 'scheduled') {
      throw new DomainError(ErrorCode.InvalidTransition, `The interview is ${interview.status}`, {
        currentStatus: interview.status,
      });
    }
    return interview;
  }

  /** The candidate, the employer's users and staff; everyone else gets a 404. */
  private mayAccess(principal: Principal, row: { migrantId: string; employerId: string }): boolean {
    if (isStaff(principal)) return true;
    if (principal.kind !== 'user') return false;
    if (principal.role === 'employer')
      return !!principal.employerId && principal.employerId === row.employerId;
    if (principal.role === 'migrant') return !!principal.migrantId && principal.migrantId === row.migrantId;
    return false;
  }

  private isEmployerSide(principal: Principal, row: { employerId: string }): boolean {
    return isStaff(principal) || (principal.kind === 'user' && principal.employerId === row.employerId);
  }

  private toSlotDto(s: SlotWithAvailability): SlotDto {
    return {
      id: s.id,
      vacancyId: s.vacancyId,
      employerId: s.employerId,
      fairId: s.fairId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      mode: s.mode,
      location: s.location,
      available: s.available,
    };
  }

  private toDto(principal: Principal, i: InterviewWithSlot): InterviewDto {
    const zones = interviewZones(i.zoneFacts, this.catalog);
    const clock = (z: { timeZone: string; region: string | null }) => ({
      timeZone: z.timeZone,
      region: z.region,
      startsAt: localIso(i.startsAt, z.timeZone),
      endsAt: localIso(i.endsAt, z.timeZone),
    });
    const dto: InterviewDto = {
      id: i.id,
      applicationId: i.applicationId,
      slotId: i.slotId,
      vacancyId: i.vacancyId,
      recruitId: i.recruitId,
      startsAt: i.startsAt.toISOString(),
      endsAt: i.endsAt.toISOString(),
      status: i.status,
      sequence: i.sequence,
      mode: i.mode,
      location: i.location,
      fairId: i.fairId,
      times: { employer: clock(zones.employer), candidate: clock(zones.candidate) },
      attended: i.attended,
      result: i.result,
      cancelReason: i.cancelReason,
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
    };
    // The employer's notes are for the employer side only.
    if (this.isEmployerSide(principal, i)) dto.notes = i.notes;
    return dto;
  }
}
