// The corrective action lifecycle of a nonconformity (ISO/IEC 27001:2022 clause 10.1), with a permission
// per transition. Internal audit verifies before the certification body decides (clause 9.2), and the
// verifier must not be someone who implemented the actions (independence, clause 9.2.2). Pure: no I/O,
// no clock (the caller passes `today`).
//
//   open → analysing → plan_submitted → plan_accepted → implementing → evidence_submitted
//        → verified_internally → (auditor acceptance recorded) → closed
//
// Send-backs are states, so the history shows that work was returned and why (the comment is required):
// - plan_rejected (certification body, from plan_submitted): the team resubmits a revised plan directly,
//   or reopens the analysis (start_analysis → analysing) when the rejection questioned the root cause;
// - evidence_rejected (internal auditor from evidence_submitted via return_evidence, or the certification
//   body via reject_evidence from evidence_submitted or verified_internally): the team goes back to
//   implementing, or resubmits evidence at once when only the evidence was missing.
// `closed` needs verified_internally AND the auditor's acceptance recorded after that verification
// (clause 10.1 e-f: effectiveness reviewed before the nonconformity is considered resolved).

import type { NcRecord, NcStatus, Role, TransitionContext } from './lifecycle-types.ts';

export type {
  NcRecord,
  NcStatus,
  Readiness,
  Role,
  TransitionContext,
} from './lifecycle-types.ts';

const worker: Role[] = ['admin', 'isms_manager', 'action_owner'];
const auditorDecision: Role[] = ['external_auditor', 'isms_manager'];

interface TransitionSpec {
  label: string;
  from: NcStatus[];
  to: NcStatus | 'same';
  roles: Role[];
  /** Sending work back always needs a reason the other side can act on. */
  needsComment?: boolean;
  /** The auditor's own decision; an ISMS manager may record it with the decision's date and a note. */
  auditorDecision?: boolean;
  /** The label the external auditor reads: her own decision, not one recorded on her behalf. */
  ownLabel?: string;
  guard?: (ctx: TransitionContext, record: NcRecord) => string | null;
}

export const transitions = {
  start_analysis: {
    label: 'Start analysis',
    from: ['open', 'plan_rejected'],
    to: 'analysing',
    roles: worker,
  },
  submit_plan: {
    label: 'Submit corrective action plan',
    from: ['analysing', 'plan_rejected'],
    to: 'plan_submitted',
    roles: worker,
    guard: ({ readiness: r }) =>
      !r.hasCorrection
        ? 'record the correction first'
        : !r.hasRootCause
          ? 'record the root-cause statement first'
          : r.actionCount === 0
            ? 'add a corrective action with an owner and a due date'
            : null,
  },
  accept_plan: {
    label: 'Accept plan',
    ownLabel: 'Accept this plan',
    from: ['plan_submitted'],
    to: 'plan_accepted',
    roles: auditorDecision,
    auditorDecision: true,
  },
  reject_plan: {
    label: 'Reject plan',
    ownLabel: 'Reject this plan',
    from: ['plan_submitted'],
    to: 'plan_rejected',
    roles: auditorDecision,
    auditorDecision: true,
    needsComment: true,
  },
  start_implementation: {
    label: 'Start implementation',
    from: ['plan_accepted', 'evidence_rejected'],
    to: 'implementing',
    roles: worker,
  },
  submit_evidence: {
    label: 'Submit evidence for internal verification',
    from: ['implementing', 'evidence_rejected'],
    to: 'evidence_submitted',
    roles: worker,
    guard: ({ readiness: r }) =>
      r.openActionCount > 0
        ? 'every corrective action must be done or cancelled'
        : r.evidenceCount === 0
          ? 'attach at least one evidence file'
          : null,
  },
  verify_internally: {
    label: 'Verify internally',
    from: ['evidence_submitted'],
    to: 'verified_internally',
    roles: ['internal_auditor', 'isms_manager'],
    guard: ({ readiness: r }) =>
      r.hasEffectivenessCriteria ? null : 'state the effectiveness criteria to verify against',
  },
  return_evidence: {
    label: 'Return evidence for rework',
    from: ['evidence_submitted'],
    to: 'evidence_rejected',
    roles: ['internal_auditor', 'isms_manager'],
    needsComment: true,
  },
  reject_evidence: {
    label: 'Reject evidence (certification body)',
    ownLabel: 'Reject this evidence',
    from: ['evidence_submitted', 'verified_internally'],
    to: 'evidence_rejected',
    roles: auditorDecision,
    auditorDecision: true,
    needsComment: true,
  },
  record_auditor_acceptance: {
    label: "Record the auditor's acceptance",
    ownLabel: 'Accept the correction and its evidence',
    from: ['verified_internally'],
    to: 'same',
    roles: auditorDecision,
    auditorDecision: true,
    guard: (_ctx, rec) => (rec.auditorAccepted ? 'the acceptance is already recorded' : null),
  },
  close: {
    label: 'Close',
    from: ['verified_internally'],
    to: 'closed',
    roles: ['admin', 'isms_manager', 'external_auditor'],
    guard: (_ctx, rec) => (rec.auditorAccepted ? null : "record the certification body's acceptance first"),
  },
} satisfies Record<string, TransitionSpec>;

export type TransitionAction = keyof typeof transitions;
export const transitionActions = Object.keys(transitions) as TransitionAction[];

/** What happened, for the record's history (clause 10.2: retain documented information). */
export interface TransitionEvent {
  action: TransitionAction;
  from: NcStatus;
  to: NcStatus;
  actorId: string | null;
  role: Role;
  on: string | null;
  comment: string | null;
  /** Set when the certification body's decision was recorded by someone else (date and note). */
  recordedDecision: { decisionDate: string; note: string } | null;
}

export type TransitionError =
  | 'transition_not_allowed'
  | 'role_forbidden'
  | 'comment_required'
  | 'verifier_is_implementer'
  | 'auditor_decision_details_required'
  | 'record_incomplete';

export type TransitionResult =
  | { ok: true; record: NcRecord; from: NcStatus; auditorDecision: boolean; event: TransitionEvent }
  | { ok: false; code: TransitionError; message: string };

export function isTransitionAction(a: string): a is TransitionAction {
  return Object.hasOwn(transitions, a);
}

export function applyTransition(record: NcRecord, action: string, ctx: TransitionContext): TransitionResult {
  if (!isTransitionAction(action))
    return { ok: false, code: 'transition_not_allowed', message: `unknown action ${action}` };
  const spec: TransitionSpec = transitions[action];
  if (!spec.from.includes(record.status)) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: `cannot ${spec.label.toLowerCase()} while ${record.status.replaceAll('_', ' ')}`,
    };
  }
  if (!spec.roles.includes(ctx.role)) {
    return {
      ok: false,
      code: 'role_forbidden',
      message: `${ctx.role.replaceAll('_', ' ')} may not ${spec.label.toLowerCase()}`,
    };
  }
  if (spec.needsComment && !ctx.comment?.trim()) {
    return { ok: false, code: 'comment_required', message: 'say why in a comment when sending work back' };
  }
  if (spec.auditorDecision && ctx.role !== 'external_auditor' && (!ctx.decisionDate || !ctx.note?.trim())) {
    return {
      ok: false,
      code: 'auditor_decision_details_required',
      message: "recording the certification body's decision needs the decision's date and a note",
    };
  }
  if (action === 'verify_internally' && ctx.actorId !== null && ctx.implementerIds.includes(ctx.actorId)) {
    return {
      ok: false,
      code: 'verifier_is_implementer',
      message: 'the internal verifier must not have implemented the corrective actions',
    };
  }
  const blocked = spec.guard?.(ctx, record);
  if (blocked) return { ok: false, code: 'record_incomplete', message: blocked };
  const status = spec.to === 'same' ? record.status : spec.to;
  // Acceptance belongs to one verified state: any move away from it forgets the acceptance.
  const auditorAccepted =
    action === 'record_auditor_acceptance'
      ? true
      : status === record.status
        ? record.auditorAccepted
        : status === 'closed';
  const recorded = Boolean(spec.auditorDecision) && ctx.role !== 'external_auditor';
  return {
    ok: true,
    record: { status, auditorAccepted },
    from: record.status,
    auditorDecision: Boolean(spec.auditorDecision),
    event: {
      action,
      from: record.status,
      to: status,
      actorId: ctx.actorId,
      role: ctx.role,
      on: ctx.today ?? null,
      comment: ctx.comment?.trim() || null,
      recordedDecision: recorded ? { decisionDate: ctx.decisionDate!, note: ctx.note!.trim() } : null,
    },
  };
}

export interface AvailableTransition {
  action: TransitionAction;
  label: string;
  needsComment: boolean;
  needsDecision: boolean;
}

/**
 * Transitions this role may attempt from the current state (readiness guards are checked when attempted).
 * Given the actor and the implementers, internal verification is not offered to an implementer.
 */
export function availableTransitions(
  record: NcRecord,
  role: Role,
  actorId: string | null = null,
  implementerIds: readonly string[] = [],
): AvailableTransition[] {
  return transitionActions
    .filter((a) => {
      const s: TransitionSpec = transitions[a];
      return (
        s.from.includes(record.status) &&
        s.roles.includes(role) &&
        !(a === 'record_auditor_acceptance' && record.auditorAccepted) &&
        // Closing waits for the certification body's acceptance: not offered before it (issue #19).
        !(a === 'close' && !record.auditorAccepted) &&
        !(a === 'verify_internally' && actorId !== null && implementerIds.includes(actorId))
      );
    })
    .map((a) => {
      const s: TransitionSpec = transitions[a];
      return {
        action: a,
        label: role === 'external_auditor' && s.ownLabel ? s.ownLabel : s.label,
        needsComment: Boolean(s.needsComment),
        needsDecision: Boolean(s.auditorDecision) && role !== 'external_auditor',
      };
    });
}
