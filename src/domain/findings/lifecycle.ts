// The corrective action lifecycle of a nonconformity (ISO/IEC 27001:2022 clause 10.2), with a permission
// per transition. Internal audit verifies before the certification body decides (clause 9.2); the verifier
// must not have implemented the actions (independence, 9.2.2). Pure: no I/O, no clock (`today` is passed).
//
//   open → analysing → plan_submitted → plan_accepted → implementing → evidence_submitted
//        → verified_internally → (auditor acceptance recorded) → closed
//
// Who closes depends on the audit (closure.ts): the certification body for stage 2, surveillance and
// recertification; the organisation itself for internal and second-party audits and stage 1 areas of
// concern, where the ISMS manager accepts the plan and no certification body step exists at all.
// Send-backs are states, so the history shows that work was returned and why (a comment is required):
// - plan_rejected (from plan_submitted): the team resubmits a revised plan directly, or reopens the
//   analysis (start_analysis → analysing) when the rejection questioned the root cause;
// - evidence_rejected (internal auditor from evidence_submitted via return_evidence, or the certification
//   body via reject_evidence from evidence_submitted or verified_internally): the team goes back to
//   implementing, or resubmits evidence at once when only the evidence was missing.
// Closing (10.2 d, review of effectiveness): the certification body closes after its acceptance, once the
// organisation's effectiveness review is planned (criteria, due date, reviewer): the review is a separate
// fact that may come later. The organisation closes its own nonconformity only on an effective review.
// A review that finds the action not effective reopens the record for a new cause analysis (10.2 b).

import {
  auditorOwnLabels,
  closerOfRecord,
  existsFor,
  isAuditorDecision,
  labelOf,
  type NcRecord,
  type Role,
  rolesOf,
  type TransitionContext,
  type TransitionEventOf,
  type TransitionResultOf,
  type TransitionSpec,
} from './lifecycle-types.ts';

export type {
  NcRecord,
  NcStatus,
  Readiness,
  Role,
  TransitionContext,
  TransitionError,
} from './lifecycle-types.ts';

const worker: Role[] = ['admin', 'isms_manager', 'action_owner'];
const auditorDecision: Role[] = ['external_auditor', 'isms_manager'];
const organisationDecision: Role[] = ['admin', 'isms_manager'];
const reviewers: Role[] = ['admin', 'isms_manager', 'internal_auditor'];

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
    label: { certification_body: 'Accept plan', organisation: 'Accept plan (ISMS manager)' },
    from: ['plan_submitted'],
    to: 'plan_accepted',
    roles: { certification_body: auditorDecision, organisation: organisationDecision },
    auditorDecision: true,
  },
  reject_plan: {
    label: { certification_body: 'Reject plan', organisation: 'Reject plan (ISMS manager)' },
    from: ['plan_submitted'],
    to: 'plan_rejected',
    roles: { certification_body: auditorDecision, organisation: organisationDecision },
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
    from: ['evidence_submitted', 'verified_internally'],
    to: 'evidence_rejected',
    roles: auditorDecision,
    closers: ['certification_body'],
    auditorDecision: true,
    needsComment: true,
  },
  record_auditor_acceptance: {
    label: "Record the auditor's acceptance",
    from: ['verified_internally'],
    to: 'same',
    roles: auditorDecision,
    closers: ['certification_body'],
    auditorDecision: true,
    guard: (_ctx, rec) => (rec.auditorAccepted ? 'the acceptance is already recorded' : null),
  },
  close: {
    label: { certification_body: 'Close', organisation: 'Close (organisation, 10.2)' },
    from: ['verified_internally'],
    to: 'closed',
    roles: {
      certification_body: ['admin', 'isms_manager', 'external_auditor'],
      organisation: organisationDecision,
    },
    guard: ({ readiness: r }, rec) => {
      const review = r.effectiveness ?? 'none';
      if (closerOfRecord(rec) === 'organisation')
        return review === 'effective' ? null : 'record an effective review of effectiveness first (10.2 d)';
      if (!rec.auditorAccepted) return "record the certification body's acceptance first";
      return review === 'none'
        ? 'plan the review of effectiveness first: criteria, due date and a reviewer who did not implement (10.2 d)'
        : null;
    },
  },
  reopen_not_effective: {
    label: 'Reopen: corrective action not effective',
    from: ['verified_internally', 'closed'],
    to: 'analysing',
    roles: reviewers,
    viaEffectivenessReview: true,
  },
} satisfies Record<string, TransitionSpec>;

export type TransitionAction = keyof typeof transitions;
export const transitionActions = Object.keys(transitions) as TransitionAction[];
/** What happened, for the record's history (clause 10.2: retain documented information). */
export type TransitionEvent = TransitionEventOf<TransitionAction>;
export type TransitionResult = TransitionResultOf<TransitionAction>;

export function isTransitionAction(a: string): a is TransitionAction {
  return Object.hasOwn(transitions, a);
}

export function applyTransition(record: NcRecord, action: string, ctx: TransitionContext): TransitionResult {
  if (!isTransitionAction(action))
    return { ok: false, code: 'transition_not_allowed', message: `unknown action ${action}` };
  const spec: TransitionSpec = transitions[action];
  const closer = closerOfRecord(record);
  const label = labelOf(spec, closer);
  if (!existsFor(spec, closer)) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: `no certification body step: the organisation closes this nonconformity itself (10.2)`,
    };
  }
  if (spec.viaEffectivenessReview && !ctx.viaEffectivenessReview) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: 'record the review of effectiveness instead (10.2 d)',
    };
  }
  if (!spec.from.includes(record.status)) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: `cannot ${label.toLowerCase()} while ${record.status.replaceAll('_', ' ')}`,
    };
  }
  if (!rolesOf(spec, closer).includes(ctx.role)) {
    return {
      ok: false,
      code: 'role_forbidden',
      message: `${ctx.role.replaceAll('_', ' ')} may not ${label.toLowerCase()}`,
    };
  }
  if (spec.needsComment && !ctx.comment?.trim()) {
    return { ok: false, code: 'comment_required', message: 'say why in a comment when sending work back' };
  }
  const decision = isAuditorDecision(spec, closer);
  if (decision && ctx.role !== 'external_auditor' && (!ctx.decisionDate || !ctx.note?.trim())) {
    return {
      ok: false,
      code: 'auditor_decision_details_required',
      message: "recording the certification body's decision needs the decision's date and a note",
    };
  }
  if (
    (action === 'verify_internally' || action === 'reopen_not_effective') &&
    ctx.actorId !== null &&
    ctx.implementerIds.includes(ctx.actorId)
  ) {
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
  const recorded = decision && ctx.role !== 'external_auditor';
  return {
    ok: true,
    record: { status, auditorAccepted, ...(record.closer ? { closer } : {}) },
    from: record.status,
    auditorDecision: decision,
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

/** Moves this role may attempt now (guards are checked when attempted); never verification by an implementer. */
export function availableTransitions(
  record: NcRecord,
  role: Role,
  actorId: string | null = null,
  implementerIds: readonly string[] = [],
): AvailableTransition[] {
  const closer = closerOfRecord(record);
  return transitionActions
    .filter((a) => {
      const s: TransitionSpec = transitions[a];
      return (
        existsFor(s, closer) &&
        !s.viaEffectivenessReview &&
        s.from.includes(record.status) &&
        rolesOf(s, closer).includes(role) &&
        !(a === 'record_auditor_acceptance' && record.auditorAccepted) &&
        // The certification body closes only after its acceptance: Close is not offered before it (#19).
        !(a === 'close' && closer === 'certification_body' && !record.auditorAccepted) &&
        !(a === 'verify_internally' && actorId !== null && implementerIds.includes(actorId))
      );
    })
    .map((a) => {
      const s: TransitionSpec = transitions[a];
      return {
        action: a,
        label: (role === 'external_auditor' && auditorOwnLabels[a]) || labelOf(s, closer),
        needsComment: Boolean(s.needsComment),
        needsDecision: isAuditorDecision(s, closer) && role !== 'external_auditor',
      };
    });
}
