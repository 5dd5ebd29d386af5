import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SEARCH_LANGS, VacancySearchItemDto } from 'src/modules/search/search.dto';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

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
  @Transform(toBool)
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

export class VacancyMatchDto {
  @ApiProperty({ type: VacancySearchItemDto }) vacancy: VacancySearchItemDto;
  @ApiProperty({ description: '0..1' }) score: number;
  @ApiProperty({ type: MatchEligibilityDto }) eligibility: MatchEligibilityDto;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
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
  @ApiProperty() score: number;
  @ApiProperty({ type: MatchEligibilityDto }) eligibility: MatchEligibilityDto;
  @ApiProperty({ type: [MatchReasonDto] }) reasons: MatchReasonDto[];
}

export class CandidateListDto {
  @ApiProperty({ type: [CandidateDto] }) items: CandidateDto[];
}
