import { DataSource } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query';
import { binder } from 'src/database/sql-params';
import { OwnQuery } from 'src/modules/search/postgres-search.own-query';
import type { QueryPlanner } from 'src/modules/search/postgres-search.plan';
import type { Row, SearchTables } from 'src/modules/search/postgres-search.tables';
import type {
  MigrantDocument,
  MigrantMatchQuery,
  Retrieved,
  VacancyMatchQuery,
  VacancySummary,
} from 'src/modules/search/search.types';
import { parseCards } from 'src/modules/search/vacancy-card';

/** The `to_tsquery` text in parameter `p` (words ORed, in both configurations), inline so that the planner sees a constant. */
const TSQUERY = (p: string) =>
  `(to_tsquery('russian', search_unaccent(${p})) || to_tsquery('simple', search_unaccent(${p})))`;

/** Matching's candidates: vacancies for a person, people for a vacancy. */
export class CandidateSearch {
  private readonly vacancies: string;
  private readonly migrants: string;
  private readonly trades: string;

  constructor(
    private readonly db: DataSource,
    tables: SearchTables,
    private readonly planner: QueryPlanner,
  ) {
    this.vacancies = tables.vacancies;
    this.migrants = tables.migrants;
    this.trades = tables.trades;
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
      const plan = await this.planner.wordsPlan(query.textWords);
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
}
