import { MigrationInterface, QueryRunner } from 'typeorm';

/** Employers may be registered in the countries of origin (Tajikistan, Uzbekistan, Kyrgyzstan) for local vacancies. */
export class AllowOriginCountries1796100000000 implements MigrationInterface {
  name = 'AllowOriginCountries1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE employers DROP CONSTRAINT employers_country_check`);
    await q.query(
      `ALTER TABLE employers ADD CONSTRAINT employers_country_check CHECK (country IN ('RU', 'KZ', 'TJ', 'UZ', 'KG'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM employers WHERE country IN ('TJ', 'UZ', 'KG')`);
    await q.query(`ALTER TABLE employers DROP CONSTRAINT employers_country_check`);
    await q.query(
      `ALTER TABLE employers ADD CONSTRAINT employers_country_check CHECK (country IN ('RU', 'KZ'))`,
    );
  }
}
