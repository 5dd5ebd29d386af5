import { Module } from '@nestjs/common';
import { DemoSeedService } from 'src/modules/demo/demo-seed.service';

/** Demo data for trying the service: `npm run seed:demo`, or DEMO=1 on an empty database. */
@Module({ providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
