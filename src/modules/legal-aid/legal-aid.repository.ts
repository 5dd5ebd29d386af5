import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface SlotRow {
  id: string;
  deskId: string;
  fairId: string;
  adviserId: string;
  startsAt: Date;
  endsAt: Date;
  booked: boolean;
  deskName: string;
  location: string | null;
  timezone: string;
}

export interface ConsultationRow {
  id: string;
  slotId: string;
  migrantId: string;
  adviserId: string;
  fairId: string;
  topic: string;
  language: string;
  channel: string;
  status: string;
  outcomeEnc: string | null;
  grievanceId: string | null;
  deskId: string;
  /** iCalendar SEQUENCE: raised by every move and the cancellation. */
  sequence: number;
  cancelReasonEnc: string | null;
  cancelledAt: Date | null;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
}

const SLOT_COLUMNS = `
  s.id, s.desk_id AS "deskId", d.fair_id AS "fairId", s.adviser_id AS "adviserId", s.starts_at AS "startsAt",
  s.ends_at AS "endsAt", d.name AS "deskName", d.location, f.timezone,
  EXISTS (SELECT 1 FROM legal_consultations c WHERE c.slot_id = s.id AND c.status <> 'cancelled') AS booked`;

const CONSULTATION_COLUMNS = `
  c.id, c.slot_id AS "slotId", c.migrant_id AS "migrantId", s.adviser_id AS "adviserId", d.fair_id AS "fairId",
  c.topic, c.language, c.channel, c.status, c.outcome_enc AS "outcomeEnc", c.grievance_id AS "grievanceId",
  s.desk_id AS "deskId", c.sequence, c.cancel_reason_enc AS "cancelReasonEnc", c.cancelled_at AS "cancelledAt",
  s.starts_at AS "startsAt", s.ends_at AS "endsAt", c.created_at AS "createdAt"`;

const CONSULTATION_FROM = `legal_consultations c JOIN legal_consultation_slots s ON s.id = c.slot_id
  JOIN legal_desks d ON d.id = s.desk_id`;

@Injectable()
export class LegalAidRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertAdviserFairs(manager: EntityManager, adviserId: string, fairIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO legal_adviser_fairs (adviser_id, fair_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [adviserId, fairIds],
    );
  }

  async existingFairs(ids: string[]): Promise<string[]> {
    const rows = await this.dataSource.query(`SELECT id FROM fairs WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r: { id: string }) => r.id);
  }

  async fair(id: string): Promise<{ id: string; timezone: string } | null> {
    const rows = await this.dataSource.query(`SELECT id, timezone FROM fairs WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Active advisers with the fairs they work at, by name. */
  async advisers(): Promise<{ id: string; displayName: string | null; email: string; fairIds: string[] }[]> {
    return this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", u.email,
              coalesce(array_agg(a.fair_id ORDER BY a.fair_id) FILTER (WHERE a.fair_id IS NOT NULL), '{}') AS "fairIds"
         FROM users u LEFT JOIN legal_adviser_fairs a ON a.adviser_id = u.id
        WHERE u.role = 'legal_adviser' AND NOT u.disabled
        GROUP BY u.id ORDER BY u.display_name, u.id`,
    );
  }

  async advisersOfFair(fairId: string): Promise<string[]> {
    const rows = await this.dataSource.query(
      `SELECT a.adviser_id AS id FROM legal_adviser_fairs a JOIN users u ON u.id = a.adviser_id
        WHERE a.fair_id = $1 AND u.role = 'legal_adviser' AND NOT u.disabled`,
      [fairId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async insertDesk(
    manager: EntityManager,
    d: { fairId: string; name: string; location: string | null; createdBy: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO legal_desks (fair_id, name, location, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [d.fairId, d.name, d.location, d.createdBy],
    );
    return row.id as string;
  }

  async insertSlot(
    manager: EntityManager,
    s: { deskId: string; adviserId: string; startsAt: string; endsAt: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO legal_consultation_slots (desk_id, adviser_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`,
      [s.deskId, s.adviserId, s.startsAt, s.endsAt],
    );
  }

  async desksOfFair(fairId: string): Promise<{ id: string; name: string; location: string | null }[]> {
    return this.dataSource.query(
      `SELECT id, name, location FROM legal_desks WHERE fair_id = $1 ORDER BY created_at, id`,
      [fairId],
    );
  }

  async slotsOfFair(fairId: string): Promise<SlotRow[]> {
    return this.dataSource.query(
      `SELECT ${SLOT_COLUMNS} FROM legal_consultation_slots s JOIN legal_desks d ON d.id = s.desk_id
         JOIN fairs f ON f.id = d.fair_id WHERE d.fair_id = $1 ORDER BY s.starts_at, s.id`,
      [fairId],
    );
  }

  async slot(id: string): Promise<SlotRow | null> {
    const rows = await this.dataSource.query(
      `SELECT ${SLOT_COLUMNS} FROM legal_consultation_slots s JOIN legal_desks d ON d.id = s.desk_id
         JOIN fairs f ON f.id = d.fair_id WHERE s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertConsultation(
    manager: EntityManager,
    c: { slotId: string; migrantId: string; topic: string; language: string; channel: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO legal_consultations (slot_id, migrant_id, topic, language, channel)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [c.slotId, c.migrantId, c.topic, c.language, c.channel],
    );
    return row.id as string;
  }

  async consultation(id: string, manager?: EntityManager): Promise<ConsultationRow | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT ${CONSULTATION_COLUMNS} FROM ${CONSULTATION_FROM} WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The booking locked for a change (move, cancellation) in the caller's transaction. */
  async lockConsultation(manager: EntityManager, id: string): Promise<ConsultationRow | null> {
    const rows = await manager.query(
      `SELECT ${CONSULTATION_COLUMNS} FROM ${CONSULTATION_FROM} WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Moves the booking to another slot; the partial unique index refuses a slot that holds a booking. */
  async moveToSlot(manager: EntityManager, id: string, slotId: string): Promise<void> {
    await manager.query(
      `UPDATE legal_consultations SET slot_id = $2, sequence = sequence + 1, updated_at = now() WHERE id = $1`,
      [id, slotId],
    );
  }

  async cancel(manager: EntityManager, id: string, reasonEnc: string, role: string): Promise<void> {
    await manager.query(
      `UPDATE legal_consultations SET status = 'cancelled', cancel_reason_enc = $2, cancelled_at = now(),
              cancelled_by_role = $3, sequence = sequence + 1, updated_at = now()
        WHERE id = $1`,
      [id, reasonEnc, role],
    );
  }

  async listConsultations(f: { migrantId?: string; adviserId?: string }): Promise<ConsultationRow[]> {
    return this.dataSource.query(
      `SELECT ${CONSULTATION_COLUMNS} FROM ${CONSULTATION_FROM}
        WHERE ($1::uuid IS NULL OR c.migrant_id = $1) AND ($2::uuid IS NULL OR s.adviser_id = $2)
        ORDER BY s.starts_at, c.id LIMIT 500`,
      [f.migrantId ?? null, f.adviserId ?? null],
    );
  }

  async recordOutcome(
    manager: EntityManager,
    id: string,
    outcomeEnc: string,
    grievanceId: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE legal_consultations SET status = 'done', outcome_enc = $2, grievance_id = coalesce($3, grievance_id),
              updated_at = now() WHERE id = $1`,
      [id, outcomeEnc, grievanceId],
    );
  }

  async documentsOf(migrantId: string) {
    return this.dataSource.query(
      `SELECT id, type, number_masked AS number, issuing_country AS "issuingCountry", region,
              valid_from::text AS "validFrom", valid_until::text AS "validUntil"
         FROM migrant_documents WHERE migrant_id = $1 ORDER BY created_at, id`,
      [migrantId],
    );
  }

  async attendedFair(migrantId: string, fairId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM migrants WHERE id = $1 AND fair_id = $2
       UNION ALL SELECT 1 FROM fair_attendance WHERE migrant_id = $1 AND fair_id = $2 LIMIT 1`,
      [migrantId, fairId],
    );
    return rows.length > 0;
  }

  async contactOf(
    manager: EntityManager,
    migrantId: string,
  ): Promise<{ userId: string | null; phone: string | null; fullName: string | null } | null> {
    const rows = await manager.query(
      `SELECT (SELECT u.id FROM users u WHERE u.migrant_id = m.id AND NOT u.disabled LIMIT 1) AS "userId",
              m.phone, m.full_name AS "fullName"
         FROM migrants m WHERE m.id = $1 AND m.status = 'active'`,
      [migrantId],
    );
    return rows[0] ?? null;
  }

  async audit(e: { actorId: string; actorRole: string; action: string; subjectId: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id)
       VALUES ($1, $2, $3, 'legal_consultation', $4)`,
      [e.actorId, e.actorRole, e.action, e.subjectId],
    );
  }
}
