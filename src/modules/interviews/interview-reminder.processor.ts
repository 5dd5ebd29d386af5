import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName } from 'src/queue/queue.constants';
import { InterviewsService } from 'src/modules/interviews/interviews.service';

/** Delayed `interview.reminder` jobs: the service re-reads the interview and skips a stale reminder. */
@Injectable()
export class InterviewReminderProcessor implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly interviews: InterviewsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.InterviewReminder, async (payload) => {
      await this.interviews.sendReminder(payload);
    });
  }
}
