import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, isStaff } from 'src/common/auth/principal';
import { NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { inTransaction } from 'src/database/transaction';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import type { Lang } from 'src/modules/eligibility/eligibility.types';

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
}

const COLUMNS = `id, migrant_id AS "migrantId", vacancy_id AS "vacancyId", code, phase, due_date::text AS "dueDate",
  legal_basis AS "legalBasis", done_at IS NOT NULL AS done, (done_at IS NULL AND due_date < current_date) AS overdue`;

/** The plan kept for a person: the steps are ticked off by the person, an adviser or staff; staff see what is late. */
@Injectable()
export class PreDepartureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eligibility: EligibilityService,
  ) {}

  async save(principal: Principal, migrantId: string, vacancyId: string, arrivalDate: string, lang: Lang) {
    const result = await this.eligibility.checkMigrantForVacancyId(
      principal,
      migrantId,
      vacancyId,
      lang,
      arrivalDate,
    );
    if (!result.plan) throw ValidationError.field('arrivalDate', 'no rule set gives a plan for this vacancy');
    const plan = result.plan;
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `DELETE FROM pre_departure_steps WHERE migrant_id = $1 AND vacancy_id = $2 AND done_at IS NULL`,
        [migrantId, vacancyId],
      );
      for (const s of plan.steps) {
        await manager.query(
          `INSERT INTO pre_departure_steps (migrant_id, vacancy_id, code, phase, due_date, legal_basis)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [migrantId, vacancyId, s.code, s.phase, s.dueDate, s.legalBasis],
        );
      }
      const items: StoredStep[] = await manager.query(
        `SELECT ${COLUMNS} FROM pre_departure_steps WHERE migrant_id = $1 AND vacancy_id = $2 ORDER BY due_date, code`,
        [migrantId, vacancyId],
      );
      return { plan, items };
    });
  }

  async tick(principal: Principal, migrantId: string, stepId: string, done: boolean): Promise<StoredStep> {
    const self =
      principal.kind === 'user' && principal.role === 'migrant' && principal.migrantId === migrantId;
    if (!self && !isStaff(principal)) throw new NotFoundError('Plan step');
    const userId = principal.kind === 'user' ? principal.userId : null;
    const [rows] = await this.dataSource.query(
      `UPDATE pre_departure_steps SET done_at = CASE WHEN $3 THEN now() END, done_by = CASE WHEN $3 THEN $4::uuid END
        WHERE id = $2 AND migrant_id = $1 RETURNING ${COLUMNS}`,
      [migrantId, stepId, done, userId],
    );
    if (!rows?.length) throw new NotFoundError('Plan step');
    return rows[0] as StoredStep;
  }

  /** Steps of a legal deadline already passed and not ticked off, oldest first (staff). */
  overdue(): Promise<StoredStep[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM pre_departure_steps WHERE done_at IS NULL AND due_date < current_date
        ORDER BY due_date, id LIMIT 500`,
    );
  }
}
