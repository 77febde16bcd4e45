import type { z } from 'zod';
import type { pendingVerification } from '../../contracts/certification-internal-audits.ts';
import { authorize } from '../authorize.ts';
import { type OrgContext, roleOf } from '../context.ts';
import { presentRecord, recordOf } from '../corrective-actions/index.ts';
import { evidenceOf } from '../evidence/index.ts';
import { implementerIds, listFindingRows as listFindings, requirementsOf } from '../findings/index.ts';
import { emailsOf } from './internal-audits.repository.ts';

const VERIFIERS = new Set(['internal_auditor', 'isms_manager']);

/**
 * Corrective actions waiting for internal verification before they go to the certification body
 * (clause 9.2): each with its effectiveness criteria, the evidence to examine, who implemented it and
 * whether the person asking may verify it (never an implementer).
 */
export async function pendingVerifications(
  _input: Record<string, never>,
  ctx: OrgContext,
): Promise<z.infer<typeof pendingVerification>[]> {
  authorize(ctx, 'internal_audit.read');
  const { rows } = await listFindings(
    ctx.db,
    ctx.organisation.id,
    { status: 'evidence_submitted' },
    { sort: 'ref', direction: 'asc' },
  );
  const out: z.infer<typeof pendingVerification>[] = [];
  for (const f of rows) {
    const record = presentRecord(await recordOf(ctx.db, ctx.organisation.id, f.id));
    const implementers = await implementerIds(ctx.db, ctx.organisation.id, f.id);
    const evidence = await evidenceOf(ctx.db, ctx.organisation.id, [f.id]);
    out.push({
      findingId: f.id,
      auditRef: f.audit_ref,
      ref: f.ref,
      grade: f.grade,
      requirements: requirementsOf(f),
      statement: f.statement,
      criteria: record.effectiveness.criteria,
      implementers: (await emailsOf(ctx.db, implementers)).sort(),
      mayVerify:
        VERIFIERS.has(roleOf(ctx) ?? '') &&
        !(ctx.actor.userId !== null && implementers.includes(ctx.actor.userId)),
      evidence: evidence.map((e) => ({ id: e.id, fileName: e.file_name, sha256: e.sha256 })),
    });
  }
  return out;
}
