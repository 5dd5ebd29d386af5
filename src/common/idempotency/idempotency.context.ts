import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query';

/** The Idempotency-Key a request holds, for the transaction that completes it. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  /** Set by `completeInTransaction`: the body stored with the key. */
  completed?: { body: unknown };
  /** What is stored for a body: its secrets encrypted (see sealed-fields.ts). */
  seal?: (body: unknown) => unknown;
}

export const idempotencyClaims = new AsyncLocalStorage<IdempotencyClaim>();

export const COMPLETE_KEY_SQL = `UPDATE idempotency_keys SET state = 'completed', response_body = $3::jsonb, completed_at = now()
  WHERE scope = $1 AND key = $2`;

/**
 * Marks the request's Idempotency-Key completed with `body` inside the transaction that makes the request's effect,
 * so that both commit together: a process that dies after the commit leaves a completed key (a retry gets this body),
 * never a key still "processing" whose retry would run the request again. Only for a transaction whose result is
 * the response body; the interceptor stores the actual body if the handler answers another object. Without a key,
 * nothing.
 */
export async function completeInTransaction(manager: EntityManager, body: unknown): Promise<void> {
  const claim = idempotencyClaims.getStore();
  if (!claim || claim.completed) return;
  const stored = claim.seal ? claim.seal(body ?? null) : (body ?? null);
  await preparedQuery(manager, COMPLETE_KEY_SQL, [claim.scope, claim.key, JSON.stringify(stored)]);
  claim.completed = { body };
}

/** `completeInTransaction`, then `body`: the last step of a transaction whose result is the response. */
export async function answerInTransaction<T>(manager: EntityManager, body: T): Promise<T> {
  await completeInTransaction(manager, body);
  return body;
}
