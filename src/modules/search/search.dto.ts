import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const SEARCH_LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type SearchLang = (typeof SEARCH_LANGS)[number];

export class OccupationRefDto {
  @ApiProperty({ example: '5120' }) code: string;
  @ApiProperty({ example: 'Повар' }) label: string;
}

export class EmployerRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class SalaryRangeDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) min: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) max: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'RUB' }) currency: string | null;
  @ApiProperty({ enum: ['month', 'day', 'hour'] }) period: string;
}

export class VacancySearchItemDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: OccupationRefDto }) occupation: OccupationRefDto;
  @ApiProperty({ type: EmployerRefDto }) employer: EmployerRefDto;
  @ApiProperty({ example: 'RU-MOW' }) region: string;
  @ApiPropertyOptional({ nullable: true, type: String }) city: string | null;
  @ApiProperty({ type: SalaryRangeDto }) salary: SalaryRangeDto;
  @ApiPropertyOptional({ nullable: true, type: String }) schedule: string | null;
  @ApiProperty({ description: 'Housing provided' }) housing: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ description: 'Relevance 0..1 when q is given; 0 otherwise' }) score: number;
}

export class FacetCountDto {
  @ApiProperty() value: string;
  @ApiProperty() count: number;
}

export class VacancyFacetsDto {
  @ApiProperty({ type: [FacetCountDto] }) region: FacetCountDto[];
  @ApiProperty({ type: [FacetCountDto] }) occupation: FacetCountDto[];
}

export class VacancySearchPageDto {
  @ApiProperty({ type: [VacancySearchItemDto] }) items: VacancySearchItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: VacancyFacetsDto }) facets: VacancyFacetsDto;
  @ApiPropertyOptional({
    example: 'RU-MOW',
    description:
      'The region the query named ("повар Москва"), searched as the region filter and left out of the text; ' +
      'absent when the query named none, or another region than the one asked for',
  })
  regionFromQuery?: string;
}
