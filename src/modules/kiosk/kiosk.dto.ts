import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsText } from 'src/common/validation/text';
import {
  IsCalendarDate,
  IsNotFutureDate,
  IsPhoneNumber,
  RegisterMigrantDto,
} from 'src/modules/migrants/migrants.dto';
import { CreateGrievanceDto, GrievanceDto } from 'src/modules/grievances/grievances.dto';
import { VacancyMinimumWageDto } from 'src/modules/reference/minimum-wage.dto';
import { WorkingTimeViewDto } from 'src/modules/vacancies/vacancies.dto';

/** As online (`ConsentDto`), with a version that cannot carry control characters. */
export class KioskConsentDto {
  @ApiProperty({ description: 'Consent to process personal data (152-FZ); required', example: true })
  @Equals(true, { message: 'must be true: a profile cannot be kept without consent to data processing' })
  dataProcessing: boolean;

  @ApiProperty({ description: 'Employers may see the profile in candidate searches' })
  @IsBoolean()
  visibleToEmployers: boolean;

  @ApiProperty({ example: '2025-01', description: 'Version of the consent text the person accepted' })
  @IsText(1, 40)
  version: string;
}

/** The online registration profile without a password (the kiosk gives an access code instead). */
export class KioskMigrantDto extends OmitType(RegisterMigrantDto, ['password', 'consent'] as const) {
  // The same fields as online, and free text must not carry control characters (PostgreSQL refuses NUL).
  @ApiProperty({ example: 'Алишер Усмонов' }) @IsText(2, 200) override fullName: string;

  @ApiPropertyOptional({ example: 'Alisher Usmonov' })
  @IsOptional()
  @IsText(2, 200)
  override fullNameLatin?: string;

  @ApiProperty({ type: KioskConsentDto })
  @IsDefined({ message: 'is required: a profile needs consent to data processing' })
  @IsObject()
  @ValidateNested()
  @Type(() => KioskConsentDto)
  consent: KioskConsentDto;
}

/** A returning visitor's proof: the access code from an earlier visit, or the code the kiosk had texted them. */
export class KioskIdentityProofDto {
  @ApiPropertyOptional({ example: 'K7M2QX4P', description: 'The access code from an earlier visit' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,12}$/)
  accessCode?: string;

  @ApiPropertyOptional({ description: 'From POST /v1/kiosk/identifications' })
  @IsOptional()
  @IsUUID('all')
  identificationId?: string;

  @ApiPropertyOptional({ example: '402913', description: 'The code sent by SMS to the phone on the profile' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/)
  code?: string;
}

export class KioskIdentificationRequestDto {
  @ApiProperty({ example: '+998901234567' }) @IsString() @IsPhoneNumber() phone: string;
}

export class KioskIdentificationCreatedDto {
  @ApiProperty() identificationId: string;
  @ApiProperty({ description: 'Until when the code works' }) expiresAt: string;
}

export class KioskSubmissionDto {
  @ApiPropertyOptional({
    type: KioskIdentityProofDto,
    description:
      'A returning visitor proves who they are; without it the kiosk never writes into an existing profile ' +
      '(a known phone and birth date make a new profile that staff review as a possible duplicate)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => KioskIdentityProofDto)
  identification?: KioskIdentityProofDto;

  @ApiProperty({ type: KioskMigrantDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => KioskMigrantDto)
  migrant: KioskMigrantDto;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 10, description: 'Vacancies of this fair' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  vacancyIds: string[];
}

export class KioskApplicationResultDto {
  @ApiProperty() id: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty({
    description: '`submitted` when new; the existing status when the person had applied before',
  })
  status: string;
}

export class KioskSubmissionResultDto {
  @ApiProperty({
    description:
      'The profile applied with: the proven person’s, or a new one. Never an existing person’s without proof.',
  })
  migrantId: string;

  @ApiProperty({
    enum: ['new', 'confirmed', 'unconfirmed'],
    description:
      '`confirmed`: the visitor proved who they are; `new`: a new profile; `unconfirmed`: the phone and birth date ' +
      'are a known person’s but no proof was given, so a new profile was made for staff to review',
  })
  identity: 'new' | 'confirmed' | 'unconfirmed';

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'K7M2QX4P',
    description:
      'Log in later with phone + this code. Shown only to a person registered now; null for a returning person ' +
      '(the new code goes by SMS to the phone on file: `accessCodeSent`) and when the phone belongs to another ' +
      'account (staff can help).',
  })
  accessCode: string | null;

  @ApiProperty({
    description: 'A new access code was sent by SMS to the phone on file instead of being shown.',
  })
  accessCodeSent: boolean;

  @ApiProperty({ type: [KioskApplicationResultDto] }) applications: KioskApplicationResultDto[];
}

/** A returning visitor: the phone with the access code, or with the code the kiosk had texted to it. */
export class KioskCheckInDto extends KioskIdentityProofDto {
  @ApiProperty({ example: '+998901234567' }) @IsString() @IsPhoneNumber() phone: string;

  @ApiPropertyOptional({ deprecated: true, description: 'No proof of identity: refused with 400' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;
}

export class KioskCheckInResultDto {
  @ApiProperty() migrantId: string;
  @ApiProperty({ description: 'Visits to this fair so far, this one included' }) visits: number;
}

class KioskOccupationDto {
  @ApiProperty({ example: '5120' }) code: string;
  @ApiProperty({ example: 'Oshpaz' }) label: string;
}

class KioskEmployerDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) booth: string | null;
}

class KioskRegionDto {
  @ApiProperty({ example: 'RU-MOW' }) code: string;
  @ApiProperty({ example: 'Moscow' }) name: string;
  @ApiProperty({ example: 'RU', description: 'ISO 3166-1 country of the job: a fair abroad shows several' })
  country: string;
  @ApiProperty({
    example: 'Россия',
    description: 'The country’s name (Russian for ru, tg, ky; else English)',
  })
  countryName: string;
}

class KioskSalaryDto {
  @ApiProperty() min: number;
  @ApiPropertyOptional() max?: number;
  @ApiProperty({ example: 'RUB' }) currency: string;
  @ApiProperty({ enum: ['month', 'day', 'hour'] }) period: string;
  @ApiProperty({ description: 'Before income tax' }) gross: boolean;
}

class KioskHousingDto {
  @ApiProperty() provided: boolean;
  @ApiPropertyOptional() costPerMonth?: number;
}

export class KioskVacancyDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: KioskOccupationDto }) occupation: KioskOccupationDto;
  @ApiProperty({ type: KioskEmployerDto }) employer: KioskEmployerDto;
  @ApiProperty({ type: KioskRegionDto }) region: KioskRegionDto;
  @ApiProperty() city: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ type: KioskSalaryDto }) salary: KioskSalaryDto;
  @ApiProperty() schedule: string;
  @ApiProperty({ type: WorkingTimeViewDto }) workingTime: WorkingTimeViewDto;
  @ApiPropertyOptional({
    nullable: true,
    type: VacancyMinimumWageDto,
    description:
      'The minimum wage in force in the region on the start date (`fact` in the visitor’s language), for this ' +
      'working time',
  })
  minimumWage: VacancyMinimumWageDto | null;
  @ApiProperty() positions: number;
  @ApiProperty() startDate: string;
  @ApiProperty({ nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ type: KioskHousingDto }) housing: KioskHousingDto;
  @ApiProperty() meals: boolean;
  @ApiProperty({ type: Object }) requirements: Record<string, unknown>;
  @ApiProperty({ type: Object, isArray: true, description: 'What the worker pays (must all be 0)' })
  workerCosts: Array<{ item: string; amount: number; note?: string }>;
  @ApiProperty({ nullable: true, type: String }) termsSnapshotId: string | null;
}

export class KioskVacancyListDto {
  @ApiProperty() fairId: string;
  @ApiProperty({ enum: ['ru', 'uz', 'tg', 'ky', 'en'] }) lang: string;
  @ApiProperty({ type: [KioskVacancyDto] }) items: KioskVacancyDto[];
}

/** A visitor with no profile who reports a problem by themselves: registered as the apply flow registers one. */
export class KioskReporterDto extends PickType(KioskMigrantDto, [
  'fullName',
  'phone',
  'citizenship',
  'preferredLanguage',
  'consent',
] as const) {
  @ApiPropertyOptional({ example: '1995-04-12' })
  @IsOptional()
  @IsCalendarDate()
  @IsNotFutureDate()
  birthDate?: string;
}

export class KioskGrievanceInputDto extends CreateGrievanceDto {
  @ApiPropertyOptional({
    type: KioskReporterDto,
    description:
      'A visitor with no profile (instead of migrantId): registered as at POST /v1/kiosk/applications, a known ' +
      'phone making a new profile for staff to review; the access code is in the answer and goes by SMS',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => KioskReporterDto)
  migrant?: KioskReporterDto;
}

export class KioskRegisteredVisitorDto {
  @ApiProperty() migrantId: string;
  @ApiProperty({ enum: ['new', 'unconfirmed'] }) identity: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Shown on the screen; null when the phone already belongs to another login',
  })
  accessCode: string | null;
  @ApiProperty({ description: 'The access code was also sent by SMS' }) accessCodeSent: boolean;
}

export class KioskGrievanceResultDto extends GrievanceDto {
  @ApiPropertyOptional({ type: KioskRegisteredVisitorDto, description: 'Only for a visitor registered now' })
  visitor?: KioskRegisteredVisitorDto;
}

/** What a proven visitor's own application or placement promised: the terms of its immutable snapshot. */
export class KioskAdvertisedTermDto {
  @ApiProperty({ enum: ['pay', 'hours', 'housing', 'housingCost', 'workerCosts'] }) term: string;
  @ApiProperty({ nullable: true, description: 'As in the grievance’s comparison' }) advertised: unknown;
}

export class KioskVisitorApplicationDto {
  @ApiProperty() id: string;
  @ApiProperty() status: string;
  @ApiProperty() vacancyId: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() employerName: string;
  @ApiProperty() appliedAt: Date;
  @ApiProperty({ nullable: true, type: String }) termsSnapshotId: string | null;
  @ApiProperty({ type: [KioskAdvertisedTermDto] }) terms: KioskAdvertisedTermDto[];
}

export class KioskVisitorPlacementDto {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ enum: ['active', 'terminated'] }) status: string;
  @ApiProperty() vacancyTitle: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ example: '2026-12-01' }) contractStartDate: string;
  @ApiProperty({ nullable: true, type: String }) termsSnapshotId: string | null;
  @ApiProperty({ type: [KioskAdvertisedTermDto] }) terms: KioskAdvertisedTermDto[];
}

export class KioskVisitorRecordsDto extends KioskCheckInResultDto {
  @ApiProperty({ type: [KioskVisitorApplicationDto] }) applications: KioskVisitorApplicationDto[];
  @ApiProperty({ type: [KioskVisitorPlacementDto] }) placements: KioskVisitorPlacementDto[];
}
