import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CurrentKiosk,
  CurrentPrincipal,
  CurrentUser,
  KioskOnly,
  OpenToUnverifiedEmployers,
  Roles,
} from 'src/common/auth/auth.decorators';
import type { KioskPrincipal, Principal, UserPrincipal } from 'src/common/auth/principal';
import { ValidationError } from 'src/common/errors/domain-error';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import { EmployerSuspensionService } from 'src/modules/grievances/employer-suspension.service';
import { GrievanceReportsService } from 'src/modules/grievances/grievance-reports.service';
import {
  GRIEVANCE_LANGS,
  GrievanceLang,
  ILO_INDICATOR_SOURCE,
  iloIndicators,
} from 'src/modules/grievances/grievance.types';
import {
  AssignAdviserDto,
  CreateGrievanceDto,
  GrievanceDto,
  GrievanceListQuery,
  GrievanceMessageDto,
  GrievanceMessageInputDto,
  GrievancePageDto,
  GrievanceReportDto,
  GrievanceReportQuery,
  FlaggedEmployerDto,
  GrievanceTransitionDto,
  IloIndicatorListDto,
  KioskHotlinesDto,
  SuspensionDto,
  SuspensionResultDto,
} from 'src/modules/grievances/grievances.dto';
import { GrievancesService, asLang } from 'src/modules/grievances/grievances.service';

function langOf(query: unknown, acceptLanguage?: string): GrievanceLang | undefined {
  if (query !== undefined && query !== '') {
    if (typeof query === 'string' && (GRIEVANCE_LANGS as readonly string[]).includes(query)) {
      return query as GrievanceLang;
    }
    throw ValidationError.field('lang', `must be one of ${GRIEVANCE_LANGS.join(', ')}`);
  }
  return asLang(acceptLanguage?.split(',')[0]);
}

@ApiTags('grievances')
@Controller('v1/grievances')
export class GrievancesController {
  constructor(
    private readonly grievances: GrievancesService,
    private readonly reports: GrievanceReportsService,
  ) {}

  @Post()
  @Idempotent()
  @ApiRoute(
    'File a grievance: the person (online), or staff / a legal adviser on the person’s behalf (kiosks use ' +
      '/v1/kiosk/grievances). Urgent categories answer at once with help numbers in the person’s language',
    [400, 403, 404, 422],
  )
  @ApiCreatedResponse({ type: GrievanceDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateGrievanceDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<GrievanceDto> {
    return this.grievances.create(principal, dto, langOf(undefined, acceptLanguage));
  }

  // An employer hears and answers what staff shared with it whatever its status (a suspended one too).
  @OpenToUnverifiedEmployers()
  @Get()
  @Roles('staff', 'admin', 'migrant', 'employer', 'legal_adviser')
  @ApiRoute(
    'Staff: the triage queue (open first, urgent first, then by due date) with filters; a person: their own; ' +
      'an employer: those staff shared with it; a legal adviser: those assigned to them',
    [400, 403, 404],
  )
  @ApiOkResponse({ type: GrievancePageDto })
  list(@CurrentUser() user: UserPrincipal, @Query() query: GrievanceListQuery): Promise<GrievancePageDto> {
    return this.grievances.list(user, query);
  }

  @Get('ilo-indicators')
  @Roles('staff', 'admin', 'migrant', 'legal_adviser')
  @ApiRoute('The ILO indicators of forced labour as a checklist, in the asked language', [400])
  @ApiQuery({ name: 'lang', required: false, enum: GRIEVANCE_LANGS })
  @ApiOkResponse({ type: IloIndicatorListDto })
  indicators(
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): IloIndicatorListDto {
    return { source: ILO_INDICATOR_SOURCE, items: iloIndicators(langOf(lang, acceptLanguage) ?? 'ru') };
  }

  @Get('report')
  @Roles('staff', 'admin')
  @ApiRoute(
    'Grievances by category, citizenship, gender, employer, fair or region, with women’s cases and times to ' +
      'first response and to closing (json, csv, xlsx)',
    [400, 403],
  )
  @ApiOkResponse({ type: GrievanceReportDto, description: 'As json; csv and xlsx carry the same rows' })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  async report(@Query() query: GrievanceReportQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const report = await this.reports.report(query);
    if (query.format === 'json') return reply.send(report);
    const name = `grievances-${query.by}`;
    const [body, type, ext] =
      query.format === 'csv'
        ? [this.reports.csv(report.rows), 'text/csv; charset=utf-8', 'csv']
        : [
            await this.reports.xlsx(report.rows),
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'xlsx',
          ];
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${name}.${ext}"`)
      .header('cache-control', 'no-store')
      .send(body);
  }

  // An employer hears and answers what staff shared with it whatever its status (a suspended one too).
  @OpenToUnverifiedEmployers()
  @Get(':id')
  @ApiRoute('One grievance: the person, staff, the assigned adviser, or the employer once shared', [400, 404])
  @ApiQuery({ name: 'lang', required: false, enum: GRIEVANCE_LANGS })
  @ApiOkResponse({ type: GrievanceDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<GrievanceDto> {
    return this.grievances.get(principal, id, langOf(lang, acceptLanguage));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('staff', 'admin', 'legal_adviser')
  @Idempotent()
  @ApiRoute(
    'received → in_review → referred | resolved | rejected; referral names the body; resolved needs an outcome',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: GrievanceDto })
  transition(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: GrievanceTransitionDto,
  ): Promise<GrievanceDto> {
    return this.grievances.transition(user, id, dto);
  }

  @Post(':id/messages')
  @Roles('staff', 'admin', 'legal_adviser', 'migrant')
  @Idempotent()
  @ApiRoute(
    'A message in the grievance’s thread; staff messages reach the person in their language',
    [400, 404, 409],
  )
  @ApiCreatedResponse({ type: GrievanceMessageDto })
  message(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: GrievanceMessageInputDto,
  ) {
    return this.grievances.addMessage(user, id, dto);
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiRoute('Assign a legal adviser to the grievance (staff)', [400, 403, 404, 422])
  @ApiOkResponse({ type: GrievanceDto })
  assign(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AssignAdviserDto,
  ): Promise<GrievanceDto> {
    return this.grievances.assign(user, id, dto.adviserId);
  }

  @Post(':id/share')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiRoute('Share with the named employer (never the identity of an anonymous person)', [400, 403, 404, 422])
  @ApiOkResponse({ type: GrievanceDto })
  share(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string): Promise<GrievanceDto> {
    return this.grievances.share(user, id);
  }

  // An employer hears and answers what staff shared with it whatever its status (a suspended one too).
  @OpenToUnverifiedEmployers()
  @Post(':id/employer-answer')
  @HttpCode(200)
  @Roles('employer')
  @Idempotent()
  @ApiRoute('The employer’s one answer to a grievance shared with it', [400, 403, 404, 409])
  @ApiOkResponse({ type: GrievanceDto })
  answer(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: GrievanceMessageInputDto,
  ): Promise<GrievanceDto> {
    return this.grievances.employerAnswer(user, id, dto);
  }
}

/** The kiosk's "report a problem / get help" entry: kiosk tokens are accepted on kiosk routes only. */
@ApiTags('kiosk')
@Controller('v1/kiosk/grievances')
@KioskOnly()
export class KioskGrievancesController {
  constructor(private readonly grievances: GrievancesService) {}

  @Get('ilo-indicators')
  @ApiRoute(
    'The ILO indicators of forced labour as a checklist, in the visitor’s language (kiosk token)',
    [400, 403],
  )
  @ApiQuery({ name: 'lang', required: false, enum: GRIEVANCE_LANGS })
  @ApiOkResponse({ type: IloIndicatorListDto })
  indicators(
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): IloIndicatorListDto {
    return { source: ILO_INDICATOR_SOURCE, items: iloIndicators(langOf(lang, acceptLanguage) ?? 'ru') };
  }
}

@ApiTags('kiosk')
@Controller('v1/kiosk/hotlines')
@KioskOnly()
export class KioskHotlinesController {
  constructor(private readonly grievances: GrievancesService) {}

  @Get()
  @ApiRoute(
    'The help numbers of the host country of this kiosk’s fair (cited numbers and the operator’s legal help ' +
      'line, as an urgent grievance’s answer lists them), with the urgent categories (kiosk token)',
    [400, 403],
  )
  @ApiQuery({ name: 'lang', required: false, enum: GRIEVANCE_LANGS })
  @ApiOkResponse({ type: KioskHotlinesDto })
  hotlines(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<KioskHotlinesDto> {
    return this.grievances.kioskHotlines(kiosk, langOf(lang, acceptLanguage) ?? 'ru');
  }
}

@ApiTags('grievances')
@Controller('v1/employers')
@Roles('staff', 'admin')
export class EmployerSuspensionController {
  constructor(private readonly suspensions: EmployerSuspensionService) {}

  @Get('flagged')
  @ApiRoute('Employers with grievances resolved as substantiated, most first', [403])
  @ApiOkResponse({ type: [FlaggedEmployerDto] })
  flagged() {
    return this.suspensions.flagged();
  }

  @Post(':id/suspension')
  @ApiRoute(
    'Suspend an employer’s publishing with a reason: published vacancies paused, employer told',
    [400, 403, 404, 409],
  )
  @ApiCreatedResponse({ type: SuspensionResultDto })
  suspend(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: SuspensionDto,
  ): Promise<SuspensionResultDto> {
    return this.suspensions.suspend(user, id, dto.reason);
  }

  @Delete(':id/suspension')
  @ApiRoute(
    'Lift the suspension: the employer’s earlier status comes back; vacancies stay paused',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: SuspensionResultDto })
  lift(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string): Promise<SuspensionResultDto> {
    return this.suspensions.lift(user, id);
  }
}
