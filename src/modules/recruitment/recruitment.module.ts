import { Module } from '@nestjs/common';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { InterviewsModule } from 'src/modules/interviews/interviews.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { PreDepartureReminderProcessor } from 'src/modules/recruitment/pre-departure.processor';
import { PreDepartureController } from 'src/modules/recruitment/pre-departure.controller';
import { PreDepartureService } from 'src/modules/recruitment/pre-departure.service';
import { RecruitmentAgenciesController } from 'src/modules/recruitment/recruitment-agencies.controller';
import { RecruitmentAgenciesRepository } from 'src/modules/recruitment/recruitment-agencies.repository';
import { RecruitmentAgenciesService } from 'src/modules/recruitment/recruitment-agencies.service';
import { RecruitmentController } from 'src/modules/recruitment/recruitment.controller';
import { RecruitmentService } from 'src/modules/recruitment/recruitment.service';

@Module({
  imports: [EligibilityModule, NotificationsModule, InterviewsModule],
  controllers: [RecruitmentController, RecruitmentAgenciesController, PreDepartureController],
  providers: [
    RecruitmentService,
    RecruitmentAgenciesService,
    RecruitmentAgenciesRepository,
    PreDepartureService,
    PreDepartureReminderProcessor,
  ],
})
export class RecruitmentModule {}
