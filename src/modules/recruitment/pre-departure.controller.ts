import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CurrentPrincipal, Roles } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { PreDepartureService } from 'src/modules/recruitment/pre-departure.service';

export class SavePlanDto {
  @ApiProperty() @IsUUID() vacancyId: string;
  @ApiProperty({ example: '2027-03-05' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  arrivalDate: string;
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
  @ApiRoute('Keep the dated plan for a vacancy and an expected arrival', [400, 404, 422])
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: SavePlanDto,
    @Query() query: PlanLangQuery,
  ) {
    return this.plans.save(principal, id, dto.vacancyId.toLowerCase(), dto.arrivalDate, query.lang ?? 'ru');
  }

  @Patch('migrants/:id/pre-departure-plan/steps/:stepId')
  @Roles('migrant', 'staff', 'admin')
  @ApiRoute('Tick a plan step off (or back on)', [400, 404])
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
  @ApiRoute('Plan steps whose legal deadline has passed and that nobody ticked off', [403])
  async overdue() {
    return { items: await this.plans.overdue() };
  }
}
