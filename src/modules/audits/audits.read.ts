// Read model of the audits module: an audit as other modules may read it. The repository stays private.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { AuditTable } from '../../db/schema.ts';
import * as repo from './audits.repository.ts';

export type AuditRow = Selectable<AuditTable>;

/** The organisation's audit with this reference, or undefined. */
export function auditByRef(db: Db, organisationId: string, ref: string): Promise<AuditRow | undefined> {
  return repo.findAuditByRef(db, organisationId, ref);
}

/** The audits whose findings follow a deadline policy (to move their deadlines when the policy changes). */
export function auditsFollowingPolicy(
  db: Db,
  organisationId: string,
  policyKey: string,
): Promise<AuditRow[]> {
  return repo.auditsFollowingPolicy(db, organisationId, policyKey);
}
