import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UserPrincipal } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError } from 'src/common/errors/domain-error';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { GrievancesRepository } from 'src/modules/grievances/grievances.repository';
import { SuspensionResultDto } from 'src/modules/grievances/grievances.dto';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { VacancyRepository } from 'src/modules/vacancies/vacancy.repository';

/**
 * Staff suspend an employer's publishing with a reason: the employer's status becomes `suspended` (so publishing
 * is refused, as for any employer that is not verified), its published vacancies are paused and the search index
 * told, and the employer's users are told why. Lifting restores the status it had.
 */
@Injectable()
export class EmployerSuspensionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grievances: GrievancesRepository,
    private readonly vacancies: VacancyRepository,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
  ) {}

  async suspend(staff: UserPrincipal, employerId: string, reason: string): Promise<SuspensionResultDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const employer = await this.lockEmployer(manager, employerId);
      if (employer.status === 'suspended') {
        throw new DomainError(ErrorCode.InvalidTransition, 'This employer is suspended already', {
          currentStatus: employer.status,
        });
      }
      await manager.query(
        `INSERT INTO employer_suspensions (employer_id, reason, previous_status, suspended_by) VALUES ($1, $2, $3, $4)`,
        [employerId, reason.trim(), employer.status, staff.userId],
      );
      await manager.query(`UPDATE employers SET status = 'suspended', updated_at = now() WHERE id = $1`, [
        employerId,
      ]);
      const ids: { id: string }[] = await manager.query(
        `SELECT id FROM vacancies WHERE employer_id = $1 AND status = 'published' ORDER BY id`,
        [employerId],
      );
      for (const { id } of ids) {
        const v = await this.vacancies.findByIdForUpdate(manager, id);
        if (!v || v.status !== 'published') continue;
        await this.vacancies.update(manager, v, { status: 'paused' });
        await this.outbox.add(manager, { job: JobName.SearchIndexVacancy, payload: { vacancyId: id } });
      }
      for (const userId of await this.grievances.userIdsOfEmployer(manager, employerId)) {
        await this.notifications.notifyUser(
          manager,
          userId,
          'employer_suspended',
          { reason: reason.trim() },
          undefined,
          { dedupeKey: `employer-suspended:${employerId}:${Date.now()}:${userId}` },
        );
      }
      await manager.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, reason)
         VALUES ($1, $2, 'employer.suspend', 'employer', $3, $4)`,
        [staff.userId, staff.role, employerId, reason.trim()],
      );
      return answerInTransaction(manager, {
        employerId,
        status: 'suspended',
        unpublishedVacancyIds: ids.map((r) => r.id),
        reason: reason.trim(),
      });
    });
  }

  async lift(staff: UserPrincipal, employerId: string): Promise<SuspensionResultDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const employer = await this.lockEmployer(manager, employerId);
      const [open] = await manager.query(
        `SELECT id, previous_status AS "previousStatus" FROM employer_suspensions
          WHERE employer_id = $1 AND lifted_at IS NULL FOR UPDATE`,
        [employerId],
      );
      if (employer.status !== 'suspended' || !open) {
        throw new DomainError(ErrorCode.InvalidTransition, 'This employer is not suspended', {
          currentStatus: employer.status,
        });
      }
      await manager.query(`UPDATE employer_suspensions SET lifted_at = now(), lifted_by = $2 WHERE id = $1`, [
        open.id,
        staff.userId,
      ]);
      await manager.query(`UPDATE employers SET status = $2, updated_at = now() WHERE id = $1`, [
        employerId,
        open.previousStatus,
      ]);
      await manager.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id)
         VALUES ($1, $2, 'employer.suspension-lift', 'employer', $3)`,
        [staff.userId, staff.role, employerId],
      );
      // Vacancies stay paused: the employer publishes again what still holds.
      return answerInTransaction(manager, {
        employerId,
        status: open.previousStatus as string,
        unpublishedVacancyIds: [],
        reason: null,
      });
    });
  }

  /** Employers with grievances resolved as substantiated, most first: the staff's flag list. */
  async flagged(): Promise<{ employerId: string; name: string; status: string; substantiated: number }[]> {
    return this.dataSource.query(
      `SELECT e.id AS "employerId", e.name, e.status, count(*)::int AS substantiated
         FROM grievances g JOIN employers e ON e.id = g.employer_id
        WHERE g.outcome = 'substantiated'
        GROUP BY e.id ORDER BY substantiated DESC, e.name`,
    );
  }

  private async lockEmployer(manager: EntityManager, id: string): Promise<{ id: string; status: string }> {
    const [row] = await manager.query(`SELECT id, status FROM employers WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw new NotFoundError('Employer');
    return row;
  }
}
