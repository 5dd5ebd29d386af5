import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL search index: denormalised documents with weighted tsvectors (russian + simple
 * configurations over unaccented text), a word lexicon with a trigram index for typo correction,
 * and tombstones so that a late, older write never brings back a deleted document.
 */
export class CreateSearchIndex1795360000000 implements MigrationInterface {
  name = 'CreateSearchIndex1795360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is STABLE (it reads a dictionary by search_path); pinning the dictionary makes it
    // safe to declare IMMUTABLE, so it may be used in index expressions and generated columns.
    await q.query(`
      CREATE FUNCTION search_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await q.query(`
      CREATE FUNCTION search_tsv(a text, b text, c text, d text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT
          setweight(to_tsvector('russian'::regconfig, search_unaccent(coalesce(a, ''))), 'A') ||
          setweight(to_tsvector('simple'::regconfig, search_unaccent(coalesce(a, ''))), 'A') ||
          setweight(to_tsvector('russian'::regconfig, search_unaccent(coalesce(b, ''))), 'B') ||
          setweight(to_tsvector('simple'::regconfig, search_unaccent(coalesce(b, ''))), 'B') ||
          setweight(to_tsvector('simple'::regconfig, search_unaccent(coalesce(c, ''))), 'C') ||
          setweight(to_tsvector('russian'::regconfig, search_unaccent(coalesce(d, ''))), 'D') $$`);

    await q.query(`
      CREATE TABLE search_vacancies (
        id uuid PRIMARY KEY,
        source_version bigint NOT NULL,
        doc jsonb NOT NULL,
        occupation_code text NOT NULL,
        occupation_minor text NOT NULL,
        employer_id uuid NOT NULL,
        country text NOT NULL,
        region text NOT NULL,
        salary_monthly numeric(14, 2),
        schedule text,
        housing boolean NOT NULL,
        foreigners_accepted boolean NOT NULL,
        fair_ids uuid[] NOT NULL DEFAULT '{}',
        published_at timestamptz NOT NULL,
        tsv tsvector NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX search_vacancies_tsv_idx ON search_vacancies USING gin (tsv)`);
    await q.query(
      `CREATE INDEX search_vacancies_occupation_idx ON search_vacancies (occupation_code, published_at DESC)`,
    );
    await q.query(
      `CREATE INDEX search_vacancies_minor_idx ON search_vacancies (occupation_minor, published_at DESC)`,
    );
    await q.query(`CREATE INDEX search_vacancies_region_idx ON search_vacancies (region, published_at DESC)`);
    await q.query(`CREATE INDEX search_vacancies_published_idx ON search_vacancies (published_at DESC, id)`);
    await q.query(`CREATE INDEX search_vacancies_fairs_idx ON search_vacancies USING gin (fair_ids)`);
    await q.query(`CREATE INDEX search_vacancies_employer_idx ON search_vacancies (employer_id)`);
    await q.query(`CREATE INDEX search_vacancies_indexed_idx ON search_vacancies (indexed_at)`);

    await q.query(`
      CREATE TABLE search_migrants (
        id uuid PRIMARY KEY,
        source_version bigint NOT NULL,
        doc jsonb NOT NULL,
        occupation_codes text[] NOT NULL,
        occupation_minors text[] NOT NULL,
        desired_regions text[] NOT NULL,
        visible boolean NOT NULL,
        tsv tsvector NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX search_migrants_tsv_idx ON search_migrants USING gin (tsv)`);
    await q.query(
      `CREATE INDEX search_migrants_occupations_idx ON search_migrants USING gin (occupation_codes)`,
    );
    await q.query(`CREATE INDEX search_migrants_minors_idx ON search_migrants USING gin (occupation_minors)`);
    await q.query(`CREATE INDEX search_migrants_indexed_idx ON search_migrants (indexed_at)`);

    // Words of titles, occupation labels and skills; a query word that is not here is corrected to
    // the nearest words by trigram similarity (typos: "сваршик", "pvoar").
    await q.query(`CREATE TABLE search_lexicon (word text PRIMARY KEY)`);
    await q.query(`CREATE INDEX search_lexicon_trgm_idx ON search_lexicon USING gin (word gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE search_tombstones (
        kind text NOT NULL CHECK (kind IN ('vacancies', 'migrants')),
        id uuid NOT NULL,
        source_version bigint NOT NULL,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE search_tombstones`);
    await q.query(`DROP TABLE search_lexicon`);
    await q.query(`DROP TABLE search_migrants`);
    await q.query(`DROP TABLE search_vacancies`);
    await q.query(`DROP FUNCTION search_tsv(text, text, text, text)`);
    await q.query(`DROP FUNCTION search_unaccent(text)`);
  }
}
