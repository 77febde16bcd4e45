import { describe, expect, it } from 'vitest';
import { roles } from '../../vocabulary/roles.ts';
import {
  applyTransition,
  availableTransitions,
  type NcRecord,
  type Readiness,
  type Role,
} from './lifecycle.ts';

const ready: Readiness = {
  hasCorrection: true,
  hasRootCause: true,
  actionCount: 2,
  openActionCount: 0,
  evidenceCount: 1,
  hasEffectivenessCriteria: true,
  effectiveness: 'planned',
};
const start: NcRecord = { status: 'open', auditorAccepted: false };

function walk(steps: [string, Role, string][], implementers = ['tom']) {
  let rec = start;
  for (const [action, role, actor] of steps) {
    const r = applyTransition(rec, action, {
      role,
      actorId: actor,
      comment: 'because',
      decisionDate: '2026-05-01',
      note: 'per email of the lead auditor',
      implementerIds: implementers,
      readiness: ready,
    });
    if (!r.ok) throw new Error(`${action} by ${role}: ${r.code} ${r.message}`);
    rec = r.record;
  }
  return rec;
}

describe('corrective action lifecycle', () => {
  it('walks the happy path to closed', () => {
    const rec = walk([
      ['start_analysis', 'action_owner', 'tom'],
      ['submit_plan', 'isms_manager', 'isa'],
      ['accept_plan', 'external_auditor', 'claire'],
      ['start_implementation', 'action_owner', 'tom'],
      ['submit_evidence', 'action_owner', 'tom'],
      ['verify_internally', 'internal_auditor', 'ravi'],
      ['record_auditor_acceptance', 'external_auditor', 'claire'],
      ['close', 'isms_manager', 'isa'],
    ]);
    expect(rec).toEqual({ status: 'closed', auditorAccepted: true });
  });

  it('returns rejected plans and evidence to the right step', () => {
    expect(
      walk([
        ['start_analysis', 'admin', 'a'],
        ['submit_plan', 'admin', 'a'],
        ['reject_plan', 'external_auditor', 'c'],
      ]).status,
    ).toBe('plan_rejected');
    const sentBack = walk([
      ['start_analysis', 'admin', 'a'],
      ['submit_plan', 'admin', 'a'],
      ['accept_plan', 'external_auditor', 'c'],
      ['start_implementation', 'admin', 'a'],
      ['submit_evidence', 'admin', 'a'],
      ['verify_internally', 'internal_auditor', 'ravi'],
      ['record_auditor_acceptance', 'external_auditor', 'c'],
      ['reject_evidence', 'external_auditor', 'c'],
    ]);
    expect(sentBack).toEqual({ status: 'evidence_rejected', auditorAccepted: false });
  });

  it('states why a transition is refused', () => {
    const ctx = { role: 'action_owner' as Role, actorId: 'tom', implementerIds: ['tom'], readiness: ready };
    expect(applyTransition(start, 'close', ctx)).toMatchObject({ ok: false, code: 'transition_not_allowed' });
    expect(
      applyTransition({ status: 'plan_submitted', auditorAccepted: false }, 'accept_plan', ctx),
    ).toMatchObject({ code: 'role_forbidden' });
    expect(
      applyTransition({ status: 'plan_submitted', auditorAccepted: false }, 'reject_plan', {
        ...ctx,
        role: 'external_auditor',
      }),
    ).toMatchObject({
      code: 'comment_required',
    });
    expect(
      applyTransition({ status: 'plan_submitted', auditorAccepted: false }, 'accept_plan', {
        ...ctx,
        role: 'isms_manager',
      }),
    ).toMatchObject({
      code: 'auditor_decision_details_required',
    });
    expect(
      applyTransition({ status: 'evidence_submitted', auditorAccepted: false }, 'verify_internally', {
        ...ctx,
        role: 'internal_auditor',
      }),
    ).toMatchObject({
      code: 'verifier_is_implementer',
    });
    expect(
      applyTransition({ status: 'analysing', auditorAccepted: false }, 'submit_plan', {
        ...ctx,
        readiness: { ...ready, actionCount: 0 },
      }),
    ).toMatchObject({
      code: 'record_incomplete',
      message: 'add a corrective action with an owner and a due date',
    });
    expect(
      applyTransition({ status: 'verified_internally', auditorAccepted: false }, 'close', {
        ...ctx,
        role: 'admin',
      }),
    ).toMatchObject({
      code: 'record_incomplete',
    });
  });

  it('offers each role only its own transitions', () => {
    expect(
      availableTransitions({ status: 'plan_submitted', auditorAccepted: false }, 'external_auditor').map(
        (t) => t.action,
      ),
    ).toEqual(['accept_plan', 'reject_plan']);
    expect(
      availableTransitions({ status: 'plan_submitted', auditorAccepted: false }, 'isms_manager')[0],
    ).toMatchObject({ needsDecision: true });
    expect(availableTransitions({ status: 'plan_submitted', auditorAccepted: false }, 'viewer')).toEqual([]);
  });

  it("words the auditor's moves as her own decision and offers Close only after her acceptance (#19)", () => {
    const mine = availableTransitions(
      { status: 'plan_submitted', auditorAccepted: false },
      'external_auditor',
    );
    expect(mine.map((t) => t.label)).toEqual(['Accept this plan', 'Reject this plan']);
    const verified = (auditorAccepted: boolean) =>
      availableTransitions({ status: 'verified_internally', auditorAccepted }, 'external_auditor').map(
        (t) => t.action,
      );
    expect(verified(false)).not.toContain('close');
    expect(verified(false)).toContain('record_auditor_acceptance');
    expect(verified(true)).toContain('close');
  });

  it('lets a rejected plan be resubmitted or its analysis reopened', () => {
    const rejected: NcRecord = { status: 'plan_rejected', auditorAccepted: false };
    expect(availableTransitions(rejected, 'action_owner').map((t) => t.action)).toEqual([
      'start_analysis',
      'submit_plan',
    ]);
    const ctx = { role: 'action_owner' as Role, actorId: 'tom', implementerIds: ['tom'], readiness: ready };
    expect(applyTransition(rejected, 'start_analysis', ctx)).toMatchObject({
      ok: true,
      record: { status: 'analysing' },
    });
    expect(applyTransition(rejected, 'submit_plan', ctx)).toMatchObject({
      ok: true,
      record: { status: 'plan_submitted' },
    });
  });

  it('lets the certification body reject evidence before or after the internal verification', () => {
    const ctx = {
      role: 'external_auditor' as Role,
      actorId: 'claire',
      implementerIds: ['tom'],
      readiness: ready,
      comment: 'the patch report covers only half the servers',
    };
    for (const status of ['evidence_submitted', 'verified_internally'] as const) {
      expect(applyTransition({ status, auditorAccepted: false }, 'reject_evidence', ctx)).toMatchObject({
        ok: true,
        record: { status: 'evidence_rejected', auditorAccepted: false },
      });
      expect(
        applyTransition({ status, auditorAccepted: false }, 'reject_evidence', { ...ctx, comment: '  ' }),
      ).toMatchObject({ ok: false, code: 'comment_required' });
    }
    expect(
      applyTransition({ status: 'evidence_rejected', auditorAccepted: false }, 'start_implementation', {
        ...ctx,
        role: 'action_owner',
      }),
    ).toMatchObject({ ok: true, record: { status: 'implementing' } });
  });

  it('describes each transition as an event for the history', () => {
    const r = applyTransition({ status: 'plan_submitted', auditorAccepted: false }, 'reject_plan', {
      role: 'isms_manager',
      actorId: 'isa',
      implementerIds: [],
      readiness: ready,
      comment: ' root cause stops at "human error" ',
      decisionDate: '2026-04-02',
      note: 'lead auditor by email',
      today: '2026-04-03',
    });
    expect(r).toMatchObject({
      ok: true,
      auditorDecision: true,
      event: {
        action: 'reject_plan',
        from: 'plan_submitted',
        to: 'plan_rejected',
        actorId: 'isa',
        role: 'isms_manager',
        on: '2026-04-03',
        comment: 'root cause stops at "human error"',
        recordedDecision: { decisionDate: '2026-04-02', note: 'lead auditor by email' },
      },
    });
    const own = applyTransition({ status: 'open', auditorAccepted: false }, 'start_analysis', {
      role: 'action_owner',
      actorId: 'tom',
      implementerIds: [],
      readiness: ready,
    });
    expect(own).toMatchObject({ ok: true, event: { on: null, comment: null, recordedDecision: null } });
  });

  it('does not offer internal verification to someone who implemented the actions', () => {
    const submitted: NcRecord = { status: 'evidence_submitted', auditorAccepted: false };
    const offered = (actor: string) =>
      availableTransitions(submitted, 'internal_auditor', actor, ['tom']).map((t) => t.action);
    expect(offered('tom')).toEqual(['return_evidence']);
    expect(offered('ravi')).toEqual(['verify_internally', 'return_evidence']);
  });

  it('leaves a closed record closed', () => {
    const closed: NcRecord = { status: 'closed', auditorAccepted: true };
    for (const role of roles) expect(availableTransitions(closed, role)).toEqual([]);
  });
});
