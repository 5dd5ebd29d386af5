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
import { EmployersModule } from 'src/modules/employers/employers.module';
import { VacanciesModule } from 'src/modules/vacancies/vacancies.module';
import { FairsModule } from 'src/modules/fairs/fairs.module';
import { ReferenceModule } from 'src/modules/reference/reference.module';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { SearchModule } from 'src/modules/search/search.module';
import { MatchingModule } from 'src/modules/matching/matching.module';
import { ApplicationsModule } from 'src/modules/applications/applications.module';
import { KioskModule } from 'src/modules/kiosk/kiosk.module';
import { InterviewsModule } from 'src/modules/interviews/interviews.module';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { RecruitmentModule } from 'src/modules/recruitment/recruitment.module';
import { PlacementsModule } from 'src/modules/placements/placements.module';
import { ReportsModule } from 'src/modules/reports/reports.module';
import { DemoModule } from 'src/modules/demo/demo.module';
import { RetentionModule } from 'src/modules/retention/retention.module';
import { GrievancesModule } from 'src/modules/grievances/grievances.module';
import { LegalAidModule } from 'src/modules/legal-aid/legal-aid.module';

const FEATURES = [
  DatabaseModule,
  QueueModule,
  CommonModule,
  MailModule,
  UsersModule,
  HealthModule,
  MetricsModule,
  AuthModule,
  ReferenceModule,
  EmployersModule,
  VacanciesModule,
  FairsModule,
  MigrantsModule,
  EligibilityModule,
  NotificationsModule,
  SearchModule,
  MatchingModule,
  ApplicationsModule,
  KioskModule,
  InterviewsModule,
  CalendarModule,
  PlacementsModule,
  RetentionModule,
  ReportsModule,
  DemoModule,
  GrievancesModule,
  LegalAidModule,
  RecruitmentModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [ConfigModule.forRoot(config), ...FEATURES] };
  }
}
