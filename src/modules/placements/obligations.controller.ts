import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from 'src/common/auth/auth.decorators';
import type { UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  CompleteObligationDto,
  ObligationDto,
  ObligationListQuery,
  ObligationPageDto,
} from 'src/modules/placements/placements.dto';
import { ObligationsService } from 'src/modules/placements/obligations.service';

@ApiTags('obligations')
@Controller('v1/obligations')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get()
  @Roles('staff', 'admin', 'employer')
  @ApiRoute(
    'Employers’ legal duties with deadlines (overdue = open and past due, Moscow time); an employer sees its own',
    [400, 403, 404],
  )
  @ApiOkResponse({ type: ObligationPageDto })
  list(@CurrentUser() user: UserPrincipal, @Query() query: ObligationListQuery): Promise<ObligationPageDto> {
    return this.obligations.list(user, query);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('staff', 'admin', 'employer')
  @Idempotent()
  @ApiRoute('Record that the notification was sent', [400, 403, 404, 409])
  @ApiOkResponse({ type: ObligationDto })
  complete(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CompleteObligationDto,
  ): Promise<ObligationDto> {
    return this.obligations.complete(user, id, dto);
  }
}
