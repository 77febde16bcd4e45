import type { z } from 'zod';
import type { checkUpdate, raiseFindingInput } from '../../contracts/certification-internal-audits.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { InternalAuditCheckTable } from '../../db/schema.ts';
import { amendAudit, auditByRef } from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext, roleOf } from '../context.ts';
import { insertFindingRow } from '../findings/index.ts';
import * as repo from './internal-audits.repository.ts';
import { showInternalAudit } from './internal-audits.service.ts';

/** The audit and the check, if the actor may record results in it: its auditor or an ISMS manager. */
async function auditCheck(tx: ChangeContext, auditRef: string, checkId: string) {
  const a = await repo.findInternalAuditByRef(tx.db, tx.organisation.id, auditRef);
  if (!a) throw notFound(`internal audit ${auditRef}`);
  const check = await repo.findCheck(tx.db, tx.organisation.id, a.audit_id, checkId);
  if (!check) throw notFound('checklist item');
  const role = roleOf(tx);
  const manager = role === 'admin' || role === 'isms_manager';
  if (tx.actor.userId !== a.auditor_user_id && !manager)
    throw new AppError('forbidden', `only the auditor of ${a.ref} records its results`);
  // Clause 9.2.2 impartiality: the auditee does not grade their own area, whatever their role.
  if (tx.actor.userId !== null && tx.actor.userId === a.auditee_user_id)
    throw new AppError('forbidden', 'the auditee cannot record results of the audit of their own area');
  return { a, check };
}

/** Records the result of one checklist item with its evidence and sampling (clause 9.2.2 c). */
export async function recordCheck(
  input: z.infer<typeof checkUpdate> & { auditRef: string; checkId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'internal_audit.perform');
  await inTransaction(ctx, async (tx) => {
    const { a, check } = await auditCheck(tx, input.auditRef, input.checkId);
    if (check.finding_id && input.result !== undefined && input.result !== check.result)
      throw new AppError(
        'invalid_state',
        'a finding was raised from this result; change the finding instead of the result',
      );
    const patch: Partial<InternalAuditCheckTable> = {};
    if (input.evidence !== undefined) patch.evidence = input.evidence;
    if (input.sampling !== undefined) patch.sampling = input.sampling;
    if (input.result !== undefined) {
      patch.result = input.result;
      patch.checked_by = input.result === null ? null : tx.actor.label;
      patch.checked_on = input.result === null ? null : tx.now().toISOString().slice(0, 10);
    }
    const result = input.result === undefined ? check.result : input.result;
    const evidence = input.evidence ?? check.evidence;
    if (result !== null && result !== 'conform' && !evidence.trim())
      throw new AppError('validation_failed', 'record the objective evidence behind this result', [
        { path: 'body/evidence', message: 'required' },
      ]);
    await repo.updateCheck(tx.db, tx.organisation.id, check.id, patch);
    const all = await repo.checksOf(tx.db, tx.organisation.id, [a.audit_id]);
    const recorded = all.filter((c) => c.result !== null).length;
    await repo.updateInternalAudit(tx.db, tx.organisation.id, a.audit_id, {
      status: recorded === 0 ? 'planned' : recorded === all.length ? 'completed' : 'in_progress',
    });
    await tx.audit({
      action: 'internal_audit.record_result',
      entityType: 'internal_audit_check',
      entityId: check.id,
      data: { audit: a.ref, requirement: check.requirement, ...patch },
    });
  });
  return showInternalAudit({ ref: input.auditRef }, ctx);
}

/**
 * Turns a graded result into a finding of this internal audit in one step, linked to the requirement:
 * a nonconformity enters the clause 10.2 lifecycle; the statement and evidence come from the check.
 */
export async function raiseFinding(
  input: z.infer<typeof raiseFindingInput> & { auditRef: string; checkId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'internal_audit.perform');
  const findingId = await inTransaction(ctx, async (tx) => {
    const { a, check } = await auditCheck(tx, input.auditRef, input.checkId);
    if (check.finding_id) throw new AppError('conflict', 'a finding was already raised from this result');
    if (check.result === null || check.result === 'conform')
      throw new AppError(
        'invalid_state',
        'grade the result (major, minor, OFI, observation) before raising a finding',
      );
    const audit = await auditByRef(tx.db, tx.organisation.id, a.ref);
    // The day the auditee is told of the finding starts its deadlines, as a report does for an external audit.
    const reportedOn = audit!.report_received_on ?? tx.now().toISOString().slice(0, 10);
    if (!audit!.report_received_on) await amendAudit(tx, audit!.id, { report_received_on: reportedOn });
    const id = await insertFindingRow(
      tx,
      // Counted from the internal audit's last day, or the day the auditee was told when none is set.
      { ...audit!, report_received_on: reportedOn, ends_on: audit!.ends_on ?? reportedOn },
      {
        ref: input.ref,
        grade: check.result as 'major',
        requirements: [check.requirement],
        statement: input.statement,
        objectiveEvidence: [check.evidence, check.sampling && `Sample: ${check.sampling}`]
          .filter(Boolean)
          .join('\n'),
        area: a.area,
        ownerEmail: input.ownerEmail,
      },
      'internal_audit',
      // An own control of the SoA (6.1.3 b NOTE 1) was checked against the SoA when the audit was planned.
      check.kind === 'own_control' ? new Set([check.requirement]) : undefined,
    );
    await repo.updateCheck(tx.db, tx.organisation.id, check.id, { finding_id: id });
    return id;
  });
  return { findingId, audit: await showInternalAudit({ ref: input.auditRef }, ctx) };
}
