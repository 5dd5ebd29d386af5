import { Module } from '@nestjs/common';
import { ApplicationsController } from 'src/modules/applications/applications.controller';
import { ApplicationsRepository } from 'src/modules/applications/applications.repository';
import { ApplicationsService } from 'src/modules/applications/applications.service';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';

@Module({
  imports: [EligibilityModule, NotificationsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationsRepository],
  exports: [ApplicationsService, ApplicationsRepository],
})
export class ApplicationsModule {}
