import { Module } from '@nestjs/common';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { PreDepartureController } from 'src/modules/recruitment/pre-departure.controller';
import { PreDepartureService } from 'src/modules/recruitment/pre-departure.service';
import { RecruitmentController } from 'src/modules/recruitment/recruitment.controller';
import { RecruitmentService } from 'src/modules/recruitment/recruitment.service';

@Module({
  imports: [EligibilityModule],
  controllers: [RecruitmentController, PreDepartureController],
  providers: [RecruitmentService, PreDepartureService],
})
export class RecruitmentModule {}
