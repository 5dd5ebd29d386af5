import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from 'src/modules/migrants/migrants.dto';
import { minimumWageFacts } from 'src/modules/reference/minimum-wage.facts';
import { LABEL_LANGS, LabelLang, ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import type { MinimumWageCheck } from 'src/modules/vacancies/minimum-wage';
import type { Schedule } from 'src/modules/vacancies/vacancy.entity';
import type { WorkingTime } from 'src/modules/vacancies/working-time';
import { IsDecimal } from 'src/common/validation/decimal-places';

const SCHEDULES = ['full_time', 'part_time', 'shift', 'rotation', 'seasonal'] as const;

export class MinimumWageFactsDto {
  @ApiProperty({ example: 'Регион: Москва. С 01.01.2026 минимальная заработная плата …' }) ru: string;
  @ApiProperty() uz: string;
  @ApiProperty() tg: string;
  @ApiProperty() ky: string;
  @ApiProperty() en: string;
}

/** The monthly full-time minimum in force in a region on a date, with its act, and the fact a worker should know. */
export class MinimumWageDto {
  @ApiProperty({ example: 39730 }) amount: number;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ enum: ['month'], description: 'For a full month of full-time work' }) period: 'month';
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom: string;
  @ApiProperty({ description: 'The act that sets the figure' }) legalBasis: string;
  @ApiProperty({
    enum: ['regional', 'national'],
    description: 'regional: the region’s own, higher minimum; national: the country’s (federal) minimum',
  })
  scope: 'regional' | 'national';
  @ApiProperty({ example: 'RU-MOW', description: 'The region asked about' }) region: string;
  @ApiProperty({ example: '2026-12-10', description: 'The day the figure is in force on' }) onDate: string;
  @ApiProperty({ description: 'The fact in the language asked for (Russian by default)' }) fact: string;
  @ApiPropertyOptional({
    type: MinimumWageFactsDto,
    description: 'The fact in ru, uz, tg, ky and en; on a single answer, not on the items of a list',
  })
  facts?: MinimumWageFactsDto;
}

export class MinimumWageRatesDto {
  @ApiProperty({ example: 19865, description: 'Gross a month' }) month: number;
  @ApiProperty({ example: 916.85, description: 'Gross a working day (a shift on a shift schedule)' })
  day: number;
  @ApiProperty({ example: 229.22, description: 'Gross an hour' }) hour: number;
}

/** What the minimum means for one working time (docs/MINIMUM-WAGE.md). */
export class MinimumWageForWorkDto {
  @ApiProperty({ enum: SCHEDULES }) schedule: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) hoursPerWeek: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shiftHours: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shiftsPerMonth: number | null;
  @ApiProperty({
    example: 0.5,
    description: 'Share of a full-time month (40 hours a week, 173⅓ hours a month)',
  })
  fullTimeShare: number;
  @ApiProperty({ example: 86.67 }) hoursPerMonth: number;
  @ApiProperty({ example: 21.67 }) daysPerMonth: number;
  @ApiProperty({ type: MinimumWageRatesDto, description: 'The least this working time must pay, gross' })
  required: MinimumWageRatesDto;
}

export class MinimumWageAnswerDto extends MinimumWageDto {
  @ApiPropertyOptional({
    type: MinimumWageForWorkDto,
    description: 'The minimum for this working time; on a single answer, not on the items of a list',
  })
  forWorkingTime?: MinimumWageForWorkDto;
}

/** On a vacancy: the minimum in force in its region on its start date, for its working time, and its pay against it. */
export class VacancyMinimumWageDto extends MinimumWageAnswerDto {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'The advertised minimum as gross pay for a month of this working time (net pay grossed up)',
  })
  offeredMonthly: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: 'Whether the pay reaches the minimum (publication needs it); null when not comparable',
  })
  meets: boolean | null;
}

export class MinimumWageQuery {
  @ApiProperty({ example: 'RU-MOW', description: 'ISO 3166-2 region' })
  @IsString()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  region: string;

  @ApiPropertyOptional({
    example: '2027-01-15',
    description: 'Day the figure is in force on; today by default',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ enum: LABEL_LANGS, default: 'ru', description: 'Language of `fact`' })
  @IsOptional()
  @IsIn(LABEL_LANGS)
  lang?: LabelLang;

  @ApiPropertyOptional({ enum: SCHEDULES, default: 'full_time' })
  @IsOptional()
  @IsIn(SCHEDULES)
  schedule?: Schedule;

  @ApiPropertyOptional({ description: 'Weekly schedules; the schedule’s default when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(1)
  @Min(0.5)
  @Max(40)
  hoursPerWeek?: number;

  @ApiPropertyOptional({ description: 'Shift and rotation work, with shiftsPerMonth' })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(1)
  @Min(0.5)
  @Max(24)
  shiftHours?: number;

  @ApiPropertyOptional({ description: 'Shift and rotation work, with shiftHours' })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(1)
  @Min(0.5)
  @Max(31)
  shiftsPerMonth?: number;
}

/** The answer for a region, a day and a language; `check` says what it means for one working time. */
export function minimumWageView(
  check: MinimumWageCheck,
  region: string,
  schedule: Schedule,
  wt: WorkingTime,
  lang: LabelLang,
  catalog: ReferenceCatalog,
  full = true,
): MinimumWageAnswerDto {
  const { wage } = check;
  const facts = minimumWageFacts(wage, region, catalog);
  return {
    amount: wage.amount,
    currency: wage.currency,
    period: 'month',
    effectiveFrom: wage.effectiveFrom,
    legalBasis: wage.legalBasis,
    scope: wage.scope,
    region,
    onDate: check.onDate,
    fact: facts[lang],
    ...(full
      ? {
          facts,
          forWorkingTime: {
            schedule,
            hoursPerWeek: wt.hoursPerWeek,
            shiftHours: wt.shiftHours,
            shiftsPerMonth: wt.shiftsPerMonth,
            fullTimeShare: check.fullTimeShare,
            hoursPerMonth: check.hoursPerMonth,
            daysPerMonth: check.daysPerMonth,
            required: check.required,
          },
        }
      : {}),
  };
}

/**
 * The answer on a vacancy: the minimum for its working time, and its advertised pay against it. Items of a list
 * (`full` false) carry the fact in the language asked for only, and no working-time breakdown, so a page of
 * 20 stays small.
 */
export function vacancyMinimumWageView(
  check: MinimumWageCheck,
  region: string,
  schedule: Schedule,
  wt: WorkingTime,
  lang: LabelLang,
  catalog: ReferenceCatalog,
  full = true,
): VacancyMinimumWageDto {
  return {
    ...minimumWageView(check, region, schedule, wt, lang, catalog, full),
    offeredMonthly: check.offeredMonthly,
    meets: check.meets,
  };
}

/** The minimum in force in a region on a day, without a working time: the fact a jobseeker should know. */
export function regionMinimumWageView(
  region: string,
  onDate: string,
  lang: LabelLang,
  catalog: ReferenceCatalog,
  full = true,
): MinimumWageDto | null {
  const country = catalog.region(region)?.country;
  const wage = country && catalog.minimumWage(country, region, onDate);
  if (!wage) return null;
  const facts = minimumWageFacts(wage, region, catalog);
  return {
    amount: wage.amount,
    currency: wage.currency,
    period: 'month',
    effectiveFrom: wage.effectiveFrom,
    legalBasis: wage.legalBasis,
    scope: wage.scope,
    region,
    onDate,
    fact: facts[lang],
    ...(full ? { facts } : {}),
  };
}
