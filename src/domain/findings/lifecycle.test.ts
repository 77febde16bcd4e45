import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  availableTransitions,
  type NcRecord,
  type Readiness,
  type Role,
  transitionActions,
} from './lifecycle.ts';

const ready: Readiness = {
  hasCorrection: true,
  hasRootCause: true,
  actionCount: 2,
  openActionCount: 0,
  evidenceCount: 1,
  hasEffectivenessCriteria: true,
};
const start: NcRecord = { status: 'open', auditorAccepted: false };
const roles: Role[] = [
  'admin',
  'isms_manager',
  'action_owner',
  'internal_auditor',
  'external_auditor',
  'viewer',
];

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
      message: 'add at least one corrective action',
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

  it('never reaches closed without an independent verification followed by the auditor acceptance', () => {
    // Half the steps pick among the transitions the role is offered, so that runs do reach `closed`.
    const step = fc.record({
      action: fc.constantFrom(...transitionActions),
      offered: fc.option(fc.nat(5), { nil: undefined }),
      role: fc.constantFrom(...roles),
      actor: fc.constantFrom('tom', 'ravi', 'claire', 'isa'),
      comment: fc.option(fc.constantFrom('', 'reason', 'reason'), { nil: undefined }),
      decided: fc.boolean(),
      readiness: fc.oneof(
        { weight: 4, arbitrary: fc.constant(ready) },
        fc.record({
          hasCorrection: fc.boolean(),
          hasRootCause: fc.boolean(),
          actionCount: fc.nat(3),
          openActionCount: fc.nat(2),
          evidenceCount: fc.nat(2),
          hasEffectivenessCriteria: fc.boolean(),
        }),
      ),
    });
    let closedRuns = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), (steps) => {
        let rec = start;
        let independentlyVerified = false;
        let acceptedAfterVerification = false;
        for (const s of steps) {
          const offered = availableTransitions(rec, s.role);
          const action =
            s.offered !== undefined && offered.length > 0
              ? offered[s.offered % offered.length]!.action
              : s.action;
          const r = applyTransition(rec, action, {
            role: s.role,
            actorId: s.actor,
            comment: s.comment,
            decisionDate: s.decided ? '2026-05-01' : undefined,
            note: s.decided ? 'recorded' : undefined,
            implementerIds: ['tom'],
            readiness: s.readiness,
          });
          if (!r.ok) continue;
          if (s.role === 'viewer') throw new Error('a viewer changed a record');
          if (action === 'verify_internally') {
            expect(s.actor).not.toBe('tom');
            independentlyVerified = true;
            acceptedAfterVerification = false;
          }
          if (r.record.status === 'evidence_rejected' || r.record.status === 'implementing') {
            independentlyVerified = false;
            acceptedAfterVerification = false;
          }
          if (action === 'record_auditor_acceptance') {
            expect(['external_auditor', 'isms_manager']).toContain(s.role);
            acceptedAfterVerification = independentlyVerified;
          }
          if (r.record.status === 'closed' && rec.status !== 'closed') {
            closedRuns += 1;
            expect(independentlyVerified).toBe(true);
            expect(acceptedAfterVerification).toBe(true);
          }
          rec = r.record;
        }
      }),
      { numRuns: 2000 },
    );
    // The property must have been exercised, not passed vacuously.
    expect(closedRuns).toBeGreaterThan(10);
  });
});
