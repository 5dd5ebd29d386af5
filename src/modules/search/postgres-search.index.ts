import { DataSource } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query';
import { binder } from 'src/database/sql-params';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import {
  expandQuery,
  lexiconWords,
  migrantText,
  occupationText,
  vacancyText,
  type OccupationHint,
} from 'src/modules/search/query-expansion';
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
  VacancySummary,
} from 'src/modules/search/search.types';
import { parseCards, toCard } from 'src/modules/search/vacancy-card';
import { ExpiringCache } from 'src/modules/search/expiring-cache';
import { OwnQuery } from 'src/modules/search/postgres-search.own-query';
import { orOf, type TextPlan } from 'src/modules/search/postgres-search.plan';
import {
  CORRECTION_MIN_SIMILARITY,
  CORRECTION_SHARE_OF_BEST,
  CORRECTIONS_PER_WORD,
  EXPANSION_CACHE_SIZE,
  EXPANSION_TTL_MS,
  FACET_LIMIT,
  RANK_WINDOW,
  SEARCH_RANKING,
} from 'src/modules/search/postgres-search.ranking';

/** The columns `filterSql` and the candidate lists read. */
const FILTER_COLUMNS = [
  'id',
  'region',
  'occupation_code',
  'occupation_minor',
  'published_at',
  'salary_monthly',
  'schedule',
  'housing',
  'foreigners_accepted',
  'fair_ids',
  'employer_id',
]
  .map((c) => `v.${c}`)
  .join(', ');

const CONFIGS = ['russian', 'simple'] as const;

/** The `to_tsquery` text in parameter `p` (words ORed, in both configurations), inline so that the planner sees a constant. */
const TSQUERY = (p: string) =>
  `(to_tsquery('russian', search_unaccent(${p})) || to_tsquery('simple', search_unaccent(${p})))`;

interface Row {
  [key: string]: unknown;
}

/** The PostgreSQL adapter: documents in search_vacancies / search_migrants, full text + trigrams. */
export class PostgresSearchIndex implements SearchIndex {
  readonly driver = 'postgres' as const;
  private readonly knownWords = new Set<string>();
  private readonly knownOccupations = new Set<string>();
  /** Occupations whose terms this process has written for people (not for vacancies: no lexicon words). */
  private readonly peopleOccupations = new Set<string>();
  private readonly plans = new ExpiringCache<Promise<TextPlan | undefined>>(
    EXPANSION_TTL_MS,
    EXPANSION_CACHE_SIZE,
  );

  private readonly vacancies: string;
  private readonly migrants: string;
  private readonly tombstones: string;
  private readonly trades: string;

  /**
   * `tablePrefix` names the tables (`<prefix>_vacancies`, `_migrants`, `_migrant_trades`,
   * `_tombstones`); tests use copies of the tables to stay apart from the application's index. The
   * lexicon and the occupation terms (both derived from the reference data only) are shared.
   */
  constructor(
    private readonly db: DataSource,
    options: { tablePrefix?: string } = {},
    private readonly catalog = ReferenceCatalog.load(),
  ) {
    const prefix = options.tablePrefix ?? 'search';
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`bad search table prefix "${prefix}"`);
    this.vacancies = `${prefix}_vacancies`;
    this.migrants = `${prefix}_migrants`;
    this.tombstones = `${prefix}_tombstones`;
    this.trades = `${prefix}_migrant_trades`;
  }

  /**
   * Schema comes from the migration. The candidates' text tier finds people by their occupations' terms, so every
   * occupation a person holds needs its row in `search_occupations` (written with vacancies and, since then, with
   * people): an index built before that gets the missing ones here.
   */
  async init(): Promise<void> {
    const rows: Row[] = await this.db.query(
      `SELECT DISTINCT t.code FROM ${this.trades} t
        WHERE NOT EXISTS (SELECT 1 FROM search_occupations o WHERE o.code = t.code)`,
    );
    const missing = rows.map((r) => r.code as string);
    if (!missing.length) return;
    // Their words stay out of the typo lexicon, which serves vacancy search.
    await this.addOccupations(this.db, missing);
  }

  async close(): Promise<void> {}

  async health(): Promise<string> {
    const rows: Row[] = await this.db.query(
      `SELECT (SELECT count(*) FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent'))::int AS ext,
              to_regclass('public.search_vacancies') IS NOT NULL AS ready`,
    );
    if (rows[0].ext !== 2) throw new Error('pg_trgm or unaccent missing');
    if (!rows[0].ready) throw new Error('search tables missing');
    return 'postgres';
  }

  // --- writes ---

  async upsertVacancies(docs: VacancyDocument[]): Promise<void> {
    if (!docs.length) return;
    const words = new Set<string>();
    const rows = docs.map((doc) => {
      const text = vacancyText(doc, this.catalog);
      for (const w of lexiconWords(text)) words.add(w);
      return {
        id: doc.id,
        v: doc.sourceVersion,
        doc,
        card: toCard(doc),
        occ: doc.occupationCode,
        minor: doc.occupationCode.slice(0, 3),
        employer: doc.employerId,
        country: doc.country,
        region: doc.region,
        salary: doc.salaryMonthlyMax ?? doc.salaryMonthly,
        schedule: doc.schedule,
        housing: doc.housing,
        foreigners: doc.foreignersAccepted,
        fairs: doc.fairIds,
        published: doc.publishedAt,
        ...text,
      };
    });
    const fresh = [...new Set(docs.map((d) => d.occupationCode))].filter(
      (c) => !this.knownOccupations.has(c),
    );
    await this.db.transaction(async (m) => {
      await this.addOccupations(m, fresh, words);
      // tsv: as search_tsv(a, b, c, d) with the occupation's terms after the title in A. own_tsv: the
      // same without the lexemes the occupation's terms give, and `#<code>` (see TextPlan).
      await m.query(
        `WITH x AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
             id uuid, v bigint, doc jsonb, card text, occ text, minor text, employer uuid, country text, region text,
             salary numeric, schedule text, housing boolean, foreigners boolean, fairs uuid[],
             published timestamptz, a text, b text, c text, d text)
           WHERE NOT EXISTS (SELECT 1 FROM ${this.tombstones} t
                             WHERE t.kind = 'vacancies' AND t.id = x.id AND t.source_version >= x.v)
         ), t AS (
           SELECT x.*,
             to_tsvector('russian', search_unaccent(coalesce(x.a, ''))) AS a_ru,
             to_tsvector('simple', search_unaccent(coalesce(x.a, ''))) AS a_si,
             to_tsvector('russian', search_unaccent(coalesce(x.b, ''))) AS b_ru,
             to_tsvector('simple', search_unaccent(coalesce(x.b, ''))) AS b_si,
             to_tsvector('simple', search_unaccent(coalesce(x.c, ''))) AS c_si,
             to_tsvector('russian', search_unaccent(coalesce(x.d, ''))) AS d_ru,
             coalesce(o.russian, '') AS o_ru, coalesce(o.simple, '') AS o_si,
             coalesce(tsvector_to_array(o.terms), '{}') AS o_terms
           FROM x LEFT JOIN search_occupations o ON o.code = x.occ
         )
         INSERT INTO ${this.vacancies} AS s (id, source_version, doc, card, occupation_code, occupation_minor,
           employer_id, country, region, salary_monthly, schedule, housing, foreigners_accepted, fair_ids,
           published_at, tsv, own_tsv, indexed_at)
         SELECT id, v, doc, card, occ, minor, employer, country, region, salary, schedule, housing, foreigners,
           coalesce(fairs, '{}'), published,
           setweight(a_ru || o_ru, 'A') || setweight(a_si || o_si, 'A') || setweight(b_ru, 'B')
             || setweight(b_si, 'B') || setweight(c_si, 'C') || setweight(d_ru, 'D'),
           ts_delete(setweight(a_ru, 'A') || setweight(a_si, 'A') || setweight(b_ru, 'B') || setweight(b_si, 'B')
               || setweight(c_si, 'C') || setweight(d_ru, 'D'), o_terms)
             || array_to_tsvector(ARRAY['#' || occ]),
           clock_timestamp()
         FROM t
         ON CONFLICT (id) DO UPDATE SET
           source_version = EXCLUDED.source_version, doc = EXCLUDED.doc, card = EXCLUDED.card,
           occupation_code = EXCLUDED.occupation_code, occupation_minor = EXCLUDED.occupation_minor,
           employer_id = EXCLUDED.employer_id, country = EXCLUDED.country, region = EXCLUDED.region,
           salary_monthly = EXCLUDED.salary_monthly, schedule = EXCLUDED.schedule,
           housing = EXCLUDED.housing, foreigners_accepted = EXCLUDED.foreigners_accepted,
           fair_ids = EXCLUDED.fair_ids, published_at = EXCLUDED.published_at, tsv = EXCLUDED.tsv,
           own_tsv = EXCLUDED.own_tsv, indexed_at = EXCLUDED.indexed_at
         WHERE s.source_version <= EXCLUDED.source_version`,
        [JSON.stringify(rows)],
      );
      await this.addWords(m, words);
    });
    for (const code of fresh) this.knownOccupations.add(code);
  }

  /**
   * The terms of occupations this process has not written yet (the reference data may have changed
   * since another process did); their words join the typo lexicon.
   */
  private async addOccupations(m: { query: DataSource['query'] }, codes: string[], words?: Set<string>) {
    if (!codes.length) return;
    const rows = codes.sort().map((code) => {
      const t = occupationText(code, this.catalog);
      if (words) for (const w of lexiconWords({ a: t, b: '', c: '', d: '' })) words.add(w);
      return { code, t };
    });
    await m.query(
      `INSERT INTO search_occupations AS o (code, russian, simple, terms)
       SELECT code, r, s, strip(r || s) FROM (
         SELECT code, to_tsvector('russian', search_unaccent(t)) AS r, to_tsvector('simple', search_unaccent(t)) AS s
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, t text)) y
       ORDER BY code
       ON CONFLICT (code) DO UPDATE SET russian = EXCLUDED.russian, simple = EXCLUDED.simple, terms = EXCLUDED.terms
       WHERE (o.russian, o.simple) IS DISTINCT FROM (EXCLUDED.russian, EXCLUDED.simple)`,
      [JSON.stringify(rows)],
    );
  }

  async upsertMigrants(docs: MigrantDocument[]): Promise<void> {
    if (!docs.length) return;
    const fresh = [...new Set(docs.flatMap((d) => d.occupations.map((o) => o.code)))].filter(
      (c) => !this.peopleOccupations.has(c),
    );
    if (fresh.length) {
      // The occupations' terms, for the candidates' text tier (matchMigrants); their words stay out of the typo
      // lexicon, which serves vacancy search.
      await this.addOccupations(this.db, fresh);
      for (const code of fresh) this.peopleOccupations.add(code);
    }
    const rows = docs.map((doc) => {
      const text = migrantText(doc, this.catalog);
      const codes = [...new Set(doc.occupations.map((o) => o.code))];
      return {
        id: doc.id,
        v: doc.sourceVersion,
        doc,
        codes,
        minors: [...new Set(codes.map((c) => c.slice(0, 3)))],
        regions: doc.desiredRegions,
        visible: doc.visible,
        ...text,
      };
    });
    await this.db.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
           id uuid, v bigint, doc jsonb, codes text[], minors text[], regions text[], visible boolean,
           a text, b text, c text, d text)
       )
       , up AS (
         INSERT INTO ${this.migrants} AS s (id, source_version, doc, occupation_codes, occupation_minors,
           desired_regions, visible, tsv, indexed_at)
         SELECT id, v, doc, codes, minors, regions, visible, search_tsv(a, b, c, d), clock_timestamp()
         FROM x
         WHERE NOT EXISTS (SELECT 1 FROM ${this.tombstones} t
                           WHERE t.kind = 'migrants' AND t.id = x.id AND t.source_version >= x.v)
         ON CONFLICT (id) DO UPDATE SET
           source_version = EXCLUDED.source_version, doc = EXCLUDED.doc,
           occupation_codes = EXCLUDED.occupation_codes, occupation_minors = EXCLUDED.occupation_minors,
           desired_regions = EXCLUDED.desired_regions, visible = EXCLUDED.visible, tsv = EXCLUDED.tsv,
           indexed_at = EXCLUDED.indexed_at
         WHERE s.source_version <= EXCLUDED.source_version
         RETURNING s.id, s.occupation_codes, s.visible
       ), gone AS (
         DELETE FROM ${this.trades} t USING up WHERE t.id = up.id AND NOT t.code = ANY(up.occupation_codes)
       )
       INSERT INTO ${this.trades} AS t (code, id, visible)
       SELECT code, up.id, up.visible FROM up CROSS JOIN LATERAL unnest(up.occupation_codes) AS code
       ON CONFLICT (code, id) DO UPDATE SET visible = EXCLUDED.visible
       WHERE t.visible IS DISTINCT FROM EXCLUDED.visible`,
      [JSON.stringify(rows)],
    );
  }

  deleteVacancy(id: string, sourceVersion: number): Promise<void> {
    return this.delete('vacancies', id, sourceVersion);
  }

  deleteMigrant(id: string, sourceVersion: number): Promise<void> {
    return this.delete('migrants', id, sourceVersion);
  }

  private async delete(kind: SearchKind, id: string, sourceVersion: number): Promise<void> {
    const table = kind === 'vacancies' ? this.vacancies : this.migrants;
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO ${this.tombstones} AS t (kind, id, source_version) VALUES ($1, $2, $3)
         ON CONFLICT (kind, id) DO UPDATE
           SET source_version = GREATEST(t.source_version, EXCLUDED.source_version),
               deleted_at = now()`,
        [kind, id, sourceVersion],
      );
      await m.query(`DELETE FROM ${table} WHERE id = $1 AND source_version <= $2`, [id, sourceVersion]);
      if (kind === 'migrants') {
        await m.query(
          `DELETE FROM ${this.trades} WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ${table} WHERE id = $1)`,
          [id],
        );
      }
    });
  }

  /** Adds new words to the typo lexicon; words this process has already written are skipped. */
  private async addWords(m: { query: DataSource['query'] }, words: Set<string>): Promise<void> {
    const fresh = [...words].filter((w) => !this.knownWords.has(w));
    if (!fresh.length) return;
    await m.query(
      `INSERT INTO search_lexicon (word)
       SELECT DISTINCT search_unaccent(w) FROM unnest($1::text[]) AS w ON CONFLICT DO NOTHING`,
      [fresh],
    );
    if (this.knownWords.size > 500_000) this.knownWords.clear();
    for (const w of fresh) this.knownWords.add(w);
  }

  // --- reads ---

  async getVacancy(id: string): Promise<VacancyDocument | undefined> {
    const rows: Row[] = await this.db.query(`SELECT doc FROM ${this.vacancies} WHERE id = $1`, [id]);
    return rows[0]?.doc as VacancyDocument | undefined;
  }

  async getMigrant(id: string): Promise<MigrantDocument | undefined> {
    const rows: Row[] = await this.db.query(`SELECT doc FROM ${this.migrants} WHERE id = $1`, [id]);
    return rows[0]?.doc as MigrantDocument | undefined;
  }

  /** The plan of a jobseeker's query (see TextPlan), kept for a minute. */
  private queryPlan(q: string): Promise<TextPlan | undefined> {
    return this.cachedPlan(`q\u0000${q}`, () => {
      const expanded = expandQuery(q, this.catalog);
      if (!expanded.variants.length) return Promise.resolve(undefined);
      return this.textPlan(expanded.variants, expanded.occupations, true);
    });
  }

  private cachedPlan<T extends TextPlan | undefined>(key: string, make: () => Promise<T>): Promise<T> {
    const cached = this.plans.get(key);
    if (cached) return cached as Promise<T>;
    const plan = make();
    this.plans.set(key, plan);
    plan.catch(() => this.plans.delete(key));
    return plan;
  }

  /**
   * One query: typo corrections from the lexicon for words it does not hold (when `correct`), and for
   * every word and correction, in each configuration, the occupations whose terms hold it.
   */
  private async textPlan(
    variants: string[][],
    occupations: OccupationHint[],
    correct: boolean,
  ): Promise<TextPlan> {
    const words = [...new Set(variants.flat())];
    const rows: Row[] = await this.db.query(
      `WITH q AS (SELECT DISTINCT w FROM unnest($1::text[]) AS q(w)),
       alt AS (
         SELECT w, w AS alt, 0 AS ord FROM q
         UNION ALL
         SELECT q.w, l.word, l.ord FROM q
         CROSS JOIN LATERAL (
           SELECT word, ord FROM (
             SELECT word, sim, row_number() OVER (ORDER BY sim DESC, word) AS ord, max(sim) OVER () AS best
             FROM (
               SELECT word, similarity(word, search_unaccent(q.w)) AS sim
               FROM search_lexicon
               WHERE word % search_unaccent(q.w) AND similarity(word, search_unaccent(q.w)) >= $2
               ORDER BY sim DESC, word
               LIMIT $3) near
           ) ranked
           WHERE sim >= $5 * best) l
         WHERE $4 AND length(q.w) >= 4
           AND NOT EXISTS (SELECT 1 FROM search_lexicon e WHERE e.word = search_unaccent(q.w))
       )
       SELECT alt.w, c.config, numnode(t.q) > 0 AS useful, t.q::text AS tsq,
              ARRAY(SELECT o.code FROM search_occupations o WHERE o.terms @@ t.q ORDER BY o.code) AS codes
       FROM alt
       CROSS JOIN (VALUES ('russian'), ('simple')) AS c(config)
       CROSS JOIN LATERAL (
         SELECT to_tsquery(c.config::regconfig, search_unaccent(
                  CASE WHEN alt.ord = 0 AND length(alt.alt) >= 3 THEN alt.alt || ':*' ELSE alt.alt END)) AS q) t
       ORDER BY alt.w, alt.ord`,
      [words, CORRECTION_MIN_SIMILARITY, CORRECTIONS_PER_WORD, correct, CORRECTION_SHARE_OF_BEST],
    );
    // Per configuration and word: the tsqueries of the word and its corrections that say anything (not only stop
    // words), and the occupations whose terms hold one of them.
    const terms = new Map<string, { alternatives: string[]; codes: Set<string> }>();
    for (const r of rows) {
      const key = `${r.config as string}\u0000${r.w as string}`;
      const term = terms.get(key) ?? { alternatives: [], codes: new Set<string>() };
      if (r.useful) term.alternatives.push(`(${r.tsq as string})`);
      for (const c of r.codes as string[]) if (/^\d{1,4}$/.test(c)) term.codes.add(c);
      terms.set(key, term);
    }
    const clauses = CONFIGS.flatMap((config) =>
      variants.map((vw) => ({
        words: vw
          .map((w) => terms.get(`${config}\u0000${w}`))
          .filter((term) => !!term?.alternatives.length)
          .map((term) => ({ text: orOf(term!.alternatives), codes: [...term!.codes] })),
      })),
    ).filter((c) => c.words.length > 0);
    const covered = new Set<string>();
    const partial = new Set<string>();
    for (const { words: ws } of clauses) {
      for (const w of ws) {
        for (const code of w.codes) {
          if (ws.every((x) => x.codes.includes(code))) covered.add(code);
          else partial.add(code);
        }
      }
    }
    for (const code of covered) partial.delete(code);
    return {
      // Each variant's words ANDed (a word: as typed, a prefix from three letters, or one of its corrections), in
      // both configurations, ORed: made once per plan, so that a search parses a tsquery literal instead of
      // unaccenting and stemming every word again.
      rank: clauses.map((c) => `(${c.words.map((w) => w.text).join(' & ')})`).join(' | '),
      codes: occupations.map((o) => o.code),
      weights: occupations.map((o) => o.weight),
      covered: [...covered],
      partial: [...partial],
      clauses: clauses.map((c) => ({ ...c, lead: c.words.findIndex((w) => w.codes.length > 0) })),
    };
  }

  private filterSql(f: VacancyFilters, params: unknown[]): string[] {
    const where: string[] = [];
    const param = binder(params);
    if (f.region) where.push(`v.region = ${param(f.region)}`);
    if (f.occupation?.length === 4) where.push(`v.occupation_code = ${param(f.occupation)}`);
    else if (f.occupation?.length === 3) where.push(`v.occupation_minor = ${param(f.occupation)}`);
    else if (f.occupation) where.push(`v.occupation_minor LIKE ${param(f.occupation)} || '%'`);
    if (f.salaryMin !== undefined) where.push(`v.salary_monthly >= ${param(f.salaryMin)}`);
    if (f.schedule) where.push(`v.schedule = ${param(f.schedule)}`);
    if (f.housing !== undefined) where.push(`v.housing = ${param(f.housing)}`);
    if (f.foreignersAccepted !== undefined)
      where.push(`v.foreigners_accepted = ${param(f.foreignersAccepted)}`);
    if (f.fairId) where.push(`v.fair_ids @> ARRAY[${param(f.fairId)}::uuid]`);
    if (f.employerId) where.push(`v.employer_id = ${param(f.employerId)}`);
    return where;
  }

  /**
   * With words, the matching set is the vacancies of the occupations the query names or whose terms
   * match it (the occupation-code index) plus those whose own words match (GIN over `own_tsv`), read
   * from narrow columns for total and facets. Ranking: rows in the order of a prior (see RANK_WINDOW)
   * are taken RANK_WINDOW at a time, and each window is ordered by the full score
   * `0.6 × occupation weight + 0.4 × ts_rank`, so `ts_rank` reads only the tsvectors of the page's
   * windows. Without words: newest first, score 0.
   */
  async searchVacancies(query: VacancySearchQuery): Promise<VacancySearchResult> {
    const plan = query.q ? await this.queryPlan(query.q) : undefined;
    const params: unknown[] = [];
    const param = binder(params);
    const where = this.filterSql(query, params);
    const and = where.map((w) => ` AND ${w}`).join('');
    let candidates: string;
    let page: string;
    let order: string;
    if (plan) {
      const own = new OwnQuery(plan, param);
      const text = plan.clauses.length > 0;
      const codes = param(plan.codes);
      const weights = param(plan.weights);
      const covered = param(plan.covered);
      const named = param([...new Set([...plan.codes, ...plan.covered, ...plan.partial])]);
      const rank = param(plan.rank);
      const windowStart = Math.floor(query.offset / RANK_WINDOW) * RANK_WINDOW;
      const windowEnd = Math.ceil((query.offset + query.limit) / RANK_WINDOW) * RANK_WINDOW;
      const text0 = `${SEARCH_RANKING.text}::float8`;
      const occ0 = `${SEARCH_RANKING.occupation}::float8`;
      const ownRank = `ts_rank(v.own_tsv, (SELECT q FROM rq), 32)`;
      // Three arms: the covered occupations (index only), the other named or partly covered ones (each
      // row's own words tested), and the rest through the GIN index. The prior's text part is the rank
      // of the occupation's terms or of the row's own words, whichever is higher. In a prepared
      // statement's generic plan parameters stay parameters: the tsqueries and the ranks of the terms
      // are made once (InitPlans), not for every row. An occupation's weight and the rank of its terms
      // are worked out once per occupation (`k`), whose vacancies are then read one occupation at a time
      // (OFFSET 0 keeps each a scan of the occupation's index: flattened, the planner would OR the
      // own-words test of the second arm into a bitmap scan of the GIN index, which for a common word
      // such as a place name reads thousands of postings).
      const ownWords = text
        ? `search_own_words('${this.vacancies}', ${own.lead()})`
        : `(SELECT ${FILTER_COLUMNS}, v.own_tsv FROM ${this.vacancies} v WHERE false)`;
      candidates = `rq AS (SELECT ${rank}::tsquery AS q, ${text ? own.full() : 'NULL::tsquery'} AS own),
         oc AS (
           SELECT array_agg(o.code) AS codes,
             array_agg(
               ts_rank(setweight(o.russian, 'A') || setweight(o.simple, 'A'), (SELECT q FROM rq), 32)) AS ranks
           FROM search_occupations o WHERE o.code = ANY(${named}::text[])
         ),
         x AS MATERIALIZED (
           SELECT v.id, v.region, v.occupation_code, v.published_at, ${text0} * ${ownRank} AS prior
           FROM ${ownWords} v
           WHERE v.occupation_code <> ALL(${named}::text[])${and} AND v.own_tsv @@ (SELECT own FROM rq)
         ), k AS (
           SELECT k.code, k.code = ANY(${covered}::text[]) AS covered, k.code = ANY(${codes}::text[]) AS named,
             coalesce((${weights}::float8[])[array_position(${codes}::text[], k.code)], 0::float8) AS w,
             coalesce((SELECT ranks FROM oc)[array_position((SELECT codes FROM oc), k.code)], 0) AS r
           FROM unnest(${named}::text[]) AS k(code)
         ), c AS MATERIALIZED (
           SELECT v.id, v.region, v.occupation_code, v.published_at, k.w, ${occ0} * k.w + ${text0} * k.r AS prior
           FROM k CROSS JOIN LATERAL (
             SELECT v.id, v.region, v.occupation_code, v.published_at FROM ${this.vacancies} v
             WHERE v.occupation_code = k.code${and} OFFSET 0) v
           WHERE k.covered
           UNION ALL
           SELECT id, region, occupation_code, published_at, w,
             ${occ0} * w + CASE WHEN m THEN ${text0} * greatest(r, ${ownRank}) ELSE 0::float8 END
           FROM (
             SELECT v.id, v.region, v.occupation_code, v.published_at, v.own_tsv, k.w, k.r, k.named,
               ${text ? 'v.own_tsv @@ (SELECT own FROM rq)' : 'false'} AS m
             FROM k CROSS JOIN LATERAL (
               SELECT v.id, v.region, v.occupation_code, v.published_at, v.own_tsv FROM ${this.vacancies} v
               WHERE v.occupation_code = k.code${and} OFFSET 0) v
             WHERE NOT k.covered
             OFFSET 0
           ) v
           WHERE m OR named
           UNION ALL
           SELECT id, region, occupation_code, published_at, 0::float8, prior FROM x
         ), win AS (
           SELECT id, published_at, w, row_number() OVER (ORDER BY prior DESC, published_at DESC, id) - 1 AS pos
           FROM (SELECT * FROM c ORDER BY prior DESC, published_at DESC, id LIMIT ${param(windowEnd)}) t
         )`;
      page = `SELECT win.id, win.published_at, win.pos / ${RANK_WINDOW} AS chunk,
             ${SEARCH_RANKING.occupation}::float8 * win.w
               + ${SEARCH_RANKING.text}::float8 * ts_rank(s.tsv, (SELECT q FROM rq), 32) AS score
           FROM win JOIN ${this.vacancies} s ON s.id = win.id
           WHERE win.pos >= ${param(windowStart)}
           ORDER BY chunk, score DESC, published_at DESC, id
           LIMIT ${param(query.limit)} OFFSET ${param(query.offset - windowStart)}`;
      order = 'p.chunk, p.score DESC, p.published_at DESC, p.id';
    } else {
      candidates = `c AS MATERIALIZED (
           SELECT v.id, v.region, v.occupation_code, v.published_at FROM ${this.vacancies} v
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         )`;
      page = `SELECT id, published_at, 0::float8 AS score FROM c ORDER BY published_at DESC, id
           LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`;
      order = 'p.published_at DESC, p.id';
    }
    // Named: planning the search statement costs about as much as running it.
    const rows = await preparedQuery<Row>(
      this.db,
      `WITH ${candidates}, page AS MATERIALIZED (${page})
       SELECT
         (SELECT json_agg(p.score ORDER BY ${order}) FROM page p) AS scores,
         (SELECT string_agg(s.card, ',' ORDER BY ${order}) FROM page p JOIN ${this.vacancies} s ON s.id = p.id) AS cards,
         (SELECT json_agg(json_build_array(g, region, occupation_code, n)) FROM (
            SELECT GROUPING(region) AS g, region, occupation_code::text, count(*)::int AS n FROM c
            GROUP BY GROUPING SETS ((region), (occupation_code), ())) f) AS counts`,
      params,
    );
    const r = rows[0];
    // One pass over the matching set: the total and the counts per region and per occupation.
    const counts = (r.counts ?? []) as Array<[number, string | null, string | null, number]>;
    const facet = (pick: (row: (typeof counts)[number]) => string | null) =>
      counts
        .filter((row) => pick(row) !== null)
        .map((row) => ({ value: pick(row) as string, count: row[3] }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
        .slice(0, FACET_LIMIT);
    return {
      hits: parseCards(r.cards as string | null).map((doc, i) => ({
        doc,
        score: Math.round(Math.min(1, (r.scores as number[])[i]) * 1000) / 1000,
      })),
      total: counts.find(([, region, occupation]) => region === null && occupation === null)?.[3] ?? 0,
      facets: {
        region: facet(([grouped, region]) => (grouped === 0 ? region : null)),
        occupation: facet(([grouped, , occupation]) => (grouped === 1 ? occupation : null)),
      },
    };
  }

  /**
   * Candidates are picked in tiers with index-friendly queries over cheap columns (same unit group,
   * then same minor group, then text), each tier only when the ones above leave room in `limit`;
   * the `doc` column is read only for the rows kept. Order: fit plus 0.3 in a desired region, newest.
   */
  async matchVacancies(query: VacancyMatchQuery): Promise<Retrieved<VacancySummary>[]> {
    const hasText = query.textWords.length > 0;
    const codes = query.occupationCodes;
    const minors = query.minorGroups;
    const regions = [...new Set(query.desiredRegions)];
    const fair = query.fairId ?? null;
    const found = new Map<string, { fit: number; order: number; ts: number }>();
    const docs = new Map<string, VacancySummary>();
    const take = (rows: Row[]) => {
      for (const r of rows) {
        const fit = Number(r.fit);
        const order = fit + (regions.includes(r.region as string) ? 0.3 : 0);
        const seen = found.get(r.id as string);
        if (!seen || seen.order < order) found.set(r.id as string, { fit, order, ts: Number(r.ts) });
      }
    };
    // One branch per related trade (and region) with its values as parameters, so that the planner knows how
    // common each is and walks the (…, published_at DESC) index instead of sorting every row.
    const tier = async (fit: number, branches: Array<Array<[string, unknown]>>, exclude?: string[]) => {
      const params: unknown[] = [fair, query.limit];
      const param = binder(params);
      const extra = exclude ? `AND v.occupation_code <> ALL(${param(exclude)}::text[])` : '';
      const sql = branches.map((conds) => {
        const where = conds.map(([column, value]) => `v.${column} = ${param(value)}`);
        return `(SELECT v.id, v.region, extract(epoch FROM v.published_at)::float8 AS ts, ${fit}::float8 AS fit
                 FROM ${this.vacancies} v
                 WHERE ${where.join(' AND ')} ${extra} AND ($1::uuid IS NULL OR v.fair_ids @> ARRAY[$1::uuid])
                 ORDER BY v.published_at DESC LIMIT $2)`;
      });
      if (sql.length) take(await this.db.query(sql.join(' UNION ALL '), params));
    };
    const pairs = (column: string, values: string[]) => [
      ...values.flatMap((x) =>
        regions.map((r): Array<[string, unknown]> => [
          [column, x],
          ['region', r],
        ]),
      ),
      ...values.map((x): Array<[string, unknown]> => [[column, x]]),
    ];
    const above = (min: number) => [...found.values()].filter((f) => f.order >= min).length;

    const own = parseCards(await this.ownTrades(query, codes, regions, fair));
    take(own.map((c) => ({ id: c.id, region: c.region, ts: Date.parse(c.publishedAt) / 1000, fit: 1 })));
    for (const card of own) docs.set(card.id, card);
    // Every row of the same unit group is in hand when fewer than `limit` came back.
    if (found.size < query.limit) {
      await tier(0.6, pairs('occupation_minor', minors), codes);
    }
    // Text fit stays below 0.8 (0.5 * normalised rank + 0.3 for the region), under the rows at 0.9 and
    // up. The rows that match are taken in the desired regions first, newest, and ranked among themselves.
    if (hasText && above(0.85) < query.limit) {
      const plan = await this.cachedPlan(`t\u0000${JSON.stringify(query.textWords)}`, () =>
        this.textPlan(query.textWords, [], false),
      );
      const params: unknown[] = [fair, query.limit, plan.rank, codes, minors, regions];
      const param = binder(params);
      const text = plan.clauses.length > 0;
      const own = new OwnQuery(plan, param);
      const rest = `AND v.occupation_code <> ALL($4::text[]) AND left(v.occupation_code, 3) <> ALL($5::text[])
               AND ($1::uuid IS NULL OR v.fair_ids @> ARRAY[$1::uuid])`;
      const arms = [
        `SELECT v.id, v.region, v.published_at FROM ${this.vacancies} v
         WHERE v.occupation_code = ANY(${param(plan.covered)}::text[]) ${rest}`,
      ];
      if (text) {
        arms.push(
          `SELECT v.id, v.region, v.published_at FROM ${this.vacancies} v
           WHERE v.occupation_code = ANY(${param(plan.partial)}::text[]) ${rest}
             AND v.own_tsv @@ (SELECT own FROM rq)`,
          `SELECT v.id, v.region, v.published_at FROM search_own_words('${this.vacancies}', ${own.lead()}) v
           WHERE v.occupation_code <> ALL(${param([...plan.covered, ...plan.partial])}::text[]) ${rest}
             AND v.own_tsv @@ (SELECT own FROM rq)`,
        );
      }
      take(
        await this.db.query(
          `WITH rq AS (SELECT $3::tsquery AS q, ${text ? own.full() : 'NULL::tsquery'} AS own),
           m AS (
             SELECT * FROM (${arms.join(' UNION ALL ')}) v
             ORDER BY v.region = ANY($6::text[]) DESC, v.published_at DESC
             LIMIT $2
           )
           SELECT m.id, m.region, extract(epoch FROM m.published_at)::float8 AS ts,
             0.5 * ts_rank(s.tsv, (SELECT q FROM rq), 32) AS fit
           FROM m JOIN ${this.vacancies} s ON s.id = m.id`,
          params,
        ),
      );
    }
    if (!codes.length && !hasText)
      await tier(
        0,
        regions.map((r): Array<[string, unknown]> => [['region', r]]),
      );
    const kept = [...found.entries()]
      .sort(([ia, a], [ib, b]) => b.order - a.order || b.ts - a.ts || (ia < ib ? -1 : 1))
      .slice(0, query.limit);
    const missing = kept.map(([id]) => id).filter((id) => !docs.has(id));
    if (missing.length) {
      const [r]: Row[] = await this.db.query(
        `SELECT string_agg(v.card, ',') AS cards FROM ${this.vacancies} v WHERE v.id = ANY($1::uuid[])`,
        [missing],
      );
      for (const doc of parseCards(r.cards as string | null)) docs.set(doc.id, doc);
    }
    return kept
      .filter(([id]) => docs.has(id))
      .map(([id, f]) => ({ doc: docs.get(id) as VacancySummary, textScore: f.fit }));
  }

  /**
   * The person's own trades (fit 1): the newest `pool` of each trade in each desired region and the newest `pool`
   * elsewhere (disjoint, so no row comes twice), the best `limit` of them by the part of the person's score the index
   * can tell (matching's weights: region, housing, pay in the currency of the vacancy's country), then the region,
   * then newest. Their cards come back in one text: hundreds of small rows cost more to send and parse. One
   * statement text per fair filter, prepared: the plan (a walk of the trade's index per trade and region) does not
   * depend on the values. Without a prior, the newest `limit` in the desired regions first.
   */
  private async ownTrades(
    query: VacancyMatchQuery,
    codes: string[],
    regions: string[],
    fair: string | null,
  ): Promise<string | null> {
    const prior = query.prior;
    const weights = prior?.weights ?? { region: 0, housing: 0, pay: 0 };
    const country = { RUB: 'RU', KZT: 'KZ' }[prior?.expectedCurrency ?? ''] ?? null;
    const atFair = fair ? 'AND v.fair_ids @> ARRAY[$11::uuid]' : '';
    const branch = (where: string) => `SELECT v.id, v.region, v.published_at, v.housing, v.salary_monthly
         FROM ${this.vacancies} v WHERE ${where} ${atFair} ORDER BY v.published_at DESC LIMIT $3`;
    const housingAndPay = `CASE WHEN NOT $5::boolean OR v.housing THEN $9::float8 ELSE 0::float8 END
         + CASE WHEN $6::float8 IS NULL OR v.salary_monthly IS NULL OR left(v.region, 2) IS DISTINCT FROM $7::text
                THEN $10::float8 / 2
                ELSE $10::float8 * least(1::float8, v.salary_monthly::float8 / greatest($6::float8, 1::float8)) END`;
    const [row] = await preparedQuery<{ cards: string | null }>(
      this.db,
      `WITH t AS (
         SELECT v.id, v.published_at, 1::float8 AS ord, $8::float8 + ${housingAndPay} AS prior
           FROM unnest($1::text[]) c(code) CROSS JOIN unnest($2::text[]) r(region)
           CROSS JOIN LATERAL (${branch('v.occupation_code = c.code AND v.region = r.region')}) v
         UNION ALL
         SELECT v.id, v.published_at, 0::float8 AS ord,
                CASE WHEN cardinality($2::text[]) = 0 THEN $8::float8 ELSE 0::float8 END + ${housingAndPay} AS prior
           FROM unnest($1::text[]) c(code)
           CROSS JOIN LATERAL (${branch('v.occupation_code = c.code AND v.region <> ALL($2::text[])')}) v
       ),
       top AS (SELECT id FROM t ORDER BY prior DESC, ord DESC, published_at DESC, id LIMIT $4)
       SELECT string_agg(v.card, ',') AS cards FROM top JOIN ${this.vacancies} v ON v.id = top.id`,
      [
        codes,
        regions,
        prior ? Math.max(query.pool ?? 0, query.limit) : query.limit,
        query.limit,
        !!prior?.needsHousing,
        prior?.expectedMonthly ?? null,
        country,
        weights.region,
        weights.housing,
        weights.pay,
        ...(fair ? [fair] : []),
      ],
    );
    return row?.cards ?? null;
  }

  /** Same tiers for people: same unit group, same minor group, text; those who applied always. */
  async matchMigrants(query: MigrantMatchQuery): Promise<Retrieved<MigrantDocument>[]> {
    const words = [...new Set(query.textWords)];
    const ts = words.length ? words.map((w) => `${w}:*`).join(' | ') : '';
    const found = new Map<string, number>();
    const take = (rows: Row[]) => {
      for (const r of rows) {
        const fit = Number(r.fit);
        const seen = found.get(r.id as string);
        if (seen === undefined || seen < fit) found.set(r.id as string, fit);
      }
    };
    const code = query.occupationCode;
    const minor = query.minorGroup;
    if (query.appliedIds.length) {
      take(
        await this.db.query(
          `SELECT m.id,
             CASE WHEN m.occupation_codes @> ARRAY[$2::text] THEN 1.0
                  WHEN m.occupation_minors @> ARRAY[$3::text] THEN 0.6
                  WHEN $1 <> '' AND m.tsv @@ ${TSQUERY('$1')} THEN 0.5 * ts_rank(m.tsv, ${TSQUERY('$1')}, 32)
                  ELSE 0 END AS fit
           FROM ${this.migrants} m WHERE m.id = ANY($4::uuid[])`,
          [ts, code, minor, query.appliedIds],
        ),
      );
    }
    const count = (min: number) => [...found.values()].filter((f) => f >= min).length;
    // The same unit group, from (code, id) in order, with the documents in one text: they are nearly
    // always the ones kept.
    const docs = new Map<string, MigrantDocument>();
    const [first] = await preparedQuery<Row>(
      this.db,
      `WITH t AS (SELECT id FROM ${this.trades} WHERE code = $2 AND visible ORDER BY id LIMIT $1)
       SELECT string_agg(m.doc::text, ',') AS docs FROM t JOIN ${this.migrants} m ON m.id = t.id`,
      [query.limit, code],
    );
    const sameTrade = first.docs ? (JSON.parse(`[${first.docs as string}]`) as MigrantDocument[]) : [];
    for (const doc of sameTrade) docs.set(doc.id, doc);
    take(sameTrade.map((doc) => ({ id: doc.id, fit: 1 })));
    // The other unit groups of the minor group, from the same (code, id) index: a rare trade's minor group
    // read through the people's table scanned all of it.
    if (count(1) < query.limit) {
      const siblings = Array.from({ length: 10 }, (_, d) => `${minor}${d}`).filter((c) => c !== code);
      take(
        await preparedQuery<Row>(
          this.db,
          `SELECT id, 0.6::float8 AS fit FROM ${this.trades}
            WHERE code = ANY($2::text[]) AND visible ORDER BY id LIMIT $1`,
          [query.limit, siblings],
        ),
      );
    }
    // Text: the people of the occupations (outside the minor group) whose terms match the words, ranked by how
    // well the occupation's terms do, best 30 occupations. A person's words are their occupations' terms (and
    // their regions' names), so this is the people whose words match, found through the (code, id) index instead
    // of ranking every matching person's words.
    if (ts && count(0.6) < query.limit) {
      take(
        await preparedQuery<Row>(
          this.db,
          `WITH q AS (SELECT ${TSQUERY('$2')} AS q),
           oc AS (
             SELECT o.code,
               ts_rank(setweight(o.russian, 'A') || setweight(o.simple, 'A'), (SELECT q FROM q), 32) AS r
             FROM search_occupations o
             WHERE o.terms @@ (SELECT q FROM q) AND left(o.code, 3) <> $3
             ORDER BY r DESC, o.code LIMIT 30
           )
           SELECT t.id, 0.5 * max(oc.r) AS fit
           FROM oc CROSS JOIN LATERAL (
             SELECT id FROM ${this.trades} t WHERE t.code = oc.code AND t.visible ORDER BY t.id LIMIT $1) t
           GROUP BY t.id ORDER BY fit DESC, t.id LIMIT $1`,
          [query.limit, ts, minor],
        ),
      );
    }
    const kept = [...found.entries()]
      .sort(([ia, a], [ib, b]) => b - a || (ia < ib ? -1 : 1))
      .slice(0, query.limit);
    const missing = kept.map(([id]) => id).filter((id) => !docs.has(id));
    for (const [id, doc] of await this.docs<MigrantDocument>(this.migrants, missing)) docs.set(id, doc);
    return kept
      .filter(([id]) => docs.has(id))
      .map(([id, fit]) => ({ doc: docs.get(id) as MigrantDocument, textScore: fit }));
  }

  private async docs<T>(table: string, ids: string[]): Promise<Map<string, T>> {
    if (!ids.length) return new Map();
    const rows: Row[] = await this.db.query(`SELECT id, doc FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id as string, r.doc as T]));
  }

  // --- rebuild ---

  async rebuild(
    kind: SearchKind,
    batches: AsyncIterable<VacancyDocument[] | MigrantDocument[]>,
    onBatch?: (count: number) => void,
  ): Promise<void> {
    const table = kind === 'vacancies' ? this.vacancies : this.migrants;
    const [{ started }]: Row[] = await this.db.query(`SELECT clock_timestamp() AS started`);
    // Batches are upserted in place, so searches keep answering; what the source no longer holds
    // (not touched since the start) is removed at the end.
    for await (const batch of batches) {
      if (kind === 'vacancies') await this.upsertVacancies(batch as VacancyDocument[]);
      else await this.upsertMigrants(batch as MigrantDocument[]);
      onBatch?.(batch.length);
    }
    await this.db.query(`DELETE FROM ${table} WHERE indexed_at < $1`, [started]);
    if (kind === 'migrants') {
      await this.db.query(
        `DELETE FROM ${this.trades} t WHERE NOT EXISTS (SELECT 1 FROM ${table} m WHERE m.id = t.id)`,
      );
    }
    // Vacuum marks the pages all-visible (index-only scans for counts, facets and candidate lists) and
    // empties the GIN pending lists that every text query would otherwise read.
    await this.db.query(`VACUUM (ANALYZE) ${table}`);
    if (kind === 'migrants') await this.db.query(`VACUUM (ANALYZE) ${this.trades}`);
  }
}
