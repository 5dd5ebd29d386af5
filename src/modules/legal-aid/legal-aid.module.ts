import { Module } from '@nestjs/common';
import { GrievancesModule } from 'src/modules/grievances/grievances.module';
import {
  KioskLegalConsultationsController,
  KioskLegalDesksController,
  LegalAidController,
} from 'src/modules/legal-aid/legal-aid.controller';
import { LegalAidProcessor } from 'src/modules/legal-aid/legal-aid.processor';
import { LegalAidRepository } from 'src/modules/legal-aid/legal-aid.repository';
import { LegalAidService } from 'src/modules/legal-aid/legal-aid.service';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';

@Module({
  imports: [GrievancesModule, MigrantsModule, NotificationsModule],
  controllers: [LegalAidController, KioskLegalConsultationsController, KioskLegalDesksController],
  providers: [LegalAidService, LegalAidRepository, LegalAidProcessor],
})
export class LegalAidModule {}
