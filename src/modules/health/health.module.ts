import { Global, Inject, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { createRedis } from 'src/queue/redis';
import { HealthController } from 'src/modules/health/health.controller';
import { HealthRegistry } from 'src/modules/health/health.registry';
import { MailService } from 'src/modules/mail/mail.service';

@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthRegistry],
  exports: [HealthRegistry],
})
export class HealthModule implements OnModuleInit, OnModuleDestroy {
  private readonly redis: IORedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: HealthRegistry,
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {
    this.redis = createRedis(config.redisUrl, 'probe');
  }

  onModuleInit(): void {
    this.registry.register({
      name: 'postgres',
      critical: true,
      check: async () => {
        await this.dataSource.query('SELECT 1');
      },
    });
    this.registry.register({
      name: 'redis',
      critical: true,
      check: async () => {
        await this.redis.ping();
      },
    });
    this.registry.register({
      name: 'mail',
      critical: false,
      check: async () => {
        await this.mail.check();
        return this.mail.mode();
      },
    });
    // The search module replaces this with its own adapter's check.
    this.registry.register({
      name: 'search',
      critical: false,
      check: async () => {
        const rows = await this.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent')`,
        );
        if (rows[0].n !== 2) throw new Error('pg_trgm or unaccent missing');
        return this.config.searchDriver;
      },
    });
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
