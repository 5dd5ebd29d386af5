import { Global, Module } from '@nestjs/common';
import { JobRegistry } from 'src/queue/job-registry';
import { QueueService } from 'src/queue/queue.service';
import { WorkerService } from 'src/queue/worker.service';

@Global()
@Module({
  providers: [QueueService, JobRegistry, WorkerService],
  exports: [QueueService, JobRegistry, WorkerService],
})
export class QueueModule {}
