// The corrective action lifecycle of a nonconformity (ISO/IEC 27001:2022 clause 10.1), with a permission
// per transition. Internal audit verifies before the certification body decides (clause 9.2), and the
// verifier must not be someone who implemented the actions (independence). Pure: no I/O, no clock.

export type Role =
  | 'admin'
  | 'isms_manager'
  | 'action_owner'
  | 'internal_auditor'
  | 'external_auditor'
  | 'viewer';

export type NcStatus =
  | 'open'
  | 'analysing'
  | 'plan_submitted'
  | 'plan_rejected'
  | 'plan_accepted'
  | 'implementing'
  | 'evidence_submitted'
  | 'evidence_rejected'
  | 'verified_internally'
  | 'closed';

export interface NcRecord {
  status: NcStatus;
  /** The certification body accepted the evidence after the latest internal verification. */
  auditorAccepted: boolean;
}

/** What the record holds, for the guards that stop an empty plan or evidence-free submission. */
export interface Readiness {
  hasCorrection: boolean;
  hasRootCause: boolean;
  actionCount: number;
  openActionCount: number;
  evidenceCount: number;
  hasEffectivenessCriteria: boolean;
}

export interface TransitionContext {
  role: Role;
  actorId: string | null;
  comment?: string | undefined;
  decisionDate?: string | undefined;
  note?: string | undefined;
  implementerIds: readonly string[];
  readiness: Readiness;
}

export type TransitionError =
  | 'transition_not_allowed'
  | 'role_forbidden'
  | 'comment_required'
  | 'verifier_is_implementer'
  | 'auditor_decision_details_required'
  | 'record_incomplete';

export type TransitionResult =
  | { ok: true; record: NcRecord; from: NcStatus; auditorDecision: boolean }
  | { ok: false; code: TransitionError; message: string };

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
  guard?: (ctx: TransitionContext, record: NcRecord) => string | null;
}

export const transitions = {
  start_analysis: { label: 'Start analysis', from: ['open'], to: 'analysing', roles: worker },
  submit_plan: {
    label: 'Submit corrective action plan',
    from: ['analysing', 'plan_rejected'],
    to: 'plan_submitted',
    roles: worker,
    guard: ({ readiness: r }) =>
      !r.hasCorrection
        ? 'record the correction first'
        : !r.hasRootCause
          ? 'record the root cause analysis first'
          : r.actionCount === 0
            ? 'add at least one corrective action'
            : null,
  },
  accept_plan: {
    label: 'Accept plan',
    from: ['plan_submitted'],
    to: 'plan_accepted',
    roles: auditorDecision,
    auditorDecision: true,
  },
  reject_plan: {
    label: 'Reject plan',
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
    from: ['verified_internally'],
    to: 'evidence_rejected',
    roles: auditorDecision,
    auditorDecision: true,
    needsComment: true,
  },
  record_auditor_acceptance: {
    label: "Record the auditor's acceptance",
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
  return {
    ok: true,
    record: { status, auditorAccepted },
    from: record.status,
    auditorDecision: Boolean(spec.auditorDecision),
  };
}

export interface AvailableTransition {
  action: TransitionAction;
  label: string;
  needsComment: boolean;
  needsDecision: boolean;
}

/** Transitions this role may attempt from the current state (guards are checked when attempted). */
export function availableTransitions(record: NcRecord, role: Role): AvailableTransition[] {
  return transitionActions
    .filter((a) => {
      const s: TransitionSpec = transitions[a];
      return (
        s.from.includes(record.status) &&
        s.roles.includes(role) &&
        !(a === 'record_auditor_acceptance' && record.auditorAccepted)
      );
    })
    .map((a) => {
      const s: TransitionSpec = transitions[a];
      return {
        action: a,
        label: s.label,
        needsComment: Boolean(s.needsComment),
        needsDecision: Boolean(s.auditorDecision) && role !== 'external_auditor',
      };
    });
}
