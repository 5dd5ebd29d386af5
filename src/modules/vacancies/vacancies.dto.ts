import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import { IsText } from 'src/common/validation/text';
import { IsMoneyAmount } from 'src/common/validation/money';
import { VacancyMinimumWageDto } from 'src/modules/reference/minimum-wage.dto';
import { IsDecimal } from 'src/common/validation/decimal-places';
import { queryBool } from 'src/common/validation/query-bool';

export const CURRENCIES = ['RUB', 'KZT', 'TJS', 'UZS', 'KGS'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const SALARY_PERIODS = ['month', 'day', 'hour'] as const;
export const SCHEDULES = ['full_time', 'part_time', 'shift', 'rotation', 'seasonal'] as const;
export const VACANCY_STATUSES = ['draft', 'published', 'paused', 'closed', 'filled'] as const;
/** What a worker might be asked to pay (ILO definition of recruitment fees and related costs, 2019). */
export const WORKER_COST_ITEMS = [
  'recruitment_fee',
  'travel',
  'documents',
  'visa_or_permit',
  'training',
  'medical_exam',
  'housing_deposit',
  'equipment',
  'other',
] as const;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONEY_MAX = 1_000_000_000;

export class LocationDto {
  @ApiProperty({ example: 55.7558 }) @IsNumber() @Min(-90) @Max(90) lat: number;
  @ApiProperty({ example: 37.6173 }) @IsNumber() @Min(-180) @Max(180) lng: number;
}

export class SalaryDto {
  @ApiProperty({ example: 80000 })
  @IsMoneyAmount()
  @Min(0)
  @Max(MONEY_MAX)
  min: number;
  @ApiPropertyOptional({ example: 100000 })
  @IsOptional()
  @IsMoneyAmount()
  @Min(0)
  @Max(MONEY_MAX)
  max?: number;
  @ApiProperty({ enum: CURRENCIES }) @IsIn(CURRENCIES) currency: Currency;
  @ApiProperty({ enum: SALARY_PERIODS }) @IsIn(SALARY_PERIODS) period: 'month' | 'day' | 'hour';
  @ApiProperty({ description: 'Before income tax (true) or take-home (false)' }) @IsBoolean() gross: boolean;
}

/** Hours a week for weekly schedules; shift length and shifts a month for shift and rotation work. */
export class WorkingTimeDto {
  @ApiPropertyOptional({
    example: 40,
    description: 'full_time (35 to 40), part_time (below 40), seasonal: hours a week',
  })
  @IsOptional()
  @IsDecimal(1)
  @Min(0.5)
  @Max(40)
  hoursPerWeek?: number;
  @ApiPropertyOptional({ example: 12, description: 'shift, rotation: hours of one shift' })
  @IsOptional()
  @IsDecimal(1)
  @Min(0.5)
  @Max(24)
  shiftHours?: number;
  @ApiPropertyOptional({
    example: 15,
    description: 'shift, rotation: shifts in an average month (over the whole cycle for rotation work)',
  })
  @IsOptional()
  @IsDecimal(1)
  @Min(0.5)
  @Max(31)
  shiftsPerMonth?: number;
}

export class WorkingTimeViewDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) hoursPerWeek: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shiftHours: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) shiftsPerMonth: number | null;
  @ApiProperty({ example: 173.33, description: 'Working hours in an average month (52 weeks ÷ 12)' })
  hoursPerMonth: number;
  @ApiProperty({ example: 1, description: 'Share of a full-time month (1 for full time)' })
  fullTimeShare: number;
}

export class HousingDto {
  @ApiProperty() @IsBoolean() provided: boolean;
  @ApiPropertyOptional({ description: 'What the worker pays for the housing per month (0 if free)' })
  @IsOptional()
  @IsMoneyAmount()
  @Min(0)
  @Max(MONEY_MAX)
  costPerMonth?: number;
}

export class LanguageRequirementDto {
  @ApiProperty({ example: 'ru' }) @IsString() @Matches(/^[a-z]{2}$/) code: string;
  @ApiProperty({ example: 'B1', description: 'CEFR A1..C2 or native' })
  @IsString()
  @Matches(/^\w{2,6}$/)
  level: string;
}

export class RequirementsDto {
  @ApiPropertyOptional({ type: [LanguageRequirementDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageRequirementDto)
  languages?: LanguageRequirementDto[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(60) experienceYears?: number;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsText(1, 100, { each: true })
  skills?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() medicalBook?: boolean;
}

export class WorkerCostDto {
  @ApiProperty({ enum: WORKER_COST_ITEMS }) @IsIn(WORKER_COST_ITEMS) item: string;
  @ApiProperty({ description: 'What the worker pays; anything above 0 blocks publication' })
  @IsMoneyAmount()
  @Min(0)
  @Max(MONEY_MAX)
  amount: number;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 500) note?: string;
}

export class CreateVacancyDto {
  @ApiProperty({ example: 'Повар горячего цеха' }) @IsText(1, 200) title: string;
  @ApiProperty() @IsText(1, 10000) description: string;
  @ApiProperty({ example: '5120', description: 'ISCO-08 unit group' })
  @IsString()
  @Matches(/^\d{4}$/)
  occupationCode: string;
  @ApiProperty({ example: 'RU-MOW', description: 'ISO 3166-2' })
  @IsString()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
  region: string;
  @ApiProperty() @IsText(1, 200) city: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 500) address?: string;
  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;
  @ApiProperty({ type: SalaryDto }) @IsObject() @ValidateNested() @Type(() => SalaryDto) salary: SalaryDto;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(10000) positions: number;
  @ApiProperty({ enum: SCHEDULES }) @IsIn(SCHEDULES) schedule: (typeof SCHEDULES)[number];
  @ApiPropertyOptional({
    type: WorkingTimeDto,
    description:
      'Working time, compared with the minimum wage (docs/MINIMUM-WAGE.md). Absent: 40 hours a week (full time, ' +
      'seasonal), 20 (part time), 12-hour shifts 15 a month (shift, rotation); on a change of schedule, that default',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkingTimeDto)
  workingTime?: WorkingTimeDto;
  @ApiProperty({ example: '2027-03-01' })
  @IsString()
  @Matches(DATE, { message: 'startDate must be YYYY-MM-DD' })
  startDate: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'endDate must be YYYY-MM-DD' })
  endDate?: string;
  @ApiProperty({ type: HousingDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HousingDto)
  housing: HousingDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() meals?: boolean;
  @ApiProperty({ type: RequirementsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RequirementsDto)
  requirements: RequirementsDto;
  @ApiProperty() @IsBoolean() foreignersAccepted: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() quotaAvailable?: boolean;
  @ApiProperty({
    type: [WorkerCostDto],
    description: 'Everything the worker would pay; list items at 0 to state they are free',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WorkerCostDto)
  workerCosts: WorkerCostDto[];
}

export class UpdateVacancyDto extends PartialType(CreateVacancyDto) {
  @ApiPropertyOptional({ description: 'The version read; or send If-Match' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CloseVacancyDto {
  @ApiPropertyOptional({ description: 'True when every position was filled (status filled, not closed)' })
  @IsOptional()
  @IsBoolean()
  filled?: boolean;
}

export class VacancyListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Search words in any language or script; ranks by relevance' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ enum: ['ru', 'uz', 'tg', 'ky', 'en'], description: 'Language of occupation labels' })
  @IsOptional()
  @IsIn(['ru', 'uz', 'tg', 'ky', 'en'])
  lang?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/) region?: string;
  @ApiPropertyOptional({ description: 'ISCO-08 code: 4 digits, or 1-3 for a whole group' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,4}$/)
  occupation?: string;
  @ApiPropertyOptional({ description: 'Vacancies whose maximum (or minimum) salary reaches this' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(MONEY_MAX)
  salaryMin?: number;
  @ApiPropertyOptional({ enum: SCHEDULES }) @IsOptional() @IsIn(SCHEDULES) schedule?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(queryBool) @IsBoolean() housing?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(queryBool) @IsBoolean() foreignersAccepted?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUUID() employerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() fairId?: string;
  @ApiPropertyOptional({ description: "Employer only: the caller's own vacancies in every status" })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  mine?: boolean;
  @ApiPropertyOptional({ enum: VACANCY_STATUSES, description: 'With mine=true only' })
  @IsOptional()
  @IsIn(VACANCY_STATUSES)
  status?: string;
}

export class VacancyEmployerDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class VacancyDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ type: VacancyEmployerDto }) employer: VacancyEmployerDto;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() occupationLabel: string;
  @ApiProperty() region: string;
  @ApiProperty() city: string;
  @ApiPropertyOptional({ nullable: true, type: String }) address: string | null;
  @ApiPropertyOptional({ nullable: true, type: LocationDto }) location: LocationDto | null;
  @ApiProperty({ type: SalaryDto }) salary: SalaryDto;
  @ApiProperty() positions: number;
  @ApiProperty({ enum: SCHEDULES }) schedule: string;
  @ApiProperty({ type: WorkingTimeViewDto }) workingTime: WorkingTimeViewDto;
  @ApiPropertyOptional({
    nullable: true,
    type: VacancyMinimumWageDto,
    description:
      'The minimum wage in force in the region on the start date, for this working time, and whether the pay ' +
      'reaches it; null where no figure is known',
  })
  minimumWage: VacancyMinimumWageDto | null;
  @ApiProperty() startDate: string;
  @ApiPropertyOptional({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ type: HousingDto }) housing: HousingDto;
  @ApiProperty() meals: boolean;
  @ApiProperty({ type: RequirementsDto }) requirements: RequirementsDto;
  @ApiProperty() foreignersAccepted: boolean;
  @ApiProperty() quotaAvailable: boolean;
  @ApiProperty({ type: [WorkerCostDto] }) workerCosts: WorkerCostDto[];
  @ApiProperty({ enum: VACANCY_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String }) termsSnapshotId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class VacancyPageDto {
  @ApiProperty({ type: [VacancyDto] }) items: VacancyDto[];
  @ApiProperty({
    description:
      'Published listings: exact up to 1,000 vacancies past the page start (totalRelation eq), otherwise that many (gte)',
  })
  total: number;
  @ApiPropertyOptional({
    enum: ['eq', 'gte'],
    description:
      'On published listings: eq, total is exact; gte, there are at least total. Absent with mine=true',
  })
  totalRelation?: 'eq' | 'gte';
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TermsSnapshotDto {
  @ApiProperty() id: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() seq: number;
  @ApiProperty() vacancyVersion: number;
  @ApiProperty({ type: Object }) terms: Record<string, unknown>;
  @ApiProperty() createdAt: string;
}
