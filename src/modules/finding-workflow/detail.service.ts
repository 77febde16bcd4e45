import type { z } from 'zod';
import type { findingDetail } from '../../contracts/corrective-actions.ts';
import { notFound } from '../../contracts/errors.ts';
import { closerOf, findingKindLabel } from '../../domain/findings/closure.ts';
import { availableTransitions, type NcStatus } from '../../domain/findings/lifecycle.ts';
import { availableOfiActions } from '../../domain/findings/ofi.ts';
import { isNonconformity } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { type OrgContext, roleOf } from '../context.ts';
import {
  actionsOf,
  amendmentsOf,
  presentAction,
  presentAmendment,
  presentRecord,
  recordOf,
} from '../corrective-actions/index.ts';
import { evidenceOf, presentEvidence } from '../evidence/index.ts';
import {
  escalationFor,
  findFinding,
  implementerIds,
  listEvents,
  presentFinding,
  viewOf,
} from '../findings/index.ts';

const ofiLabels: Record<string, string> = {
  accept_ofi: 'Accept',
  plan_ofi: 'Plan',
  decline_ofi: 'Decline',
  reopen_ofi: 'Reopen',
};

/** The corrective action record as one readable page: statement, 10.2 a–g, evidence and timeline. */
export async function getFindingDetail(
  input: { findingId: string },
  ctx: OrgContext,
): Promise<z.infer<typeof findingDetail>> {
  authorize(ctx, 'finding.read', { findingId: input.findingId });
  const row = await findFinding(ctx.db, ctx.organisation.id, input.findingId);
  if (!row) throw notFound('finding');
  const today = ctx.now().toISOString().slice(0, 10);
  const flags = (await escalationFor(ctx, [row])).get(row.id) ?? [];
  const stored = await recordOf(ctx.db, ctx.organisation.id, row.id);
  const record = presentRecord(stored);
  const rawDecision = JSON.parse(stored.auditor_decision_json) as { accepted?: boolean };
  const nc = isNonconformity(row.grade);
  const role = roleOf(ctx);
  const available = !role
    ? []
    : nc
      ? availableTransitions(
          {
            status: row.status as NcStatus,
            auditorAccepted: Boolean(rawDecision.accepted),
            closer: closerOf(row.audit_type),
          },
          role,
          ctx.actor.userId,
          await implementerIds(ctx.db, ctx.organisation.id, row.id),
        )
      : row.grade === 'ofi'
        ? availableOfiActions(row.status, role).map((a) => ({
            action: a as never,
            label: ofiLabels[a] ?? a,
            needsComment: a === 'decline_ofi',
            needsDecision: false,
          }))
        : [];
  const review = await viewOf(ctx, row.id, row.status, closerOf(row.audit_type));
  return {
    ...presentFinding(
      row,
      today,
      flags,
      review.current
        ? {
            dueOn: review.current.dueOn,
            result: review.current.result,
            reviewedOn: review.current.reviewedOn,
          }
        : null,
    ),
    kind: findingKindLabel(row.audit_type, row.grade),
    effectivenessReview: review,
    objectiveEvidence: row.objective_evidence,
    ofiReason: row.ofi_reason,
    record,
    actions: (await actionsOf(ctx.db, ctx.organisation.id, [row.id])).map((a) => presentAction(a, today)),
    amendments: (await amendmentsOf(ctx.db, ctx.organisation.id, row.id)).map(presentAmendment),
    evidence: (await evidenceOf(ctx.db, ctx.organisation.id, [row.id])).map(presentEvidence),
    timeline: (await listEvents(ctx.db, ctx.organisation.id, row.id)).map((e) => ({
      id: e.id,
      kind: e.kind as 'comment',
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.actor_label,
      body: e.body,
      details: JSON.parse(e.details_json) as Record<string, unknown>,
      parentId: e.parent_id,
      at: e.at,
    })),
    availableActions: available.map((a) => ({
      action: a.action,
      label: a.label,
      needsComment: a.needsComment,
      needsDecision: a.needsDecision,
    })),
  };
}
