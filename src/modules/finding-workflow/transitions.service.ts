import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { commentRequest, transitionRequest } from '../../contracts/corrective-actions.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import { closerOf } from '../../domain/findings/closure.ts';
import {
  applyTransition,
  type NcStatus,
  type Readiness,
  type TransitionError,
} from '../../domain/findings/lifecycle.ts';
import { applyOfiDecision } from '../../domain/findings/ofi.ts';
import { type FindingStatus, isNonconformity } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, memberRole, type OrgContext } from '../context.ts';
import { actionsOf, presentRecord, recordOf, saveRecordFields } from '../corrective-actions/index.ts';
import { evidenceOf } from '../evidence/index.ts';
import {
  effectivenessStateOf,
  type FindingPatch,
  findFinding,
  hasEvent,
  implementerIds,
  recordFindingEvent,
  saveFindingFields,
} from '../findings/index.ts';
import { notifyFindingMentions, notifyFindingStatus } from '../notifications/index.ts';

const errorStatus: Record<TransitionError, 'invalid_state' | 'forbidden' | 'validation_failed'> = {
  transition_not_allowed: 'invalid_state',
  role_forbidden: 'forbidden',
  comment_required: 'validation_failed',
  verifier_is_implementer: 'forbidden',
  auditor_decision_details_required: 'validation_failed',
  record_incomplete: 'invalid_state',
};

export async function readinessOf(ctx: OrgContext, findingId: string): Promise<Readiness> {
  const effectiveness = await effectivenessStateOf(ctx, findingId);
  const record = await recordOf(ctx.db, ctx.organisation.id, findingId);
  const r = presentRecord(record);
  const actions = await actionsOf(ctx.db, ctx.organisation.id, [findingId]);
  const evidence = await evidenceOf(ctx.db, ctx.organisation.id, [findingId]);
  return {
    hasCorrection: r.correction.what.trim().length > 0,
    // 10.2 b: the plan states the cause, not only the analysis that led to it.
    hasRootCause: r.rootCause.statement.trim().length > 0,
    // 10.2 c: an action counts towards the plan only with someone answerable for it and a date.
    actionCount: actions.filter((a) => a.status !== 'cancelled' && a.owner_user_id && a.due_on).length,
    openActionCount: actions.filter((a) => a.status === 'open' || a.status === 'in_progress').length,
    evidenceCount: evidence.length,
    hasEffectivenessCriteria: r.effectiveness.criteria.trim().length > 0,
    effectiveness,
  };
}

/**
 * What the internal verifier checked (clause 9.2, 10.2 d): the effectiveness criteria as they stood, the
 * verdict on them and the evidence files examined, named by file and SHA-256 so the Evidence of
 * Correction report points at the exact copies.
 */
async function verificationOf(
  tx: OrgContext,
  findingId: string,
  input: z.infer<typeof transitionRequest>,
  at: string,
) {
  const record = presentRecord(await recordOf(tx.db, tx.organisation.id, findingId));
  const files = await evidenceOf(tx.db, tx.organisation.id, [findingId]);
  const wanted = input.verification?.evidenceIds ?? [];
  const unknown = wanted.filter((id) => !files.some((f) => f.id === id));
  if (unknown.length > 0)
    throw new AppError('validation_failed', 'evidence examined must be files of this finding', [
      { path: 'body/verification/evidenceIds', message: `unknown: ${unknown.join(', ')}` },
    ]);
  return {
    by: tx.actor.label,
    byId: tx.actor.userId,
    on: at.slice(0, 10),
    notes: input.comment ?? '',
    criteria: record.effectiveness.criteria,
    criteriaMet: input.verification ? input.verification.criteriaMet : null,
    evidence: files
      .filter((f) => wanted.includes(f.id))
      .map((f) => ({ fileName: f.file_name, sha256: f.sha256 })),
  };
}

/** Moves a finding along its lifecycle; the transition, its comment and the decision are kept. */
export async function transitionFinding(
  input: z.infer<typeof transitionRequest> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.transition', { findingId: input.findingId });
  return inTransaction(ctx, async (tx) => {
    const f = await findFinding(tx.db, tx.organisation.id, input.findingId);
    if (!f) throw notFound('finding');
    const at = tx.now().toISOString();
    let to: FindingStatus;
    const patch: FindingPatch = { updated_at: at };
    if (isNonconformity(f.grade)) {
      const record = await recordOf(tx.db, tx.organisation.id, f.id);
      const decision = JSON.parse(record.auditor_decision_json) as { accepted?: boolean };
      const result = applyTransition(
        {
          status: f.status as NcStatus,
          auditorAccepted: Boolean(decision.accepted),
          // Internal and second-party NCs and stage 1 concerns are closed by the organisation (10.2).
          closer: closerOf(f.audit_type),
        },
        input.action,
        {
          role: memberRole(tx),
          actorId: tx.actor.userId,
          comment: input.comment,
          decisionDate: input.decisionDate,
          note: input.note,
          implementerIds: await implementerIds(tx.db, tx.organisation.id, f.id),
          readiness: await readinessOf(tx, f.id),
        },
      );
      if (!result.ok) throw new AppError(errorStatus[result.code], result.message);
      if (input.action === 'verify_internally' && input.verification?.criteriaMet === false)
        throw new AppError(
          'validation_failed',
          'the effectiveness criteria are not met: return the evidence for rework instead of verifying',
          [{ path: 'body/verification/criteriaMet', message: 'not met' }],
        );
      to = result.record.status;
      const recordPatch: Parameters<typeof saveRecordFields>[2] = {};
      if (input.action === 'verify_internally')
        recordPatch.verification_json = JSON.stringify(await verificationOf(tx, f.id, input, at));
      if (result.auditorDecision) {
        recordPatch.auditor_decision_json = JSON.stringify({
          action: input.action,
          accepted: result.record.auditorAccepted,
          by: memberRole(tx) === 'external_auditor' ? tx.actor.label : 'certification body',
          recordedBy: memberRole(tx) === 'external_auditor' ? null : tx.actor.label,
          on: input.decisionDate ?? at.slice(0, 10),
          note: input.note ?? input.comment ?? '',
        });
      } else if (!result.record.auditorAccepted && decision.accepted) {
        recordPatch.auditor_decision_json = '{}';
      }
      await saveRecordFields(tx, f.id, recordPatch);
    } else if (f.grade === 'ofi') {
      const result = applyOfiDecision(f.status, input.action, memberRole(tx), input.comment);
      if (!result.ok)
        throw new AppError(
          result.code === 'role_forbidden'
            ? 'forbidden'
            : result.code === 'comment_required'
              ? 'validation_failed'
              : 'invalid_state',
          result.message,
        );
      to = result.status;
      if (to === 'declined') patch.ofi_reason = input.comment ?? null;
    } else {
      throw new AppError(
        'invalid_state',
        `a ${f.grade} finding is recorded for information and has no lifecycle`,
      );
    }
    patch.status = to;
    if (to === 'closed' || to === 'declined') patch.closed_at = at;
    await saveFindingFields(tx, f.id, patch);
    await recordFindingEvent(tx, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      finding_id: f.id,
      kind: 'transition',
      action: input.action,
      from_status: f.status,
      to_status: to,
      actor_id: tx.actor.userId,
      actor_label: tx.actor.label,
      body: input.comment ?? '',
      details_json: JSON.stringify({
        decisionDate: input.decisionDate ?? null,
        note: input.note ?? null,
        role: memberRole(tx),
      }),
      parent_id: null,
      at,
    });
    await tx.audit({
      action: `finding.${input.action}`,
      entityType: 'finding',
      entityId: f.id,
      data: {
        ref: f.ref,
        from: f.status,
        to,
        comment: input.comment ?? null,
        decisionDate: input.decisionDate ?? null,
        note: input.note ?? null,
      },
    });
    await notifyFindingStatus(tx, f, f.status, to, input.comment);
    return { from: f.status, to };
  });
}

export async function addComment(
  input: z.infer<typeof commentRequest> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.comment', { findingId: input.findingId });
  const created = await inTransaction(ctx, async (tx) => {
    const f = await findFinding(tx.db, tx.organisation.id, input.findingId);
    if (!f) throw notFound('finding');
    if (input.parentId && !(await hasEvent(tx.db, tx.organisation.id, f.id, input.parentId))) {
      throw new AppError('validation_failed', 'the comment answered is not part of this finding', [
        { path: 'body/parentId', message: 'unknown' },
      ]);
    }
    const id = randomUUID();
    await recordFindingEvent(tx, {
      id,
      organisation_id: tx.organisation.id,
      finding_id: f.id,
      kind: 'comment',
      action: null,
      from_status: null,
      to_status: null,
      actor_id: tx.actor.userId,
      actor_label: tx.actor.label,
      body: input.body,
      details_json: '{}',
      parent_id: input.parentId,
      at: tx.now().toISOString(),
    });
    await tx.audit({
      action: 'finding.comment',
      entityType: 'finding',
      entityId: f.id,
      data: { ref: f.ref, commentId: id },
    });
    return { id, finding: f };
  });
  // After the commit: a rolled-back comment must not have notified anyone.
  await notifyFindingMentions(ctx, created.finding, input.body);
  return { id: created.id };
}
