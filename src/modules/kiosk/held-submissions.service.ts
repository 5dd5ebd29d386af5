import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KioskPrincipal, UserPrincipal } from 'src/common/auth/principal';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { inTransaction } from 'src/database/transaction';
import {
  HeldSubmissionDto,
  HeldSubmissionReportedDto,
  KioskRefusalDto,
  ReportHeldSubmissionDto,
} from 'src/modules/kiosk/held-submissions.dto';

/** A stored submission is small; anything bigger is not a kiosk's. */
const MAX_SUBMISSION_BYTES = 32 * 1024;

interface HeldRow {
  id: string;
  fair_id: string;
  kiosk_id: string;
  kiosk_label: string | null;
  fair_name: string | null;
  submission_encrypted: string;
  refusal: KioskRefusalDto;
  submitted_at: Date;
  reported_at: Date;
  resolved_at: Date | null;
  resolution_encrypted: string | null;
}

const SELECT_HELD = `SELECT h.*, k.label AS kiosk_label, f.name AS fair_name
    FROM kiosk_held_submissions h JOIN kiosks k ON k.id = h.kiosk_id JOIN fairs f ON f.id = h.fair_id`;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Kiosk submissions refused after the person left the kiosk. The kiosk's offline queue hands each one over
 * instead of dropping it; the fair's staff see who it was and why it was refused, call the person back and mark
 * it resolved. A proof of identity (access code, texted code) in it is never stored.
 */
@Injectable()
export class HeldSubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  async report(kiosk: KioskPrincipal, dto: ReportHeldSubmissionDto): Promise<HeldSubmissionReportedDto> {
    const { identification: _proof, ...submission } = dto.submission;
    const plain = JSON.stringify(submission);
    if (Buffer.byteLength(plain) > MAX_SUBMISSION_BYTES) {
      throw ValidationError.field('submission', `must be at most ${MAX_SUBMISSION_BYTES} bytes`);
    }
    const refusal: KioskRefusalDto = {
      status: dto.refusal.status,
      type: dto.refusal.type,
      title: dto.refusal.title,
      ...(dto.refusal.detail ? { detail: dto.refusal.detail } : {}),
    };
    const rows: Array<{ id: string; created: boolean }> = await this.dataSource.query(
      `INSERT INTO kiosk_held_submissions (fair_id, kiosk_id, idempotency_key, submission_encrypted, refusal, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kiosk_id, idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, (xmax = 0) AS created`,
      [
        kiosk.fairId,
        kiosk.kioskId,
        dto.idempotencyKey,
        this.cipher.encrypt(plain),
        JSON.stringify(refusal),
        new Date(dto.submittedAt),
      ],
    );
    return { id: rows[0].id, created: rows[0].created };
  }

  /** Held submissions, of one fair or all, oldest first; reading them is on the audit trail (personal data). */
  async list(
    user: UserPrincipal,
    fairId: string | undefined,
    withResolved = false,
  ): Promise<HeldSubmissionDto[]> {
    if (fairId) {
      const [fair]: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM fairs WHERE id = $1`,
        [fairId],
      );
      if (!fair) throw new NotFoundError('Fair');
    }
    const rows: HeldRow[] = await this.dataSource.query(
      `${SELECT_HELD}
        WHERE ($1::uuid IS NULL OR h.fair_id = $1) AND ($2::boolean OR h.resolved_at IS NULL)
        ORDER BY h.submitted_at, h.id
        LIMIT 500`,
      [fairId ?? null, withResolved],
    );
    const items = rows.map((r) => ({ row: r, submission: this.open(r) }));
    const ids = [...new Set(items.flatMap((i) => this.vacancyIds(i.submission)))];
    const titles = new Map<string, string>();
    if (ids.length) {
      const found: Array<{ id: string; title: string }> = await this.dataSource.query(
        `SELECT id, title FROM vacancies WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      for (const v of found) titles.set(v.id, v.title);
    }
    if (rows.length) {
      await this.audit(
        user,
        'kiosk_held_submission.read',
        rows.map((r) => r.id),
      );
    }
    return items.map(({ row, submission }) => this.view(row, submission, titles));
  }

  async resolve(user: UserPrincipal, id: string, note: string): Promise<HeldSubmissionDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const [row]: HeldRow[] = await manager.query(`${SELECT_HELD} WHERE h.id = $1 FOR UPDATE OF h`, [id]);
      if (!row) throw new NotFoundError('Held submission');
      if (row.resolved_at) throw new DomainError(ErrorCode.Conflict, 'This submission is already resolved');
      const [[updated]]: [HeldRow[], number] = await manager.query(
        `UPDATE kiosk_held_submissions SET resolved_at = now(), resolved_by = $2, resolution_encrypted = $3
          WHERE id = $1 RETURNING *`,
        [id, user.userId, this.cipher.encrypt(note)],
      );
      await manager.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id)
         VALUES ($1, $2, 'kiosk_held_submission.resolved', 'kiosk_held_submission', $3)`,
        [user.userId, user.role, id],
      );
      const submission = this.open(row);
      const titles = new Map<string, string>();
      return this.view(
        { ...updated, kiosk_label: row.kiosk_label, fair_name: row.fair_name },
        submission,
        titles,
      );
    });
  }

  private open(row: HeldRow): Record<string, unknown> {
    try {
      const parsed = JSON.parse(this.cipher.decrypt(row.submission_encrypted)) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  private vacancyIds(submission: Record<string, unknown>): string[] {
    const ids = submission.vacancyIds;
    return Array.isArray(ids)
      ? ids.filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v))
      : [];
  }

  private view(
    row: HeldRow,
    submission: Record<string, unknown>,
    titles: Map<string, string>,
  ): HeldSubmissionDto {
    const migrant = (submission.migrant ?? {}) as Record<string, unknown>;
    return {
      id: row.id,
      fairId: row.fair_id,
      fairName: row.fair_name,
      kioskId: row.kiosk_id,
      kioskLabel: row.kiosk_label,
      fullName: str(migrant.fullName),
      phone: str(migrant.phone),
      birthDate: str(migrant.birthDate),
      citizenship: str(migrant.citizenship),
      preferredLanguage: str(migrant.preferredLanguage),
      vacancies: this.vacancyIds(submission).map((id) => ({ id, title: titles.get(id) ?? null })),
      refusal: row.refusal,
      submittedAt: new Date(row.submitted_at).toISOString(),
      reportedAt: new Date(row.reported_at).toISOString(),
      resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
      resolution: row.resolution_encrypted ? this.cipher.decrypt(row.resolution_encrypted) : null,
    };
  }

  private async audit(user: UserPrincipal, action: string, ids: string[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id)
       SELECT $1, $2, $3, 'kiosk_held_submission', id FROM unnest($4::uuid[]) AS id`,
      [user.userId, user.role, action, ids],
    );
  }
}
