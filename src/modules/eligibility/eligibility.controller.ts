import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import {
  EligibilityRequestDto,
  EligibilityResultDto,
  LangQueryDto,
  MigrantEligibilityQueryDto,
  RuleSetListDto,
} from 'src/modules/eligibility/eligibility.dto';
import { EligibilityService, resolveLang } from 'src/modules/eligibility/eligibility.service';

@ApiTags('eligibility')
@Controller('v1')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Public()
  @Post('eligibility/check')
  @HttpCode(200)
  @ApiRoute('May this person legally take this job? Status, regime, checks and the steps left', [400, 422], {
    auth: false,
  })
  @ApiHeader({ name: 'Accept-Language', required: false, description: 'ru, uz, tg, ky or en' })
  @ApiBody({ type: EligibilityRequestDto })
  @ApiOkResponse({ type: EligibilityResultDto })
  check(
    // Typed loosely on purpose: the engine's validator checks the body and names every field.
    @Body() body: Record<string, unknown>,
    @Query() query: LangQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<EligibilityResultDto> {
    return this.eligibility.checkWithPlan(body, resolveLang(query.lang, acceptLanguage));
  }

  @Public()
  @Get('eligibility/rule-sets')
  @ApiRoute('The legal rule sets in use, by host country and effective date', [], { auth: false })
  @ApiOkResponse({ type: RuleSetListDto })
  ruleSets(): RuleSetListDto {
    return { items: this.eligibility.listRuleSets() };
  }

  @Get('migrants/:id/eligibility')
  @ApiRoute('Eligibility of a stored migrant for a vacancy, from the documents on file', [400, 404, 422])
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiOkResponse({ type: EligibilityResultDto })
  forVacancy(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: MigrantEligibilityQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<EligibilityResultDto> {
    return this.eligibility.checkMigrantForVacancyId(
      principal,
      id,
      query.vacancyId.toLowerCase(),
      resolveLang(query.lang, acceptLanguage),
      query.arrivalDate,
    );
  }
}
