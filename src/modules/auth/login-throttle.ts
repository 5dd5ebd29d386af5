import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { createRedis } from 'src/queue/redis';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES = 5;

/**
 * Counts failed logins per identifier in Redis (shared by all instances); while Redis is away it
 * counts in process memory, so an outage never switches throttling off.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly local = new Map<string, { count: number; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = createRedis(config.redisUrl, 'probe');
  }

  private key(identifier: string): string {
    return `${this.config.redisPrefix}:login-fail:${identifier.toLowerCase()}`;
  }

  /** Seconds until the identifier may try again, or 0. */
  async blockedFor(identifier: string): Promise<number> {
    try {
      const [count, ttl] = await Promise.all([
        this.redis.get(this.key(identifier)),
        this.redis.ttl(this.key(identifier)),
      ]);
      return Number(count ?? 0) >= MAX_FAILURES ? Math.max(1, ttl) : 0;
    } catch {
      const entry = this.local.get(identifier);
      if (!entry || entry.until < Date.now()) return 0;
      return entry.count >= MAX_FAILURES ? Math.ceil((entry.until - Date.now()) / 1000) : 0;
    }
  }

  async fail(identifier: string): Promise<void> {
    try {
      const key = this.key(identifier);
      const count = await this.redis.incr(key);
      if (count === 1) await this.redis.expire(key, WINDOW_SECONDS);
    } catch {
      const entry = this.local.get(identifier);
      if (!entry || entry.until < Date.now()) {
        this.local.set(identifier, { count: 1, until: Date.now() + WINDOW_SECONDS * 1000 });
      } else {
        entry.count += 1;
      }
    }
  }

  async succeed(identifier: string): Promise<void> {
    this.local.delete(identifier);
    await this.redis.del(this.key(identifier)).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
