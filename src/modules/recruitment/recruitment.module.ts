import { Module } from '@nestjs/common';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { PreDepartureReminderProcessor } from 'src/modules/recruitment/pre-departure.processor';
import { PreDepartureController } from 'src/modules/recruitment/pre-departure.controller';
import { PreDepartureService } from 'src/modules/recruitment/pre-departure.service';
import { RecruitmentController } from 'src/modules/recruitment/recruitment.controller';
import { RecruitmentService } from 'src/modules/recruitment/recruitment.service';

@Module({
  imports: [EligibilityModule, NotificationsModule],
  controllers: [RecruitmentController, PreDepartureController],
  providers: [RecruitmentService, PreDepartureService, PreDepartureReminderProcessor],
})
export class RecruitmentModule {}
