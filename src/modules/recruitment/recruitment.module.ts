import { Module } from '@nestjs/common';
import { RecruitmentController } from 'src/modules/recruitment/recruitment.controller';
import { RecruitmentService } from 'src/modules/recruitment/recruitment.service';

@Module({
  controllers: [RecruitmentController],
  providers: [RecruitmentService],
})
export class RecruitmentModule {}
