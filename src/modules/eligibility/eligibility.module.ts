import { Module } from '@nestjs/common';
import { EligibilityController } from 'src/modules/eligibility/eligibility.controller';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import { EntryBansController } from 'src/modules/eligibility/entry-bans.controller';
import { EntryBansRepository } from 'src/modules/eligibility/entry-bans.repository';
import { EntryBansService } from 'src/modules/eligibility/entry-bans.service';
import { CalendarModule } from 'src/modules/calendar/calendar.module';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';

@Module({
  imports: [MigrantsModule, CalendarModule],
  controllers: [EligibilityController, EntryBansController],
  providers: [EligibilityService, EntryBansService, EntryBansRepository],
  exports: [EligibilityService],
})
export class EligibilityModule {}
