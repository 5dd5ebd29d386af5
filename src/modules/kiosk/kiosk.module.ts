import { Module } from '@nestjs/common';
import { ApplicationsModule } from 'src/modules/applications/applications.module';
import {
  HeldSubmissionsController,
  KioskHeldSubmissionsController,
} from 'src/modules/kiosk/held-submissions.controller';
import { HeldSubmissionsService } from 'src/modules/kiosk/held-submissions.service';
import { KioskApplicationsController, KioskReportsController } from 'src/modules/kiosk/kiosk.controller';
import { GrievancesModule } from 'src/modules/grievances/grievances.module';
import { KioskIdentificationService } from 'src/modules/kiosk/kiosk-identification.service';
import { KioskService } from 'src/modules/kiosk/kiosk.service';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';

@Module({
  imports: [ApplicationsModule, GrievancesModule, MigrantsModule, NotificationsModule],
  controllers: [
    KioskApplicationsController,
    KioskReportsController,
    KioskHeldSubmissionsController,
    HeldSubmissionsController,
  ],
  providers: [KioskService, KioskIdentificationService, HeldSubmissionsService],
})
export class KioskModule {}
