import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmployersVacanciesFairs1795310000000 implements MigrationInterface {
  name = 'CreateEmployersVacanciesFairs1795310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'individual')),
        name text NOT NULL,
        country text NOT NULL CHECK (country IN ('RU', 'KZ')),
        tax_id text NOT NULL,
        region text NOT NULL,
        address text NOT NULL,
        contact_name text NOT NULL,
        email text NOT NULL,
        phone text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
        rejection_reason text,
        verified_at timestamptz,
        verified_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX employers_tax_id_key ON employers (country, tax_id)`);
    await q.query(`CREATE INDEX employers_status_idx ON employers (status, created_at)`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_employer_fk FOREIGN KEY (employer_id) REFERENCES employers (id) ON DELETE SET NULL`,
    );

    await q.query(`
      CREATE TABLE vacancies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
        title text NOT NULL,
        description text NOT NULL,
        occupation_code char(4) NOT NULL,
        region text NOT NULL,
        city text NOT NULL,
        address text,
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        salary_min numeric(14, 2) NOT NULL CHECK (salary_min >= 0),
        salary_max numeric(14, 2) CHECK (salary_max >= salary_min),
        salary_currency char(3) NOT NULL,
        salary_period text NOT NULL CHECK (salary_period IN ('month', 'day', 'hour')),
        salary_gross boolean NOT NULL,
        positions integer NOT NULL CHECK (positions > 0),
        schedule text NOT NULL CHECK (schedule IN ('full_time', 'part_time', 'shift', 'rotation', 'seasonal')),
        start_date date NOT NULL,
        end_date date CHECK (end_date >= start_date),
        housing_provided boolean NOT NULL,
        housing_cost numeric(14, 2) CHECK (housing_cost >= 0),
        meals boolean NOT NULL DEFAULT false,
        requirements jsonb NOT NULL DEFAULT '{}',
        foreigners_accepted boolean NOT NULL,
        quota_available boolean NOT NULL DEFAULT false,
        worker_costs jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'published', 'paused', 'closed', 'filled')),
        version integer NOT NULL DEFAULT 1,
        current_terms_snapshot_id uuid,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX vacancies_employer_idx ON vacancies (employer_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX vacancies_published_idx ON vacancies (region, occupation_code, published_at DESC) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX vacancies_published_at_idx ON vacancies (published_at DESC) WHERE status = 'published'`,
    );

    // What was advertised, frozen: compared later with the contract; applications point at one.
    await q.query(`
      CREATE TABLE vacancy_terms_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        vacancy_version integer NOT NULL,
        terms jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (vacancy_id, seq)
      )`);
    await q.query(
      `ALTER TABLE vacancies ADD CONSTRAINT vacancies_current_terms_fk FOREIGN KEY (current_terms_snapshot_id) REFERENCES vacancy_terms_snapshots (id)`,
    );

    await q.query(`
      CREATE TABLE fairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        region text NOT NULL,
        city text NOT NULL,
        venue text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        timezone text NOT NULL,
        languages text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        cancelled_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX fairs_ends_at_idx ON fairs (ends_at, starts_at)`);

    await q.query(`
      CREATE TABLE fair_participants (
        fair_id uuid NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
        booth text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fair_id, employer_id)
      )`);
    await q.query(`CREATE INDEX fair_participants_employer_idx ON fair_participants (employer_id)`);

    await q.query(`
      CREATE TABLE fair_vacancies (
        fair_id uuid NOT NULL,
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        employer_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fair_id, vacancy_id),
        FOREIGN KEY (fair_id, employer_id) REFERENCES fair_participants (fair_id, employer_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX fair_vacancies_vacancy_idx ON fair_vacancies (vacancy_id)`);

    await q.query(`
      CREATE TABLE kiosks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
        label text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        revoked_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kiosks_fair_idx ON kiosks (fair_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kiosks`);
    await q.query(`DROP TABLE fair_vacancies`);
    await q.query(`DROP TABLE fair_participants`);
    await q.query(`DROP TABLE fairs`);
    await q.query(`ALTER TABLE vacancies DROP CONSTRAINT vacancies_current_terms_fk`);
    await q.query(`DROP TABLE vacancy_terms_snapshots`);
    await q.query(`DROP TABLE vacancies`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_employer_fk`);
    await q.query(`DROP TABLE employers`);
  }
}
