import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Public } from 'src/common/auth/auth.decorators';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { PageQuery, pageOf } from 'src/common/http/pagination';
import {
  MinimumWageAnswerDto,
  MinimumWageQuery,
  minimumWageView,
} from 'src/modules/reference/minimum-wage.dto';
import {
  LABEL_LANGS,
  LabelLang,
  ReferenceCatalog,
  regionNames,
} from 'src/modules/reference/reference.catalog';
import { minimumWageCheck } from 'src/modules/vacancies/minimum-wage';
import { localToday } from 'src/modules/vacancies/vacancy.policy';
import { WorkingTime, defaultWorkingTime, workingTimeErrors } from 'src/modules/vacancies/working-time';

export class OccupationQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Words in any language or script (ru, uz, tg, ky, en; transliterated)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: LABEL_LANGS, default: 'en' })
  @IsOptional()
  @IsIn(LABEL_LANGS)
  lang?: LabelLang;

  @ApiPropertyOptional({
    enum: ['trades', 'all'],
    default: 'trades',
    description: 'Without q: the common trades or every unit group',
  })
  @IsOptional()
  @IsIn(['trades', 'all'])
  set?: 'trades' | 'all';
}

export class RegionQuery {
  @ApiPropertyOptional({ example: 'RU' }) @IsOptional() @IsString() @Matches(/^[A-Z]{2}$/) country?: string;

  @ApiPropertyOptional({ enum: LABEL_LANGS, default: 'en', description: 'Language of `name`' })
  @IsOptional()
  @IsIn(LABEL_LANGS)
  lang?: LabelLang;
}

export class OccupationItemDto {
  @ApiProperty({ example: '5120' }) code: string;
  @ApiProperty({ example: 'Cooks' }) label: string;
  @ApiProperty() labelEn: string;
  @ApiProperty({ description: 'One of the trades with labels in every language' }) trade: boolean;
  @ApiPropertyOptional({ description: 'Search relevance (with q)' }) score?: number;
}

export class OccupationPageDto {
  @ApiProperty({ type: [OccupationItemDto] }) items: OccupationItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RegionNamesDto {
  @ApiProperty({ example: 'Московская область' }) ru: string;
  @ApiProperty({ example: 'Moskva viloyati' }) uz: string;
  @ApiProperty({ example: 'Вилояти Маскав' }) tg: string;
  @ApiProperty({ example: 'Москва облусу' }) ky: string;
  @ApiProperty({ example: 'Moscow Oblast' }) en: string;
}

export class RegionDto {
  @ApiProperty({ example: 'RU-MOW' }) code: string;
  @ApiProperty() country: string;
  @ApiProperty({ description: 'In the language asked for with ?lang= (English by default)' }) name: string;
  @ApiProperty({ type: RegionNamesDto }) names: RegionNamesDto;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
  @ApiPropertyOptional() portalCode?: string;
  @ApiProperty() timezone: string;
}

export class CountryDto {
  @ApiProperty({ example: 'UZ' }) code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
}

export class LanguageDto {
  @ApiProperty({ example: 'uz' }) code: string;
  @ApiProperty() nameRu: string;
  @ApiProperty() nameEn: string;
}

// Search ranks the best matches only; deeper pages of fuzzy hits are noise.
const SEARCH_LIMIT = 100;

@ApiTags('reference')
@Public()
@Controller('v1/reference')
export class ReferenceController {
  private readonly catalog = ReferenceCatalog.load();

  @Get('occupations')
  @ApiRoute('Occupations (ISCO-08 unit groups): search in any language and script, or list', [400], {
    auth: false,
  })
  @ApiOkResponse({ type: OccupationPageDto })
  occupations(@Query() query: OccupationQuery): OccupationPageDto {
    const lang = query.lang ?? 'en';
    const offset = (query.page - 1) * query.pageSize;
    const q = query.q?.trim();
    if (q) {
      const hits = this.catalog.searchOccupations(q, lang, SEARCH_LIMIT);
      const items = hits.slice(offset, offset + query.pageSize).map((h) => {
        const occ = this.catalog.occupation(h.code)!;
        return { code: h.code, label: h.label, labelEn: occ.labelEn, trade: occ.trade, score: h.score };
      });
      return pageOf(items, hits.length, query);
    }
    const all = this.catalog.allOccupations().filter((o) => query.set === 'all' || o.trade);
    const items = all.slice(offset, offset + query.pageSize).map((o) => ({
      code: o.code,
      label: o.labels[lang] ?? o.labelEn,
      labelEn: o.labelEn,
      trade: o.trade,
    }));
    return pageOf(items, all.length, query);
  }

  @Get('regions')
  @ApiRoute('Regions (ISO 3166-2), optionally of one country', [400], { auth: false })
  @ApiOkResponse({ type: [RegionDto] })
  regions(@Query() query: RegionQuery): RegionDto[] {
    const lang = query.lang ?? 'en';
    return this.catalog.regions(query.country).map((r) => {
      const names = regionNames(r);
      return {
        code: r.code,
        country: r.country,
        name: names[lang],
        names,
        nameRu: r.nameRu,
        nameEn: r.nameEn,
        ...(r.portalCode ? { portalCode: r.portalCode } : {}),
        timezone: r.timezone,
      };
    });
  }

  @Get('minimum-wage')
  @ApiRoute(
    'The minimum wage in force in a region on a date (its act, regional or national), what it means for a working ' +
      'time, and the fact in ru, uz, tg, ky and en',
    [400, 404],
    { auth: false },
  )
  @ApiOkResponse({ type: MinimumWageAnswerDto })
  minimumWage(@Query() query: MinimumWageQuery): MinimumWageAnswerDto {
    if (!this.catalog.isRegion(query.region)) {
      throw ValidationError.field('region', 'is not a known ISO 3166-2 region');
    }
    const schedule = query.schedule ?? 'full_time';
    const stated = [query.hoursPerWeek, query.shiftHours, query.shiftsPerMonth].some((x) => x !== undefined);
    const wt: WorkingTime = stated
      ? {
          hoursPerWeek: query.hoursPerWeek ?? null,
          shiftHours: query.shiftHours ?? null,
          shiftsPerMonth: query.shiftsPerMonth ?? null,
        }
      : defaultWorkingTime(schedule);
    const errors = workingTimeErrors(schedule, wt).map((e) => ({
      ...e,
      field: e.field.replace(/^workingTime\./, ''),
    }));
    if (errors.length) {
      throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    }
    const date = query.date ?? localToday(query.region, new Date(), this.catalog);
    const check = minimumWageCheck(
      { region: query.region, startDate: date, schedule, workingTime: wt },
      this.catalog,
    );
    if (!check) throw new NotFoundError(`A minimum wage for ${query.region} on ${date}`);
    return minimumWageView(check, query.region, schedule, wt, query.lang ?? 'ru', this.catalog);
  }

  @Get('countries')
  @ApiRoute('Countries (ISO 3166-1 alpha-2)', [], { auth: false })
  @ApiOkResponse({ type: [CountryDto] })
  countries(): CountryDto[] {
    return this.catalog.countries();
  }

  @Get('languages')
  @ApiRoute('Languages (ISO 639-1) and the levels a requirement may name', [], { auth: false })
  @ApiOkResponse({ type: [LanguageDto] })
  languages(): LanguageDto[] {
    return this.catalog.languages();
  }
}
