import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsText } from 'src/common/validation/text';
import { InterviewDto } from 'src/modules/interviews/interviews.dto';
import { FUNNEL_GROUPS, FunnelGroup } from 'src/modules/recruitment/recruitment-funnel';
import { RECRUIT_STATUSES } from 'src/modules/recruitment/recruit-journey';

export const ORIGIN_COUNTRIES = ['TJ', 'UZ', 'KG'] as const;
export const PAYERS = ['employer', 'worker'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Who pays for each cost of the journey; the employer-pays rule refuses `worker` for any of them. */
export class OrderCostsDto {
  @ApiProperty({ enum: PAYERS }) @IsIn(PAYERS) travel: 'employer' | 'worker';
  @ApiProperty({ enum: PAYERS }) @IsIn(PAYERS) medicalExam: 'employer' | 'worker';
  @ApiProperty({ enum: PAYERS }) @IsIn(PAYERS) patent: 'employer' | 'worker';
  @ApiProperty({ enum: PAYERS }) @IsIn(PAYERS) housing: 'employer' | 'worker';
}

export class CreateRecruitmentOrderDto {
  @ApiProperty() @IsUUID() vacancyId: string;
  @ApiProperty({ example: 10 }) @IsInt() @Min(1) @Max(10000) workers: number;
  @ApiProperty({ enum: ORIGIN_COUNTRIES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(ORIGIN_COUNTRIES, { each: true })
  originCountries: string[];
  @ApiProperty({ example: '2027-03-01' }) @Matches(DATE, { message: 'must be YYYY-MM-DD' }) startsOn: string;
  @ApiProperty({ example: '2027-06-30' }) @Matches(DATE, { message: 'must be YYYY-MM-DD' }) endsOn: string;
  @ApiProperty({ type: OrderCostsDto }) @ValidateNested() @Type(() => OrderCostsDto) costs: OrderCostsDto;
  @ApiPropertyOptional({
    description:
      'A listed agency (GET /v1/recruitment-agencies) of an origin country of the order whose licence is in ' +
      'force from startsOn to endsOn; any other is refused with agency-not-licensed (422)',
  })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class SelectRecruitDto {
  @ApiProperty() @IsUUID() migrantId: string;
}

export class MoveRecruitDto {
  @ApiProperty({ enum: RECRUIT_STATUSES }) @IsIn(RECRUIT_STATUSES) to: string;
  @ApiPropertyOptional({ example: '2027-03-05', description: 'When it happened; today by default' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  date?: string;
  @ApiPropertyOptional({ description: 'Required when dropping' })
  @IsOptional()
  @IsText(1, 1000)
  reason?: string;
}

export class RecruitmentOrderDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() workers: number;
  @ApiProperty({ type: [String] }) originCountries: string[];
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ type: OrderCostsDto }) costs: OrderCostsDto;
  @ApiPropertyOptional({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
}

export class RecruitmentOrderListItemDto extends RecruitmentOrderDto {
  @ApiProperty() employerName: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty({ example: 'RU' }) hostCountry: string;
  @ApiProperty({ description: 'Recruits selected so far, dropped ones included' }) recruits: number;
}

export class RecruitmentOrderListDto {
  @ApiProperty({ type: [RecruitmentOrderListItemDto] }) items: RecruitmentOrderListItemDto[];
}

export class OrderListQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: 'pending' | 'approved' | 'rejected';
}

export class RecruitStepDto {
  @ApiProperty({ enum: RECRUIT_STATUSES }) status: string;
  @ApiProperty({ example: '2027-03-05' }) date: string;
  @ApiProperty({ example: 'staff', description: 'The role of whoever recorded it' }) by: string;
}

export class RecruitDto {
  @ApiProperty() id: string;
  @ApiProperty() orderId: string;
  @ApiProperty() migrantId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'In the pipeline only' })
  migrantName?: string | null;
  @ApiPropertyOptional({ description: 'In the pipeline only' }) citizenship?: string;
  @ApiProperty({ enum: RECRUIT_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) droppedReason: string | null;
  @ApiProperty({
    type: [RecruitStepDto],
    description: 'Each step reached, with its date and who recorded it',
  })
  steps: RecruitStepDto[];
  @ApiPropertyOptional({
    type: InterviewDto,
    nullable: true,
    description:
      'The interview for the order’s vacancy (the scheduled one, else the latest), with the time on the ' +
      'employer’s and the candidate’s clocks; null when none was booked',
  })
  interview?: InterviewDto | null;
}

export class PipelineDto {
  @ApiProperty({ type: RecruitmentOrderDto }) order: RecruitmentOrderDto;
  @ApiProperty({ type: [RecruitDto] }) recruits: RecruitDto[];
  @ApiProperty({
    description: 'Recruits by current status',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  counts: Record<string, number>;
}

export class FunnelQuery {
  @ApiPropertyOptional({ enum: FUNNEL_GROUPS, default: 'order' })
  @IsOptional()
  @IsIn(FUNNEL_GROUPS)
  groupBy?: FunnelGroup;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class FunnelRowDto {
  @ApiProperty({ description: 'The group: an order id, a citizenship, a gender, an origin region or online' })
  group: string;
  @ApiProperty() selected: number;
  @ApiProperty() departed: number;
  @ApiProperty() arrived: number;
  @ApiProperty() authorised: number;
  @ApiProperty() placed: number;
  @ApiProperty() dropped: number;
}

export class FunnelDto {
  @ApiProperty({ enum: FUNNEL_GROUPS }) groupBy: FunnelGroup;
  @ApiProperty({ type: [FunnelRowDto] }) rows: FunnelRowDto[];
}

/** A pre-departure step as kept for the person (ticked off, reminded), as opposed to a step of an eligibility answer. */
export class KeptPlanStepDto {
  @ApiProperty() id: string;
  @ApiProperty() migrantId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty({ example: 'REGISTER_STAY' }) code: string;
  @ApiProperty({ enum: ['before', 'entry', 'after'] }) phase: string;
  @ApiProperty({ example: '2027-03-17' }) dueDate: string;
  @ApiProperty() legalBasis: string;
  @ApiProperty() done: boolean;
  @ApiProperty({ description: 'The deadline passed and nobody ticked the step off' }) overdue: boolean;
  @ApiProperty({ enum: ['in_app', 'sms', 'email'], isArray: true }) reminderChannels: string[];
}

export class StoredPlanStepDto extends KeptPlanStepDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The step in the person’s language, with its date',
  })
  message: string | null;
  @ApiProperty() vacancyTitle: string;
}

export class StoredPlanDto {
  @ApiProperty({ type: [StoredPlanStepDto] }) items: StoredPlanStepDto[];
}

export class OverdueStepDto extends KeptPlanStepDto {
  @ApiProperty({ nullable: true, type: String }) migrantName: string | null;
  @ApiProperty({ example: 'UZ' }) citizenship: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty({ example: 'RU-MOW' }) region: string;
  @ApiProperty() daysOverdue: number;
}

export class OverdueListDto {
  @ApiProperty({ type: [OverdueStepDto] }) items: OverdueStepDto[];
}

export class OfferTermDto {
  @ApiProperty({ example: 'pay' }) key: string;
  @ApiProperty({ description: 'In the person’s language' }) label: string;
  @ApiProperty() value: string;
}

export class OfferDto {
  @ApiProperty() recruitId: string;
  @ApiProperty() orderId: string;
  @ApiProperty({ description: 'The immutable snapshot of the advertised terms the offer is made from' })
  termsSnapshotId: string;
  @ApiProperty({ enum: ['ru', 'uz', 'tg', 'ky', 'en'] }) lang: string;
  @ApiProperty({ description: 'What the offer is conditional on' }) conditional: string;
  @ApiProperty({ type: [OfferTermDto] }) terms: OfferTermDto[];
}

export class OfferQuery {
  @ApiPropertyOptional({ enum: ['ru', 'uz', 'tg', 'ky', 'en'], default: 'ru' })
  @IsOptional()
  @IsIn(['ru', 'uz', 'tg', 'ky', 'en'])
  lang?: 'ru' | 'uz' | 'tg' | 'ky' | 'en';
}
