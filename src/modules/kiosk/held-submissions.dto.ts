import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsISO8601,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsText } from 'src/common/validation/text';
import { queryBool } from 'src/common/validation/query-bool';

/** The answer the kiosk got for the submission: a problem document's main fields. */
export class KioskRefusalDto {
  @ApiProperty({ example: 422, minimum: 400, maximum: 499 }) @IsInt() @Min(400) @Max(499) status: number;
  @ApiProperty({ example: '/problems/validation' }) @IsText(1, 200) type: string;
  @ApiProperty({ example: 'Unprocessable entity' }) @IsText(1, 300) title: string;
  @ApiPropertyOptional() @IsOptional() @IsText(0, 2000) detail?: string;
}

export class ReportHeldSubmissionDto {
  @ApiProperty({ description: 'The Idempotency-Key the submission was sent with' })
  @IsUUID()
  idempotencyKey: string;

  @ApiProperty({
    description: 'When the person submitted it at the kiosk',
    example: '2027-03-15T11:20:00+03:00',
  })
  @IsISO8601({ strict: true })
  submittedAt: string;

  @ApiProperty({
    description:
      'The submission as the kiosk stored it (the body of POST /v1/kiosk/applications). It may be one the server ' +
      'now refuses, so only its shape is checked; a proof of identity in it is dropped, never stored.',
    type: 'object',
    additionalProperties: true,
  })
  @IsDefined()
  @IsObject()
  submission: Record<string, unknown>;

  @ApiProperty({ type: KioskRefusalDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => KioskRefusalDto)
  refusal: KioskRefusalDto;
}

export class HeldSubmissionReportedDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'false when this submission had been reported before (the same id)' })
  created: boolean;
}

export class HeldVacancyDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
}

/** What staff need to call the person back. */
export class HeldSubmissionDto {
  @ApiProperty() id: string;
  @ApiProperty() fairId: string;
  @ApiProperty({ nullable: true, type: String }) fairName: string | null;
  @ApiProperty() kioskId: string;
  @ApiProperty({ nullable: true, type: String }) kioskLabel: string | null;
  @ApiProperty({ nullable: true, type: String }) fullName: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) birthDate: string | null;
  @ApiProperty({ nullable: true, type: String }) citizenship: string | null;
  @ApiProperty({ nullable: true, type: String }) preferredLanguage: string | null;
  @ApiProperty({ type: [HeldVacancyDto] }) vacancies: HeldVacancyDto[];
  @ApiProperty({ type: KioskRefusalDto }) refusal: KioskRefusalDto;
  @ApiProperty() submittedAt: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolution: string | null;
}

export class HeldSubmissionListDto {
  @ApiProperty({ type: [HeldSubmissionDto] }) items: HeldSubmissionDto[];
}

export class HeldSubmissionQuery {
  @ApiPropertyOptional({ description: 'Only this fair’s' })
  @IsOptional()
  @IsUUID()
  fairId?: string;

  @ApiPropertyOptional({ description: 'Also the ones staff have resolved', default: false })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  resolved?: boolean;
}

export class ResolveHeldSubmissionDto {
  @ApiProperty({ example: 'Called back; registered again at the desk' }) @IsText(1, 2000) note: string;
}
