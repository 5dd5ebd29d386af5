import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PrincipalState, PrincipalStateResolver } from 'src/common/auth/principal-state';
import { preparedQuery } from 'src/database/prepared-query';

const STATE_SQL = `SELECT u.disabled, e.status AS employer_status
  FROM users u LEFT JOIN employers e ON e.id = u.employer_id
  WHERE u.id = $1`;

/**
 * Read on every authenticated request, uncached: one prepared primary-key lookup (a fraction of a millisecond)
 * makes a disabled user, an erased or merged person and a suspended employer stop at once in every process,
 * where a cache would leave each process its own window.
 */
@Injectable()
export class UserPrincipalStateResolver implements PrincipalStateResolver {
  constructor(private readonly dataSource: DataSource) {}

  async stateOf(userId: string): Promise<PrincipalState | undefined> {
    const [row] = await preparedQuery<{ disabled: boolean; employer_status: string | null }>(
      this.dataSource,
      STATE_SQL,
      [userId],
    );
    return row ? { active: !row.disabled, employerStatus: row.employer_status } : undefined;
  }
}
