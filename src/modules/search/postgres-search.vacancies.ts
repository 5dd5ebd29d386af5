import { DataSource } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query';
import { binder } from 'src/database/sql-params';
import { OwnQuery } from 'src/modules/search/postgres-search.own-query';
import type { QueryPlanner } from 'src/modules/search/postgres-search.plan';
import { FACET_LIMIT, RANK_WINDOW, SEARCH_RANKING } from 'src/modules/search/postgres-search.ranking';
import type { Row, SearchTables } from 'src/modules/search/postgres-search.tables';
import type {
  VacancyFilters,
  VacancySearchQuery,
  VacancySearchResult,
} from 'src/modules/search/search.types';
import { parseCards } from 'src/modules/search/vacancy-card';

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

/** The filters as WHERE clauses over `v`, their values bound in `params`. */
export function filterSql(f: VacancyFilters, params: unknown[]): string[] {
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

/** Vacancy search: the matching set, its total and facets, and the ranked page, in one prepared statement. */
export class VacancySearch {
  private readonly vacancies: string;
  private readonly counts: string;

  constructor(
    private readonly db: DataSource,
    tables: SearchTables,
    private readonly planner: QueryPlanner,
  ) {
    this.vacancies = tables.vacancies;
    this.counts = tables.counts;
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
    const plan = query.q ? await this.planner.queryPlan(query.q) : undefined;
    const params: unknown[] = [];
    const param = binder(params);
    const where = filterSql(query, params);
    const and = where.map((w) => ` AND ${w}`).join('');
    // Whole occupations are counted from the kept counts when every filter is one of their columns (region,
    // occupation, schedule, housing, foreigners accepted: `and` then reads as well over `v` the counts table);
    // pay, fair and employer filters count the matching rows one by one.
    const summable = query.salaryMin === undefined && !query.fairId && !query.employerId;
    let candidates: string;
    let page: string;
    let order: string;
    // What total and facets count: rows of (region, occupation, n).
    let counted: string;
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
      const windowEndParam = param(windowEnd);
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
           SELECT v.id, v.region, v.occupation_code, v.published_at, k.w, ${occ0} * k.w + ${text0} * k.r AS prior,
             true AS cov
           FROM k CROSS JOIN LATERAL (
             SELECT v.id, v.region, v.occupation_code, v.published_at FROM ${this.vacancies} v
             WHERE v.occupation_code = k.code${and}
             ORDER BY v.published_at DESC, v.id LIMIT ${windowEndParam}) v
           WHERE k.covered
           UNION ALL
           SELECT id, region, occupation_code, published_at, w,
             ${occ0} * w + CASE WHEN m THEN ${text0} * greatest(r, ${ownRank}) ELSE 0::float8 END, false
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
           SELECT id, region, occupation_code, published_at, 0::float8, prior, false FROM x
         ), n AS (
           ${
             summable
               ? `SELECT v.region, v.occupation_code, sum(v.n)::int AS n FROM ${this.counts} v
           WHERE v.occupation_code = ANY(${covered}::text[])${and}
           GROUP BY v.region, v.occupation_code`
               : `SELECT v.region, v.occupation_code, count(*)::int AS n
           FROM k CROSS JOIN LATERAL (
             SELECT v.region, v.occupation_code FROM ${this.vacancies} v
             WHERE v.occupation_code = k.code${and} OFFSET 0) v
           WHERE k.covered
           GROUP BY v.region, v.occupation_code`
           }
           UNION ALL
           SELECT region, occupation_code, 1 FROM c WHERE NOT cov
         ), win AS (
           SELECT id, published_at, w, row_number() OVER (ORDER BY prior DESC, published_at DESC, id) - 1 AS pos
           FROM (SELECT * FROM c ORDER BY prior DESC, published_at DESC, id LIMIT ${windowEndParam}) t
         )`;
      page = `SELECT win.id, win.published_at, win.pos / ${RANK_WINDOW} AS chunk,
             ${SEARCH_RANKING.occupation}::float8 * win.w
               + ${SEARCH_RANKING.text}::float8 * ts_rank(s.tsv, (SELECT q FROM rq), 32) AS score
           FROM win JOIN ${this.vacancies} s ON s.id = win.id
           WHERE win.pos >= ${param(windowStart)}
           ORDER BY chunk, score DESC, published_at DESC, id
           LIMIT ${param(query.limit)} OFFSET ${param(query.offset - windowStart)}`;
      order = 'p.chunk, p.score DESC, p.published_at DESC, p.id';
      counted = 'n';
    } else if (summable) {
      const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
      candidates = `c AS MATERIALIZED (
           SELECT v.id, v.published_at FROM ${this.vacancies} v ${filtered}
           ORDER BY v.published_at DESC, v.id LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}
         )`;
      page = `SELECT id, published_at, 0::float8 AS score FROM c`;
      order = 'p.published_at DESC, p.id';
      counted = `(SELECT v.region, v.occupation_code, v.n FROM ${this.counts} v ${filtered}) c`;
    } else {
      candidates = `c AS MATERIALIZED (
           SELECT v.id, v.region, v.occupation_code, v.published_at FROM ${this.vacancies} v
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         )`;
      page = `SELECT id, published_at, 0::float8 AS score FROM c ORDER BY published_at DESC, id
           LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`;
      order = 'p.published_at DESC, p.id';
      counted = '(SELECT region, occupation_code, 1 AS n FROM c) c';
    }
    // Named: planning the search statement costs about as much as running it.
    const rows = await preparedQuery<Row>(
      this.db,
      `WITH ${candidates}, page AS MATERIALIZED (${page})
       SELECT
         (SELECT json_agg(p.score ORDER BY ${order}) FROM page p) AS scores,
         (SELECT string_agg(s.card, ',' ORDER BY ${order}) FROM page p JOIN ${this.vacancies} s ON s.id = p.id) AS cards,
         (SELECT json_agg(json_build_array(g, region, occupation_code, n)) FROM (
            SELECT GROUPING(region) AS g, region, occupation_code::text, sum(n)::int AS n FROM ${counted}
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
}
