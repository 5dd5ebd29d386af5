import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';
import { OccupationSearchIndex, type SearchTerm } from './occupation-search';

/** Languages the service has occupation labels in. */
export const LABEL_LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type LabelLang = (typeof LABEL_LANGS)[number];

export interface OccupationGroupRef {
  code: string;
  labelEn: string;
}

export interface Occupation {
  code: string;
  level: number;
  labelEn: string;
  /** Label per language; English ISCO label where no translation exists. */
  labels: Record<LabelLang, string>;
  /** True for the trades with hand-written labels and synonyms in every language. */
  trade: boolean;
  minorGroup: OccupationGroupRef;
  subMajorGroup: OccupationGroupRef;
  majorGroup: OccupationGroupRef;
}

export interface OccupationMatch {
  code: string;
  label: string;
  score: number;
  /** The label or synonym that matched, as written in the data. */
  matched: string;
}

export interface Region {
  code: string;
  country: string;
  nameRu: string;
  nameEn: string;
  /** Uzbek, Latin script. */
  nameUz: string;
  /** Tajik, Cyrillic script. */
  nameTg: string;
  /** Kyrgyz, Cyrillic script. */
  nameKy: string;
  /** Region code of the Russian federal job portal "Работа России" (13 digits). */
  portalCode?: string;
  timezone: string;
}

export interface Country {
  code: string;
  nameRu: string;
  nameEn: string;
}

export interface Language {
  code: string;
  nameRu: string;
  nameEn: string;
}

export interface MinimumWage {
  amount: number;
  currency: string;
  effectiveFrom: string;
  legalBasis: string;
  /** `regional` when a region's own, higher minimum applies; `national` otherwise. */
  scope: 'regional' | 'national';
  /** The region whose minimum it is, for a regional one. */
  region?: string;
}

/** What the monthly minimum is measured against in a country, with its legal basis. */
export interface MinimumWageRules {
  fullTimeHoursPerWeek: number;
  legalBasis: string;
  /** Set where regions may set a higher minimum than the national one (then the law that allows it). */
  regionalMinimums?: string;
}

interface TradeFile {
  trades: Array<{
    code: string;
    labels: Record<LabelLang | 'uzCyrl', string>;
    synonyms: Record<LabelLang | 'uzCyrl', string[]>;
  }>;
}

interface MinimumWageEntry extends Omit<MinimumWage, 'scope'> {
  country: string;
  period: 'month';
}

// Trade words are what jobseekers type; ESCO English labels are a broad fallback.
const WEIGHT_TRADE_LABEL = 1;
const WEIGHT_TRADE_SYNONYM = 0.97;
const WEIGHT_ISCO_LABEL = 0.8;
const WEIGHT_ESCO_LABEL = 0.75;
const WEIGHT_ESCO_ALT = 0.68;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * The data folder: beside this file if the build copied it, otherwise `src/modules/reference/data`
 * under the repository root (the nearest folder above with a package.json), so the same code runs
 * from `src/` under ts-jest and from `dist/src/` after tsc.
 */
export function resolveDataDir(start: string = __dirname): string {
  const beside = join(start, 'data');
  if (existsSync(join(beside, 'trades.json'))) return beside;
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      const candidate = join(dir, 'src', 'modules', 'reference', 'data');
      if (existsSync(join(candidate, 'trades.json'))) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Reference data folder not found from ${start}: ship src/modules/reference/data with the build`,
  );
}

/** A region's name in every language the service speaks. */
export function regionNames(r: Region): Record<LabelLang, string> {
  return { ru: r.nameRu, uz: r.nameUz, tg: r.nameTg, ky: r.nameKy, en: r.nameEn };
}

function toIsoDate(date: Date | string): string {
  if (typeof date === 'string') return date.slice(0, 10);
  return date.toISOString().slice(0, 10);
}

/**
 * Occupations (ISCO-08 with labels in the jobseekers' languages), regions, countries, languages and
 * minimum wages, loaded once from the data files. Pure: no Nest, no I/O after construction.
 */
export class ReferenceCatalog {
  private static cached: ReferenceCatalog | undefined;

  private readonly groups = new Map<string, OccupationGroupRef & { level: number }>();
  private readonly occupations = new Map<string, Occupation>();
  private readonly terms = new Map<string, Set<string>>();
  private readonly searchIndex: OccupationSearchIndex;
  private readonly regionList: Region[];
  private readonly regionByCode = new Map<string, Region>();
  private readonly countryList: Country[];
  private readonly countryByCode = new Map<string, Country>();
  private readonly languageList: Language[];
  private readonly languageByCode = new Map<string, Language>();
  private readonly wages: MinimumWageEntry[];
  private readonly wageRules: Record<string, MinimumWageRules>;
  readonly languageLevels: readonly string[];

  /** The catalog of the default data folder, loaded on first use. */
  static load(): ReferenceCatalog {
    if (!ReferenceCatalog.cached) ReferenceCatalog.cached = new ReferenceCatalog();
    return ReferenceCatalog.cached;
  }

  constructor(dataDir: string = resolveDataDir()) {
    const read = (name: string) => readFileSync(join(dataDir, name), 'utf8');
    const json = <T>(name: string) => JSON.parse(read(name)) as T;

    const searchTerms: SearchTerm[] = [];
    const addTerm = (code: string, text: string, weight: number) => {
      if (!text) return;
      searchTerms.push({ code, text, weight });
      let set = this.terms.get(code);
      if (!set) this.terms.set(code, (set = new Set()));
      set.add(text);
    };

    for (const row of parseCsv(read('isco08_groups_en.csv'))) {
      this.groups.set(row.code, { code: row.code, labelEn: row.label_en, level: Number(row.level) });
    }
    const ref = (code: string): OccupationGroupRef => {
      const g = this.groups.get(code);
      return { code, labelEn: g?.labelEn ?? '' };
    };
    for (const g of this.groups.values()) {
      if (g.level !== 4) continue;
      this.occupations.set(g.code, {
        code: g.code,
        level: 4,
        labelEn: g.labelEn,
        labels: { ru: g.labelEn, uz: g.labelEn, tg: g.labelEn, ky: g.labelEn, en: g.labelEn },
        trade: false,
        minorGroup: ref(g.code.slice(0, 3)),
        subMajorGroup: ref(g.code.slice(0, 2)),
        majorGroup: ref(g.code.slice(0, 1)),
      });
    }

    for (const trade of json<TradeFile>('trades.json').trades) {
      const occ = this.occupations.get(trade.code);
      if (!occ) throw new Error(`trades.json: ${trade.code} is not an ISCO-08 unit group`);
      occ.trade = true;
      for (const lang of LABEL_LANGS) occ.labels[lang] = trade.labels[lang] ?? occ.labels[lang];
      for (const label of Object.values(trade.labels)) addTerm(trade.code, label, WEIGHT_TRADE_LABEL);
      for (const list of Object.values(trade.synonyms)) {
        for (const s of list) addTerm(trade.code, s, WEIGHT_TRADE_SYNONYM);
      }
    }
    for (const occ of this.occupations.values()) addTerm(occ.code, occ.labelEn, WEIGHT_ISCO_LABEL);
    for (const row of parseCsv(read('esco_occupations_en.csv'))) {
      if (!this.occupations.has(row.isco_code)) continue;
      addTerm(row.isco_code, row.label_en, WEIGHT_ESCO_LABEL);
      for (const alt of row.alt_labels_en.split('|')) addTerm(row.isco_code, alt.trim(), WEIGHT_ESCO_ALT);
    }
    this.searchIndex = new OccupationSearchIndex(searchTerms);

    this.regionList = json<{ regions: Region[] }>('regions.json').regions;
    for (const r of this.regionList) {
      for (const [lang, name] of Object.entries(regionNames(r))) {
        if (!name) throw new Error(`regions.json: ${r.code} has no name in ${lang}`);
      }
      this.regionByCode.set(r.code, r);
    }
    this.countryList = json<{ countries: Country[] }>('countries.json').countries;
    for (const c of this.countryList) this.countryByCode.set(c.code, c);
    const languages = json<{ languages: Language[]; levels: string[] }>('languages.json');
    this.languageList = languages.languages;
    for (const l of this.languageList) this.languageByCode.set(l.code, l);
    this.languageLevels = Object.freeze([...languages.levels]);
    const wageFile = json<{ wages: MinimumWageEntry[]; countries: Record<string, MinimumWageRules> }>(
      'minimum-wages.json',
    );
    this.wages = wageFile.wages;
    this.wageRules = wageFile.countries ?? {};
    for (const w of this.wages) {
      if (!this.wageRules[w.country]) throw new Error(`minimum-wages.json: no countries.${w.country} entry`);
    }
  }

  // --- occupations ---

  /** An ISCO-08 unit group (4 digits), or undefined. */
  occupation(code: string): Occupation | undefined {
    return this.occupations.get(code);
  }

  isOccupation(code: unknown): code is string {
    return typeof code === 'string' && this.occupations.has(code);
  }

  /** Every unit group, in code order. */
  allOccupations(): Occupation[] {
    return [...this.occupations.values()];
  }

  /** Codes of the trades that have labels in every language. */
  tradeCodes(): string[] {
    return this.allOccupations()
      .filter((o) => o.trade)
      .map((o) => o.code);
  }

  /** Any ISCO-08 group (1 to 4 digits) with its English label. */
  occupationGroup(code: string): (OccupationGroupRef & { level: number }) | undefined {
    return this.groups.get(code);
  }

  occupationLabel(code: string, lang: LabelLang | string = 'en'): string | undefined {
    const occ = this.occupations.get(code);
    if (!occ) return undefined;
    return (occ.labels as Record<string, string>)[lang] ?? occ.labelEn;
  }

  /** Every label and synonym of a unit group in every language and script, for a search index. */
  occupationTerms(code: string): string[] {
    return [...(this.terms.get(code) ?? [])];
  }

  /**
   * Occupations ranked by how well their labels in any language match the query; tolerant of script
   * (Cyrillic or Latin), transliteration and typos. Labels come back in `lang`.
   */
  searchOccupations(q: string, lang: LabelLang | string = 'en', limit = 10): OccupationMatch[] {
    if (!q || q.length > 200) return [];
    return this.searchIndex.search(q, limit).map((hit) => ({
      code: hit.code,
      label: this.occupationLabel(hit.code, lang) ?? hit.code,
      score: hit.score,
      matched: hit.matched,
    }));
  }

  // --- regions and countries ---

  region(code: string): Region | undefined {
    return this.regionByCode.get(code);
  }

  /** The region's name in one of the service's languages (Russian for any other), or undefined for an unknown code. */
  regionName(code: string, lang: LabelLang | string = 'ru'): string | undefined {
    const r = this.regionByCode.get(code);
    return (
      r && regionNames(r)[(LABEL_LANGS as readonly string[]).includes(lang) ? (lang as LabelLang) : 'ru']
    );
  }

  regions(country?: string): Region[] {
    return country ? this.regionList.filter((r) => r.country === country) : [...this.regionList];
  }

  isRegion(code: unknown, country?: string): code is string {
    if (typeof code !== 'string') return false;
    const r = this.regionByCode.get(code);
    return !!r && (!country || r.country === country);
  }

  /** The Russian region with this "Работа России" portal code. */
  regionByPortalCode(portalCode: string): Region | undefined {
    return this.regionList.find((r) => r.portalCode === portalCode);
  }

  country(code: string): Country | undefined {
    return this.countryByCode.get(code);
  }

  countries(): Country[] {
    return [...this.countryList];
  }

  isCountry(code: unknown): code is string {
    return typeof code === 'string' && this.countryByCode.has(code);
  }

  // --- languages ---

  language(code: string): Language | undefined {
    return this.languageByCode.get(code);
  }

  languages(): Language[] {
    return [...this.languageList];
  }

  isLanguage(code: unknown): code is string {
    return typeof code === 'string' && this.languageByCode.has(code);
  }

  isLanguageLevel(level: unknown): level is string {
    return typeof level === 'string' && this.languageLevels.includes(level);
  }

  // --- minimum wage ---

  /**
   * The monthly minimum wage in force on `date` (a `YYYY-MM-DD` string, or a Date read in UTC).
   * A regional entry applies where it is higher than the national one.
   */
  minimumWage(
    country: string,
    region: string | null | undefined,
    date: Date | string,
  ): MinimumWage | undefined {
    const day = toIsoDate(date);
    const latest = (entries: MinimumWageEntry[]) =>
      entries
        .filter((w) => w.effectiveFrom <= day)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    const forCountry = this.wages.filter((w) => w.country === country);
    const national = latest(forCountry.filter((w) => !w.region));
    const regional = region ? latest(forCountry.filter((w) => w.region === region)) : undefined;
    const chosen = regional && (!national || regional.amount >= national.amount) ? regional : national;
    if (!chosen) return undefined;
    return {
      amount: chosen.amount,
      currency: chosen.currency,
      effectiveFrom: chosen.effectiveFrom,
      legalBasis: chosen.legalBasis,
      scope: chosen === regional ? 'regional' : 'national',
      ...(chosen === regional ? { region: chosen.region } : {}),
    };
  }

  /** The full-time week the country's monthly minimum is for, and whether its regions may set their own. */
  minimumWageRules(country: string): MinimumWageRules | undefined {
    return this.wageRules[country];
  }
}
