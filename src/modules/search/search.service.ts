import { Inject, Injectable } from '@nestjs/common';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { readPlaces } from 'src/modules/search/query-places';
import type { SearchLang, VacancySearchItemDto, VacancySearchPageDto } from 'src/modules/search/search.dto';
import {
  SEARCH_INDEX,
  type SearchIndex,
  type VacancyFilters,
  type VacancySummary,
} from 'src/modules/search/search.types';

export interface VacancySearchParams extends VacancyFilters {
  q?: string;
  lang?: string;
  page: number;
  pageSize: number;
}

/**
 * Public vacancy search over the index: relevance with `q`, newest first without. A region the query names is read
 * as the region filter (`readPlaces`).
 */
@Injectable()
export class SearchService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(@Inject(SEARCH_INDEX) private readonly index: SearchIndex) {}

  async searchVacancies(params: VacancySearchParams): Promise<VacancySearchPageDto> {
    const lang = (params.lang ?? 'ru') as SearchLang;
    const { q, region, named } = readPlaces(params.q?.trim() || undefined, params.region, this.catalog);
    const result = await this.index.searchVacancies({
      q,
      region,
      occupation: params.occupation,
      salaryMin: params.salaryMin,
      schedule: params.schedule,
      housing: params.housing,
      foreignersAccepted: params.foreignersAccepted,
      fairId: params.fairId,
      employerId: params.employerId,
      offset: (params.page - 1) * params.pageSize,
      limit: params.pageSize,
    });
    return {
      items: result.hits.map((h) => this.toItem(h.doc, h.score, lang)),
      total: result.total,
      page: params.page,
      pageSize: params.pageSize,
      facets: result.facets,
      ...(named ? { regionFromQuery: named } : {}),
    };
  }

  toItem(doc: VacancySummary, score: number, lang: SearchLang): VacancySearchItemDto {
    return {
      id: doc.id,
      title: doc.title,
      occupation: {
        code: doc.occupationCode,
        label: this.catalog.occupationLabel(doc.occupationCode, lang) ?? doc.occupationCode,
      },
      employer: { id: doc.employerId, name: doc.employerName },
      region: doc.region,
      city: doc.city,
      salary: { min: doc.salaryMin, max: doc.salaryMax, currency: doc.currency, period: doc.salaryPeriod },
      schedule: doc.schedule,
      housing: doc.housing,
      startDate: doc.startDate,
      score,
    };
  }
}
