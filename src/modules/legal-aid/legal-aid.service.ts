import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { hashPassword } from 'src/common/crypto/password';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { buildInterviewIcs } from 'src/modules/interviews/ics';
import { GrievancesService, asLang } from 'src/modules/grievances/grievances.service';
import {
  BookConsultationDto,
  CancelConsultationDto,
  ConsultationOutcomeDto,
  RescheduleConsultationDto,
  CreateLegalAdviserDto,
  CreateLegalDeskDto,
} from 'src/modules/legal-aid/legal-aid.dto';
import { ConsultationRow, LegalAidRepository, SlotRow } from 'src/modules/legal-aid/legal-aid.repository';
import { MigrantsService } from 'src/modules/migrants/migrants.service';
import { consultationTimeAndPlace, sendToPerson } from 'src/modules/legal-aid/legal-aid.processor';
import { NotificationsService } from 'src/modules/notifications/notifications.service';

/** Consultation reminders go this long before the slot starts. */
export const REMINDER_BEFORE_MS = 24 * 3_600_000;
const PG_UNIQUE = '23505';
const PG_EXCLUSION = '23P01';

function pgCode(error: unknown): string | undefined {
  return (
    (error as { driverError?: { code?: string }; code?: string }).driverError?.code ??
    (error as { code?: string }).code
  );
}

/**
 * The legal-aid desk at a fair: advisers created by staff and tied to fairs, desks with consultation slots, a
 * person's booking (online or at the kiosk) on a topic, and the adviser's view of their own bookings only.
 */
@Injectable()
export class LegalAidService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: LegalAidRepository,
    private readonly cipher: PiiCipher,
    private readonly migrants: MigrantsService,
    private readonly grievances: GrievancesService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  async createAdviser(dto: CreateLegalAdviserDto) {
    const fairIds = [...new Set(dto.fairIds)];
    const found = await this.repository.existingFairs(fairIds);
    if (found.length !== fairIds.length)
      throw ValidationError.field('fairIds', 'names a fair that does not exist');
    const passwordHash = await hashPassword(dto.password);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const [user] = await manager.query(
          `INSERT INTO users (email, password_hash, role, display_name) VALUES ($1, $2, 'legal_adviser', $3)
           RETURNING id, email, role`,
          [dto.email.toLowerCase(), passwordHash, dto.displayName.trim()],
        );
        await this.repository.insertAdviserFairs(manager, user.id, fairIds);
        return answerInTransaction(manager, { id: user.id, email: user.email, role: user.role, fairIds });
      });
    } catch (error) {
      if (pgCode(error) === PG_UNIQUE)
        throw new DomainError(ErrorCode.Conflict, 'A user with this email exists already');
      throw error;
    }
  }

  async advisers() {
    return { items: await this.repository.advisers() };
  }

  async createDesk(staff: UserPrincipal, fairId: string, dto: CreateLegalDeskDto) {
    if (!(await this.repository.fair(fairId))) throw new NotFoundError('Fair');
    const advisers = new Set(await this.repository.advisersOfFair(fairId));
    dto.slots.forEach((s, i) => {
      if (!advisers.has(s.adviserId)) {
        throw new DomainError(ErrorCode.UnprocessableEntity, 'The adviser does not work at this fair', {
          errors: [{ field: `slots[${i}].adviserId`, message: 'is not a legal adviser of this fair' }],
        });
      }
      if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) {
        throw ValidationError.field(`slots[${i}].endsAt`, 'must be after startsAt');
      }
    });
    try {
      const id = await inTransaction(this.dataSource, async (manager) => {
        const deskId = await this.repository.insertDesk(manager, {
          fairId,
          name: dto.name.trim(),
          location: dto.location?.trim() ?? null,
          createdBy: staff.userId,
        });
        for (const s of dto.slots) await this.repository.insertSlot(manager, { deskId, ...s });
        return deskId;
      });
      return (await this.desks(fairId)).items.find((d) => d.id === id)!;
    } catch (error) {
      if (pgCode(error) === PG_EXCLUSION) {
        throw new DomainError(ErrorCode.SlotOverlap, 'An adviser’s consultation slots overlap');
      }
      throw error;
    }
  }

  async desks(fairId: string) {
    if (!(await this.repository.fair(fairId))) throw new NotFoundError('Fair');
    const [desks, slots] = await Promise.all([
      this.repository.desksOfFair(fairId),
      this.repository.slotsOfFair(fairId),
    ]);
    return {
      items: desks.map((d) => ({
        ...d,
        slots: slots
          .filter((s) => s.deskId === d.id)
          .map((s) => ({
            id: s.id,
            adviserId: s.adviserId,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            free: !s.booked,
          })),
      })),
    };
  }

  async book(principal: Principal, dto: BookConsultationDto) {
    const slot = await this.repository.slot(dto.slotId);
    if (!slot) throw new NotFoundError('Slot');
    let migrantId: string;
    let channel: 'online' | 'kiosk' | 'desk';
    if (principal.kind === 'kiosk') {
      if (!dto.migrantId)
        throw ValidationError.field('migrantId', 'is required at a kiosk (from the check-in)');
      if (slot.fairId !== principal.fairId) throw new NotFoundError('Slot');
      if (!(await this.repository.attendedFair(dto.migrantId, principal.fairId)))
        throw new NotFoundError('Migrant');
      migrantId = dto.migrantId;
      channel = 'kiosk';
    } else if (principal.role === 'migrant' && principal.migrantId) {
      if (dto.migrantId && dto.migrantId !== principal.migrantId) throw new NotFoundError('Migrant');
      migrantId = principal.migrantId;
      channel = 'online';
    } else if (isStaff(principal)) {
      if (!dto.migrantId) throw ValidationError.field('migrantId', 'is required when booking for a person');
      migrantId = dto.migrantId;
      channel = 'desk';
    } else throw new DomainError(ErrorCode.Forbidden, 'Only a person, a kiosk or staff book consultations');
    if (slot.startsAt.getTime() < Date.now()) {
      throw new DomainError(ErrorCode.SlotTaken, 'This consultation slot is in the past');
    }
    const lang = dto.lang ?? 'ru';
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const id = await this.repository.insertConsultation(manager, {
          slotId: slot.id,
          migrantId,
          topic: dto.topic,
          language: lang,
          channel,
        });
        const row = (await this.repository.consultation(id, manager))!;
        await this.scheduleReminder(manager, row);
        return answerInTransaction(manager, { ...this.view(row), ics: this.ics(row, slot) });
      });
    } catch (error) {
      if (pgCode(error) === PG_UNIQUE)
        throw new DomainError(ErrorCode.SlotTaken, 'This consultation slot is taken');
      throw error;
    }
  }

  /**
   * Moves the booking to another free slot of the same desk: the slot's partial unique index decides under
   * concurrency (409 slot-taken), the person is told in their language with the updated calendar event (SEQUENCE
   * raised), and the reminder follows the new time (the old one finds the time changed and sends nothing).
   */
  async reschedule(principal: UserPrincipal, id: string, dto: RescheduleConsultationDto) {
    await this.mine(principal, id);
    const target = await this.repository.slot(dto.slotId);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const row = await this.lockedBooking(manager, id);
        if (!target || target.deskId !== row.deskId) throw new NotFoundError('Slot');
        if (target.id === row.slotId)
          throw new DomainError(ErrorCode.Conflict, 'The consultation is already in this slot');
        if (target.startsAt.getTime() < Date.now())
          throw new DomainError(ErrorCode.SlotTaken, 'This consultation slot is in the past');
        // Early, friendly answer; the unique index decides under concurrency.
        if (target.booked) throw new DomainError(ErrorCode.SlotTaken, 'This consultation slot is taken');
        await this.repository.moveToSlot(manager, id, target.id);
        const moved = (await this.repository.consultation(id, manager))!;
        const ics = this.ics(moved, target);
        await sendToPerson(
          this.notifications,
          this.repository,
          manager,
          moved,
          'legal_consultation_rescheduled',
          consultationTimeAndPlace(moved, target),
          {
            dedupeKey: `legal-consultation:${id}:${moved.sequence}:rescheduled`,
            icalEvent: { method: 'REQUEST', content: ics },
          },
        );
        await this.scheduleReminder(manager, moved);
        return answerInTransaction(manager, { ...this.view(moved, principal.role !== 'migrant'), ics });
      });
    } catch (error) {
      if (pgCode(error) === PG_UNIQUE)
        throw new DomainError(ErrorCode.SlotTaken, 'This consultation slot is taken');
      throw error;
    }
  }

  /** Cancels the booking with a reason: the slot is free again, the person told (METHOD:CANCEL), no reminder. */
  async cancel(principal: UserPrincipal, id: string, dto: CancelConsultationDto) {
    await this.mine(principal, id);
    const reason = dto.reason.trim();
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.lockedBooking(manager, id);
      await this.repository.cancel(manager, id, this.cipher.encrypt(reason), principal.role);
      const cancelled = (await this.repository.consultation(id, manager))!;
      const slot = (await this.repository.slot(cancelled.slotId))!;
      const ics = this.ics(cancelled, slot);
      await sendToPerson(
        this.notifications,
        this.repository,
        manager,
        row,
        'legal_consultation_cancelled',
        { ...consultationTimeAndPlace(cancelled, slot), reason },
        {
          dedupeKey: `legal-consultation:${id}:${cancelled.sequence}:cancelled`,
          icalEvent: { method: 'CANCEL', content: ics },
        },
      );
      return answerInTransaction(manager, { ...this.view(cancelled, principal.role !== 'migrant'), ics });
    });
  }

  async get(principal: UserPrincipal, id: string) {
    const row = await this.mine(principal, id);
    return this.view(row, principal.role !== 'migrant');
  }

  async list(principal: UserPrincipal) {
    if (principal.role === 'legal_adviser') {
      return {
        items: (await this.repository.listConsultations({ adviserId: principal.userId })).map((r) =>
          this.view(r, true),
        ),
      };
    }
    if (principal.role === 'migrant' && principal.migrantId) {
      return {
        items: (await this.repository.listConsultations({ migrantId: principal.migrantId })).map((r) =>
          this.view(r),
        ),
      };
    }
    if (isStaff(principal))
      return { items: (await this.repository.listConsultations({})).map((r) => this.view(r, true)) };
    throw new DomainError(ErrorCode.Forbidden, 'No consultations for this user');
  }

  /** The person's eligibility facts and documents (masked numbers), for the adviser of this booking only; audited. */
  async person(principal: UserPrincipal, id: string) {
    const row = await this.mine(principal, id);
    if (principal.role === 'migrant') throw new NotFoundError('Consultation');
    await this.repository.audit({
      actorId: principal.userId,
      actorRole: principal.role,
      action: 'legal_consultation.person_read',
      subjectId: id,
    });
    const [facts, documents] = await Promise.all([
      this.migrants.eligibilityFacts(row.migrantId),
      this.repository.documentsOf(row.migrantId),
    ]);
    return { consultationId: id, migrantId: row.migrantId, eligibilityFacts: facts, documents };
  }

  async recordOutcome(principal: UserPrincipal, id: string, dto: ConsultationOutcomeDto) {
    const row = await this.mine(principal, id);
    if (principal.role === 'migrant') throw new NotFoundError('Consultation');
    if (row.status === 'cancelled')
      throw new DomainError(ErrorCode.InvalidTransition, 'This booking was cancelled');
    let grievanceId: string | null = null;
    if (dto.grievance) {
      const created = await this.grievances.create(
        principal,
        { ...dto.grievance, migrantId: row.migrantId, receivedAt: undefined },
        asLang(row.language),
      );
      grievanceId = created.id;
    }
    await inTransaction(this.dataSource, (manager) =>
      this.repository.recordOutcome(manager, id, this.cipher.encrypt(dto.outcome.trim()), grievanceId),
    );
    return this.view((await this.repository.consultation(id))!, true);
  }

  /** The booking locked for a change; only a booked one moves or is cancelled (409 otherwise). */
  private async lockedBooking(manager: EntityManager, id: string): Promise<ConsultationRow> {
    const row = await this.repository.lockConsultation(manager, id);
    if (!row) throw new NotFoundError('Consultation');
    if (row.status !== 'booked') {
      throw new DomainError(ErrorCode.InvalidTransition, `This consultation is ${row.status}`, {
        currentStatus: row.status,
      });
    }
    return row;
  }

  /** A reminder the day before (at once when the slot is sooner); the handler skips a moved or cancelled one. */
  private async scheduleReminder(manager: EntityManager, row: ConsultationRow): Promise<void> {
    const startsAt = new Date(row.startsAt);
    await this.outbox.add(manager, {
      job: JobName.LegalConsultationReminder,
      payload: { consultationId: row.id, startsAt: startsAt.toISOString() },
      // One job per version of the booking: a moved one gets a job of its own.
      jobId: row.sequence ? `legal-reminder-${row.id}-${row.sequence}` : `legal-reminder-${row.id}`,
      delayMs: Math.max(0, startsAt.getTime() - REMINDER_BEFORE_MS - Date.now()),
    });
  }

  private async mine(principal: UserPrincipal, id: string): Promise<ConsultationRow> {
    const row = await this.repository.consultation(id);
    const allowed =
      row &&
      (isStaff(principal) ||
        (principal.role === 'legal_adviser' && row.adviserId === principal.userId) ||
        (principal.role === 'migrant' && row.migrantId === principal.migrantId));
    if (!row || !allowed) throw new NotFoundError('Consultation');
    return row;
  }

  private view(row: ConsultationRow, withOutcome = false) {
    return {
      id: row.id,
      slotId: row.slotId,
      fairId: row.fairId,
      adviserId: row.adviserId,
      migrantId: row.migrantId,
      topic: row.topic,
      language: row.language,
      channel: row.channel,
      status: row.status,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      grievanceId: row.grievanceId,
      outcome: withOutcome && row.outcomeEnc ? this.cipher.decrypt(row.outcomeEnc) : null,
      sequence: row.sequence,
      cancelledAt: row.cancelledAt,
      cancelReason: row.cancelReasonEnc ? this.cipher.decrypt(row.cancelReasonEnc) : null,
    };
  }

  private ics(row: ConsultationRow, slot: SlotRow): string {
    return buildInterviewIcs({
      uid: `legal-consultation-${row.id}@jobfair`,
      sequence: row.sequence,
      method: row.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      timezone: slot.timezone,
      summary: `Legal consultation: ${row.topic}`,
      description: 'Free legal advice at the fair',
      location: [slot.deskName, slot.location].filter(Boolean).join(', '),
      organizer: { name: 'Job fair legal aid', email: 'legal-aid@jobfair.invalid' },
    });
  }
}
