import { DataSource } from 'typeorm';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import type { Row, SearchTables } from 'src/modules/search/postgres-search.tables';
import { lexiconWords, migrantText, occupationText, vacancyText } from 'src/modules/search/query-expansion';
import type { MigrantDocument, SearchKind, VacancyDocument } from 'src/modules/search/search.types';
import { toCard } from 'src/modules/search/vacancy-card';

/**
 * Writes the index: documents with their version guard, tombstones, the typo lexicon and the occupations' terms,
 * and rebuilds in place. What this process has already written to the shared tables it skips.
 */
export class IndexWriter {
  private readonly knownWords = new Set<string>();
  private readonly knownOccupations = new Set<string>();
  /** Occupations whose terms this process has written for people (not for vacancies: no lexicon words). */
  private readonly peopleOccupations = new Set<string>();

  private readonly vacancies: string;
  private readonly migrants: string;
  private readonly tombstones: string;
  private readonly trades: string;

  constructor(
    private readonly db: DataSource,
    tables: SearchTables,
    private readonly catalog: ReferenceCatalog,
  ) {
    this.vacancies = tables.vacancies;
    this.migrants = tables.migrants;
    this.tombstones = tables.tombstones;
    this.trades = tables.trades;
  }

  /**
   * The candidates' text tier finds people by their occupations' terms, so every occupation a person holds needs its
   * row in `search_occupations` (written with vacancies and, since then, with people): an index built before that gets
   * the missing ones here.
   */
  async addMissingOccupations(): Promise<void> {
    const rows: Row[] = await this.db.query(
      `SELECT DISTINCT t.code FROM ${this.trades} t
        WHERE NOT EXISTS (SELECT 1 FROM search_occupations o WHERE o.code = t.code)`,
    );
    const missing = rows.map((r) => r.code as string);
    if (!missing.length) return;
    // Their words stay out of the typo lexicon, which serves vacancy search.
    await this.addOccupations(this.db, missing);
  }

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
