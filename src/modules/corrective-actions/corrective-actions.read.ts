// Read model of the corrective-actions module: what other modules may know of a finding's record, actions and
// ISMS amendments (10.2 a–g). The repository stays private; these functions are the published shape.
import type { Db } from '../../db/connection.ts';
import * as repo from './corrective-actions.repository.ts';

export type StoredRecord = NonNullable<Awaited<ReturnType<typeof repo.findRecord>>>;
export type ActionRow = Awaited<ReturnType<typeof repo.listActions>>[number];
export type AmendmentRow = Awaited<ReturnType<typeof repo.listAmendments>>[number];

/**
 * A finding's corrective action record. Nothing is stored until someone writes to it, so a finding nobody has
 * worked on yet reads as the empty record (the column defaults of migration 0003), never as "missing".
 */
export async function recordOf(db: Db, organisationId: string, findingId: string): Promise<StoredRecord> {
  return (
    (await repo.findRecord(db, organisationId, findingId)) ?? {
      finding_id: findingId,
      organisation_id: organisationId,
      correction_json: '{}',
      root_cause_json: '{}',
      expected_effect: '',
      effectiveness_json: '{}',
      verification_json: '{}',
      auditor_decision_json: '{}',
      updated_at: '',
    }
  );
}

/** The corrective actions of some findings, oldest first; bounded by the findings asked for. */
export function actionsOf(db: Db, organisationId: string, findingIds: string[]): Promise<ActionRow[]> {
  return repo.listActions(db, organisationId, findingIds);
}

/** One action of a finding, or undefined when it is not that finding's (or not this organisation's). */
export function actionOf(
  db: Db,
  organisationId: string,
  findingId: string,
  actionId: string,
): Promise<ActionRow | undefined> {
  return repo.findAction(db, organisationId, findingId, actionId);
}

/** The ISMS amendments (10.2 e) recorded for a finding. */
export function amendmentsOf(db: Db, organisationId: string, findingId: string): Promise<AmendmentRow[]> {
  return repo.listAmendments(db, organisationId, findingId);
}
