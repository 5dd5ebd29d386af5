import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface EntryBanRow {
  id: string;
  migrant_id: string;
  host_country: string;
  until_date: string;
  source: string;
  note_encrypted: string | null;
  lifted_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, migrant_id, host_country, until_date::text AS until_date, source, note_encrypted, lifted_at,
                 created_at`;

/** Every query on entry bans. */
@Injectable()
export class EntryBansRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    ban: {
      migrantId: string;
      hostCountry: string;
      until: string;
      source: string;
      noteEncrypted: string | null;
      recordedBy: string | null;
    },
  ): Promise<EntryBanRow> {
    const [row] = await manager.query(
      `INSERT INTO entry_bans (migrant_id, host_country, until_date, source, note_encrypted, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [ban.migrantId, ban.hostCountry, ban.until, ban.source, ban.noteEncrypted, ban.recordedBy],
    );
    return row as EntryBanRow;
  }

  listOfMigrant(migrantId: string): Promise<EntryBanRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM entry_bans WHERE migrant_id = $1 ORDER BY created_at, id`,
      [migrantId],
    );
  }

  async lift(manager: EntityManager, migrantId: string, id: string, by: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE entry_bans SET lifted_at = now(), lifted_by = $3
        WHERE id = $2 AND migrant_id = $1 AND lifted_at IS NULL RETURNING id`,
      [migrantId, id, by],
    );
    return rows.length > 0;
  }

  /** The latest end date of the person's bans of `host` not lifted and not over by `onOrAfter`. */
  async runningUntil(migrantId: string, host: string, onOrAfter: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT max(until_date)::text AS until FROM entry_bans
        WHERE migrant_id = $1 AND host_country = $2 AND lifted_at IS NULL AND until_date >= $3::date`,
      [migrantId, host, onOrAfter],
    );
    return (row?.until as string | null) ?? undefined;
  }

  async writeAudit(
    manager: EntityManager,
    e: { actorId: string | null; actorRole: string; action: string; subjectId: string; details: object },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, details)
       VALUES ($1, $2, $3, 'migrant', $4, $5::jsonb)`,
      [e.actorId, e.actorRole, e.action, e.subjectId, JSON.stringify(e.details)],
    );
  }
}
