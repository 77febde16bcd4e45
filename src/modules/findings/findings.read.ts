import type { OrgContext } from '../context.ts';
import { presentFinding } from './findings.presenter.ts';
import * as repo from './findings.repository.ts';

/**
 * One finding as the API presents it, without its escalation flags and effectiveness summary (what a
 * webhook payload may carry: its ids and changed fields, never those).
 */
export async function presentedFinding(ctx: OrgContext, findingId: string) {
  const row = await repo.findFinding(ctx.db, ctx.organisation.id, findingId);
  return row ? presentFinding(row, ctx.now().toISOString().slice(0, 10), []) : null;
}
