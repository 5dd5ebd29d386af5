import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DOCUMENT_TYPES, MIGRATION_CARD_PURPOSES } from 'src/modules/eligibility/eligibility.types';
import {
  IsCalendarDate,
  IsKnownCountry,
  IsKnownOccupation,
  IsKnownRegion,
  LanguageSkillDto,
} from 'src/modules/migrants/migrants.dto';
import { MinimumWageDto } from 'src/modules/reference/minimum-wage.dto';
import { SEARCH_LANGS, VacancySearchItemDto } from 'src/modules/search/search.dto';
import { queryBool } from 'src/common/validation/query-bool';

export class CandidatesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ enum: SEARCH_LANGS, default: 'ru' })
  @IsOptional()
  @IsIn(SEARCH_LANGS)
  lang?: string;
}

export class MatchesQuery extends CandidatesQuery {
  @ApiPropertyOptional({ default: false, description: 'Also list vacancies the person may not legally take' })
  @IsOptional()
  @Transform(queryBool)
  @IsBoolean()
  includeIneligible: boolean = false;
}

export class MatchEligibilityDto {
  @ApiProperty({ enum: ['eligible', 'conditional', 'ineligible'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String }) regime: string | null;
}

export class MatchReasonDto {
  @ApiProperty({ example: 'OCCUPATION_SAME' }) code: string;
  @ApiProperty({ example: 'Trade: Cook' }) message: string;
}

/** Why a match stands where it does (docs/SEARCH.md, "Eligibility in the ranking"). */
export class MatchRankingDto {
  @ApiProperty({ example: 1, description: '1-based place in this list' }) position: number;
  @ApiProperty({ example: 0.9, description: 'Fit of person and job, 0..1, before eligibility' })
  relevance: number;
  @ApiProperty({
    example: 0,
    description: 'Taken off for eligibility: 0 eligible, 0.1 conditional, 0.5 ineligible',
  })
  eligibilityPenalty: number;
  @ApiProperty({ example: 0.9, description: 'relevance − eligibilityPenalty: what the list is sorted by' })
  score: number;
  @ApiProperty({ description: 'More relevant matches placed below this one for their eligibility' })
  aheadOfMoreRelevant: number;
  @ApiProperty({ description: 'Less relevant matches placed above this one for their eligibility' })
  behindLessRelevant: number;
  @ApiProperty({ description: 'The same in a sentence or three, in the language asked for' })
  explanation: string;
}

export class VacancyMatchDto {
  @ApiProperty({ type: VacancySearchItemDto }) vacancy: VacancySearchItemDto;
  @ApiProperty({ description: 'relevance less the eligibility penalty, 0..1; the list is best first' })
  score: number;
  @ApiProperty({ type: MatchEligibilityDto }) eligibility: MatchEligibilityDto;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
  @ApiProperty({ type: MatchRankingDto }) ranking: MatchRankingDto;
  @ApiPropertyOptional({
    nullable: true,
    type: MinimumWageDto,
    description:
      'The minimum wage in force in the vacancy’s region on its start date, as a fact to show the person',
  })
  minimumWage: MinimumWageDto | null;
}

export class VacancyMatchListDto {
  @ApiProperty({ type: [VacancyMatchDto] }) items: VacancyMatchDto[];
}

export class CandidateOccupationDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() years: number;
}

export class CandidateLanguageDto {
  @ApiProperty() code: string;
  @ApiProperty() level: string;
}

/** What an employer sees of a candidate: no name, contact or document number. */
export class CandidateProfileDto {
  @ApiProperty() id: string;
  @ApiProperty() citizenship: string;
  @ApiProperty({ type: [CandidateOccupationDto] }) occupations: CandidateOccupationDto[];
  @ApiProperty({ type: [String] }) desiredRegions: string[];
  @ApiProperty({ type: [CandidateLanguageDto] }) languages: CandidateLanguageDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) availableFrom: string | null;
  @ApiProperty({ description: 'Applied to this vacancy' }) applied: boolean;
}

export class CandidateDto {
  @ApiProperty({ type: CandidateProfileDto }) migrant: CandidateProfileDto;
  @ApiProperty({ description: 'relevance less the eligibility penalty, 0..1; the list is best first' })
  score: number;
  @ApiProperty({ type: MatchEligibilityDto }) eligibility: MatchEligibilityDto;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
  @ApiProperty({ type: MatchRankingDto }) ranking: MatchRankingDto;
}

export class CandidateListDto {
  @ApiProperty({ type: [CandidateDto] }) items: CandidateDto[];
}

export class KioskVisitorDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES, example: 'patent' }) @IsIn(DOCUMENT_TYPES) type: string;
  @ApiPropertyOptional({ example: 'RU-MOW', description: 'Region a patent or permit is for' })
  @IsOptional()
  @IsString()
  @IsKnownRegion()
  region?: string;
  @ApiPropertyOptional({ example: '2026-06-01' }) @IsOptional() @IsCalendarDate() validFrom?: string;
  @ApiPropertyOptional({ example: '2027-05-31' }) @IsOptional() @IsCalendarDate() validUntil?: string;
  @ApiPropertyOptional({ enum: MIGRATION_CARD_PURPOSES, description: 'Migration cards only' })
  @IsOptional()
  @IsIn(MIGRATION_CARD_PURPOSES)
  purpose?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() issuedAt?: string;
}

/** What a kiosk visitor has said so far: enough to rank the fair's vacancies for them, nothing stored. */
export class KioskMatchRequestDto {
  @ApiProperty({ example: 'TJ' }) @IsString() @IsKnownCountry() citizenship: string;
  @ApiProperty({ example: '1995-04-12' }) @IsCalendarDate() birthDate: string;
  @ApiPropertyOptional({ example: '5120', description: 'The trade picked (ISCO-08 unit group)' })
  @IsOptional()
  @IsString()
  @IsKnownOccupation()
  occupationCode?: string;
  @ApiPropertyOptional({ type: [String], example: ['RU-MOW'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsKnownRegion({ each: true })
  desiredRegions?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() needsHousing?: boolean;
  @ApiPropertyOptional({ type: [LanguageSkillDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LanguageSkillDto)
  languages?: LanguageSkillDto[];
  @ApiPropertyOptional({ type: [KioskVisitorDocumentDto], description: 'Papers the visitor says they hold' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => KioskVisitorDocumentDto)
  documents?: KioskVisitorDocumentDto[];
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({
    default: false,
    description: 'Also list vacancies the visitor may not legally take',
  })
  @IsOptional()
  @IsBoolean()
  includeIneligible?: boolean;
}

export class KioskMatchListDto {
  @ApiProperty() fairId: string;
  @ApiProperty({ enum: SEARCH_LANGS }) lang: string;
  @ApiProperty({ type: [VacancyMatchDto] }) items: VacancyMatchDto[];
}
