import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, OpenToUnverifiedEmployers, Public, Roles } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  CloseVacancyDto,
  CreateVacancyDto,
  TermsSnapshotDto,
  UpdateVacancyDto,
  VacancyDto,
  VacancyListQuery,
  VacancyPageDto,
} from 'src/modules/vacancies/vacancies.dto';
import { VacanciesService } from 'src/modules/vacancies/vacancies.service';
import { VacancySearchPageDto } from 'src/modules/search/search.dto';
import { SearchService } from 'src/modules/search/search.service';

@ApiTags('vacancies')
@Controller('v1/vacancies')
export class VacanciesController {
  constructor(
    private readonly vacancies: VacanciesService,
    private readonly search: SearchService,
  ) {}

  @OpenToUnverifiedEmployers()
  @Post()
  @Roles('employer')
  @Idempotent()
  @ApiRoute('Create a vacancy draft (employer)', [400, 403])
  @ApiCreatedResponse({ type: VacancyDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateVacancyDto): Promise<VacancyDto> {
    return this.vacancies.create(principal, dto);
  }

  @Public()
  @Get()
  @ApiRoute('Published vacancies with filters; mine=true lists the employer’s own in any status', [400], {
    auth: false,
  })
  @ApiOkResponse({ type: VacancyPageDto, description: 'With q: VacancySearchPageDto, ranked, with facets' })
  list(
    @CurrentPrincipal() principal: Principal | undefined,
    @Query() query: VacancyListQuery,
  ): Promise<VacancyPageDto | VacancySearchPageDto> {
    // A text query goes to the search index (relevance, scripts, typos); filters alone stay here.
    if (query.q?.trim() && !query.mine) return this.search.searchVacancies(query);
    return this.vacancies.list(principal, query);
  }

  @Public()
  @Get(':id')
  @ApiRoute(
    'A vacancy: public when published, closed or filled; drafts and paused to owner and staff',
    [400, 404],
    {
      auth: false,
    },
  )
  @ApiOkResponse({ type: VacancyDto })
  get(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidPipe) id: string,
  ): Promise<VacancyDto> {
    return this.vacancies.get(principal, id);
  }

  @Public()
  @Get(':id/terms-snapshots')
  @ApiRoute('The advertised terms as frozen at each publication or change of terms', [400, 404], {
    auth: false,
  })
  @ApiOkResponse({ type: [TermsSnapshotDto] })
  snapshots(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidPipe) id: string,
  ): Promise<TermsSnapshotDto[]> {
    return this.vacancies.snapshots(principal, id);
  }

  @OpenToUnverifiedEmployers()
  @Patch(':id')
  @Roles('employer', 'staff', 'admin')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version read (or send version in the body)',
  })
  @ApiRoute('Edit a vacancy with optimistic concurrency (stale version: 409)', [400, 403, 404, 409, 422])
  @ApiOkResponse({ type: VacancyDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateVacancyDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VacancyDto> {
    return this.vacancies.update(principal, id, dto, ifMatch);
  }

  @OpenToUnverifiedEmployers()
  @Post(':id/publish')
  @HttpCode(200)
  @Roles('employer', 'staff', 'admin')
  @Idempotent()
  @ApiRoute('Publish (fair recruitment, minimum wage and start date are checked)', [400, 403, 404, 409, 422])
  @ApiOkResponse({ type: VacancyDto })
  publish(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<VacancyDto> {
    return this.vacancies.publish(principal, id);
  }

  @OpenToUnverifiedEmployers()
  @Post(':id/pause')
  @HttpCode(200)
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Pause a published vacancy', [400, 403, 404, 409])
  @ApiOkResponse({ type: VacancyDto })
  pause(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<VacancyDto> {
    return this.vacancies.pause(principal, id);
  }

  @OpenToUnverifiedEmployers()
  @Post(':id/close')
  @HttpCode(200)
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Close a vacancy (filled: true when every position was filled)', [400, 403, 404, 409])
  @ApiOkResponse({ type: VacancyDto })
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CloseVacancyDto,
  ): Promise<VacancyDto> {
    return this.vacancies.close(principal, id, dto?.filled ?? false);
  }
}
