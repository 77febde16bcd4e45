import type { OrgContext } from '../context.ts';
import * as repo from './evidence.repository.ts';
import { presentEvidence } from './evidence.service.ts';

/** One evidence file as the API presents it (the `evidence.submitted` webhook's record). */
export async function presentedEvidence(ctx: OrgContext, evidenceId: string) {
  const row = await repo.findEvidenceById(ctx.db, ctx.organisation.id, evidenceId);
  return row ? presentEvidence(row) : null;
}
