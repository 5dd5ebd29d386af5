import { Module } from '@nestjs/common';
import { EligibilityController } from 'src/modules/eligibility/eligibility.controller';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';

@Module({
  imports: [MigrantsModule],
  controllers: [EligibilityController],
  providers: [EligibilityService],
  exports: [EligibilityService],
})
export class EligibilityModule {}
