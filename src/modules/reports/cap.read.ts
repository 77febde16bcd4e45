import type { OrgContext } from '../context.ts';
import { presentCapRevision } from './cap.presenter.ts';
import * as repo from './reports.repository.ts';

/** The audit's latest CAP revision as the API presents it (the `cap.submitted` webhook's record). */
export async function presentedCapRevision(ctx: OrgContext, auditId: string) {
  const r = await repo.latestCapRevision(ctx.db, ctx.organisation.id, auditId);
  return r ? presentCapRevision(r.audit_ref, r) : null;
}
