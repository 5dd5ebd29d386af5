import { DataSource } from 'typeorm';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import {
  buildTsQuery,
  expandQuery,
  lexiconWords,
  migrantText,
  queryWords,
  vacancyText,
} from 'src/modules/search/query-expansion';
import type {
  FacetCount,
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

/**
 * Relevance of a vacancy to a query: how well the query names the vacancy's occupation (labels and
 * synonyms in every language, typos tolerated) and the full-text rank of the words (title and
 * occupation labels weigh most, then skills, places, description). Both are in 0..1.
 */
export const SEARCH_RANKING = { occupation: 0.6, text: 0.4 } as const;

// A corrected word must be this close (trigram similarity) to the typed one.
const CORRECTION_MIN_SIMILARITY = 0.45;
const CORRECTIONS_PER_WORD = 3;
const FACET_LIMIT = 30;

/** The query of `buildTsQuery` text in parameter `p`, inline so that the planner sees a constant. */
const TSQUERY = (p: string) =>
  `(to_tsquery('russian', search_unaccent(${p})) || to_tsquery('simple', search_unaccent(${p})))`;

interface Row {
  [key: string]: unknown;
}

/** The PostgreSQL adapter: documents in search_vacancies / search_migrants, full text + trigrams. */
export class PostgresSearchIndex implements SearchIndex {
  readonly driver = 'postgres' as const;
  private readonly knownWords = new Set<string>();

  private readonly vacancies: string;
  private readonly migrants: string;
  private readonly tombstones: string;

  /**
   * `tablePrefix` names the tables (`<prefix>_vacancies`, `_migrants`, `_tombstones`); tests use
   * copies of the tables to stay apart from the application's index. The lexicon is shared.
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
  }

  async init(): Promise<void> {
    // Schema comes from the migration; nothing to configure at start.
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
    await this.db.transaction(async (m) => {
      await m.query(
        `WITH x AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
             id uuid, v bigint, doc jsonb, occ text, minor text, employer uuid, country text, region text,
             salary numeric, schedule text, housing boolean, foreigners boolean, fairs uuid[],
             published timestamptz, a text, b text, c text, d text)
         )
         INSERT INTO ${this.vacancies} AS s (id, source_version, doc, occupation_code, occupation_minor,
           employer_id, country, region, salary_monthly, schedule, housing, foreigners_accepted, fair_ids,
           published_at, tsv, indexed_at)
         SELECT id, v, doc, occ, minor, employer, country, region, salary, schedule, housing, foreigners,
           coalesce(fairs, '{}'), published, search_tsv(a, b, c, d), clock_timestamp()
         FROM x
         WHERE NOT EXISTS (SELECT 1 FROM ${this.tombstones} t
                           WHERE t.kind = 'vacancies' AND t.id = x.id AND t.source_version >= x.v)
         ON CONFLICT (id) DO UPDATE SET
           source_version = EXCLUDED.source_version, doc = EXCLUDED.doc,
           occupation_code = EXCLUDED.occupation_code, occupation_minor = EXCLUDED.occupation_minor,
           employer_id = EXCLUDED.employer_id, country = EXCLUDED.country, region = EXCLUDED.region,
           salary_monthly = EXCLUDED.salary_monthly, schedule = EXCLUDED.schedule,
           housing = EXCLUDED.housing, foreigners_accepted = EXCLUDED.foreigners_accepted,
           fair_ids = EXCLUDED.fair_ids, published_at = EXCLUDED.published_at, tsv = EXCLUDED.tsv,
           indexed_at = EXCLUDED.indexed_at
         WHERE s.source_version <= EXCLUDED.source_version`,
        [JSON.stringify(rows)],
      );
      await this.addWords(m, words);
    });
  }

  async upsertMigrants(docs: MigrantDocument[]): Promise<void> {
    if (!docs.length) return;
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
       WHERE s.source_version <= EXCLUDED.source_version`,
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

  /** Typo corrections from the lexicon for query words it does not hold. */
  private async corrections(words: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const candidates = words.filter((w) => w.length >= 4);
    if (!candidates.length) return out;
    const rows: Row[] = await this.db.query(
      `SELECT q.w, l.word
       FROM unnest($1::text[]) AS q(w)
       CROSS JOIN LATERAL (
         SELECT word FROM search_lexicon
         WHERE word % search_unaccent(q.w) AND similarity(word, search_unaccent(q.w)) >= $2
         ORDER BY similarity(word, search_unaccent(q.w)) DESC, word
         LIMIT $3) l
       WHERE NOT EXISTS (SELECT 1 FROM search_lexicon e WHERE e.word = search_unaccent(q.w))`,
      [candidates, CORRECTION_MIN_SIMILARITY, CORRECTIONS_PER_WORD],
    );
    for (const r of rows) {
      const list = out.get(r.w as string) ?? [];
      list.push(r.word as string);
      out.set(r.w as string, list);
    }
    return out;
  }

  private filterSql(f: VacancyFilters, params: unknown[]): string[] {
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.region) add((p) => `v.region = ${p}`, f.region);
    if (f.occupation?.length === 4) add((p) => `v.occupation_code = ${p}`, f.occupation);
    else if (f.occupation?.length === 3) add((p) => `v.occupation_minor = ${p}`, f.occupation);
    else if (f.occupation) add((p) => `v.occupation_minor LIKE ${p} || '%'`, f.occupation);
    if (f.salaryMin !== undefined) add((p) => `v.salary_monthly >= ${p}`, f.salaryMin);
    if (f.schedule) add((p) => `v.schedule = ${p}`, f.schedule);
    if (f.housing !== undefined) add((p) => `v.housing = ${p}`, f.housing);
    if (f.foreignersAccepted !== undefined) add((p) => `v.foreigners_accepted = ${p}`, f.foreignersAccepted);
    if (f.fairId) add((p) => `v.fair_ids @> ARRAY[${p}::uuid]`, f.fairId);
    if (f.employerId) add((p) => `v.employer_id = ${p}`, f.employerId);
    return where;
  }

  async searchVacancies(query: VacancySearchQuery): Promise<VacancySearchResult> {
    const params: unknown[] = [];
    const expanded = query.q ? expandQuery(query.q, this.catalog) : undefined;
    const useText = !!expanded && expanded.variants.length > 0;
    let scoreSql = '0::float8';
    // With words: rows of the named occupations, and rows the text matches, as two index scans.
    const arms: string[] = [];
    if (useText) {
      const corrections = await this.corrections(queryWords(expanded));
      params.push(
        buildTsQuery(expanded.variants, corrections),
        expanded.occupations.map((o) => o.code),
        expanded.occupations.map((o) => o.weight),
      );
      arms.push(
        `v.occupation_code = ANY($2::text[])`,
        `v.tsv @@ ${TSQUERY('$1')} AND v.occupation_code <> ALL($2::text[])`,
      );
      scoreSql = `(${SEARCH_RANKING.occupation} * coalesce(($3::float8[])[array_position($2::text[], v.occupation_code::text)], 0)
                 + ${SEARCH_RANKING.text} * ts_rank(v.tsv, ${TSQUERY('$1')}, 32))`;
    }
    const where = this.filterSql(query, params);
    const select = (cond?: string) => {
      const all = cond ? [cond, ...where] : where;
      return `SELECT v.id, v.region, v.occupation_code, v.published_at, ${scoreSql} AS score
         FROM ${this.vacancies} v
         ${all.length ? `WHERE ${all.join(' AND ')}` : ''}`;
    };
    params.push(query.limit, query.offset);
    const limit = `$${params.length - 1}`;
    const offset = `$${params.length}`;
    const order = useText ? 'score DESC, published_at DESC, id' : 'published_at DESC, id';
    const pageOrder = useText ? 'p.score DESC, p.published_at DESC, p.id' : 'p.published_at DESC, p.id';
    const sql = `WITH c AS MATERIALIZED (
         ${arms.length ? arms.map(select).join(' UNION ALL ') : select()}
       ), page AS (
         SELECT id, score, published_at FROM c ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
       )
       SELECT
         (SELECT coalesce(json_agg(json_build_object('score', p.score, 'doc', s.doc)
                   ORDER BY ${pageOrder}), '[]')
            FROM page p JOIN ${this.vacancies} s ON s.id = p.id) AS hits,
         (SELECT count(*) FROM c)::int AS total,
         (SELECT coalesce(json_agg(f), '[]') FROM (
            SELECT region AS value, count(*)::int AS count FROM c GROUP BY region
            ORDER BY count DESC, value LIMIT ${FACET_LIMIT}) f) AS regions,
         (SELECT coalesce(json_agg(f), '[]') FROM (
            SELECT occupation_code::text AS value, count(*)::int AS count FROM c GROUP BY occupation_code
            ORDER BY count DESC, value LIMIT ${FACET_LIMIT}) f) AS occupations`;
    // The planner does not count reading every row's (TOASTed) tsvector in a scan and misjudges how
    // many rows prefix words match, so with words it is kept to the GIN index (region + text).
    const rows: Row[] = useText
      ? await this.db.transaction(async (m) => {
          await m.query(`SET LOCAL enable_seqscan = off`);
          return m.query(sql, params) as Promise<Row[]>;
        })
      : await this.db.query(sql, params);
    const r = rows[0];
    return {
      hits: (r.hits as Array<{ score: number; doc: VacancyDocument }>).map((h) => ({
        doc: h.doc,
        score: Math.round(Math.min(1, h.score) * 1000) / 1000,
      })),
      total: r.total as number,
      facets: { region: r.regions as FacetCount[], occupation: r.occupations as FacetCount[] },
    };
  }

  /**
   * Candidates are picked in tiers with index-friendly queries over cheap columns (same unit group,
   * then same minor group, then text), each tier only when the ones above leave room in `limit`;
   * the `doc` column is read only for the rows kept. Order: fit plus 0.3 in a desired region, newest.
   */
  async matchVacancies(query: VacancyMatchQuery): Promise<Retrieved<VacancyDocument>[]> {
    const ts = query.textWords.length ? buildTsQuery(query.textWords) : '';
    const codes = query.occupationCodes;
    const minors = query.minorGroups;
    const regions = query.desiredRegions;
    const fair = query.fairId ?? null;
    const found = new Map<string, { fit: number; order: number; ts: number }>();
    const take = (rows: Row[]) => {
      for (const r of rows) {
        const fit = Number(r.fit);
        const order = fit + (regions.includes(r.region as string) ? 0.3 : 0);
        const seen = found.get(r.id as string);
        if (!seen || seen.order < order) found.set(r.id as string, { fit, order, ts: Number(r.ts) });
      }
    };
    // One branch per trade (and region) with its values as parameters, so that the planner knows how
    // common each is and walks the (…, published_at DESC) index instead of sorting every row.
    const tier = async (fit: number, branches: Array<Array<[string, unknown]>>, exclude?: string[]) => {
      const params: unknown[] = [fair, query.limit];
      if (exclude) params.push(exclude);
      const extra = exclude ? 'AND v.occupation_code <> ALL($3::text[])' : '';
      const sql = branches.map((conds) => {
        const where = conds.map(([column, value]) => {
          params.push(value);
          return `v.${column} = $${params.length}`;
        });
        return `(SELECT v.id, v.region, extract(epoch FROM v.published_at)::float8 AS ts, ${fit}::float8 AS fit
                 FROM ${this.vacancies} v
                 WHERE ${where.join(' AND ')} ${extra} AND ($1::uuid IS NULL OR v.fair_ids @> ARRAY[$1::uuid])
                 ORDER BY v.published_at DESC LIMIT $2)`;
      });
      if (!sql.length) return;
      take(await this.db.query(sql.join(' UNION ALL '), params));
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

    await tier(1, pairs('occupation_code', codes));
    // Every row of the same unit group is in hand when fewer than `limit` came back.
    if (found.size < query.limit) {
      await tier(0.6, pairs('occupation_minor', minors), codes);
    }
    // Text fit stays below 0.8 (0.5 * normalised rank + 0.3 for the region), under the rows at 0.9 and up.
    if (ts && above(0.85) < query.limit) {
      take(
        await this.db.query(
          `SELECT v.id, v.region, extract(epoch FROM v.published_at)::float8 AS ts,
             0.5 * ts_rank(v.tsv, ${TSQUERY('$3')}, 32) AS fit
           FROM ${this.vacancies} v
           WHERE v.tsv @@ ${TSQUERY('$3')}
             AND v.occupation_code <> ALL($4::text[]) AND v.occupation_minor <> ALL($5::text[])
             AND ($1::uuid IS NULL OR v.fair_ids @> ARRAY[$1::uuid])
           ORDER BY 0.5 * ts_rank(v.tsv, ${TSQUERY('$3')}, 32)
                    + CASE WHEN v.region = ANY($6::text[]) THEN 0.3 ELSE 0 END DESC,
                    v.published_at DESC
           LIMIT $2`,
          [fair, query.limit, ts, codes, minors, regions],
        ),
      );
    }
    if (!codes.length && !ts)
      await tier(
        0,
        regions.map((r): Array<[string, unknown]> => [['region', r]]),
      );
    const kept = [...found.entries()]
      .sort(([ia, a], [ib, b]) => b.order - a.order || b.ts - a.ts || (ia < ib ? -1 : 1))
      .slice(0, query.limit);
    const docs = await this.docs(
      this.vacancies,
      kept.map(([id]) => id),
    );
    return kept
      .filter(([id]) => docs.has(id))
      .map(([id, f]) => ({ doc: docs.get(id) as VacancyDocument, textScore: f.fit }));
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
    const tier = async (where: string, fit: string, order: string, params: unknown[]) =>
      take(
        await this.db.query(
          `SELECT m.id, ${fit} AS fit FROM ${this.migrants} m
           WHERE m.visible AND ${where} ORDER BY ${order} LIMIT $1`,
          [query.limit, ...params],
        ),
      );
    // Prefix words make the planner expect most rows to match and scan them all; the GIN index
    // finds the few thousand that do far sooner.
    const textTier = async (where: string, fit: string, params: unknown[]) =>
      this.db.transaction(async (m) => {
        await m.query(`SET LOCAL enable_seqscan = off`);
        take(
          await m.query(
            `SELECT m.id, ${fit} AS fit FROM ${this.migrants} m
             WHERE m.visible AND ${where} ORDER BY fit DESC, m.id LIMIT $1`,
            [query.limit, ...params],
          ),
        );
      });
    const count = (min: number) => [...found.values()].filter((f) => f >= min).length;
    await tier('m.occupation_codes @> ARRAY[$2::text]', '1.0::float8', 'm.id', [code]);
    if (count(1) < query.limit) {
      await tier(
        'm.occupation_minors @> ARRAY[$2::text] AND NOT m.occupation_codes @> ARRAY[$3::text]',
        '0.6::float8',
        'm.id',
        [minor, code],
      );
    }
    if (ts && count(0.6) < query.limit) {
      await textTier(
        `m.tsv @@ ${TSQUERY('$2')} AND NOT m.occupation_minors @> ARRAY[$3::text]`,
        `0.5 * ts_rank(m.tsv, ${TSQUERY('$2')}, 32)`,
        [ts, minor],
      );
    }
    const kept = [...found.entries()]
      .sort(([ia, a], [ib, b]) => b - a || (ia < ib ? -1 : 1))
      .slice(0, query.limit);
    const docs = await this.docs(
      this.migrants,
      kept.map(([id]) => id),
    );
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
    await this.db.query(`ANALYZE ${table}`);
  }
}
