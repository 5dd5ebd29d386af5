import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The placements report groups a year of applications (a million at national scale) by an attribute of the
 * person or the vacancy and counts interviews and hires from the history. Joining migrants, vacancies and the
 * history for every row took seconds; these columns keep on each application what the report reads, so it is one
 * scan of one table (plus a small index for the hires' median).
 *
 * Triggers keep them true whatever path writes:
 * - on insert, and when an application moves to another person or vacancy (merge), the person's citizenship and
 *   gender and the vacancy's occupation and region are copied;
 * - when a person's citizenship or gender, or a vacancy's occupation or region, is corrected, their applications
 *   follow (the report has always shown current attributes);
 * - the first transition to `interview_scheduled` and to `hired` sets `interviewed_at` and `hired_at`.
 */
export class AddApplicationReportColumns1795410000000 implements MigrationInterface {
  name = 'AddApplicationReportColumns1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN citizenship text,
        ADD COLUMN gender text,
        ADD COLUMN occupation_code text,
        ADD COLUMN region text,
        ADD COLUMN interviewed_at timestamptz,
        ADD COLUMN hired_at timestamptz`);

    await q.query(`
      CREATE FUNCTION applications_copy_report_attributes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT m.citizenship, m.gender INTO NEW.citizenship, NEW.gender FROM migrants m WHERE m.id = NEW.migrant_id;
        SELECT btrim(v.occupation_code), v.region INTO NEW.occupation_code, NEW.region
          FROM vacancies v WHERE v.id = NEW.vacancy_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER applications_report_attributes_insert BEFORE INSERT ON applications
        FOR EACH ROW EXECUTE FUNCTION applications_copy_report_attributes()`);
    await q.query(`
      CREATE TRIGGER applications_report_attributes_update BEFORE UPDATE OF migrant_id, vacancy_id ON applications
        FOR EACH ROW WHEN (OLD.migrant_id IS DISTINCT FROM NEW.migrant_id OR OLD.vacancy_id IS DISTINCT FROM NEW.vacancy_id)
        EXECUTE FUNCTION applications_copy_report_attributes()`);

    await q.query(`
      CREATE FUNCTION migrants_propagate_report_attributes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE applications SET citizenship = NEW.citizenship, gender = NEW.gender WHERE migrant_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER migrants_report_attributes AFTER UPDATE OF citizenship, gender ON migrants
        FOR EACH ROW WHEN (OLD.citizenship IS DISTINCT FROM NEW.citizenship OR OLD.gender IS DISTINCT FROM NEW.gender)
        EXECUTE FUNCTION migrants_propagate_report_attributes()`);

    await q.query(`
      CREATE FUNCTION vacancies_propagate_report_attributes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE applications SET occupation_code = btrim(NEW.occupation_code), region = NEW.region
         WHERE vacancy_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER vacancies_report_attributes AFTER UPDATE OF occupation_code, region ON vacancies
        FOR EACH ROW WHEN (OLD.occupation_code IS DISTINCT FROM NEW.occupation_code OR OLD.region IS DISTINCT FROM NEW.region)
        EXECUTE FUNCTION vacancies_propagate_report_attributes()`);

    await q.query(`
      CREATE FUNCTION application_transitions_record_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.to_status = 'interview_scheduled' THEN
          UPDATE applications SET interviewed_at = NEW.created_at
           WHERE id = NEW.application_id AND (interviewed_at IS NULL OR interviewed_at > NEW.created_at);
        ELSE
          UPDATE applications SET hired_at = NEW.created_at
           WHERE id = NEW.application_id AND (hired_at IS NULL OR hired_at > NEW.created_at);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER application_transitions_outcome AFTER INSERT ON application_transitions
        FOR EACH ROW WHEN (NEW.to_status IN ('interview_scheduled', 'hired'))
        EXECUTE FUNCTION application_transitions_record_outcome()`);

    // Existing rows, in one pass.
    await q.query(`
      UPDATE applications a
         SET citizenship = m.citizenship, gender = m.gender,
             occupation_code = btrim(v.occupation_code), region = v.region,
             interviewed_at = (SELECT min(t.created_at) FROM application_transitions t
                                WHERE t.application_id = a.id AND t.to_status = 'interview_scheduled'),
             hired_at = (SELECT min(t.created_at) FROM application_transitions t
                          WHERE t.application_id = a.id AND t.to_status = 'hired')
        FROM migrants m, vacancies v
       WHERE m.id = a.migrant_id AND v.id = a.vacancy_id`);

    // The hires of a period, for the median days to hire.
    await q.query(
      `CREATE INDEX applications_hired_idx ON applications (created_at) WHERE hired_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER application_transitions_outcome ON application_transitions`);
    await q.query(`DROP FUNCTION application_transitions_record_outcome()`);
    await q.query(`DROP TRIGGER vacancies_report_attributes ON vacancies`);
    await q.query(`DROP FUNCTION vacancies_propagate_report_attributes()`);
    await q.query(`DROP TRIGGER migrants_report_attributes ON migrants`);
    await q.query(`DROP FUNCTION migrants_propagate_report_attributes()`);
    await q.query(`DROP TRIGGER applications_report_attributes_update ON applications`);
    await q.query(`DROP TRIGGER applications_report_attributes_insert ON applications`);
    await q.query(`DROP FUNCTION applications_copy_report_attributes()`);
    await q.query(`DROP INDEX applications_hired_idx`);
    await q.query(`
      ALTER TABLE applications
        DROP COLUMN citizenship, DROP COLUMN gender, DROP COLUMN occupation_code, DROP COLUMN region,
        DROP COLUMN interviewed_at, DROP COLUMN hired_at`);
  }
}
