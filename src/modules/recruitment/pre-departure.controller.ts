import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { OverdueListDto, KeptPlanStepDto, StoredPlanDto } from 'src/modules/recruitment/recruitment.dto';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CurrentPrincipal, Roles } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { PreDepartureService } from 'src/modules/recruitment/pre-departure.service';
import { REMINDER_CHANNELS, ReminderChannel } from 'src/modules/recruitment/pre-departure-reminders';

export class SavePlanDto {
  @ApiProperty() @IsUUID() vacancyId: string;
  @ApiProperty({ example: '2027-03-05' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  arrivalDate: string;
  @ApiPropertyOptional({
    enum: REMINDER_CHANNELS,
    isArray: true,
    description:
      'How the person wants to be reminded before each deadline (7 days and 1 day before, 09:00 local time); ' +
      'all three by default, [] for none. A channel without an address (no phone, no e-mail, no login) is skipped',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(REMINDER_CHANNELS, { each: true })
  reminders?: ReminderChannel[];
}

export class OverdueQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() migrantId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vacancyId?: string;
  @ApiPropertyOptional({ example: 'REGISTER_STAY' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'must be a step code such as REGISTER_STAY' })
  code?: string;
  @ApiPropertyOptional({ enum: ['before', 'entry', 'after'] })
  @IsOptional()
  @IsIn(['before', 'entry', 'after'])
  phase?: string;
}

export class PlanQuery {
  @ApiPropertyOptional({ description: 'Only the plan for this vacancy' })
  @IsOptional()
  @IsUUID()
  vacancyId?: string;
}

export class TickStepDto {
  @ApiProperty() @IsBoolean() done: boolean;
}

export class PlanLangQuery {
  @ApiPropertyOptional({ enum: ['ru', 'uz', 'tg', 'ky', 'en'] })
  @IsOptional()
  @IsIn(['ru', 'uz', 'tg', 'ky', 'en'])
  lang?: 'ru' | 'uz' | 'tg' | 'ky' | 'en';
}

@ApiTags('recruitment')
@Controller('v1')
export class PreDepartureController {
  constructor(private readonly plans: PreDepartureService) {}

  @Post('migrants/:id/pre-departure-plan')
  @HttpCode(200)
  @Roles('migrant', 'staff', 'admin')
  @ApiRoute(
    'Keep the dated plan for a vacancy and an expected arrival; each open step is reminded before its deadline',
    [400, 404, 422],
  )
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: SavePlanDto,
    @Query() query: PlanLangQuery,
  ) {
    return this.plans.save(
      principal,
      id,
      dto.vacancyId.toLowerCase(),
      dto.arrivalDate,
      query.lang ?? 'ru',
      dto.reminders,
    );
  }

  @Get('migrants/:id/pre-departure-plan')
  @Roles('migrant', 'legal_adviser', 'staff', 'admin')
  @ApiRoute(
    'The kept plan steps of a person, by deadline: the person, staff, or a legal adviser the person consulted',
    [400, 404],
  )
  @ApiOkResponse({ type: StoredPlanDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: PlanQuery,
  ): Promise<StoredPlanDto> {
    return { items: await this.plans.list(principal, id, query.vacancyId?.toLowerCase()) };
  }

  @Patch('migrants/:id/pre-departure-plan/steps/:stepId')
  @Roles('migrant', 'legal_adviser', 'staff', 'admin')
  @ApiRoute(
    'Tick a plan step off (its reminders stop) or back on (they start again): the person, staff, or a legal ' +
      'adviser the person consulted',
    [400, 404],
  )
  @ApiOkResponse({ type: KeptPlanStepDto })
  tick(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('stepId', UuidPipe) stepId: string,
    @Body() dto: TickStepDto,
  ) {
    return this.plans.tick(principal, id, stepId, dto.done);
  }

  @Get('pre-departure/overdue')
  @Roles('staff', 'admin')
  @ApiRoute(
    'Plan steps whose legal deadline has passed and that nobody ticked off, with the person and the vacancy; ' +
      'filtered by person, vacancy, step code or phase',
    [400, 403],
  )
  @ApiOkResponse({ type: OverdueListDto })
  async overdue(@Query() query: OverdueQuery): Promise<OverdueListDto> {
    return {
      items: await this.plans.overdue({
        ...query,
        migrantId: query.migrantId?.toLowerCase(),
        vacancyId: query.vacancyId?.toLowerCase(),
      }),
    };
  }
}
