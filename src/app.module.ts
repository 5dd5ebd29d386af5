import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from 'src/config/config';
import { CommonModule } from 'src/common/common.module';
import { ConfigModule } from 'src/config/config.module';
import { DatabaseModule } from 'src/database/database.module';
import { QueueModule } from 'src/queue/queue.module';
import { AuthModule } from 'src/modules/auth/auth.module';
import { HealthModule } from 'src/modules/health/health.module';
import { MailModule } from 'src/modules/mail/mail.module';
import { MetricsModule } from 'src/modules/metrics/metrics.module';
import { UsersModule } from 'src/modules/users/users.module';

const FEATURES = [
  DatabaseModule,
  QueueModule,
  CommonModule,
  MailModule,
  UsersModule,
  HealthModule,
  MetricsModule,
  AuthModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config), ...FEATURES] };
  }
}
