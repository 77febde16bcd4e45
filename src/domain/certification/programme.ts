import { type CheckResult, isNonconformity } from '../../vocabulary/grades.ts';

// The internal audit programme (ISO/IEC 27001:2022 clause 9.2.2): over the certification cycle every
// requirement of clauses 4–10 and every applicable control of the SoA — Annex A and the organisation's
// own other necessary controls (6.1.3 b NOTE 1; 9.2.1 a 1: the organisation's own requirements for its
// ISMS) — is audited at least once. The
// checklist of one internal audit is generated from the requirements in its scope, and re-checks the
// findings raised earlier against the same requirement (10.2: effectiveness of the actions taken).

// A check result is `conform` or a grade; results that are nonconformities must become findings and
// enter the clause 10.2 lifecycle (`isNonconformity`).
export { type CheckResult, checkResults, isNonconformity } from '../../vocabulary/grades.ts';

/** A clause of 4–10, an Annex A control, or one of the organisation's own controls of its SoA. */
export type RequirementKind = 'clause' | 'annex_a' | 'own_control';

export interface Requirement {
  /** Canonical label: `9.2` for a clause, `A.8.8` for an Annex A control, `ORG-1` for an own control. */
  ref: string;
  kind: RequirementKind;
  title: string;
}

export interface EarlierFinding {
  ref: string;
  auditRef: string;
  requirements: readonly string[];
  grade: string;
  status: string;
  /** The audited area, and whether the finding came from an internal audit. */
  area?: string;
  internal?: boolean;
}

/**
 * Requirements the next internal audit of an area re-checks whatever its planned scope: those against
 * which an earlier internal audit of the same area raised a nonconformity (clause 10.2 d: was the action
 * effective?). The area is compared without case or surrounding spaces.
 */
export function requirementsToRecheck(area: string, earlier: readonly EarlierFinding[]): string[] {
  const same = (a: string | undefined) => (a ?? '').trim().toLowerCase() === area.trim().toLowerCase();
  const out: string[] = [];
  for (const f of earlier)
    if (f.internal && same(f.area) && isNonconformity(f.grade))
      for (const r of f.requirements) if (!out.includes(r)) out.push(r);
  return out;
}

export interface ChecklistItem {
  requirement: string;
  kind: RequirementKind;
  title: string;
  question: string;
  /** Findings raised earlier against this requirement, to re-check (`S2-2026/NC-01 (closed)`). */
  followUp: string[];
}

function question(r: Requirement): string {
  return r.kind === 'clause'
    ? `Clause ${r.ref} ${r.title}: is the requirement met, and is the documented information it calls for available and current?`
    : `${r.ref} ${r.title}${r.kind === 'own_control' ? ' (own control)' : ''}: is the control implemented as the Statement of Applicability says, and do sampled records show it operating?`;
}

/** One checklist item per requirement in scope, in catalogue order, with follow-ups of earlier findings. */
export function buildChecklist(
  scope: readonly Requirement[],
  earlier: readonly EarlierFinding[],
): ChecklistItem[] {
  const seen = new Set<string>();
  return scope
    .filter((r) => !seen.has(r.ref) && seen.add(r.ref))
    .map((r) => ({
      requirement: r.ref,
      kind: r.kind,
      title: r.title,
      question: question(r),
      followUp: earlier
        .filter((f) => f.requirements.includes(r.ref) && f.grade !== 'positive')
        .map((f) => `${f.auditRef}/${f.ref} (${f.grade}, ${f.status.replaceAll('_', ' ')})`),
    }));
}

export interface AuditedRequirement {
  requirement: string;
  auditedOn: string;
  result: CheckResult | null;
}

export interface CoverageItem extends Requirement {
  timesAudited: number;
  lastAuditedOn: string | null;
  lastResult: CheckResult | null;
}

export interface Coverage {
  from: string;
  to: string;
  total: number;
  covered: number;
  /** Whole percent, rounded down: 99.9 % is not full coverage. */
  percent: number;
  items: CoverageItem[];
  gaps: Requirement[];
}

/** Auditing clause 9.2 covers its sub-requirements 9.2.1 and 9.2.2 (not 9.20, were there one). */
export const covers = (audited: string, requirement: string): boolean =>
  audited === requirement || requirement.startsWith(`${audited}.`);

/**
 * Which requirements were audited (a result recorded) between `from` and `to` inclusive. A requirement
 * only planned, or checked outside the period, is a gap.
 */
export function programmeCoverage(
  requirements: readonly Requirement[],
  audited: readonly AuditedRequirement[],
  period: { from: string; to: string },
): Coverage {
  const inPeriod = audited
    .filter((a) => a.result !== null && a.auditedOn >= period.from && a.auditedOn <= period.to)
    .sort((x, y) => x.auditedOn.localeCompare(y.auditedOn));
  const items = requirements.map((r): CoverageItem => {
    const mine = inPeriod.filter((a) => covers(a.requirement, r.ref));
    const last = mine.at(-1);
    return {
      ...r,
      timesAudited: mine.length,
      lastAuditedOn: last?.auditedOn ?? null,
      lastResult: last?.result ?? null,
    };
  });
  const covered = items.filter((i) => i.timesAudited > 0).length;
  return {
    ...period,
    total: items.length,
    covered,
    percent: items.length === 0 ? 100 : Math.floor((covered * 100) / items.length),
    items,
    gaps: items.filter((i) => i.timesAudited === 0).map(({ ref, kind, title }) => ({ ref, kind, title })),
  };
}
