import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closerOf, closureRule, findingKindLabel } from './closure.ts';
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
  actionCount: 1,
  openActionCount: 0,
  evidenceCount: 1,
  hasEffectivenessCriteria: true,
  effectiveness: 'planned',
};
const internal = (status: NcRecord['status']): NcRecord => ({
  status,
  auditorAccepted: false,
  closer: 'organisation',
});
const ctx = (role: Role, actorId = 'isa', readiness: Readiness = ready) => ({
  role,
  actorId,
  implementerIds: ['tom'],
  readiness,
  today: '2028-02-29',
});
const CB_STEPS = ['record_auditor_acceptance', 'reject_evidence'];

describe('who closes what, by audit type', () => {
  it('internal, second-party and stage 1 findings are closed by the organisation; CB audits by the CB', () => {
    expect(['internal', 'second_party', 'stage1'].map(closerOf)).toEqual([
      'organisation',
      'organisation',
      'organisation',
    ]);
    expect(['stage2', 'surveillance', 'recertification'].map(closerOf)).toEqual([
      'certification_body',
      'certification_body',
      'certification_body',
    ]);
    expect(closureRule('internal')).toMatchObject({
      blocksCertification: false,
      impliesRecommendation: false,
    });
    expect(closureRule('stage2')).toMatchObject({
      blocksCertification: true,
      lateMajorMeans: 'repeat_stage2',
    });
    expect(closureRule('surveillance').lateMajorMeans).toBe('suspension_risk');
    expect(findingKindLabel('stage1', 'major')).toBe('area of concern');
    expect(findingKindLabel('stage2', 'minor')).toBe('minor nonconformity');
  });

  it('offers no certification body step for an internal nonconformity, in any state, to any role', () => {
    const roles: Role[] = ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'external_auditor'];
    for (const status of [
      'open',
      'analysing',
      'plan_submitted',
      'plan_rejected',
      'plan_accepted',
      'implementing',
      'evidence_submitted',
      'evidence_rejected',
      'verified_internally',
    ] as const)
      for (const role of roles) {
        const offered = availableTransitions(internal(status), role, 'isa', ['tom']);
        expect(offered.filter((t) => CB_STEPS.includes(t.action))).toEqual([]);
        expect(offered.every((t) => !t.needsDecision)).toBe(true);
        expect(offered.some((t) => t.action === 'reopen_not_effective')).toBe(false);
      }
    expect(
      applyTransition(internal('verified_internally'), 'record_auditor_acceptance', ctx('isms_manager')),
    ).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
  });

  it('the ISMS manager accepts an internal plan without a certification body decision date; an external auditor may not', () => {
    const r = applyTransition(internal('plan_submitted'), 'accept_plan', ctx('isms_manager'));
    expect(r).toMatchObject({
      ok: true,
      auditorDecision: false,
      record: { status: 'plan_accepted', closer: 'organisation' },
    });
    if (r.ok) expect(r.event.recordedDecision).toBeNull();
    expect(applyTransition(internal('plan_submitted'), 'accept_plan', ctx('external_auditor'))).toMatchObject(
      {
        ok: false,
        code: 'role_forbidden',
      },
    );
  });

  it('the organisation closes only on an effective review of effectiveness (10.2 d)', () => {
    const verified = internal('verified_internally');
    for (const effectiveness of ['none', 'planned'] as const)
      expect(
        applyTransition(verified, 'close', ctx('isms_manager', 'isa', { ...ready, effectiveness })),
      ).toMatchObject({
        ok: false,
        code: 'record_incomplete',
      });
    expect(
      applyTransition(
        verified,
        'close',
        ctx('isms_manager', 'isa', { ...ready, effectiveness: 'effective' }),
      ),
    ).toMatchObject({ ok: true, record: { status: 'closed' } });
  });

  it('the certification body closes only with the review of effectiveness planned', () => {
    const accepted: NcRecord = { status: 'verified_internally', auditorAccepted: true };
    expect(
      applyTransition(accepted, 'close', ctx('external_auditor', 'cb', { ...ready, effectiveness: 'none' })),
    ).toMatchObject({ ok: false, code: 'record_incomplete' });
    expect(applyTransition(accepted, 'close', ctx('external_auditor', 'cb'))).toMatchObject({ ok: true });
  });

  it('reopening for a new cause analysis happens only through the effectiveness review, never by an implementer', () => {
    const closed: NcRecord = { status: 'closed', auditorAccepted: true };
    expect(applyTransition(closed, 'reopen_not_effective', ctx('isms_manager'))).toMatchObject({ ok: false });
    const via = { ...ctx('isms_manager'), viaEffectivenessReview: true };
    expect(applyTransition(closed, 'reopen_not_effective', via)).toMatchObject({
      ok: true,
      record: { status: 'analysing', auditorAccepted: false },
    });
    expect(applyTransition(closed, 'reopen_not_effective', { ...via, actorId: 'tom' })).toMatchObject({
      ok: false,
      code: 'verifier_is_implementer',
    });
  });

  it('under random use an internal nonconformity closes only after independent verification and an effective review, with no CB decision', () => {
    let closedRuns = 0;
    const step = fc.record({
      action: fc.constantFrom(...transitionActions),
      offered: fc.option(fc.nat(5), { nil: undefined }),
      role: fc.constantFrom<Role>(
        'admin',
        'isms_manager',
        'action_owner',
        'internal_auditor',
        'external_auditor',
      ),
      actor: fc.constantFrom('tom', 'isa'),
      effectiveness: fc.constantFrom('none' as const, 'planned' as const, 'effective' as const),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 60 }), (steps) => {
        let rec = internal('open');
        let verified = false;
        for (const s of steps) {
          const offered = availableTransitions(rec, s.role, s.actor, ['tom']);
          const action =
            s.offered !== undefined && offered.length > 0
              ? offered[s.offered % offered.length]!.action
              : s.action;
          const r = applyTransition(rec, action, {
            ...ctx(s.role, s.actor, { ...ready, effectiveness: s.effectiveness }),
            comment: 'because',
          });
          if (!r.ok) continue;
          expect(r.auditorDecision).toBe(false);
          expect(CB_STEPS).not.toContain(action);
          if (action === 'verify_internally') verified = true;
          if (['implementing', 'evidence_rejected'].includes(r.record.status)) verified = false;
          if (r.record.status === 'closed') {
            closedRuns += 1;
            expect(verified).toBe(true);
            expect(s.effectiveness).toBe('effective');
            expect(['admin', 'isms_manager']).toContain(s.role);
          }
          rec = r.record;
          if (rec.status === 'closed') break;
        }
      }),
      { numRuns: 1500 },
    );
    expect(closedRuns).toBeGreaterThan(5);
  });
});
