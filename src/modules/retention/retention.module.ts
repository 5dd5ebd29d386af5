import { Global, Module } from '@nestjs/common';
import { RetentionProcessor } from 'src/modules/retention/retention.processor';
import { RetentionService } from 'src/modules/retention/retention.service';

/** Global so that erasure (migrants) can remove a person's stored responses without a module cycle. */
@Global()
@Module({ providers: [RetentionService, RetentionProcessor], exports: [RetentionService] })
export class RetentionModule {}
