import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentUser, Roles } from 'src/common/auth/auth.decorators';
import type { Principal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  ApplicationCreatedDto,
  ApplicationDto,
  ApplicationListQuery,
  ApplicationPageDto,
  CreateApplicationDto,
  WithdrawApplicationDto,
} from 'src/modules/applications/applications.dto';
import { ApplicationsService } from 'src/modules/applications/applications.service';

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('migrant')
  @Idempotent()
  @ApiRoute('Apply to a published vacancy (migrant)', [400, 403, 404, 409])
  @ApiCreatedResponse({ type: ApplicationCreatedDto })
  apply(
    @CurrentUser() user: UserPrincipal,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationCreatedDto> {
    return this.applications.apply(user, dto);
  }

  @Get()
  @ApiRoute('Applications: a migrant their own, an employer those to its vacancies, staff all', [400, 403])
  @ApiOkResponse({ type: ApplicationPageDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ApplicationListQuery,
  ): Promise<ApplicationPageDto> {
    return this.applications.list(principal, query);
  }

  @Get(':id')
  @ApiRoute('One application (its migrant, the vacancy’s employer, staff)', [400, 403, 404])
  @ApiOkResponse({ type: ApplicationDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<ApplicationDto> {
    return this.applications.get(principal, id);
  }

  @Post(':id/withdraw')
  @Roles('migrant')
  @HttpCode(200)
  @ApiRoute('Withdraw one’s own application', [400, 403, 404, 409])
  @ApiOkResponse({ type: ApplicationDto })
  withdraw(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: WithdrawApplicationDto,
  ): Promise<ApplicationDto> {
    return this.applications.withdraw(user, id, dto?.reason);
  }
}
