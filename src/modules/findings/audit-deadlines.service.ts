import type { z } from 'zod';
import { notFound } from '../../contracts/errors.ts';
import type { auditUpdate, upsertDeadlinePolicy } from '../../contracts/findings.ts';
import {
  type AuditPatch,
  type AuditRow,
  amendAudit,
  auditByRef,
  auditsFollowingPolicy,
  showAudit,
} from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { policyDefinition, upsertPolicyIn } from '../deadline-policies/index.ts';
import * as repo from './findings.repository.ts';
import { deadlinesFor } from './findings.service.ts';

// Changes to an audit or to a deadline policy that move the deadlines of the findings raised under them.
// They live with the findings, which own those deadlines; the audits module keeps the audit record and
// knows nothing of findings beyond counting them (ISO 27001 10.2: corrective action within the time the
// certification body set, so a moved report date moves every deadline with it).

/** Report date or policy changes move every finding's deadlines with them. */
export async function recomputeDeadlines(tx: ChangeContext, audit: AuditRow) {
  const { rows } = await repo.listFindings(
    tx.db,
    tx.organisation.id,
    { auditId: audit.id },
    { sort: 'ref', direction: 'asc' },
  );
  for (const f of rows) {
    const d = await deadlinesFor(tx, audit, f.grade);
    await repo.updateFinding(tx.db, tx.organisation.id, f.id, {
      cap_due_on: d.capDueOn,
      evidence_due_on: d.evidenceDueOn,
      close_by_on: d.closeByOn,
    });
  }
}

export async function updateAudit(input: z.infer<typeof auditUpdate> & { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'audit.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await auditByRef(tx.db, tx.organisation.id, input.ref);
    if (!before) throw notFound(`audit ${input.ref}`);
    if (input.policyKey)
      await policyDefinition(tx.db, tx.organisation.id, input.policyKey, tx.now().toISOString());
    const patch: AuditPatch = {};
    if (input.type !== undefined) patch.type = input.type;
    if (input.certificationBody !== undefined) patch.certification_body = input.certificationBody;
    if (input.leadAuditor !== undefined) patch.lead_auditor = input.leadAuditor;
    if (input.startsOn !== undefined) patch.starts_on = input.startsOn;
    if (input.endsOn !== undefined) patch.ends_on = input.endsOn;
    if (input.closingMeetingOn !== undefined) patch.closing_meeting_on = input.closingMeetingOn;
    if (input.scope !== undefined) patch.scope = input.scope;
    if (input.reportReceivedOn !== undefined) patch.report_received_on = input.reportReceivedOn;
    if (input.recommendation !== undefined) patch.recommendation = input.recommendation;
    if (input.policyKey !== undefined) patch.policy_key = input.policyKey;
    await amendAudit(tx, before.id, patch);
    await recomputeDeadlines(tx, { ...before, ...patch });
    const { ref: _r, ...changes } = input;
    await tx.audit({
      action: 'audit.update',
      entityType: 'audit',
      entityId: before.id,
      data: { ref: before.ref, ...changes },
    });
  });
  return showAudit({ ref: input.ref }, ctx);
}

/** Saves a deadline policy and moves the deadlines of every finding whose audit follows it. */
export async function saveDeadlinePolicy(
  input: z.infer<typeof upsertDeadlinePolicy> & { key: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'deadline_policy.manage');
  return inTransaction(ctx, async (tx) => {
    const policy = await upsertPolicyIn(tx, input);
    for (const audit of await auditsFollowingPolicy(tx.db, tx.organisation.id, input.key))
      await recomputeDeadlines(tx, audit);
    return policy;
  });
}
