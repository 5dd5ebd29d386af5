import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsText } from 'src/common/validation/text';
import { ORIGIN_COUNTRIES } from 'src/modules/recruitment/recruitment.dto';

export const LICENCE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateRecruitmentAgencyDto {
  @ApiProperty({ enum: ORIGIN_COUNTRIES, description: 'The country of origin that licensed the agency' })
  @IsIn(ORIGIN_COUNTRIES)
  country: string;
  @ApiProperty({ example: 'ООО «Кор дар хориҷа»' }) @IsText(1, 300) name: string;
  @ApiProperty({
    example: '010203040',
    description: 'Taxpayer number in the country’s format (TJ 9 digits, UZ 9 digits, KG 14 digits)',
  })
  @IsText(1, 20)
  taxId: string;
  @ApiProperty({ example: '0000123' }) @IsText(1, 100) licenceNumber: string;
  @ApiProperty({ description: 'The body that issued the licence' }) @IsText(1, 300) issuingBody: string;
  @ApiProperty({ example: '2026-01-15' })
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  licenceValidFrom: string;
  @ApiProperty({ example: '2029-01-14' })
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  licenceValidUntil: string;
  @ApiProperty({
    description: 'What staff checked: the register’s address or the document’s reference and date',
  })
  @IsText(1, 1000)
  source: string;
}

/** Corrections of a listed agency; the country stays (the tax number is read in its format). */
export class UpdateRecruitmentAgencyDto {
  @ApiPropertyOptional() @IsOptional() @IsText(1, 300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 20) taxId?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 100) licenceNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 300) issuingBody?: string;
  @ApiPropertyOptional({ example: '2026-01-15' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  licenceValidFrom?: string;
  @ApiPropertyOptional({ example: '2029-01-14' })
  @IsOptional()
  @Matches(DATE, { message: 'must be YYYY-MM-DD' })
  licenceValidUntil?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 1000) source?: string;
}

export class RecruitmentAgencyStatusDto {
  @ApiProperty({
    enum: LICENCE_STATUSES,
    description: 'suspended (may be reinstated as active) or revoked (final)',
  })
  @IsIn(LICENCE_STATUSES)
  status: LicenceStatus;
  @ApiPropertyOptional({ description: 'Required to suspend or revoke: the decision and where it was read' })
  @IsOptional()
  @IsText(1, 1000)
  reason?: string;
}

export class RecruitmentAgencyListQuery {
  @ApiPropertyOptional({ enum: ORIGIN_COUNTRIES }) @IsOptional() @IsIn(ORIGIN_COUNTRIES) country?: string;
  @ApiPropertyOptional({ enum: LICENCE_STATUSES })
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  status?: LicenceStatus;
}

export class RecruitmentAgencyDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORIGIN_COUNTRIES }) country: string;
  @ApiProperty() name: string;
  @ApiProperty() taxId: string;
  @ApiProperty() licenceNumber: string;
  @ApiProperty() issuingBody: string;
  @ApiProperty({ example: '2026-01-15' }) licenceValidFrom: string;
  @ApiProperty({ example: '2029-01-14' }) licenceValidUntil: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: LICENCE_STATUSES }) licenceStatus: LicenceStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class RecruitmentAgencyListDto {
  @ApiProperty({ type: [RecruitmentAgencyDto] }) items: RecruitmentAgencyDto[];
}
