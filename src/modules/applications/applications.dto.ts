import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import { IsText } from 'src/common/validation/text';
import { APPLICATION_STATUSES, ApplicationStatus } from 'src/modules/applications/application-state';

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() vacancyId: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'A note to the employer' })
  @IsOptional()
  @IsText(1, 2000)
  message?: string;
}

export class WithdrawApplicationDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsText(1, 500) reason?: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() vacancyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() fairId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601 date or date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO 8601 date or date-time)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class ApplicationCreatedDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty() vacancyId: string;
  @ApiProperty({ nullable: true, type: String }) termsSnapshotId: string | null;
  @ApiProperty() createdAt: string;
}

export class ApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty() migrantId: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ enum: ['online', 'kiosk'] }) source: 'online' | 'kiosk';
  @ApiProperty({ nullable: true, type: String }) fairId: string | null;
  @ApiProperty({ nullable: true, type: String }) termsSnapshotId: string | null;
  @ApiProperty({ nullable: true, type: String }) message: string | null;

  @ApiProperty({
    nullable: true,
    type: Object,
    description: 'The eligibility check as it stood when the application was submitted',
  })
  eligibility: Record<string, unknown> | null;

  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
