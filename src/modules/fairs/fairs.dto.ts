import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from 'src/common/http/pagination';
import { IsText } from 'src/common/validation/text';
import { queryBool } from 'src/common/validation/query-bool';

export class CreateFairDto {
  @ApiProperty({ example: 'Ярмарка вакансий для иностранных граждан' }) @IsText(1, 300) name: string;
  @ApiProperty({ example: 'RU-MOW' }) @IsString() @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/) region: string;
  @ApiProperty({ example: 'Москва' }) @IsText(1, 200) city: string;
  @ApiProperty({ example: 'ЦЗН, ул. Стромынка 19' }) @IsText(1, 500) venue: string;
  @ApiProperty({ example: '2027-03-15T10:00:00+03:00' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2027-03-15T17:00:00+03:00' }) @IsISO8601({ strict: true }) endsAt: string;
  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone' })
  @IsString()
  @MaxLength(64)
  timezone: string;
  @ApiProperty({ example: ['ru', 'uz', 'tg', 'ky'], type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z]{2}$/, { each: true })
  languages: string[];
}

export class UpdateFairDto extends PartialType(CreateFairDto) {}

export class FairListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only fairs not yet over and not cancelled' })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  upcoming?: boolean;
}

export class AddParticipantDto {
  @ApiProperty() @IsUUID() employerId: string;
  @ApiPropertyOptional({ example: 'B-12' }) @IsOptional() @IsText(1, 50) booth?: string;
}

export class AddFairVacanciesDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  vacancyIds: string[];
}

export class RegisterKioskDto {
  @ApiProperty({ example: 'Entrance, left' }) @IsText(1, 100) label: string;
}

export class FairVacancySummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() occupationCode: string;
  @ApiProperty() occupationLabel: string;
  @ApiProperty() city: string;
  @ApiProperty() salaryMin: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) salaryMax: number | null;
  @ApiProperty() salaryCurrency: string;
  @ApiProperty() salaryPeriod: string;
  @ApiProperty() positions: number;
  @ApiProperty() housingProvided: boolean;
}

export class FairParticipantDto {
  @ApiProperty() employerId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) booth: string | null;
  @ApiProperty({ type: [FairVacancySummaryDto] }) vacancies: FairVacancySummaryDto[];
}

export class FairDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() region: string;
  @ApiProperty() city: string;
  @ApiProperty() venue: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ type: [FairParticipantDto] }) participants: FairParticipantDto[];
}

export class FairPageDto {
  @ApiProperty({ type: [FairDto] }) items: FairDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ParticipantAddedDto {
  @ApiProperty() fairId: string;
  @ApiProperty() employerId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) booth: string | null;
}

export class KioskIdentificationStatsDto {
  @ApiProperty({ description: 'Failed identifications (wrong access or SMS code) in the last 24 hours' })
  failedLast24h: number;
  @ApiProperty({ description: 'Known phone and birth date typed without proof in the last 24 hours' })
  unconfirmedLast24h: number;
  @ApiProperty({ description: 'Many failures: someone may be trying other people’s phones at this kiosk' })
  flagged: boolean;
}

export class KioskDto {
  @ApiProperty() id: string;
  @ApiProperty() fairId: string;
  @ApiProperty() label: string;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({
    type: KioskIdentificationStatsDto,
    description: 'In the staff list of a fair’s kiosks',
  })
  identification?: KioskIdentificationStatsDto;
}

export class KioskCreatedDto extends KioskDto {
  @ApiProperty({ description: 'Bearer token of the kiosk; shown only once' }) token: string;
}
