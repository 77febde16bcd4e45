// What must be true before a certification body decides on a stage 2 or recertification audit
// (ISO/IEC 17021-1 9.5.1.2 and 9.5.3, ISO/IEC 27006-1 9.5): every major nonconformity corrected and its
// correction and corrective action verified by the CB; every minor nonconformity with a corrective action
// plan the CB accepted (its implementation is verified at the next audit). Pure: the caller passes the
// findings of the audit.

export type DecisionAuditType = 'stage2' | 'recertification';

/** Audit types a certification (or recertification) decision is taken on. */
export const decisionAuditTypes: readonly string[] = ['stage2', 'recertification'];

/** Minor statuses before the CB accepted a plan (any later status has an accepted plan behind it). */
const withoutAcceptedPlan = new Set(['open', 'analysing', 'plan_submitted', 'plan_rejected']);

export interface DecisionFinding {
  ref: string;
  grade: string;
  status: string;
}

export interface DecisionBlocker {
  ref: string;
  grade: 'major' | 'minor';
  status: string;
  reason: string;
}

/** The findings that stop a certification decision on the audit, in the order given. */
export function certificationBlockers(findings: readonly DecisionFinding[]): DecisionBlocker[] {
  const out: DecisionBlocker[] = [];
  for (const f of findings) {
    // A major is resolved only by the CB's verification of correction and corrective action (17021-1 9.5.3).
    if (f.grade === 'major' && f.status !== 'closed')
      out.push({
        ref: f.ref,
        grade: 'major',
        status: f.status,
        reason: `major ${f.ref} is not verified by the certification body (${f.status.replaceAll('_', ' ')})`,
      });
    // A minor needs the CB's acceptance of the plan (17021-1 9.4.9.3 / 9.5.3).
    if (f.grade === 'minor' && withoutAcceptedPlan.has(f.status))
      out.push({
        ref: f.ref,
        grade: 'minor',
        status: f.status,
        reason: `minor ${f.ref} has no accepted corrective action plan (${f.status.replaceAll('_', ' ')})`,
      });
  }
  return out;
}

/** One line naming the blockers, for the refusal. */
export function blockersMessage(auditRef: string, blockers: readonly DecisionBlocker[]): string {
  return `no certification decision on ${auditRef} yet: ${blockers.map((b) => b.reason).join('; ')}`;
}
