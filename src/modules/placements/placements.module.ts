import { Module } from '@nestjs/common';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { ObligationsController } from 'src/modules/placements/obligations.controller';
import { ObligationsService } from 'src/modules/placements/obligations.service';
import {
  ApplicationTransitionsController,
  PlacementsController,
} from 'src/modules/placements/placements.controller';
import { PlacementsProcessor } from 'src/modules/placements/placements.processor';
import { PlacementsRepository } from 'src/modules/placements/placements.repository';
import { PlacementsService } from 'src/modules/placements/placements.service';
import { VacanciesModule } from 'src/modules/vacancies/vacancies.module';

@Module({
  imports: [CalendarModule, EligibilityModule, NotificationsModule, VacanciesModule],
  controllers: [ApplicationTransitionsController, PlacementsController, ObligationsController],
  providers: [PlacementsService, ObligationsService, PlacementsRepository, PlacementsProcessor],
  exports: [PlacementsService, ObligationsService],
})
export class PlacementsModule {}
