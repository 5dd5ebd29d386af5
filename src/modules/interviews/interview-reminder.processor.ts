import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { InterviewsService } from 'src/modules/interviews/interviews.service';

type ReminderPayload = JobPayloads[JobName.InterviewReminder];

interface Waiting {
  payload: ReminderPayload;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** How long the first reminder of a batch waits for others, and the most reminders in one batch. */
const BATCH_WINDOW_MS = 5;
const BATCH_MAX = 50;

/**
 * Delayed `interview.reminder` jobs: the service re-reads the interview and skips a stale reminder.
 * Reminders fall due together (every interview of a fair morning), so the jobs that arrive within a few
 * milliseconds are written in one transaction; each job completes only after that commit, so a crash
 * leaves them to BullMQ's retry, and the reminders' dedupe keys make a rerun send nothing twice.
 */
@Injectable()
export class InterviewReminderProcessor implements OnModuleInit {
  private waiting: Waiting[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly registry: JobRegistry,
    private readonly interviews: InterviewsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.InterviewReminder, (payload) => this.add(payload));
  }

  private add(payload: ReminderPayload): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ payload, resolve, reject });
      if (this.waiting.length >= BATCH_MAX) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting.splice(0);
    if (batch.length) void this.send(batch);
  }

  private async send(batch: Waiting[]): Promise<void> {
    try {
      await this.interviews.sendReminders(batch.map((w) => w.payload));
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      // One bad job must not fail the others: alone, each succeeds or fails (and is retried) on its own.
      await Promise.all(batch.map((w) => this.send([w])));
    }
  }
}
