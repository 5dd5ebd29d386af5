import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, isStaff } from 'src/common/auth/principal';
import { NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import type { Lang } from 'src/modules/eligibility/eligibility.types';
import { normalizeLocale } from 'src/modules/notifications/templates/render';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import {
  REMINDER_CHANNELS,
  ReminderChannel,
  reminderEvents,
  reminderJobIds,
} from 'src/modules/recruitment/pre-departure-reminders';

export interface StoredStep {
  id: string;
  migrantId: string;
  vacancyId: string;
  code: string;
  phase: string;
  dueDate: string;
  legalBasis: string;
  done: boolean;
  overdue: boolean;
  reminderChannels: ReminderChannel[];
}

export interface OverdueStep extends StoredStep {
  migrantName: string | null;
  citizenship: string;
  vacancyTitle: string;
  region: string;
  daysOverdue: number;
}

export interface OverdueFilter {
  migrantId?: string;
  vacancyId?: string;
  code?: string;
  phase?: string;
}

const COLUMNS = `s.id, s.migrant_id AS "migrantId", s.vacancy_id AS "vacancyId", s.code, s.phase,
  s.due_date::text AS "dueDate", s.legal_basis AS "legalBasis", s.done_at IS NOT NULL AS done,
  (s.done_at IS NULL AND s.due_date < current_date) AS overdue, s.reminder_channels AS "reminderChannels"`;

const DEFAULT_TIMEZONE = 'Europe/Moscow';

/**
 * The plan kept for a person: the steps are ticked off by the person, an adviser or staff; each open step is
 * reminded before its deadline by the queues, and staff see what is late.
 */
@Injectable()
export class PreDepartureService {
  private readonly logger = new Logger(PreDepartureService.name);
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
    private readonly outbox: OutboxService,
    private readonly queues: QueueService,
  ) {}

  async save(
    principal: Principal,
    migrantId: string,
    vacancyId: string,
    arrivalDate: string,
    lang: Lang,
    channels: ReminderChannel[] = [...REMINDER_CHANNELS],
  ) {
    const result = await this.eligibility.checkMigrantForVacancyId(
      principal,
      migrantId,
      vacancyId,
      lang,
      arrivalDate,
    );
    if (!result.plan) throw ValidationError.field('arrivalDate', 'no rule set gives a plan for this vacancy');
    const plan = result.plan;
    const [who] = await this.dataSource.query(
      `SELECT m.preferred_language, v.region, f.timezone AS home_timezone
         FROM migrants m JOIN vacancies v ON v.id = $2 LEFT JOIN fairs f ON f.id = m.fair_id
        WHERE m.id = $1`,
      [migrantId, vacancyId],
    );
    // Reminders speak the person's language, whatever language this answer was asked in.
    const personLang: Lang = normalizeLocale(who?.preferred_language) ?? lang;
    const texts =
      personLang === lang
        ? plan
        : (
            await this.eligibility.checkMigrantForVacancyId(
              principal,
              migrantId,
              vacancyId,
              personLang,
              arrivalDate,
            )
          ).plan!;
    const textOf = new Map(texts.steps.map((s) => [`${s.code}:${s.dueDate}`, s.message]));
    // Before and at entry the person is at home (the fair they registered at says where); after it, at work.
    const workZone = (who && this.catalog.region(who.region)?.timezone) || DEFAULT_TIMEZONE;
    const zoneOf = (phase: string) => (phase === 'after' ? workZone : (who?.home_timezone ?? workZone));
    const uniqueChannels = [...new Set(channels)];

    const { items, stale } = await inTransaction(this.dataSource, async (manager) => {
      const open: { id: string; reminder_round: number }[] = await manager.query(
        `DELETE FROM pre_departure_steps WHERE migrant_id = $1 AND vacancy_id = $2 AND done_at IS NULL
         RETURNING id, reminder_round`,
        [migrantId, vacancyId],
      );
      // A step already ticked off stays done; the new plan does not ask for it again.
      const doneRows: { code: string }[] = await manager.query(
        `SELECT code FROM pre_departure_steps WHERE migrant_id = $1 AND vacancy_id = $2 AND done_at IS NOT NULL`,
        [migrantId, vacancyId],
      );
      const done = new Set(doneRows.map((r) => r.code));
      for (const s of plan.steps) {
        if (done.has(s.code)) continue;
        const zone = zoneOf(s.phase);
        const [row] = await manager.query(
          `INSERT INTO pre_departure_steps (migrant_id, vacancy_id, code, phase, due_date, legal_basis,
                                            reminder_channels, reminder_locale, reminder_message, reminder_timezone)
           VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10) RETURNING id`,
          [
            migrantId,
            vacancyId,
            s.code,
            s.phase,
            s.dueDate,
            s.legalBasis,
            uniqueChannels,
            personLang,
            textOf.get(`${s.code}:${s.dueDate}`) ?? s.message,
            zone,
          ],
        );
        if (uniqueChannels.length) {
          await this.outbox.add(
            manager,
            ...reminderEvents({ id: row.id, dueDate: s.dueDate, round: 0 }, zone),
          );
        }
      }
      const items: StoredStep[] = await manager.query(
        `SELECT ${COLUMNS} FROM pre_departure_steps s WHERE s.migrant_id = $1 AND s.vacancy_id = $2
          ORDER BY s.due_date, s.code`,
        [migrantId, vacancyId],
      );
      return { items, stale: open };
    });
    // The replaced steps' jobs would find their step gone and send nothing; removing them keeps Redis tidy.
    for (const s of stale) this.removeReminders(s.id, s.reminder_round);
    return { plan, items };
  }

  /** The person's kept steps (every plan, or one vacancy's), by deadline, in the person's language. */
  async list(principal: Principal, migrantId: string, vacancyId?: string) {
    await this.assertMayTick(principal, migrantId);
    const rows: (StoredStep & { message: string | null; vacancyTitle: string })[] =
      await this.dataSource.query(
        `SELECT ${COLUMNS}, s.reminder_message AS message, v.title AS "vacancyTitle"
         FROM pre_departure_steps s JOIN vacancies v ON v.id = s.vacancy_id
        WHERE s.migrant_id = $1 AND ($2::uuid IS NULL OR s.vacancy_id = $2)
        ORDER BY s.due_date, s.code, s.id LIMIT 500`,
        [migrantId, vacancyId ?? null],
      );
    return rows;
  }

  private async assertMayTick(principal: Principal, migrantId: string): Promise<void> {
    const self =
      principal.kind === 'user' && principal.role === 'migrant' && principal.migrantId === migrantId;
    if (!self && !isStaff(principal) && !(await this.advises(principal, migrantId))) {
      throw new NotFoundError('Plan step');
    }
  }

  async tick(principal: Principal, migrantId: string, stepId: string, done: boolean): Promise<StoredStep> {
    await this.assertMayTick(principal, migrantId);
    const userId = principal.kind === 'user' ? principal.userId : null;
    const { step, round } = await inTransaction(this.dataSource, async (manager) => {
      const [before] = await manager.query(
        `SELECT done_at IS NOT NULL AS done, reminder_round, reminder_timezone, cardinality(reminder_channels) AS n
           FROM pre_departure_steps WHERE id = $2 AND migrant_id = $1 FOR UPDATE`,
        [migrantId, stepId],
      );
      if (!before) throw new NotFoundError('Plan step');
      // Opened again: a new round of reminders under new job ids (the old ones may still be in Redis).
      const reopened = before.done && !done;
      const [rows] = await manager.query(
        `UPDATE pre_departure_steps s SET done_at = CASE WHEN $3 THEN coalesce(done_at, now()) END,
                done_by = CASE WHEN $3 THEN coalesce(done_by, $4::uuid) END,
                reminder_round = reminder_round + CASE WHEN $5 THEN 1 ELSE 0 END
          WHERE id = $2 AND migrant_id = $1 RETURNING ${COLUMNS}, s.reminder_round AS round`,
        [migrantId, stepId, done, userId, reopened],
      );
      const { round, ...step } = rows[0] as StoredStep & { round: number };
      if (reopened && before.n > 0) {
        await this.outbox.add(
          manager,
          ...reminderEvents(
            { id: stepId, dueDate: step.dueDate, round },
            before.reminder_timezone ?? DEFAULT_TIMEZONE,
          ),
        );
      }
      return { step, round };
    });
    // Ticked off: its reminders stop (a job already taken finds the step done and sends nothing).
    if (done) this.removeReminders(stepId, round);
    return step;
  }

  /** Steps of a legal deadline already passed and not ticked off, oldest first (staff), with whose they are. */
  overdue(filter: OverdueFilter = {}): Promise<OverdueStep[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, m.full_name AS "migrantName", m.citizenship, v.title AS "vacancyTitle", v.region,
              (current_date - s.due_date)::int AS "daysOverdue"
         FROM pre_departure_steps s
         JOIN migrants m ON m.id = s.migrant_id
         JOIN vacancies v ON v.id = s.vacancy_id
        WHERE s.done_at IS NULL AND s.due_date < current_date
          AND ($1::uuid IS NULL OR s.migrant_id = $1) AND ($2::uuid IS NULL OR s.vacancy_id = $2)
          AND ($3::text IS NULL OR s.code = $3) AND ($4::text IS NULL OR s.phase = $4)
        ORDER BY s.due_date, s.id LIMIT 500`,
      [filter.migrantId ?? null, filter.vacancyId ?? null, filter.code ?? null, filter.phase ?? null],
    );
  }

  /**
   * A legal adviser helps with the plan of a person who consulted them (booked or held, not cancelled), as they may
   * file a grievance only for such a person; anyone else's plan is not theirs to know.
   */
  private async advises(principal: Principal, migrantId: string): Promise<boolean> {
    if (principal.kind !== 'user' || principal.role !== 'legal_adviser') return false;
    const rows = await this.dataSource.query(
      `SELECT 1 FROM legal_consultations c JOIN legal_consultation_slots s ON s.id = c.slot_id
        WHERE c.migrant_id = $1 AND s.adviser_id = $2 AND c.status <> 'cancelled' LIMIT 1`,
      [migrantId, principal.userId],
    );
    return rows.length > 0;
  }

  private removeReminders(stepId: string, round: number): void {
    for (const jobId of reminderJobIds(stepId, round)) {
      this.queues
        .remove(JobName.PreDepartureReminder, jobId)
        .catch((error: Error) => this.logger.debug(`reminder ${jobId} not removed: ${error.message}`));
    }
  }
}
