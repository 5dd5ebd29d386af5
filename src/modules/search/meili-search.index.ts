import { MeiliSearch, type Index } from 'meilisearch';
import { matchKey } from 'src/common/text/transliterate';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { documentOccupationTerms } from 'src/modules/search/query-expansion';
import type {
  MigrantDocument,
  MigrantMatchQuery,
  Retrieved,
  SearchIndex,
  SearchKind,
  VacancyDocument,
  VacancyFilters,
  VacancyMatchQuery,
  VacancySearchQuery,
  VacancySearchResult,
} from 'src/modules/search/search.types';

export interface MeiliOptions {
  url: string;
  apiKey?: string;
  /** Prefix of index names; tests use their own. */
  indexPrefix?: string;
}

type Stored<T> = T & Record<string, unknown>;

const VACANCY_EXTRA = ['occupationTerms', 'occupationMinor', 'publishedTs', 'regionName'];
const MIGRANT_EXTRA = ['occupationCodes', 'occupationMinors', 'occupationTerms'];

const quote = (v: string) => `"${v.replace(/["\\]/g, '')}"`;

/**
 * The Meilisearch adapter. Settings (searchable, filterable and sortable attributes, synonyms from the
 * occupation labels, typo tolerance) are applied by code at start; a rebuild fills a new index and
 * swaps it in. Documents carry their occupation's labels in every script, as in PostgreSQL.
 * Limitation: Meilisearch has no conditional write, so the version guard reads before it writes
 * and deletes leave no tombstone; the sync handler's reload of the current row keeps this safe in
 * practice (a late job re-reads the row and applies what is current).
 */
export class MeiliSearchIndex implements SearchIndex {
  readonly driver = 'meilisearch' as const;
  private readonly client: MeiliSearch;
  private readonly names: Record<SearchKind, string>;

  constructor(
    options: MeiliOptions,
    private readonly catalog = ReferenceCatalog.load(),
  ) {
    this.client = new MeiliSearch({ host: options.url, apiKey: options.apiKey });
    const prefix = options.indexPrefix ?? 'jobfair_';
    this.names = { vacancies: `${prefix}vacancies`, migrants: `${prefix}migrants` };
  }

  private index(kind: SearchKind, uid = this.names[kind]): Index<Record<string, unknown>> {
    return this.client.index(uid);
  }

  async init(): Promise<void> {
    for (const kind of ['vacancies', 'migrants'] as SearchKind[])
      await this.applySettings(kind, this.names[kind]);
  }

  private async applySettings(kind: SearchKind, uid: string): Promise<void> {
    await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    const settings =
      kind === 'vacancies'
        ? {
            searchableAttributes: [
              'title',
              'occupationTerms',
              'skills',
              'city',
              'regionName',
              'employerName',
              'description',
            ],
            filterableAttributes: [
              'region',
              'country',
              'occupationCode',
              'occupationMinor',
              'salaryMonthlyMax',
              'schedule',
              'housing',
              'foreignersAccepted',
              'fairIds',
              'employerId',
            ],
            sortableAttributes: ['publishedTs'],
            synonyms: this.synonyms(),
            typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
          }
        : {
            searchableAttributes: ['occupationTerms'],
            filterableAttributes: ['id', 'visible', 'occupationCodes', 'occupationMinors'],
            sortableAttributes: [],
            typoTolerance: { enabled: true },
          };
    await this.index(kind, uid).updateSettings(settings).waitTask();
  }

  /** Every trade label and synonym maps to the Russian label, so a query in any language finds the Russian ad. */
  private synonyms(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const code of this.catalog.tradeCodes()) {
      const ru = this.catalog.occupationLabel(code, 'ru')!.toLowerCase();
      for (const term of documentOccupationTerms(code, this.catalog)) {
        const t = term.toLowerCase();
        if (t !== ru) out[t] = [...new Set([...(out[t] ?? []), ru])];
      }
    }
    return out;
  }

  async close(): Promise<void> {}

  async health(): Promise<string> {
    await this.client.health();
    const stats = await this.index('vacancies').getStats();
    return `meilisearch: ${stats.numberOfDocuments} vacancies`;
  }

  /** Removes this adapter's indexes (tests). */
  async dropAll(): Promise<void> {
    for (const uid of Object.values(this.names)) await this.client.deleteIndex(uid).waitTask();
  }

  private toStoredVacancy(doc: VacancyDocument): Stored<VacancyDocument> {
    const terms = documentOccupationTerms(doc.occupationCode, this.catalog);
    return {
      ...doc,
      occupationTerms: [...terms, matchKey(terms.join(' '))],
      occupationMinor: doc.occupationCode.slice(0, 3),
      publishedTs: Date.parse(doc.publishedAt),
      regionName: this.catalog.region(doc.region)?.nameRu ?? doc.region,
    };
  }

  private toStoredMigrant(doc: MigrantDocument): Stored<MigrantDocument> {
    const codes = [...new Set(doc.occupations.map((o) => o.code))];
    return {
      ...doc,
      occupationCodes: codes,
      occupationMinors: [...new Set(codes.map((c) => c.slice(0, 3)))],
      occupationTerms: codes.flatMap((c) => documentOccupationTerms(c, this.catalog)),
    };
  }

  private strip<T>(stored: Record<string, unknown>, extra: string[]): T {
    const copy = { ...stored };
    for (const key of [...extra, '_rankingScore']) delete copy[key];
    return copy as T;
  }

  /** Keeps only documents not older than what the index holds (read, then write: see class note). */
  private async newer<T extends { id: string; sourceVersion: number }>(
    kind: SearchKind,
    docs: T[],
  ): Promise<T[]> {
    const held = await this.index(kind).getDocuments({
      filter: `id IN [${docs.map((d) => quote(d.id)).join(', ')}]`,
      fields: ['id', 'sourceVersion'],
      limit: docs.length,
    });
    const versions = new Map(held.results.map((r) => [r.id as string, Number(r.sourceVersion)]));
    return docs.filter((d) => (versions.get(d.id) ?? -1) <= d.sourceVersion);
  }

  async upsertVacancies(docs: VacancyDocument[], uid = this.names.vacancies): Promise<void> {
    const fresh = uid === this.names.vacancies ? await this.newer('vacancies', docs) : docs;
    if (fresh.length)
      await this.index('vacancies', uid)
        .addDocuments(fresh.map((d) => this.toStoredVacancy(d)))
        .waitTask();
  }

  async upsertMigrants(docs: MigrantDocument[], uid = this.names.migrants): Promise<void> {
    const fresh = uid === this.names.migrants ? await this.newer('migrants', docs) : docs;
    if (fresh.length)
      await this.index('migrants', uid)
        .addDocuments(fresh.map((d) => this.toStoredMigrant(d)))
        .waitTask();
  }

  deleteVacancy(id: string, sourceVersion: number): Promise<void> {
    return this.remove('vacancies', id, sourceVersion);
  }

  deleteMigrant(id: string, sourceVersion: number): Promise<void> {
    return this.remove('migrants', id, sourceVersion);
  }

  private async remove(kind: SearchKind, id: string, sourceVersion: number): Promise<void> {
    const held = await this.get<{ sourceVersion: number }>(kind, id);
    if (held && held.sourceVersion > sourceVersion) return;
    await this.index(kind).deleteDocument(id).waitTask();
  }

  private async get<T>(kind: SearchKind, id: string): Promise<T | undefined> {
    try {
      return (await this.index(kind).getDocument(id)) as T;
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code === 'document_not_found') return undefined;
      throw error;
    }
  }

  async getVacancy(id: string): Promise<VacancyDocument | undefined> {
    const doc = await this.get<Record<string, unknown>>('vacancies', id);
    return doc && this.strip<VacancyDocument>(doc, VACANCY_EXTRA);
  }

  async getMigrant(id: string): Promise<MigrantDocument | undefined> {
    const doc = await this.get<Record<string, unknown>>('migrants', id);
    return doc && this.strip<MigrantDocument>(doc, MIGRANT_EXTRA);
  }

  private filters(f: VacancyFilters): string[] {
    const out: string[] = [];
    if (f.region) out.push(`region = ${quote(f.region)}`);
    if (f.occupation?.length === 4) out.push(`occupationCode = ${quote(f.occupation)}`);
    else if (f.occupation?.length === 3) out.push(`occupationMinor = ${quote(f.occupation)}`);
    if (f.salaryMin !== undefined) out.push(`salaryMonthlyMax >= ${Number(f.salaryMin)}`);
    if (f.schedule) out.push(`schedule = ${quote(f.schedule)}`);
    if (f.housing !== undefined) out.push(`housing = ${f.housing}`);
    if (f.foreignersAccepted !== undefined) out.push(`foreignersAccepted = ${f.foreignersAccepted}`);
    if (f.fairId) out.push(`fairIds = ${quote(f.fairId)}`);
    if (f.employerId) out.push(`employerId = ${quote(f.employerId)}`);
    return out;
  }

  async searchVacancies(query: VacancySearchQuery): Promise<VacancySearchResult> {
    const filter = this.filters(query);
    const res = await this.index('vacancies').search(query.q ?? '', {
      filter: filter.length ? filter.join(' AND ') : undefined,
      offset: query.offset,
      limit: query.limit,
      facets: ['region', 'occupationCode'],
      sort: query.q ? undefined : ['publishedTs:desc'],
      showRankingScore: !!query.q,
    });
    const facet = (name: string) =>
      Object.entries(res.facetDistribution?.[name] ?? {})
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      hits: res.hits.map((h) => ({
        doc: this.strip<VacancyDocument>(h, VACANCY_EXTRA),
        score: query.q ? Math.round(Number(h._rankingScore ?? 0) * 1000) / 1000 : 0,
      })),
      total: res.estimatedTotalHits ?? res.hits.length,
      facets: { region: facet('region'), occupation: facet('occupationCode') },
    };
  }

  async matchVacancies(query: VacancyMatchQuery): Promise<Retrieved<VacancyDocument>[]> {
    const list = (xs: string[]) => `[${xs.map(quote).join(', ')}]`;
    const who = [
      query.occupationCodes.length ? `occupationCode IN ${list(query.occupationCodes)}` : '',
      query.minorGroups.length ? `occupationMinor IN ${list(query.minorGroups)}` : '',
    ].filter(Boolean);
    const filter = [
      who.length ? `(${who.join(' OR ')})` : '',
      query.fairId ? `fairIds = ${quote(query.fairId)}` : '',
    ]
      .filter(Boolean)
      .join(' AND ');
    const res = await this.index('vacancies').search(who.length ? '' : query.textWords.flat().join(' '), {
      filter: filter || undefined,
      limit: query.limit,
      sort: ['publishedTs:desc'],
    });
    return res.hits
      .map((h) => {
        const doc = this.strip<VacancyDocument>(h, VACANCY_EXTRA);
        const fit = query.occupationCodes.includes(doc.occupationCode)
          ? 1
          : query.minorGroups.includes(doc.occupationCode.slice(0, 3))
            ? 0.6
            : 0.25;
        return { doc, textScore: fit };
      })
      .sort((a, b) => b.textScore - a.textScore);
  }

  async matchMigrants(query: MigrantMatchQuery): Promise<Retrieved<MigrantDocument>[]> {
    const applied = `[${query.appliedIds.map(quote).join(', ')}]`;
    const filter =
      `(visible = true OR id IN ${applied}) AND (occupationCodes = ${quote(query.occupationCode)}` +
      ` OR occupationMinors = ${quote(query.minorGroup)} OR id IN ${applied})`;
    const res = await this.index('migrants').search('', { filter, limit: query.limit });
    return res.hits
      .map((h) => {
        const doc = this.strip<MigrantDocument>(h, MIGRANT_EXTRA);
        const codes = doc.occupations.map((o) => o.code);
        const fit = codes.includes(query.occupationCode)
          ? 1
          : codes.some((c) => c.startsWith(query.minorGroup))
            ? 0.6
            : 0;
        return { doc, textScore: fit };
      })
      .sort((a, b) => b.textScore - a.textScore);
  }

  async rebuild(
    kind: SearchKind,
    batches: AsyncIterable<VacancyDocument[] | MigrantDocument[]>,
    onBatch?: (count: number) => void,
  ): Promise<void> {
    const live = this.names[kind];
    const staging = `${live}_${Date.now()}`;
    await this.applySettings(kind, staging);
    for await (const batch of batches) {
      if (kind === 'vacancies') await this.upsertVacancies(batch as VacancyDocument[], staging);
      else await this.upsertMigrants(batch as MigrantDocument[], staging);
      onBatch?.(batch.length);
    }
    // Searches answer from the old index until the swap; then the old one (now `staging`) goes.
    await this.client.swapIndexes([{ indexes: [live, staging], rename: false }]).waitTask();
    await this.client.deleteIndex(staging).waitTask();
  }
}
