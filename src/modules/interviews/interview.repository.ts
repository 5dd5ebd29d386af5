import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationStatus } from 'src/modules/applications/application-state';
import { PlaceClock, ZoneFacts } from 'src/modules/interviews/interview-zones';
import {
  InterviewEntity,
  InterviewResult,
  InterviewSlotEntity,
  SlotMode,
} from 'src/modules/interviews/interview.entity';

export interface NewSlotRow {
  vacancyId: string;
  employerId: string;
  fairId: string | null;
  startsAt: Date;
  endsAt: Date;
  mode: SlotMode;
  location: string | null;
  createdBy: string | null;
}

export interface SlotWithAvailability extends InterviewSlotEntity {
  available: boolean;
}

export interface ApplicationRef {
  id: string;
  migrantId: string;
  employerId: string;
  vacancyId: string;
  status: ApplicationStatus;
}

export interface FairRef {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  participates: boolean;
}

export interface InterviewWithSlot extends InterviewEntity {
  mode: SlotMode;
  location: string | null;
  fairId: string | null;
  zoneFacts: ZoneFacts;
}

/** Everything the messages about one interview need: people, place, time zone. */
export interface InterviewContext {
  interview: InterviewWithSlot;
  vacancyTitle: string;
  employer: { name: string; email: string; region: string };
  fair: { venue: string; timezone: string; booth: string | null } | null;
  migrant: {
    fullName: string | null;
    email: string | null;
    phone: string | null;
    preferredLanguage: string;
    userId: string | null;
  };
  employerUsers: { id: string; preferredLanguage: string }[];
}

// The zone facts: the employer's region, the slot's fair, and the candidate's fair (where they applied, else
// where they registered), so both sides of a remote interview read it on their own clock.
const ZONE_COLUMNS = `ze.region AS employer_region, sf.timezone AS slot_fair_timezone, sf.region AS slot_fair_region,
       cf.timezone AS candidate_fair_timezone, cf.region AS candidate_fair_region`;
const ZONE_JOINS = `
    JOIN employers ze ON ze.id = i.employer_id
    JOIN applications za ON za.id = i.application_id
    JOIN migrants zm ON zm.id = i.migrant_id
    LEFT JOIN fairs sf ON sf.id = s.fair_id
    LEFT JOIN fairs cf ON cf.id = coalesce(za.fair_id, zm.fair_id)`;

const INTERVIEW_WITH_SLOT = `
  SELECT i.*, s.mode, s.location, s.fair_id, ${ZONE_COLUMNS}
    FROM interviews i JOIN interview_slots s ON s.id = i.slot_id ${ZONE_JOINS}`;

function clock(timeZone: unknown, region: unknown): PlaceClock | null {
  return timeZone ? { timeZone: timeZone as string, region: (region as string | null) ?? null } : null;
}

function toInterview(row: Record<string, unknown>): InterviewWithSlot {
  return {
    id: row.id as string,
    applicationId: row.application_id as string,
    slotId: row.slot_id as string,
    migrantId: row.migrant_id as string,
    employerId: row.employer_id as string,
    vacancyId: row.vacancy_id as string,
    recruitId: (row.recruit_id as string | null) ?? null,
    startsAt: row.starts_at as Date,
    endsAt: row.ends_at as Date,
    status: row.status as InterviewEntity['status'],
    sequence: row.sequence as number,
    attended: row.attended as boolean | null,
    result: row.result as InterviewResult | null,
    notes: row.notes as string | null,
    cancelReason: row.cancel_reason as string | null,
    cancelledAt: row.cancelled_at as Date | null,
    outcomeAt: row.outcome_at as Date | null,
    createdBy: row.created_by as string | null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    mode: row.mode as SlotMode,
    location: row.location as string | null,
    fairId: row.fair_id as string | null,
    zoneFacts: {
      mode: row.mode as SlotMode,
      employerRegion: row.employer_region as string | null,
      slotFair: clock(row.slot_fair_timezone, row.slot_fair_region),
      candidateFair: clock(row.candidate_fair_timezone, row.candidate_fair_region),
    },
  };
}

function toSlot(row: Record<string, unknown>): SlotWithAvailability {
  return {
    id: row.id as string,
    vacancyId: row.vacancy_id as string,
    employerId: row.employer_id as string,
    fairId: row.fair_id as string | null,
    startsAt: row.starts_at as Date,
    endsAt: row.ends_at as Date,
    mode: row.mode as SlotMode,
    location: row.location as string | null,
    locationKey: row.location_key as string,
    createdBy: row.created_by as string | null,
    createdAt: row.created_at as Date,
    available: row.available as boolean,
  };
}

/** Every query of interviews and their slots. */
@Injectable()
export class InterviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  // --- slots ---

  async insertSlots(manager: EntityManager, slots: NewSlotRow[]): Promise<SlotWithAvailability[]> {
    const values: unknown[] = [];
    const rows = slots.map((s, i) => {
      values.push(s.vacancyId, s.employerId, s.fairId, s.startsAt, s.endsAt, s.mode, s.location, s.createdBy);
      const o = i * 8;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}, $${o + 8})`;
    });
    const inserted: Record<string, unknown>[] = await manager.query(
      `INSERT INTO interview_slots (vacancy_id, employer_id, fair_id, starts_at, ends_at, mode, location, created_by)
       VALUES ${rows.join(', ')} RETURNING *, (starts_at > now()) AS available`,
      values,
    );
    return inserted.map(toSlot);
  }

  /** Slots of a vacancy by start time; `available` = not booked by a scheduled interview and not started. */
  async listSlots(vacancyId: string, availableOnly: boolean): Promise<SlotWithAvailability[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT s.*, (s.starts_at > now() AND NOT EXISTS (
                  SELECT 1 FROM interviews i WHERE i.slot_id = s.id AND i.status = 'scheduled')) AS available
           FROM interview_slots s WHERE s.vacancy_id = $1) x
        WHERE NOT $2::boolean OR available
        ORDER BY starts_at, id
        LIMIT 1000`,
      [vacancyId, availableOnly],
    );
    return rows.map(toSlot);
  }

  async findSlot(manager: EntityManager, id: string): Promise<SlotWithAvailability | null> {
    const [row] = await manager.query(
      `SELECT s.*, (s.starts_at > now() AND NOT EXISTS (
                SELECT 1 FROM interviews i WHERE i.slot_id = s.id AND i.status = 'scheduled')) AS available
         FROM interview_slots s WHERE s.id = $1`,
      [id],
    );
    return row ? toSlot(row) : null;
  }

  /** The fairs named by new slots, with whether the employer takes part in each. */
  async findFairs(manager: EntityManager, ids: string[], employerId: string): Promise<Map<string, FairRef>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT f.id, f.starts_at, f.ends_at, f.status,
              EXISTS (SELECT 1 FROM fair_participants p WHERE p.fair_id = f.id AND p.employer_id = $2) AS participates
         FROM fairs f WHERE f.id = ANY($1::uuid[])`,
      [ids, employerId],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          id: r.id as string,
          startsAt: r.starts_at as Date,
          endsAt: r.ends_at as Date,
          status: r.status as string,
          participates: r.participates as boolean,
        },
      ]),
    );
  }

  // --- applications (read-only; status changes go through transitionApplication) ---

  async migrantPhone(manager: EntityManager, migrantId: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT phone FROM migrants WHERE id = $1`, [migrantId]);
    return (row?.phone as string | null) ?? null;
  }

  async findApplication(manager: EntityManager, id: string): Promise<ApplicationRef | null> {
    const [row] = await manager.query(
      `SELECT id, migrant_id, employer_id, vacancy_id, status FROM applications WHERE id = $1`,
      [id],
    );
    return row
      ? {
          id: row.id,
          migrantId: row.migrant_id,
          employerId: row.employer_id,
          vacancyId: row.vacancy_id,
          status: row.status,
        }
      : null;
  }

  // --- interviews ---

  async insertInterview(
    manager: EntityManager,
    row: Pick<
      InterviewEntity,
      | 'applicationId'
      | 'slotId'
      | 'migrantId'
      | 'employerId'
      | 'vacancyId'
      | 'recruitId'
      | 'startsAt'
      | 'endsAt'
      | 'createdBy'
    >,
  ): Promise<string> {
    const [inserted] = await manager.query(
      `INSERT INTO interviews (application_id, slot_id, migrant_id, employer_id, vacancy_id, recruit_id, starts_at,
                               ends_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        row.applicationId,
        row.slotId,
        row.migrantId,
        row.employerId,
        row.vacancyId,
        row.recruitId,
        row.startsAt,
        row.endsAt,
        row.createdBy,
      ],
    );
    return inserted.id;
  }

  /** The person's newest recruit, not dropped, of an order for this vacancy: the one an interview is for. */
  async findRecruitFor(manager: EntityManager, vacancyId: string, migrantId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT r.id FROM recruits r JOIN recruitment_orders o ON o.id = r.order_id
        WHERE o.vacancy_id = $1 AND r.migrant_id = $2 AND r.status <> 'dropped'
        ORDER BY r.created_at DESC, r.id LIMIT 1`,
      [vacancyId, migrantId],
    );
    return (row?.id as string | undefined) ?? null;
  }

  /** A person selected for an order after an interview for its vacancy: that interview is the recruit's. */
  async linkRecruit(
    manager: EntityManager,
    recruitId: string,
    migrantId: string,
    vacancyId: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE interviews SET recruit_id = $1, updated_at = now()
        WHERE migrant_id = $2 AND vacancy_id = $3 AND recruit_id IS NULL`,
      [recruitId, migrantId, vacancyId],
    );
  }

  /** Each recruit's interview to show: the scheduled one, else the latest. */
  async latestByRecruits(recruitIds: string[]): Promise<Map<string, InterviewWithSlot>> {
    if (!recruitIds.length) return new Map();
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT DISTINCT ON (i.recruit_id) i.*, s.mode, s.location, s.fair_id, ${ZONE_COLUMNS}
         FROM interviews i JOIN interview_slots s ON s.id = i.slot_id ${ZONE_JOINS}
        WHERE i.recruit_id = ANY($1::uuid[])
        ORDER BY i.recruit_id, (i.status = 'scheduled') DESC, i.starts_at DESC, i.id`,
      [recruitIds],
    );
    return new Map(rows.map((row) => [row.recruit_id as string, toInterview(row)]));
  }

  async findById(manager: EntityManager | undefined, id: string): Promise<InterviewWithSlot | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(`${INTERVIEW_WITH_SLOT} WHERE i.id = $1`, [
      id,
    ]);
    return row ? toInterview(row) : null;
  }

  /** Locks the interview row for a change in the caller's transaction. */
  async lockById(manager: EntityManager, id: string): Promise<InterviewWithSlot | null> {
    const [row] = await manager.query(`${INTERVIEW_WITH_SLOT} WHERE i.id = $1 FOR UPDATE OF i`, [id]);
    return row ? toInterview(row) : null;
  }

  async listByApplication(applicationId: string): Promise<InterviewWithSlot[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `${INTERVIEW_WITH_SLOT} WHERE i.application_id = $1 ORDER BY i.created_at, i.id`,
      [applicationId],
    );
    return rows.map(toInterview);
  }

  async lastOutcome(manager: EntityManager, applicationId: string): Promise<InterviewResult | null> {
    const [row] = await manager.query(
      `SELECT result FROM interviews WHERE application_id = $1 AND outcome_at IS NOT NULL
        ORDER BY outcome_at DESC LIMIT 1`,
      [applicationId],
    );
    return row?.result ?? null;
  }

  async moveToSlot(
    manager: EntityManager,
    id: string,
    slot: Pick<InterviewSlotEntity, 'id' | 'startsAt' | 'endsAt'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE interviews SET slot_id = $2, starts_at = $3, ends_at = $4, sequence = sequence + 1, updated_at = now()
        WHERE id = $1`,
      [id, slot.id, slot.startsAt, slot.endsAt],
    );
  }

  async markCancelled(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE interviews SET status = 'cancelled', sequence = sequence + 1, cancel_reason = $2,
              cancelled_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, reason],
    );
  }

  async recordOutcome(
    manager: EntityManager,
    id: string,
    outcome: { attended: boolean; result: InterviewResult | null; notes: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE interviews SET status = $2, attended = $3, result = $4, notes = $5, outcome_at = now(),
              updated_at = now()
        WHERE id = $1`,
      [id, outcome.attended ? 'completed' : 'no_show', outcome.attended, outcome.result, outcome.notes],
    );
  }

  async context(manager: EntityManager, id: string): Promise<InterviewContext | null> {
    return (await this.contexts(manager, [id])).get(id) ?? null;
  }

  /**
   * The contexts of many interviews in one statement, by id; a missing one is absent. With `lock`, the
   * interview rows are share-locked until the caller's transaction ends, so a cancellation or reschedule
   * waits for the messages written from this snapshot (and is seen by anyone reading after it).
   */
  async contexts(
    manager: EntityManager,
    ids: string[],
    lock = false,
  ): Promise<Map<string, InterviewContext>> {
    if (!ids.length) return new Map();
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT i.*, s.mode, s.location, s.fair_id, ${ZONE_COLUMNS},
              v.title AS vacancy_title, e.name AS employer_name, e.email AS employer_email,
              e.region AS employer_region, f.venue, f.timezone, p.booth,
              m.full_name, m.email AS migrant_email, m.phone AS migrant_phone, m.preferred_language,
              (SELECT u.id FROM users u WHERE u.migrant_id = m.id AND NOT u.disabled LIMIT 1) AS migrant_user_id,
              (SELECT coalesce(json_agg(json_build_object('id', eu.id, 'preferredLanguage', eu.preferred_language)
                                        ORDER BY eu.created_at), '[]')
                 FROM (SELECT id, preferred_language, created_at FROM users
                        WHERE employer_id = i.employer_id AND NOT disabled ORDER BY created_at LIMIT 20) eu
              ) AS employer_users
         FROM interviews i
         JOIN interview_slots s ON s.id = i.slot_id
         JOIN vacancies v ON v.id = i.vacancy_id
         JOIN employers e ON e.id = v.employer_id
         JOIN migrants m ON m.id = i.migrant_id
         LEFT JOIN fairs f ON f.id = s.fair_id
         LEFT JOIN fair_participants p ON p.fair_id = f.id AND p.employer_id = e.id ${ZONE_JOINS}
        WHERE i.id = ANY($1::uuid[])
        ORDER BY i.id
        ${lock ? 'FOR SHARE OF i' : ''}`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.id as string,
        {
          interview: toInterview(row),
          vacancyTitle: row.vacancy_title as string,
          employer: {
            name: row.employer_name as string,
            email: row.employer_email as string,
            region: row.employer_region as string,
          },
          fair: row.venue
            ? {
                venue: row.venue as string,
                timezone: row.timezone as string,
                booth: row.booth as string | null,
              }
            : null,
          migrant: {
            fullName: row.full_name as string | null,
            email: row.migrant_email as string | null,
            phone: row.migrant_phone as string | null,
            preferredLanguage: row.preferred_language as string,
            userId: row.migrant_user_id as string | null,
          },
          employerUsers: row.employer_users as InterviewContext['employerUsers'],
        },
      ]),
    );
  }
}
