import { EntityManager } from 'typeorm';

/**
 * Part of a person's erasure (called in the migrants module's erase transaction): every text of their grievances,
 * of the notes on them and of their messages goes; the rows stay with category, dates and state, so that the
 * anonymised counts in the reports do not change.
 */
export async function eraseGrievancesOf(manager: EntityManager, migrantId: string): Promise<void> {
  await manager.query(
    `UPDATE grievance_transitions t SET note_enc = NULL
       FROM grievances g WHERE g.id = t.grievance_id AND g.migrant_id = $1`,
    [migrantId],
  );
  await manager.query(
    `UPDATE grievance_messages m SET body_enc = NULL
       FROM grievances g WHERE g.id = m.grievance_id AND g.migrant_id = $1`,
    [migrantId],
  );
  await manager.query(
    `UPDATE grievances SET description_enc = NULL, reported_terms_enc = NULL, employer_answer_enc = NULL,
            anonymous_to_employer = true, erased_at = now(), updated_at = now()
      WHERE migrant_id = $1`,
    [migrantId],
  );
}
