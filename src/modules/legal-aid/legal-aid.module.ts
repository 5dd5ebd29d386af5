import { Module } from '@nestjs/common';
import { GrievancesModule } from 'src/modules/grievances/grievances.module';
import {
  KioskLegalConsultationsController,
  LegalAidController,
} from 'src/modules/legal-aid/legal-aid.controller';
import { LegalAidRepository } from 'src/modules/legal-aid/legal-aid.repository';
import { LegalAidService } from 'src/modules/legal-aid/legal-aid.service';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';

@Module({
  imports: [GrievancesModule, MigrantsModule],
  controllers: [LegalAidController, KioskLegalConsultationsController],
  providers: [LegalAidService, LegalAidRepository],
})
export class LegalAidModule {}
