import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentKiosk, CurrentPrincipal, KioskOnly } from 'src/common/auth/auth.decorators';
import type { KioskPrincipal, Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { resolveLang } from 'src/modules/eligibility/eligibility.service';
import type { ReasonLang } from 'src/modules/matching/matching.reasons';
import {
  CandidateListDto,
  CandidatesQuery,
  KioskMatchListDto,
  KioskMatchRequestDto,
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

@ApiTags('kiosk')
@Controller('v1/kiosk')
@KioskOnly()
export class KioskMatchesController {
  constructor(private readonly matching: MatchingService) {}

  @Post('matches')
  @HttpCode(200)
  @ApiRoute(
    'The fair’s vacancies ranked for a visitor from what they said (trade, citizenship, papers), eligible first at ' +
      'near-equal relevance, each saying why it stands where it does; nothing is stored (kiosk token)',
    [400, 403],
  )
  @ApiQuery({ name: 'lang', required: false, enum: ['ru', 'uz', 'tg', 'ky', 'en'] })
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiOkResponse({ type: KioskMatchListDto })
  matches(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskMatchRequestDto,
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<KioskMatchListDto> {
    return this.matching.matchesForVisitor(kiosk, dto, resolveLang(lang, acceptLanguage) as ReasonLang);
  }
}
