import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentUser, Roles } from 'src/common/auth/auth.decorators';
import type { Principal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import { resolveLang } from 'src/modules/eligibility/eligibility.service';
import {
  ApplicationHistoryDto,
  PlacementDto,
  PlacementListQuery,
  PlacementPageDto,
  TerminatePlacementDto,
  TransitionDto,
  TransitionResultDto,
} from 'src/modules/placements/placements.dto';
import { PlacementsService } from 'src/modules/placements/placements.service';

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationTransitionsController {
  constructor(private readonly placements: PlacementsService) {}

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('staff', 'admin', 'employer', 'migrant')
  @Idempotent()
  @ApiRoute(
    'Move an application along the pipeline (owning employer or staff; the applicant only withdraws). ' +
      'to=hired needs contractStartDate, re-checks eligibility for that date (422 with `eligibility` unless ' +
      'eligible) and creates the placement and the employer’s duties',
    [400, 403, 404, 409, 422],
  )
  @ApiOkResponse({ type: TransitionResultDto })
  transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: TransitionDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<TransitionResultDto> {
    return this.placements.transition(principal, id, dto, resolveLang(undefined, acceptLanguage));
  }

  @Get(':id/history')
  @Roles('staff', 'admin', 'employer', 'migrant')
  @ApiRoute('Every status change of an application: who, when, from, to, why', [400, 404])
  @ApiOkResponse({ type: ApplicationHistoryDto })
  history(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<ApplicationHistoryDto> {
    return this.placements.history(principal, id);
  }
}

@ApiTags('placements')
@Controller('v1/placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get()
  @Roles('staff', 'admin', 'employer', 'migrant')
  @ApiRoute('Placements: an employer its own, a worker their own, staff all', [400, 404])
  @ApiOkResponse({ type: PlacementPageDto })
  list(@CurrentUser() user: UserPrincipal, @Query() query: PlacementListQuery): Promise<PlacementPageDto> {
    return this.placements.list(user, query);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles('staff', 'admin', 'employer')
  @Idempotent()
  @ApiRoute(
    'End a placement (owning employer or staff); in Russia this opens a notification duty',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: PlacementDto })
  terminate(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: TerminatePlacementDto,
  ): Promise<PlacementDto> {
    return this.placements.terminate(user, id, dto);
  }
}
