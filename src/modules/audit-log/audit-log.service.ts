import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import type { auditEntry, auditQuery } from '../../contracts/foundation.ts';
import type { Db } from '../../db/connection.ts';
import { ChainVerifier } from '../../domain/audit/chain.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import * as repo from './audit-log.repository.ts';

export async function listAuditTrail(input: PageQuery & z.infer<typeof auditQuery>, ctx: OrgContext) {
  authorize(ctx, 'audit_log.read');
  const { rows, total } = await repo.listAuditEntries(ctx.db, ctx.organisation.id, input, input);
  const items: z.infer<typeof auditEntry>[] = rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
    hash: r.hash,
  }));
  return { items, page: input.page, pageSize: input.pageSize, total };
}

/** Recomputes every hash of an organisation's chain and names the first broken entry. */
export async function verifyAuditTrail(db: Db, organisationId: string) {
  const verifier = new ChainVerifier();
  for await (const entry of repo.allAuditEntries(db, organisationId)) {
    verifier.push(entry);
    if (verifier.broken) break;
  }
  const broken = verifier.finish(await repo.auditHead(db, organisationId));
  return { ok: broken === null, entries: verifier.count, firstBroken: broken };
}

export async function verifyOrganisationTrail(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'audit_log.verify');
  return verifyAuditTrail(ctx.db, ctx.organisation.id);
}
