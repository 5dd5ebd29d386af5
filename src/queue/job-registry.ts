import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads } from 'src/queue/queue.constants';

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  job: Job<JobPayloads[N]>,
) => Promise<void>;

/**
 * Feature modules register one handler per job name at init; workers dispatch by name.
 * A handler reloads state and skips what no longer applies, so a retried or late job is harmless.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`Job handler for ${name} registered twice`);
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  get(name: string): JobHandler<JobName> | undefined {
    return this.handlers.get(name as JobName);
  }

  registered(): JobName[] {
    return [...this.handlers.keys()];
  }
}
