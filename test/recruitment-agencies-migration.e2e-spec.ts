import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from 'migrations/index';
import { ownDatabase } from 'test/harness/own-database';

/**
 * Migrations 1796510000000-CreateRecruitmentAgencies and 1796511000000-LinkInterviewsToRecruits: up makes the
 * agencies table, the order's agency a reference to it and the interview's recruit; down() takes both back, and up
 * runs again. Runs in a database of its own, created and dropped here.
 */
describe('migrations CreateRecruitmentAgencies and LinkInterviewsToRecruits', () => {
  const url = ownDatabase();

  const columnType = (ds: DataSource, table: string, column: string): Promise<Array<{ data_type: string }>> =>
    ds.query(`SELECT data_type FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`, [
      table,
      column,
    ]);

  it('turns the order’s agency into a reference to a listed agency, links interviews to recruits, and undoes both', async () => {
    const at = MIGRATIONS.findIndex((m) => m.name === 'LinkInterviewsToRecruits1796511000000');
    expect(MIGRATIONS[at - 1].name).toBe('CreateRecruitmentAgencies1796510000000');
    const ds = new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations: MIGRATIONS.slice(0, at + 1),
    });
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      expect(await columnType(ds, 'recruitment_orders', 'agency_id')).toEqual([{ data_type: 'uuid' }]);
      expect(await columnType(ds, 'interviews', 'recruit_id')).toEqual([{ data_type: 'uuid' }]);
      // A licence that ends before it starts is refused by the table too.
      await expect(
        ds.query(
          `INSERT INTO recruitment_agencies (country, name, tax_id, licence_number, issuing_body, licence_valid_from,
                                             licence_valid_until, source)
           VALUES ('TJ', 'A', '123456789', 'L', 'B', '2027-01-02', '2027-01-01', 's')`,
        ),
      ).rejects.toThrow(/check/);

      await ds.undoLastMigration({ transaction: 'each' });
      expect(await columnType(ds, 'interviews', 'recruit_id')).toEqual([]);
      await ds.undoLastMigration({ transaction: 'each' });
      expect(await columnType(ds, 'recruitment_orders', 'agency_id')).toEqual([{ data_type: 'text' }]);
      const [{ exists }] = await ds.query(`SELECT to_regclass('recruitment_agencies') IS NOT NULL AS exists`);
      expect(exists).toBe(false);

      await ds.runMigrations({ transaction: 'each' });
      expect(await columnType(ds, 'recruitment_orders', 'agency_id')).toEqual([{ data_type: 'uuid' }]);
      expect(await columnType(ds, 'interviews', 'recruit_id')).toEqual([{ data_type: 'uuid' }]);
    } finally {
      await ds.destroy();
    }
  });
});
