import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import IORedis from 'ioredis';
import { DomainError, ErrorCode } from 'src/common/errors/domain-error';
import { APP_CONFIG, AppConfig, RateLimitName } from 'src/config/config';
import { createRedis } from 'src/queue/redis';

type Checker = (
  request: FastifyRequest,
  options?: { increment?: boolean },
) => Promise<{ isAllowed: boolean; isExceeded?: boolean; remaining?: number; ttlInSeconds?: number }>;

/** What the checkers are given instead of a request: the key is chosen by the caller (an IP, an account). */
interface LimitKey {
  limitKey: string;
  routeOptions: { config: Record<string, never> };
}

/**
 * Per-client limits through @fastify/rate-limit's manual limiters: counted atomically in Redis (one Lua INCR and
 * PEXPIRE per hit), so every API process shares them. While Redis is away the same limits are counted in this
 * process's memory: an outage never switches them off.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimits.name);
  private readonly redis: IORedis;
  private shared?: Record<RateLimitName, Checker>;
  private local?: Record<RateLimitName, Checker>;
  private localScope?: FastifyInstance;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = createRedis(config.redisUrl, 'probe');
  }

  /** Registers the plugin on the HTTP server and makes one limiter per named limit. */
  async attach(fastify: FastifyInstance): Promise<void> {
    await fastify.register(rateLimit, {
      global: false,
      redis: this.redis,
      nameSpace: `${this.config.redisPrefix}:rate:`,
      skipOnError: false,
      keyGenerator: (request) => (request as unknown as LimitKey).limitKey,
    });
    this.shared = this.checkers(fastify);
    this.local = await this.localCheckers();
  }

  /**
   * Counts one hit of `key` against the limit; over the limit it throws 429 with the seconds to wait. `what`
   * names the action in the message ("logins from this address").
   */
  async hit(name: RateLimitName, key: string, what: string): Promise<void> {
    await this.apply(name, key, what, true);
  }

  /** Throws 429 when `key` is over the limit already, without counting this call. */
  async check(name: RateLimitName, key: string, what: string): Promise<void> {
    await this.apply(name, key, what, false);
  }

  private async apply(name: RateLimitName, key: string, what: string, increment: boolean): Promise<void> {
    if (!this.shared || !this.local) return;
    const request = { limitKey: key, routeOptions: { config: {} } } as unknown as FastifyRequest;
    let limit;
    try {
      limit = await this.shared[name](request, { increment });
    } catch (error) {
      this.logger.warn(`rate limit store unavailable, counting in memory: ${(error as Error).name}`);
      limit = await this.local[name](request, { increment });
    }
    // A hit over the limit is refused; a check refuses once the limit is used up (the next hit would be over it).
    const over = increment ? limit.isExceeded : (limit.remaining ?? 1) === 0 && (limit.ttlInSeconds ?? 0) > 0;
    if (!limit.isAllowed && over) {
      const wait = Math.max(1, limit.ttlInSeconds ?? 1);
      throw new DomainError(ErrorCode.TooManyAttempts, `Too many ${what}; try again in ${wait} seconds`, {
        retryAfter: wait,
      });
    }
  }

  /** The same limiters on the plugin's in-memory store, in a server of their own. */
  private async localCheckers(): Promise<Record<RateLimitName, Checker>> {
    const { default: Fastify } = await import('fastify');
    const scope = Fastify();
    await scope.register(rateLimit, {
      global: false,
      keyGenerator: (request) => (request as unknown as LimitKey).limitKey,
    });
    await scope.ready();
    this.localScope = scope;
    return this.checkers(scope);
  }

  private checkers(fastify: FastifyInstance): Record<RateLimitName, Checker> {
    const out = {} as Record<RateLimitName, Checker>;
    for (const [name, limit] of Object.entries(this.config.rateLimits)) {
      out[name as RateLimitName] = fastify.createRateLimit({
        max: limit.max,
        timeWindow: limit.windowSeconds * 1000,
        keyGenerator: (request: FastifyRequest) => `${name}:${(request as unknown as LimitKey).limitKey}`,
      }) as unknown as Checker;
    }
    return out;
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
    await this.localScope?.close();
  }
}
