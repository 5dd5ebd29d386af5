import { IsDecimal } from 'src/common/validation/decimal-places';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import { IsText } from 'src/common/validation/text';
import {
  GRIEVANCE_CATEGORIES,
  GRIEVANCE_LANGS,
  GRIEVANCE_OUTCOMES,
  GRIEVANCE_STATES,
  GrievanceCategory,
  GrievanceLang,
  GrievanceOutcome,
  GrievanceState,
  ILO_INDICATOR_CODES,
  REFERRAL_BODIES,
  ReferralBody,
} from 'src/modules/grievances/grievance.types';
import { queryBool } from 'src/common/validation/query-bool';

export class MoneyInputDto {
  @ApiProperty({ example: 45000 }) @IsDecimal(2) @Min(0) @Max(1e9) amount: number;
  @ApiProperty({ example: 'RUB' }) @Matches(/^[A-Z]{3}$/) currency: string;
}

/** What the person says they actually get, to set beside what was advertised. */
export class ReportedTermsDto {
  @ApiPropertyOptional({ type: MoneyInputDto, description: 'Pay actually received per month' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInputDto)
  monthlyPay?: MoneyInputDto;

  @ApiPropertyOptional({ example: 72 }) @IsOptional() @IsNumber() @Min(0) @Max(168) hoursPerWeek?: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() housingProvided?: boolean;

  @ApiPropertyOptional({ example: 15000 })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(1e9)
  housingCostPerMonth?: number;

  @ApiPropertyOptional({ example: 30000, description: 'Fees or costs the worker was made to pay' })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(1e9)
  costsCharged?: number;
}

export class CreateGrievanceDto {
  @ApiProperty({ enum: GRIEVANCE_CATEGORIES }) @IsIn(GRIEVANCE_CATEGORIES) category: GrievanceCategory;

  @ApiProperty({ maxLength: 8000 }) @IsText(1, 8000) description: string;

  @ApiPropertyOptional({
    description: 'Required for a kiosk, staff or an adviser: the person the grievance is for',
  })
  @IsOptional()
  @IsUUID()
  migrantId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() employerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() vacancyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() applicationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() placementId?: string;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() anonymousToEmployer?: boolean;

  @ApiPropertyOptional({
    enum: ILO_INDICATOR_CODES,
    isArray: true,
    description: 'ILO indicators of forced labour the person recognises (checklist)',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(ILO_INDICATOR_CODES.length)
  @IsIn(ILO_INDICATOR_CODES, { each: true })
  iloIndicators?: string[];

  @ApiPropertyOptional({ type: ReportedTermsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportedTermsDto)
  reportedTerms?: ReportedTermsDto;

  @ApiPropertyOptional({ description: 'Staff desk only: fair where the grievance was taken' })
  @IsOptional()
  @IsUUID()
  fairId?: string;

  @ApiPropertyOptional({
    description:
      'Staff desk only: when the person reported it (a paper form typed in later); not in the future',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  receivedAt?: string;

  @ApiPropertyOptional({ enum: GRIEVANCE_LANGS }) @IsOptional() @IsIn(GRIEVANCE_LANGS) lang?: GrievanceLang;
}

export class ReferralDto {
  @ApiProperty({ enum: REFERRAL_BODIES }) @IsIn(REFERRAL_BODIES) body: ReferralBody;
  @ApiProperty({ example: 'State Labour Inspectorate in Moscow' }) @IsText(1, 300) name: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsText(1, 4000) note?: string;
}

export class GrievanceTransitionDto {
  @ApiProperty({ enum: GRIEVANCE_STATES }) @IsIn(GRIEVANCE_STATES) to: GrievanceState;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsText(1, 4000) note?: string;
  @ApiPropertyOptional({ type: ReferralDto, description: 'Required with to=referred, refused otherwise' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralDto)
  referral?: ReferralDto;
  @ApiPropertyOptional({ enum: GRIEVANCE_OUTCOMES, description: 'Required with to=resolved' })
  @IsOptional()
  @IsIn(GRIEVANCE_OUTCOMES)
  outcome?: GrievanceOutcome;
}

export class GrievanceMessageInputDto {
  @ApiProperty({ maxLength: 4000 }) @IsText(1, 4000) body: string;
}

export class GrievanceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GRIEVANCE_STATES })
  @IsOptional()
  @IsIn(GRIEVANCE_STATES)
  state?: GrievanceState;
  @ApiPropertyOptional({ enum: GRIEVANCE_CATEGORIES })
  @IsOptional()
  @IsIn(GRIEVANCE_CATEGORIES)
  category?: GrievanceCategory;
  @ApiPropertyOptional() @IsOptional() @IsUUID() employerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() fairId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() migrantId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  urgent?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ enum: GRIEVANCE_LANGS }) @IsOptional() @IsIn(GRIEVANCE_LANGS) lang?: GrievanceLang;
}

export class AssignAdviserDto {
  @ApiProperty() @IsUUID() adviserId: string;
}

export class SuspensionDto {
  @ApiProperty({ maxLength: 2000 }) @IsText(3, 2000) reason: string;
}

export class LiftSuspensionDto {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsText(1, 2000) note?: string;
}

export const REPORT_GROUPS = ['category', 'citizenship', 'gender', 'employer', 'fair', 'region'] as const;
export type GrievanceReportGroup = (typeof REPORT_GROUPS)[number];

export class GrievanceReportQuery {
  @ApiPropertyOptional({ enum: REPORT_GROUPS, default: 'category' })
  @IsOptional()
  @IsIn(REPORT_GROUPS)
  by: GrievanceReportGroup = 'category';
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format: 'json' | 'csv' | 'xlsx' = 'json';
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsDateString({ strict: true }) to?: string;
}

// Responses: plain shapes, documented for the OpenAPI document.
export class HotlineDto {
  @ApiProperty({ example: '112' }) number: string;
  @ApiProperty() kind: string;
  @ApiProperty() free: boolean;
  @ApiProperty() hours: string;
  @ApiProperty() label: string;
  @ApiProperty() source: string;
}

export class KioskHotlinesDto {
  @ApiProperty({ example: 'RU', description: 'The host country of the kiosk’s fair' }) country: string;
  @ApiProperty({ enum: GRIEVANCE_LANGS }) lang: string;
  @ApiProperty({
    enum: GRIEVANCE_CATEGORIES,
    isArray: true,
    description: 'Categories that are urgent: a report in one of them shows these numbers at once',
  })
  urgentCategories: GrievanceCategory[];
  @ApiProperty({ description: 'Said with the numbers to a person reporting an urgent case' })
  urgentNotice: string;
  @ApiProperty({ type: [HotlineDto] }) items: HotlineDto[];
}

export class TermComparisonDto {
  @ApiProperty({ enum: ['pay', 'hours', 'housing', 'housingCost', 'workerCosts'] }) term: string;
  @ApiProperty({ nullable: true, description: 'From the immutable terms snapshot' }) advertised: unknown;
  @ApiProperty({ nullable: true, description: 'What the person reports' }) reported: unknown;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null when the two cannot be compared' })
  differs: boolean | null;
}

export class SnapshotComparisonDto {
  @ApiProperty() snapshotId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty({ type: [TermComparisonDto] }) terms: TermComparisonDto[];
  @ApiProperty({ type: [String] }) differing: string[];
}

export class ReferralViewDto {
  @ApiProperty({ enum: REFERRAL_BODIES }) body: ReferralBody;
  @ApiProperty() name: string;
}

export class GrievanceHistoryItemDto {
  @ApiProperty({ nullable: true, enum: GRIEVANCE_STATES }) from: GrievanceState | null;
  @ApiProperty({ enum: GRIEVANCE_STATES }) to: GrievanceState;
  @ApiProperty() actorRole: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: ReferralViewDto }) referral: ReferralViewDto | null;
  @ApiProperty() at: Date;
}

export class GrievanceMessageDto {
  @ApiProperty() id: string;
  @ApiProperty() authorRole: string;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty() at: Date;
}

export class GrievanceDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: GRIEVANCE_STATES }) state: GrievanceState;
  @ApiProperty() stateLabel: string;
  @ApiProperty({ enum: GRIEVANCE_CATEGORIES }) category: GrievanceCategory;
  @ApiProperty() urgent: boolean;
  @ApiProperty({ example: '2026-12-09' }) dueDate: string;
  @ApiProperty({ description: 'End of the due day, Moscow time' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Null for an anonymous grievance shown to the employer',
  })
  migrantId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) personName?: string | null;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String] }) iloIndicators: string[];
  @ApiProperty({ nullable: true, type: ReportedTermsDto }) reportedTerms: ReportedTermsDto | null;
  @ApiProperty({ nullable: true, type: String }) employerId: string | null;
  @ApiProperty({ nullable: true, type: String }) vacancyId: string | null;
  @ApiProperty({ nullable: true, type: String }) applicationId: string | null;
  @ApiProperty({ nullable: true, type: String }) placementId: string | null;
  @ApiProperty() anonymousToEmployer: boolean;
  @ApiProperty({ enum: ['online', 'kiosk', 'desk'] }) channel: string;
  @ApiProperty({ nullable: true, type: String }) fairId: string | null;
  @ApiProperty({ nullable: true, type: String }) assignedAdviserId: string | null;
  @ApiProperty({ nullable: true, enum: GRIEVANCE_OUTCOMES }) outcome: GrievanceOutcome | null;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) firstResponseAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiProperty() sharedWithEmployer: boolean;
  @ApiProperty({ nullable: true, type: String }) employerAnswer: string | null;
  @ApiProperty({ nullable: true, type: Date }) employerAnsweredAt: Date | null;
  @ApiProperty({ type: [HotlineDto] }) hotlines: HotlineDto[];
  @ApiProperty({ nullable: true, type: String }) urgentNotice: string | null;
  @ApiPropertyOptional({ type: SnapshotComparisonDto, nullable: true })
  comparison?: SnapshotComparisonDto | null;
  @ApiPropertyOptional({ type: [GrievanceHistoryItemDto] }) history?: GrievanceHistoryItemDto[];
  @ApiPropertyOptional({ type: [GrievanceMessageDto] }) messages?: GrievanceMessageDto[];
  @ApiPropertyOptional({ description: 'Staff only: substantiated grievances against the named employer' })
  employerSubstantiated?: number;
  @ApiProperty({ nullable: true, type: Date }) erasedAt: Date | null;
}

export class GrievancePageDto {
  @ApiProperty({ type: [GrievanceDto] }) items: GrievanceDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class IloIndicatorDto {
  @ApiProperty({ enum: ILO_INDICATOR_CODES }) code: string;
  @ApiProperty() label: string;
}

export class IloIndicatorListDto {
  @ApiProperty() source: string;
  @ApiProperty({ type: [IloIndicatorDto] }) items: IloIndicatorDto[];
}

export class SuspensionResultDto {
  @ApiProperty() employerId: string;
  @ApiProperty({ enum: ['suspended', 'verified', 'pending', 'rejected'] }) status: string;
  @ApiProperty({ type: [String] }) unpublishedVacancyIds: string[];
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class GrievanceReportRowDto {
  @ApiProperty({ nullable: true, type: String, description: 'The group’s code (category, country, id…)' })
  key: string | null;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() total: number;
  @ApiProperty() women: number;
  @ApiProperty() men: number;
  @ApiProperty() urgent: number;
  @ApiProperty() substantiated: number;
  @ApiProperty({ nullable: true, type: Number }) avgHoursToFirstResponse: number | null;
  @ApiProperty({ nullable: true, type: Number }) avgHoursToClose: number | null;
}

export class GrievanceReportDto {
  @ApiProperty({ enum: REPORT_GROUPS }) by: string;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: [GrievanceReportRowDto] }) rows: GrievanceReportRowDto[];
}

export class FlaggedEmployerDto {
  @ApiProperty() employerId: string;
  @ApiProperty() name: string;
  @ApiProperty() status: string;
  @ApiProperty() substantiated: number;
}
