import type { OrgContext } from '../context.ts';
import * as repo from './certificates.repository.ts';
import { presentedRow } from './certificates.service.ts';

/** One certificate as the API presents it (the record of the decision and status webhooks). */
export async function presentedCertificate(ctx: OrgContext, certificateId: string) {
  const c = await repo.findCertificate(ctx.db, ctx.organisation.id, certificateId);
  return c ? presentedRow(ctx, c) : null;
}
