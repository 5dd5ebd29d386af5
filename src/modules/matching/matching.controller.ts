import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import {
  CandidateListDto,
  CandidatesQuery,
  MatchesQuery,
  VacancyMatchListDto,
} from 'src/modules/matching/matching.dto';
import { MatchingService } from 'src/modules/matching/matching.service';

@ApiTags('matching')
@Controller('v1')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('migrants/:id/matches')
  @ApiRoute(
    'Vacancies for a person, best first, with eligibility and reasons (the person, staff)',
    [400, 404],
  )
  @ApiOkResponse({ type: VacancyMatchListDto })
  matches(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidPipe) id: string,
    @Query() query: MatchesQuery,
  ): Promise<VacancyMatchListDto> {
    return this.matching.matchesForMigrant(principal, id, query);
  }

  @Get('vacancies/:id/candidates')
  @ApiRoute('Candidates for a vacancy who applied or may be shown (the owning employer, staff)', [400, 404])
  @ApiOkResponse({ type: CandidateListDto })
  candidates(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidPipe) id: string,
    @Query() query: CandidatesQuery,
  ): Promise<CandidateListDto> {
    return this.matching.candidatesForVacancy(principal, id, query);
  }
}
