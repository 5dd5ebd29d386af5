import { Module } from '@nestjs/common';
import { InterviewReminderProcessor } from 'src/modules/interviews/interview-reminder.processor';
import { InterviewNotifier } from 'src/modules/interviews/interview.notifier';
import { InterviewRepository } from 'src/modules/interviews/interview.repository';
import {
  ApplicationInterviewsController,
  InterviewSlotsController,
  InterviewsController,
} from 'src/modules/interviews/interviews.controller';
import { InterviewsService } from 'src/modules/interviews/interviews.service';
import { NotificationsModule } from 'src/modules/notifications/notifications.module';
import { VacanciesModule } from 'src/modules/vacancies/vacancies.module';

@Module({
  imports: [VacanciesModule, NotificationsModule],
  controllers: [InterviewSlotsController, ApplicationInterviewsController, InterviewsController],
  providers: [InterviewsService, InterviewRepository, InterviewNotifier, InterviewReminderProcessor],
  exports: [InterviewsService],
})
export class InterviewsModule {}
