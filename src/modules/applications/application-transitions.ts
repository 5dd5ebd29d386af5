import { EntityManager } from 'typeorm';
import { Principal } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError } from 'src/common/errors/domain-error';
import {
  ApplicationStatus,
  allowedTransitions,
  canTransition,
} from 'src/modules/applications/application-state';
import { ApplicationEntity } from 'src/modules/applications/application.entity';

export function actorOf(principal: Principal | undefined): { actorId: string | null; actorRole: string } {
  if (!principal) return { actorId: null, actorRole: 'system' };
  if (principal.kind === 'kiosk') return { actorId: principal.kioskId, actorRole: 'kiosk' };
  return { actorId: principal.userId, actorRole: principal.role };
}

/**
 * The one way to change an application's status: locks the row, checks the pipeline and writes the
 * history row, all in the caller's transaction. Every feature (withdrawal, interviews, hiring) uses it.
 */
export async function transitionApplication(
  manager: EntityManager,
  applicationId: string,
  to: ApplicationStatus,
  principal: Principal | undefined,
  reason?: string | null,
): Promise<{ application: ApplicationEntity; from: ApplicationStatus }> {
  const repo = manager.getRepository(ApplicationEntity);
  const application = await repo
    .createQueryBuilder('a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id: applicationId })
    .getOne();
  if (!application) throw new NotFoundError('Application');
  const from = application.status;
  if (!canTransition(from, to)) {
    throw new DomainError(ErrorCode.InvalidTransition, `An application cannot go from ${from} to ${to}`, {
      currentStatus: from,
      allowed: allowedTransitions(from),
    });
  }
  application.status = to;
  await repo.update({ id: application.id }, { status: to });
  await recordTransition(manager, application.id, from, to, principal, reason);
  return { application, from };
}

export async function recordTransition(
  manager: EntityManager,
  applicationId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  principal: Principal | undefined,
  reason?: string | null,
): Promise<void> {
  const { actorId, actorRole } = actorOf(principal);
  await manager.query(
    `INSERT INTO application_transitions (application_id, from_status, to_status, actor_id, actor_role, reason)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [applicationId, from, to, actorId, actorRole, reason ?? null],
  );
}
