import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Observable, from, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, ValidationError } from 'src/common/errors/domain-error';
import {
  COMPLETE_KEY_SQL,
  IdempotencyClaim,
  idempotencyClaims,
} from 'src/common/idempotency/idempotency.context';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { sealSecrets, unsealSecrets } from 'src/common/idempotency/sealed-fields';
import { preparedQuery } from 'src/database/prepared-query';

const IDEMPOTENT_KEY = 'idempotency';
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 15_000;
const LEASE_SECONDS = 60;

/** The POST route honours `Idempotency-Key`; with `required`, a request without one is refused. */
export function Idempotent(options: { required?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, { required: !!options.required }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: !!options.required,
      description:
        'Unique per intended effect (8-200 visible ASCII characters). A replay returns the first response.',
    }),
  );
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface StoredKey {
  request_hash: string;
  state: 'processing' | 'completed';
  response_body: unknown;
  expired: boolean;
}

/**
 * The first request with a key claims it in PostgreSQL and stores its successful response; a replay
 * returns that response, a concurrent duplicate waits for it, a different body under the same key is
 * a 422. Failed requests release the key so that the client may retry.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<{ required: boolean } | undefined>(
      IDEMPOTENT_KEY,
      context.getHandler(),
    );
    if (!options) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    if (key === undefined) {
      if (options.required)
        throw ValidationError.field('Idempotency-Key', 'header is required for this route');
      return next.handle();
    }
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw ValidationError.field('Idempotency-Key', 'must be 8-200 visible ASCII characters');
    }
    return from(this.run(request, key, next));
  }

  private scope(request: FastifyRequest): string {
    const p = request.principal;
    const who = !p ? 'anonymous' : p.kind === 'kiosk' ? `kiosk:${p.kioskId}` : `user:${p.userId}`;
    return `${who} ${request.method} ${request.routeOptions?.url ?? request.url}`;
  }

  private async run(request: FastifyRequest, key: string, next: CallHandler): Promise<unknown> {
    const scope = this.scope(request);
    const hash = createHash('sha256')
      .update(stableStringify(request.body ?? null))
      .digest('hex');
    const deadline = Date.now() + WAIT_LIMIT_MS;

    for (;;) {
      const claimed = await preparedQuery(
        this.dataSource,
        `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
         VALUES ($1, $2, $3, 'processing', now() + make_interval(secs => $4))
         ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
        [scope, key, hash, LEASE_SECONDS],
      );
      if (claimed.length) return this.execute(scope, key, next);

      const [row]: StoredKey[] = await this.dataSource.query(
        `SELECT request_hash, state, response_body, lease_until < now() AS expired
           FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      if (!row) continue; // released by a failed first attempt: claim it ourselves
      if (row.request_hash !== hash) {
        throw new DomainError(
          ErrorCode.IdempotencyKeyReused,
          'This Idempotency-Key was used with a different request body',
        );
      }
      if (row.state === 'completed') return unsealSecrets(row.response_body, this.cipher);
      if (row.expired) {
        // The first holder died mid-request; take the key over.
        // Only one waiter wins the takeover.
        const taken = await preparedQuery(
          this.dataSource,
          `UPDATE idempotency_keys SET lease_until = now() + make_interval(secs => $3)
            WHERE scope = $1 AND key = $2 AND state = 'processing' AND lease_until < now() RETURNING key`,
          [scope, key, LEASE_SECONDS],
        );
        if (taken.length) return this.execute(scope, key, next);
      }
      if (Date.now() > deadline) {
        throw new DomainError(
          ErrorCode.IdempotencyInProgress,
          'The first request with this key is still running',
        );
      }
      await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    }
  }

  private async execute(scope: string, key: string, next: CallHandler): Promise<unknown> {
    let body: unknown;
    const claim: IdempotencyClaim = { scope, key, seal: (value) => sealSecrets(value, this.cipher) };
    try {
      // The handler runs inside the claim, so the transaction that makes its effect may complete the key.
      body = await idempotencyClaims.run(claim, () => lastValueFrom(next.handle(), { defaultValue: null }));
    } catch (error) {
      await this.dataSource
        .query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'processing'`, [
          scope,
          key,
        ])
        .catch(() => undefined);
      throw error;
    }
    if (claim.completed?.body !== body) {
      await preparedQuery(this.dataSource, COMPLETE_KEY_SQL, [
        scope,
        key,
        JSON.stringify(sealSecrets(body ?? null, this.cipher)),
      ]);
    }
    return body;
  }
}
