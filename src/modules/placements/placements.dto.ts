import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import { IsText } from 'src/common/validation/text';
import { APPLICATION_STATUSES, ApplicationStatus } from 'src/modules/applications/application-state';
import { IsCalendarDate } from 'src/modules/migrants/migrants.dto';

export class TransitionDto {
  @ApiProperty({ enum: APPLICATION_STATUSES }) @IsIn(APPLICATION_STATUSES) to: ApplicationStatus;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsText(1, 2000) reason?: string;

  @ApiPropertyOptional({
    example: '2026-04-01',
    description: 'Required with to=hired: the first working day under the contract',
  })
  @ValidateIf((o: TransitionDto) => o.to === 'hired' || o.contractStartDate !== undefined)
  @IsCalendarDate()
  contractStartDate?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Only with to=hired; open-ended when absent' })
  @IsOptional()
  @IsCalendarDate()
  contractEndDate?: string;
}

export class TransitionRecordDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true }) from: ApplicationStatus | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: ApplicationStatus;
  @ApiProperty({ nullable: true }) actorId: string | null;
  @ApiProperty({ example: 'employer' }) actorRole: string;
  @ApiProperty({ nullable: true }) reason: string | null;
  @ApiProperty() at: Date;
}

export class ApplicationHistoryDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: [TransitionRecordDto] }) items: TransitionRecordDto[];
}

export class PlacementDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() migrantId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() employerId: string;
  @ApiProperty({ nullable: true }) fairId: string | null;
  @ApiProperty({ example: '2026-04-01' }) contractStartDate: string;
  @ApiProperty({ nullable: true }) contractEndDate: string | null;
  @ApiProperty({ nullable: true }) termsSnapshotId: string | null;
  @ApiProperty({ enum: ['active', 'terminated'] }) status: 'active' | 'terminated';
  @ApiProperty({ nullable: true }) terminatedOn: string | null;
  @ApiProperty({ nullable: true }) terminationReason: string | null;
  @ApiProperty({ nullable: true }) workerName: string | null;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() createdAt: Date;
}

export class TransitionResultDto {
  @ApiProperty() applicationId: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) from: ApplicationStatus;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiPropertyOptional({ type: PlacementDto, description: 'With to=hired' }) placement?: PlacementDto;
  @ApiPropertyOptional({ description: 'With to=hired: the eligibility check for the start date' })
  eligibility?: Record<string, unknown>;
}

export class PlacementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'terminated'] })
  @IsOptional()
  @IsIn(['active', 'terminated'])
  status?: 'active' | 'terminated';

  @ApiPropertyOptional({ description: 'Staff only: one employer' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

export class PlacementPageDto {
  @ApiProperty({ type: [PlacementDto] }) items: PlacementDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TerminatePlacementDto {
  @ApiProperty({ example: '2026-06-30', description: 'The last day of the contract' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 'Agreement of the parties' }) @IsText(1, 2000) reason: string;
}

export const OBLIGATION_KINDS = ['hire_notification', 'termination_notification'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export class ObligationDto {
  @ApiProperty() id: string;
  @ApiProperty() employerId: string;
  @ApiProperty() placementId: string;
  @ApiProperty({ enum: OBLIGATION_KINDS }) kind: ObligationKind;
  @ApiProperty({ description: 'Date the contract was concluded or ended' }) eventDate: string;
  @ApiProperty({ example: '2026-12-30' }) dueDate: string;
  @ApiProperty({ enum: ['open', 'done'] }) status: 'open' | 'done';
  @ApiProperty({ description: 'Open and past its due date (Moscow time)' }) overdue: boolean;
  @ApiProperty({ nullable: true }) completedAt: Date | null;
  @ApiProperty({ nullable: true }) reference: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ nullable: true }) workerName: string | null;
  @ApiProperty() createdAt: Date;
}

export class ObligationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'overdue', 'done'] })
  @IsOptional()
  @IsIn(['open', 'overdue', 'done'])
  status?: 'open' | 'overdue' | 'done';

  @ApiPropertyOptional({ description: 'An employer may only name itself; staff any' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

export class ObligationPageDto {
  @ApiProperty({ type: [ObligationDto] }) items: ObligationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CompleteObligationDto {
  @ApiProperty({ example: '2026-12-29T10:00:00+03:00', description: 'When the notification was sent' })
  @IsDateString({ strict: true })
  completedAt: string;

  @ApiProperty({ example: 'MVD receipt 77-123456' }) @IsText(1, 300) reference: string;
}

export class SweepResultDto {
  @ApiProperty() date: string;
  @ApiProperty() notifications: number;
}
