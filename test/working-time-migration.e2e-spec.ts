import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from 'migrations/index';
import { ownDatabase } from 'test/harness/own-database';

/**
 * Migration 1795500000000-AddVacancyWorkingTime on vacancies written before it: each gets its schedule's default
 * working time, and down() removes the columns. Runs in a database of its own, created and dropped here.
 */
describe('migration AddVacancyWorkingTime', () => {
  const url = ownDatabase();

  it('gives existing vacancies their schedule’s default working time, and down() takes it away', async () => {
    // Up to this migration only, whatever later ones the list holds.
    const at = MIGRATIONS.findIndex((m) => m.name === 'AddVacancyWorkingTime1795500000000');
    expect(at).toBeGreaterThan(0);
    const before = new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations: MIGRATIONS.slice(0, at),
    });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const [employer] = await before.query(
      `INSERT INTO employers (kind, name, country, tax_id, region, address, contact_name, email, phone, status)
       VALUES ('company', 'E', 'RU', '7700000000', 'RU-MOW', 'a', 'b', 'e@example.org', '+74951234567', 'verified')
       RETURNING id`,
    );
    for (const schedule of ['full_time', 'part_time', 'shift', 'rotation', 'seasonal']) {
      await before.query(
        `INSERT INTO vacancies (employer_id, title, description, occupation_code, region, city, salary_min,
                                salary_currency, salary_period, salary_gross, positions, schedule, start_date,
                                housing_provided, foreigners_accepted, quota_available, status)
         VALUES ($1, 't', 'd', '5120', 'RU-MOW', 'c', 50000, 'RUB', 'month', true, 1, $2, '2027-01-01',
                 false, true, false, 'published')`,
        [employer.id, schedule],
      );
    }
    await before.destroy();

    const after = new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations: MIGRATIONS.slice(0, at + 1),
    });
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      const rows = await after.query(
        `SELECT schedule, hours_per_week::float8 AS h, shift_hours::float8 AS s, shifts_per_month::float8 AS n
           FROM vacancies ORDER BY schedule`,
      );
      expect(rows).toEqual([
        { schedule: 'full_time', h: 40, s: null, n: null },
        { schedule: 'part_time', h: 20, s: null, n: null },
        { schedule: 'rotation', h: null, s: 12, n: 15 },
        { schedule: 'seasonal', h: 40, s: null, n: null },
        { schedule: 'shift', h: null, s: 12, n: 15 },
      ]);
      // The constraint keeps working time to its schedule.
      await expect(
        after.query(`UPDATE vacancies SET hours_per_week = 40 WHERE schedule = 'shift'`),
      ).rejects.toThrow(/vacancies_working_time_check/);
      await after.undoLastMigration({ transaction: 'each' });
      const columns = await after.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'vacancies' AND column_name IN ('hours_per_week', 'shift_hours', 'shifts_per_month')`,
      );
      expect(columns).toEqual([]);
    } finally {
      await after.destroy();
    }
  });
});
