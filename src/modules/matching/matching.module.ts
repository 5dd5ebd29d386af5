import { Module } from '@nestjs/common';
import { EligibilityModule } from 'src/modules/eligibility/eligibility.module';
import { MigrantsModule } from 'src/modules/migrants/migrants.module';
import { KioskMatchesController, MatchingController } from 'src/modules/matching/matching.controller';
import { MatchingService } from 'src/modules/matching/matching.service';
import { SearchModule } from 'src/modules/search/search.module';

@Module({
  imports: [SearchModule, EligibilityModule, MigrantsModule],
  controllers: [MatchingController, KioskMatchesController],
  providers: [MatchingService],
})
export class MatchingModule {}
