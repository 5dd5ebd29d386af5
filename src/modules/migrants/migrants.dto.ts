import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { normalizePhone } from 'src/common/validation/phone';
import { isIsoDate } from 'src/modules/eligibility/eligibility.dates';
import {
  DOCUMENT_TYPES,
  DocumentType,
  MIGRATION_CARD_PURPOSES,
  MigrationCardPurpose,
} from 'src/modules/eligibility/eligibility.types';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { GRIEVANCE_CHANNELS, GrievanceChannel } from 'src/modules/migrants/migrant.entity';

export const MIGRANT_LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export const GENDERS = ['female', 'male', 'unspecified'] as const;

const catalog = () => ReferenceCatalog.load();

/** For PATCH fields that may be left out but not cleared: null is validated (and refused) like any value. */
const present = (_object: object, value: unknown) => value !== undefined;

/** An existing calendar date `YYYY-MM-DD` (so 2026-02-30 is refused) between 1900 and 2200. */
export function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v: unknown) => isIsoDate(v) && v >= '1900-01-01' && v <= '2200-12-31',
        defaultMessage: () => 'must be an existing date written YYYY-MM-DD',
      },
    },
    options,
  );
}

export function IsNotFutureDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNotFutureDate',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && v <= new Date().toISOString().slice(0, 10),
        defaultMessage: () => 'must not be in the future',
      },
    },
    options,
  );
}

export function IsKnownCountry(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isKnownCountry',
      validator: {
        validate: (v: unknown) => catalog().isCountry(v),
        defaultMessage: () => 'must be a known ISO 3166-1 alpha-2 country code',
      },
    },
    options,
  );
}

export function IsKnownRegion(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isKnownRegion',
      validator: {
        validate: (v: unknown) => catalog().isRegion(v),
        defaultMessage: () => 'must be a known ISO 3166-2 region code',
      },
    },
    options,
  );
}

export function IsKnownLanguage(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isKnownLanguage',
      validator: {
        validate: (v: unknown) => catalog().isLanguage(v),
        defaultMessage: () => 'must be a known ISO 639-1 language code',
      },
    },
    options,
  );
}

export function IsLanguageLevel(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isLanguageLevel',
      validator: {
        validate: (v: unknown) => catalog().isLanguageLevel(v),
        defaultMessage: () => `must be one of ${catalog().languageLevels.join(', ')}`,
      },
    },
    options,
  );
}

export function IsKnownOccupation(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isKnownOccupation',
      validator: {
        validate: (v: unknown) => catalog().isOccupation(v),
        defaultMessage: () => 'must be a 4-digit ISCO-08 unit group',
      },
    },
    options,
  );
}

export function IsPhoneNumber(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isPhoneNumber',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && normalizePhone(v) !== undefined,
        defaultMessage: () => 'must be a valid phone number in international format, e.g. +998901234567',
      },
    },
    options,
  );
}

export class LanguageSkillDto {
  @ApiProperty({ example: 'ru' }) @IsString() @IsKnownLanguage() code: string;
  @ApiProperty({ example: 'B1', enum: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] })
  @IsString()
  @IsLanguageLevel()
  level: string;
}

export class OccupationSkillDto {
  @ApiProperty({ example: '7112', description: 'ISCO-08 unit group' })
  @IsString()
  @IsKnownOccupation()
  code: string;

  @ApiProperty({ example: 5, minimum: 0, maximum: 70 }) @IsInt() @Min(0) @Max(70) years: number;
}

export class MoneyDto {
  @ApiProperty({ example: 90000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  amount: number;

  @ApiProperty({ example: 'RUB' }) @IsString() @Matches(/^[A-Z]{3}$/) currency: string;
}

export class ConsentDto {
  @ApiProperty({ description: 'Consent to process personal data (152-FZ); required', example: true })
  @Equals(true, { message: 'must be true: a profile cannot be kept without consent to data processing' })
  dataProcessing: boolean;

  @ApiProperty({ description: 'Employers may see the profile in candidate searches' })
  @IsBoolean()
  visibleToEmployers: boolean;

  @ApiProperty({ example: '2025-01', description: 'Version of the consent text the person accepted' })
  @IsString()
  @Length(1, 40)
  version: string;
}

export class RegisterMigrantDto {
  @ApiProperty({ example: 'Алишер Усмонов' })
  @IsString()
  @Length(2, 200)
  fullName: string;

  @ApiPropertyOptional({ example: 'Alisher Usmonov' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  fullNameLatin?: string;

  @ApiProperty({ enum: GENDERS }) @IsIn(GENDERS) gender: 'female' | 'male' | 'unspecified';

  @ApiProperty({ example: 'UZ' }) @IsString() @IsKnownCountry() citizenship: string;

  @ApiProperty({ example: '+998901234567' }) @IsString() @IsPhoneNumber() phone: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;

  @ApiProperty({ enum: MIGRANT_LANGS })
  @IsIn(MIGRANT_LANGS)
  preferredLanguage: (typeof MIGRANT_LANGS)[number];

  @ApiPropertyOptional({ type: [LanguageSkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LanguageSkillDto)
  languages?: LanguageSkillDto[];

  @ApiPropertyOptional({ type: [OccupationSkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OccupationSkillDto)
  occupations?: OccupationSkillDto[];

  @ApiPropertyOptional({ example: ['RU-MOW', 'RU-MOS'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsKnownRegion({ each: true })
  desiredRegions?: string[];

  @ApiPropertyOptional({ example: '2026-03-01' }) @IsOptional() @IsCalendarDate() availableFrom?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsHousing?: boolean;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  expectedMonthlySalary?: MoneyDto;

  @ApiProperty({ example: '1995-04-12' }) @IsCalendarDate() @IsNotFutureDate() birthDate: string;

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'is required: a profile needs consent to data processing' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;

  @ApiProperty({ minLength: 8 }) @IsString() @Length(8, 200) password: string;
}

export class UpdateMigrantDto {
  @ApiPropertyOptional({ example: 'Алишер Усмонов' })
  @ValidateIf(present)
  @IsString()
  @Length(2, 200)
  fullName?: string;

  @ApiPropertyOptional({ example: 'Alisher Usmonov' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  fullNameLatin?: string;

  @ApiPropertyOptional({ enum: GENDERS }) @ValidateIf(present) @IsIn(GENDERS) gender?:
    'female' | 'male' | 'unspecified';

  @ApiPropertyOptional({ example: 'UZ' })
  @ValidateIf(present)
  @IsString()
  @IsKnownCountry()
  citizenship?: string;

  @ApiPropertyOptional({ example: '+998901234567' })
  @ValidateIf(present)
  @IsString()
  @IsPhoneNumber()
  phone?: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;

  @ApiPropertyOptional({ enum: MIGRANT_LANGS })
  @ValidateIf(present)
  @IsIn(MIGRANT_LANGS)
  preferredLanguage?: (typeof MIGRANT_LANGS)[number];

  @ApiPropertyOptional({
    enum: GRIEVANCE_CHANNELS,
    nullable: true,
    description: 'How grievance news reaches the person besides the in-app thread; null: every channel',
  })
  @IsOptional()
  @IsIn(GRIEVANCE_CHANNELS)
  grievanceChannel?: GrievanceChannel | null;

  @ApiPropertyOptional({ type: [LanguageSkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LanguageSkillDto)
  languages?: LanguageSkillDto[];

  @ApiPropertyOptional({ type: [OccupationSkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OccupationSkillDto)
  occupations?: OccupationSkillDto[];

  @ApiPropertyOptional({ example: ['RU-MOW', 'RU-MOS'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsKnownRegion({ each: true })
  desiredRegions?: string[];

  @ApiPropertyOptional({ example: '2026-03-01' }) @IsOptional() @IsCalendarDate() availableFrom?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsHousing?: boolean;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  expectedMonthlySalary?: MoneyDto;

  @ApiPropertyOptional({ example: '1995-04-12' })
  @ValidateIf(present)
  @IsCalendarDate()
  @IsNotFutureDate()
  birthDate?: string;

  @ApiPropertyOptional({
    type: ConsentDto,
    description: 'A changed consent (e.g. visibility) is recorded in history',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

export class MergeMigrantDto {
  @ApiProperty({ description: 'The profile that stays' })
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'must be a UUID' })
  intoId: string;
}

export class CreateDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES }) @IsIn(DOCUMENT_TYPES) type: DocumentType;

  @ApiPropertyOptional({ example: 'FA1234567', description: 'Stored encrypted; shown masked' })
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} \-/.№]{0,39}$/u, {
    message: 'must be 1-40 letters, digits, spaces, - / . №',
  })
  number?: string;

  @ApiPropertyOptional({ example: 'UZ' }) @IsOptional() @IsString() @IsKnownCountry() issuingCountry?: string;

  @ApiPropertyOptional({ example: 'RU-MOW' }) @IsOptional() @IsString() @IsKnownRegion() region?: string;

  @ApiPropertyOptional({ example: '2025-01-10' }) @IsOptional() @IsCalendarDate() validFrom?: string;

  @ApiPropertyOptional({ example: '2026-01-09' }) @IsOptional() @IsCalendarDate() validUntil?: string;

  @ApiPropertyOptional({ enum: MIGRATION_CARD_PURPOSES, description: 'Migration cards only' })
  @IsOptional()
  @IsIn(MIGRATION_CARD_PURPOSES)
  purpose?: MigrationCardPurpose;

  @ApiPropertyOptional({ example: '2025-01-10' }) @IsOptional() @IsCalendarDate() issuedAt?: string;
}

export class UpdateDocumentDto {
  @ApiPropertyOptional({ example: 'FA1234567' })
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} \-/.№]{0,39}$/u, {
    message: 'must be 1-40 letters, digits, spaces, - / . №',
  })
  number?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @IsKnownCountry() issuingCountry?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsKnownRegion() region?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() validFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() validUntil?: string;
  @ApiPropertyOptional({ enum: MIGRATION_CARD_PURPOSES })
  @IsOptional()
  @IsIn(MIGRATION_CARD_PURPOSES)
  purpose?: MigrationCardPurpose;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() issuedAt?: string;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Staff only: show the clear number (audited)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  reveal?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Why the number is revealed; required with reveal=true' })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  reason?: string;
}

// --- responses ---

export class MigrantCreatedDto {
  @ApiProperty() id: string;
}

export class ConsentViewDto {
  @ApiProperty() dataProcessing: boolean;
  @ApiProperty() visibleToEmployers: boolean;
  @ApiPropertyOptional({ nullable: true }) version: string | null;
  @ApiPropertyOptional({ nullable: true }) givenAt: string | null;
  @ApiPropertyOptional({ nullable: true }) withdrawnAt: string | null;
}

export class MigrantDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['active', 'merged', 'erased'] }) status: string;
  @ApiProperty({ nullable: true }) fullName: string | null;
  @ApiPropertyOptional({ nullable: true }) fullNameLatin?: string | null;
  @ApiPropertyOptional({ nullable: true }) birthDate?: string | null;
  @ApiProperty({ enum: GENDERS }) gender: string;
  @ApiProperty() citizenship: string;
  @ApiPropertyOptional({ nullable: true }) phone?: string | null;
  @ApiPropertyOptional({ nullable: true }) email?: string | null;
  @ApiPropertyOptional() preferredLanguage?: string;
  @ApiPropertyOptional({ enum: GRIEVANCE_CHANNELS, nullable: true, description: 'Null: every channel' })
  grievanceChannel?: GrievanceChannel | null;
  @ApiProperty({ type: [LanguageSkillDto] }) languages: LanguageSkillDto[];
  @ApiProperty({ type: [OccupationSkillDto] }) occupations: OccupationSkillDto[];
  @ApiProperty({ type: [String] }) desiredRegions: string[];
  @ApiPropertyOptional({ nullable: true }) availableFrom?: string | null;
  @ApiPropertyOptional({ nullable: true }) needsHousing?: boolean | null;
  @ApiPropertyOptional({ type: MoneyDto, nullable: true }) expectedMonthlySalary?: MoneyDto | null;
  @ApiPropertyOptional({ type: ConsentViewDto }) consent?: ConsentViewDto;
  @ApiPropertyOptional({ enum: ['online', 'kiosk'] }) source?: string;
  @ApiPropertyOptional({ nullable: true }) fairId?: string | null;
  @ApiPropertyOptional({ nullable: true }) mergedIntoId?: string | null;
  @ApiPropertyOptional() createdAt?: string;
}

export class DocumentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: DOCUMENT_TYPES }) type: string;
  @ApiPropertyOptional({ nullable: true, example: '••••••567', description: 'Masked: last 3 characters' })
  number: string | null;
  @ApiPropertyOptional({ description: 'Only with reveal=true (staff, audited)' }) revealed?: boolean;
  @ApiPropertyOptional({ nullable: true }) issuingCountry: string | null;
  @ApiPropertyOptional({ nullable: true }) region: string | null;
  @ApiPropertyOptional({ nullable: true }) validFrom: string | null;
  @ApiPropertyOptional({ nullable: true }) validUntil: string | null;
  @ApiPropertyOptional({ nullable: true }) purpose: string | null;
  @ApiPropertyOptional({ nullable: true }) issuedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class DocumentListDto {
  @ApiProperty({ type: [DocumentDto] }) items: DocumentDto[];
}

export class DuplicateSideDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true }) fullName: string | null;
  @ApiProperty({ nullable: true }) birthDate: string | null;
  @ApiProperty({ nullable: true }) phone: string | null;
  @ApiProperty() citizenship: string;
  @ApiProperty() source: string;
  @ApiProperty() createdAt: string;
}

export class DuplicateDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['phone_birth_date', 'name_birth_date'] }) reason: string;
  @ApiProperty({ example: 0.93 }) score: number;
  @ApiProperty({ type: DuplicateSideDto }) migrant: DuplicateSideDto;
  @ApiProperty({ type: DuplicateSideDto }) candidate: DuplicateSideDto;
  @ApiProperty() createdAt: string;
}

export class DuplicatePageDto {
  @ApiProperty({ type: [DuplicateDto] }) items: DuplicateDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MergeResultDto {
  @ApiProperty() id: string;
  @ApiProperty() mergedInto: string;
}

export class ErasureResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'erased' }) status: string;
}
