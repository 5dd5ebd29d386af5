import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from 'src/common/auth/auth.decorators';
import type { UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import {
  CreateRecruitmentAgencyDto,
  RecruitmentAgencyDto,
  RecruitmentAgencyListDto,
  RecruitmentAgencyListQuery,
  RecruitmentAgencyStatusDto,
  UpdateRecruitmentAgencyDto,
} from 'src/modules/recruitment/recruitment-agencies.dto';
import { RecruitmentAgenciesService } from 'src/modules/recruitment/recruitment-agencies.service';

@ApiTags('recruitment')
@Controller('v1/recruitment-agencies')
export class RecruitmentAgenciesController {
  constructor(private readonly agencies: RecruitmentAgenciesService) {}

  @Post()
  @Roles('staff', 'admin')
  @ApiRoute(
    'List a licensed recruitment agency of a country of origin, with the source staff checked (staff)',
    [400, 403, 409],
  )
  @ApiCreatedResponse({ type: RecruitmentAgencyDto })
  create(
    @CurrentUser() user: UserPrincipal,
    @Body() dto: CreateRecruitmentAgencyDto,
  ): Promise<RecruitmentAgencyDto> {
    return this.agencies.create(user, dto);
  }

  @Get()
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('The licensed recruitment agencies, by country and name (an employer chooses one)', [400, 403])
  @ApiOkResponse({ type: RecruitmentAgencyListDto })
  async list(@Query() query: RecruitmentAgencyListQuery): Promise<RecruitmentAgencyListDto> {
    return { items: await this.agencies.list(query) };
  }

  @Get(':id')
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('A listed recruitment agency and its licence', [400, 403, 404])
  @ApiOkResponse({ type: RecruitmentAgencyDto })
  get(@Param('id', UuidPipe) id: string): Promise<RecruitmentAgencyDto> {
    return this.agencies.get(id);
  }

  @Patch(':id')
  @Roles('staff', 'admin')
  @ApiRoute('Correct a listed agency or its licence (staff)', [400, 403, 404, 409])
  @ApiOkResponse({ type: RecruitmentAgencyDto })
  update(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateRecruitmentAgencyDto,
  ): Promise<RecruitmentAgencyDto> {
    return this.agencies.update(user, id, dto);
  }

  @Post(':id/licence-status')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiRoute(
    'Suspend, reinstate or revoke the agency’s licence (staff); an order naming it can no longer be approved',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: RecruitmentAgencyDto })
  setStatus(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RecruitmentAgencyStatusDto,
  ): Promise<RecruitmentAgencyDto> {
    return this.agencies.setStatus(user, id, dto);
  }
}
