import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from 'migrations/index';
import { ownDatabase } from 'test/harness/own-database';

/**
 * Migration 1796530000000-CreateSearchVacancyCounts over an index that already holds vacancies: up counts them and
 * keeps the counts on every later write; down() takes the table, its triggers, the wider occupation index and the
 * prepared own-words lookup back, and up runs again. Runs in a database of its own, created and dropped here.
 */
describe('migration CreateSearchVacancyCounts', () => {
  const url = ownDatabase();

  const insert = (ds: DataSource, region: string, schedule: string | null) =>
    ds.query(
      `INSERT INTO search_vacancies (id, source_version, doc, occupation_code, occupation_minor, employer_id, country,
                                     region, schedule, housing, foreigners_accepted, published_at, tsv, own_tsv, card)
       VALUES ($1, 1, '{}', '5120', '512', $2, 'RU', $3, $4, false, true, now(), ''::tsvector,
               'повар'::tsvector, '[]')`,
      [randomUUID(), randomUUID(), region, schedule],
    );
  const counts = (ds: DataSource) =>
    ds.query(`SELECT region, schedule, n FROM search_vacancy_counts ORDER BY region, schedule`);
  const lookup = async (ds: DataSource) =>
    (
      (await ds.query(`SELECT prosrc FROM pg_proc WHERE proname = 'search_own_words'`)) as Array<{
        prosrc: string;
      }>
    )[0].prosrc;

  it('counts what is indexed, follows later writes, and undoes it all', async () => {
    const at = MIGRATIONS.findIndex((m) => m.name === 'CreateSearchVacancyCounts1796530000000');
    const ds = new DataSource({ type: 'postgres', url: url.toString(), migrations: MIGRATIONS.slice(0, at) });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await insert(ds, 'RU-MOW', 'shift');
      await insert(ds, 'RU-MOW', null);
      await insert(ds, 'RU-SPE', 'shift');
    } finally {
      await ds.destroy();
    }

    const up = new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations: MIGRATIONS.slice(0, at + 1),
    });
    await up.initialize();
    try {
      await up.runMigrations({ transaction: 'each' });
      expect(await counts(up)).toEqual([
        { region: 'RU-MOW', schedule: '', n: 1 },
        { region: 'RU-MOW', schedule: 'shift', n: 1 },
        { region: 'RU-SPE', schedule: 'shift', n: 1 },
      ]);
      await insert(up, 'RU-SPE', 'shift');
      await up.query(
        `UPDATE search_vacancies SET region = 'RU-SPE' WHERE region = 'RU-MOW' AND schedule IS NULL`,
      );
      expect(await counts(up)).toEqual([
        { region: 'RU-MOW', schedule: 'shift', n: 1 },
        { region: 'RU-SPE', schedule: '', n: 1 },
        { region: 'RU-SPE', schedule: 'shift', n: 2 },
      ]);
      expect(await lookup(up)).toContain('FROM search_vacancies v WHERE v.own_tsv @@ q');
      const [{ n }] = await up.query(
        `SELECT count(*)::int AS n FROM search_own_words('search_vacancies', 'повар')`,
      );
      expect(n).toBe(4);

      await up.undoLastMigration({ transaction: 'each' });
      const [{ exists }] = await up.query(
        `SELECT to_regclass('search_vacancy_counts') IS NOT NULL AS exists`,
      );
      expect(exists).toBe(false);
      expect(await up.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE 'vacancy_counts_%'`)).toEqual(
        [],
      );
      expect(await lookup(up)).not.toContain('search_vacancies v');
      const [{ def }] = await up.query(
        `SELECT pg_get_indexdef('search_vacancies_occupation_idx'::regclass) AS def`,
      );
      expect(def).toContain('INCLUDE (id, region, housing, salary_monthly)');
      await insert(up, 'RU-MOW', 'shift');

      await up.runMigrations({ transaction: 'each' });
      expect(await counts(up)).toEqual([
        { region: 'RU-MOW', schedule: 'shift', n: 2 },
        { region: 'RU-SPE', schedule: '', n: 1 },
        { region: 'RU-SPE', schedule: 'shift', n: 2 },
      ]);
    } finally {
      await up.destroy();
    }
  });
});
