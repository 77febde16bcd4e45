// Read model of the evidence module: the evidence files recorded for findings (10.2: documented information
// as evidence of the actions and their results). The repository stays private.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { EvidenceFileTable } from '../../db/schema.ts';
import type { OrgContext } from '../context.ts';
import * as repo from './evidence.repository.ts';
import { presentEvidence } from './evidence.service.ts';

export type EvidenceRow = Selectable<EvidenceFileTable>;

/** The evidence of some findings, oldest first; bounded by the findings asked for. */
export function evidenceOf(db: Db, organisationId: string, findingIds: string[]): Promise<EvidenceRow[]> {
  return repo.listEvidence(db, organisationId, findingIds);
}

/** One evidence file of a finding, or undefined when it is not that finding's (or not this organisation's). */
export function evidenceItem(
  db: Db,
  organisationId: string,
  findingId: string,
  evidenceId: string,
): Promise<EvidenceRow | undefined> {
  return repo.findEvidence(db, organisationId, findingId, evidenceId);
}

/** One evidence file as the API presents it (the `evidence.submitted` webhook's record). */
export async function presentedEvidence(ctx: OrgContext, evidenceId: string) {
  const row = await repo.findEvidenceById(ctx.db, ctx.organisation.id, evidenceId);
  return row ? presentEvidence(row) : null;
}
