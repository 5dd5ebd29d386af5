import { Module } from '@nestjs/common';
import { ApplicationsModule } from 'src/modules/applications/applications.module';
import { KioskApplicationsController } from 'src/modules/kiosk/kiosk.controller';
import { KioskIdentificationService } from 'src/modules/kiosk/kiosk-identification.service';
import { KioskService } from 'src/modules/kiosk/kiosk.service';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';

@Module({
  imports: [ApplicationsModule, MigrantsModule, NotificationsModule],
  controllers: [KioskApplicationsController],
  providers: [KioskService, KioskIdentificationService],
})
export class KioskModule {}
