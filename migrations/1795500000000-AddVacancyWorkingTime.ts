import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vacancies state their working time, so that every schedule is compared with the minimum wage (docs/MINIMUM-WAGE.md):
 * hours a week for full time, part time and seasonal work; the length of a shift and the shifts in an average month
 * for shift and rotation work. Existing vacancies get the defaults a vacancy without working time is read with
 * (src/modules/vacancies/working-time.ts): 40 hours a week, 20 for part time, twelve-hour shifts fifteen times a
 * month for shift and rotation work. A published vacancy is not re-checked here; its next change of terms is.
 */
export class AddVacancyWorkingTime1795500000000 implements MigrationInterface {
  name = 'AddVacancyWorkingTime1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE vacancies
         ADD COLUMN hours_per_week numeric(4,1),
         ADD COLUMN shift_hours numeric(4,1),
         ADD COLUMN shifts_per_month numeric(4,1)`,
    );
    await q.query(
      `UPDATE vacancies
          SET hours_per_week = CASE WHEN schedule IN ('shift', 'rotation') THEN NULL
                                    WHEN schedule = 'part_time' THEN 20 ELSE 40 END,
              shift_hours = CASE WHEN schedule IN ('shift', 'rotation') THEN 12 END,
              shifts_per_month = CASE WHEN schedule IN ('shift', 'rotation') THEN 15 END`,
    );
    // A row written without working time (by hand, by an old build) is read with the schedule's default.
    await q.query(
      `ALTER TABLE vacancies ADD CONSTRAINT vacancies_working_time_check CHECK (
         CASE WHEN schedule IN ('shift', 'rotation')
              THEN hours_per_week IS NULL AND (shift_hours IS NULL) = (shifts_per_month IS NULL)
              ELSE shift_hours IS NULL AND shifts_per_month IS NULL END
         AND (hours_per_week IS NULL OR (hours_per_week > 0 AND hours_per_week <= 40))
         AND (shift_hours IS NULL OR (shift_hours > 0 AND shift_hours <= 24))
         AND (shifts_per_month IS NULL OR (shifts_per_month > 0 AND shifts_per_month <= 31)))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE vacancies DROP CONSTRAINT vacancies_working_time_check`);
    await q.query(
      `ALTER TABLE vacancies DROP COLUMN hours_per_week, DROP COLUMN shift_hours, DROP COLUMN shifts_per_month`,
    );
  }
}
