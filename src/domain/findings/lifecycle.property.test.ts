import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../../vocabulary/roles.ts';
import {
  applyTransition,
  availableTransitions,
  type NcRecord,
  type Readiness,
  transitionActions,
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
const implementers = ['tom'];

const step = fc.record({
  action: fc.oneof(fc.constantFrom(...transitionActions), fc.constant('teleport')),
  // Half the steps pick among the transitions the role is offered, so that runs do reach `closed`.
  offered: fc.option(fc.nat(5), { nil: undefined }),
  role: fc.constantFrom(...roles),
  actor: fc.constantFrom('tom', 'ravi', 'claire', 'isa'),
  comment: fc.option(fc.constantFrom('', '   ', 'reason'), { nil: undefined }),
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

describe('corrective action lifecycle under random use', () => {
  // 2000 generated lifecycles (fast-check), CPU-bound: seconds, more on a loaded machine.
  it('never reaches closed without an independent verification followed by the auditor acceptance', () => {
    let closedRuns = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), (steps) => {
        let rec = start;
        let independentlyVerified = false;
        let acceptedAfterVerification = false;
        for (const s of steps) {
          const offered = availableTransitions(rec, s.role, s.actor, implementers);
          const action =
            s.offered !== undefined && offered.length > 0
              ? offered[s.offered % offered.length]!.action
              : s.action;
          const before = { ...rec };
          const r = applyTransition(rec, action, {
            role: s.role,
            actorId: s.actor,
            comment: s.comment,
            decisionDate: s.decided ? '2026-05-01' : undefined,
            note: s.decided ? 'recorded' : undefined,
            implementerIds: implementers,
            readiness: s.readiness,
            today: '2026-05-02',
          });
          // Pure: the input record is never changed, whatever the outcome.
          expect(rec).toEqual(before);
          if (!r.ok) continue;
          // Whatever succeeds was offered to that role and actor (the UI hides nothing that works).
          expect(offered.map((t) => t.action)).toContain(action);
          expect(r.event).toMatchObject({ action, from: rec.status, to: r.record.status, actorId: s.actor });
          if (s.role === 'viewer') throw new Error('a viewer changed a record');
          if (rec.status === 'closed') throw new Error('a closed record moved');
          // Acceptance lives only on a verified (or then closed) record.
          if (r.record.auditorAccepted) expect(['verified_internally', 'closed']).toContain(r.record.status);
          if (r.record.status !== rec.status && r.record.status === 'evidence_rejected') {
            expect(s.comment?.trim()).toBeTruthy();
          }
          if (r.auditorDecision && s.role !== 'external_auditor') {
            expect(s.role).toBe('isms_manager');
            expect(s.decided).toBe(true);
          }
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
          if (r.record.status === 'closed') {
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
  }, 60_000);
});
