import { Module } from '@nestjs/common';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { EmployerSuspensionService } from 'src/modules/grievances/employer-suspension.service';
import { GrievanceReportsService } from 'src/modules/grievances/grievance-reports.service';
import {
  EmployerSuspensionController,
  GrievancesController,
  KioskGrievancesController,
  KioskHotlinesController,
} from 'src/modules/grievances/grievances.controller';
import { GrievancesProcessor } from 'src/modules/grievances/grievances.processor';
import { GrievancesRepository } from 'src/modules/grievances/grievances.repository';
import { GrievancesService } from 'src/modules/grievances/grievances.service';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { VacanciesModule } from 'src/modules/vacancies/vacancies.module';

@Module({
  imports: [CalendarModule, NotificationsModule, VacanciesModule],
  controllers: [
    GrievancesController,
    KioskGrievancesController,
    KioskHotlinesController,
    EmployerSuspensionController,
  ],
  providers: [
    GrievancesService,
    GrievancesRepository,
    GrievancesProcessor,
    GrievanceReportsService,
    EmployerSuspensionService,
  ],
  exports: [GrievancesService],
})
export class GrievancesModule {}
