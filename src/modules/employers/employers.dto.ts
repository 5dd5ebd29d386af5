import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import { IsText } from 'src/common/validation/text';
import type { EmployerEntity } from 'src/modules/employers/employer.entity';

export const EMPLOYER_COUNTRIES = ['RU', 'KZ', 'TJ', 'UZ', 'KG'] as const;
export type EmployerCountryCode = (typeof EMPLOYER_COUNTRIES)[number];
export const EMPLOYER_KINDS = ['company', 'individual'] as const;
export const EMPLOYER_STATUSES = ['pending', 'verified', 'rejected'] as const;

export class RegisterEmployerDto {
  @ApiProperty({ example: 'ООО «СтройМонтаж»' }) @IsText(1, 300) name: string;
  @ApiProperty({ enum: EMPLOYER_COUNTRIES }) @IsIn(EMPLOYER_COUNTRIES) country: EmployerCountryCode;
  @ApiPropertyOptional({ enum: EMPLOYER_KINDS, default: 'company' })
  @IsOptional()
  @IsIn(EMPLOYER_KINDS)
  kind?: 'company' | 'individual';
  @ApiProperty({
    example: '7707083893',
    description:
      'ИНН (10 or 12 digits) in RU, БИН/ИИН (12) in KZ, ИНН (9) in TJ, STIR (9) in UZ, ИНН (14) in KG',
  })
  @IsString()
  @Length(9, 14)
  taxId: string;
  @ApiProperty({ example: 'RU-MOW', description: 'ISO 3166-2 region of the country' })
  @IsString()
  @Length(4, 6)
  region: string;
  @ApiProperty() @IsText(1, 500) address: string;
  @ApiProperty() @IsText(1, 200) contactName: string;
  @ApiProperty({ description: 'Login of the employer user' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: '+74951234567' }) @IsString() @MaxLength(32) phone: string;
  @ApiProperty({ minLength: 10 }) @IsString() @Length(10, 200) password: string;
}

export class UpdateEmployerDto {
  @ApiPropertyOptional() @IsOptional() @IsText(1, 300) name?: string;
  @ApiPropertyOptional({ enum: EMPLOYER_KINDS }) @IsOptional() @IsIn(EMPLOYER_KINDS) kind?:
    'company' | 'individual';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(4, 6) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 500) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsText(1, 200) contactName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) phone?: string;
}

export class RejectEmployerDto {
  @ApiProperty({ example: 'Tax id does not match the registry' }) @IsText(1, 1000) reason: string;
}

export class EmployerListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EMPLOYER_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYER_STATUSES)
  status?: 'pending' | 'verified' | 'rejected';
}

export class EmployerRegisteredDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'pending' }) status: string;
}

export class EmployerDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: EMPLOYER_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EMPLOYER_COUNTRIES }) country: string;
  @ApiProperty() taxId: string;
  @ApiProperty() region: string;
  @ApiProperty() address: string;
  @ApiProperty() contactName: string;
  @ApiProperty() email: string;
  @ApiProperty() phone: string;
  @ApiProperty({ enum: EMPLOYER_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) verifiedAt: string | null;
  @ApiProperty() createdAt: string;

  static of(e: EmployerEntity): EmployerDto {
    return {
      id: e.id,
      kind: e.kind,
      name: e.name,
      country: e.country,
      taxId: e.taxId,
      region: e.region,
      address: e.address,
      contactName: e.contactName,
      email: e.email,
      phone: e.phone,
      status: e.status,
      rejectionReason: e.rejectionReason,
      verifiedAt: e.verifiedAt?.toISOString() ?? null,
      createdAt: e.createdAt.toISOString(),
    };
  }
}

export class EmployerPageDto {
  @ApiProperty({ type: [EmployerDto] }) items: EmployerDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
