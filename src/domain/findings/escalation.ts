import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
// Escalation warnings an ISMS manager wants before the auditor raises them:
// - several minor nonconformities on one requirement (or one process) in one audit cycle can add up to a
//   major (a systemic failure of that requirement);
// - a finding that repeats an earlier one whose corrective action was verified or closed suggests the
//   action was not effective (clause 10.2 d, review of effectiveness);
// - a finding whose review of effectiveness found the action not effective stays flagged until it is
//   closed again after a new cause analysis (10.2 b).

export interface EscalationFinding {
  id: string;
  ref: string;
  grade: string;
  status: string;
  requirements: readonly string[];
  area: string;
  cycle: string;
  createdAt: string;
  /** The day a review of effectiveness found its corrective action not effective; null when never. */
  notEffectiveOn?: string | null | undefined;
}

export interface EscalationSettings {
  /** Open minors sharing a requirement or a process at or above this count are flagged. */
  systemicMinorThreshold: number;
}

export const defaultEscalationSettings: EscalationSettings = { systemicMinorThreshold: 2 };

export interface EscalationFlag {
  kind: 'possible_systemic_major' | 'not_effectively_resolved';
  message: string;
  related: string[];
}

/** Statuses whose corrective action was verified: a later finding on the same requirement repeats it. */
export const RESOLVED_STATUSES = ['verified_internally', 'closed'] as const;
const RESOLVED = new Set<string>(RESOLVED_STATUSES);

/** A warning names at most this many related findings, then a count: its text never grows with a group. */
export const MAX_RELATED = 3;

const byRefThenId = (a: { ref: string; id: string }, b: { ref: string; id: string }) =>
  a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const more = (shown: number, total: number) => (total > shown ? ` and ${total - shown} more` : '');

/**
 * `members` open minors on `label` in one cycle, `self` among them; `others` are the other members' refs
 * in ref order (at least the first MAX_RELATED of them).
 */
export function systemicFlag(label: string, members: number, self: string, others: readonly string[]) {
  const related = others.slice(0, MAX_RELATED);
  return {
    kind: 'possible_systemic_major' as const,
    message: `${members} open minor nonconformities on ${label} in this audit cycle (${[self, ...related].join(', ')}${more(related.length, members - 1)}) may be graded as one major`,
    related,
  };
}

/** A nonconformity repeating `count` earlier verified findings, `refs` the first of them in ref order. */
export function repeatFlag(count: number, refs: readonly string[]) {
  const related = refs.slice(0, MAX_RELATED);
  return {
    kind: 'not_effectively_resolved' as const,
    message: `repeats ${related.join(', ')}${more(related.length, count)}, whose corrective action was verified: that action was not effective`,
    related,
  };
}

export function escalationFlags(
  findings: readonly EscalationFinding[],
  settings: EscalationSettings,
): Map<string, EscalationFlag[]> {
  const flags = new Map<string, EscalationFlag[]>();
  const add = (id: string, flag: EscalationFlag) => {
    const list = flags.get(id);
    if (list) list.push(flag);
    else flags.set(id, [flag]);
  };
  const openMinors = findings.filter((f) => f.grade === 'minor' && !isFinishedFinding(f.status));
  const groups = new Map<string, EscalationFinding[]>();
  const addTo = (key: string, f: EscalationFinding) => {
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  };
  for (const f of openMinors) {
    for (const r of f.requirements) addTo(`${f.cycle}\u0000req\u0000${r}`, f);
    if (f.area.trim()) addTo(`${f.cycle}\u0000area\u0000${f.area.trim().toLowerCase()}`, f);
  }
  for (const [key, members] of groups) {
    if (members.length < settings.systemicMinorThreshold) continue;
    const [, kind, what] = key.split('\u0000');
    const byRef = [...members].sort(byRefThenId);
    const label = kind === 'req' ? `requirement ${what}` : `the process "${byRef[0]!.area.trim()}"`;
    for (const f of byRef) {
      const others = byRef.filter((m) => m.id !== f.id).map((m) => m.ref);
      add(f.id, systemicFlag(label, members.length, f.ref, others));
    }
  }
  // Resolved findings indexed by requirement, so a repeat is found without comparing every pair.
  const resolvedByRequirement = new Map<string, EscalationFinding[]>();
  for (const e of findings) {
    if (!RESOLVED.has(e.status)) continue;
    for (const r of e.requirements) {
      const list = resolvedByRequirement.get(r);
      if (list) list.push(e);
      else resolvedByRequirement.set(r, [e]);
    }
  }
  for (const f of findings) {
    if (!isNonconformity(f.grade)) continue;
    const earlier = new Map<string, EscalationFinding>();
    for (const r of f.requirements) {
      for (const e of resolvedByRequirement.get(r) ?? [])
        if (e.id !== f.id && e.createdAt < f.createdAt) earlier.set(e.id, e);
    }
    if (earlier.size > 0) {
      const refs = [...earlier.values()].sort(byRefThenId).map((e) => e.ref);
      add(f.id, repeatFlag(earlier.size, refs));
    }
  }
  for (const f of findings) {
    if (f.notEffectiveOn === null || f.notEffectiveOn === undefined || f.status === 'closed') continue;
    add(f.id, notEffectiveFlag(f.notEffectiveOn));
  }
  return dedupe(flags);
}

/** Clause 10.2 b: the review of effectiveness found the action not effective (`on`, when known). */
export function notEffectiveFlag(on: string): EscalationFlag {
  return {
    kind: 'not_effectively_resolved',
    message: `the review of effectiveness${on ? ` on ${on}` : ''} found the corrective action not effective: a new cause analysis is needed`,
    related: [],
  };
}

/** A finding whose requirement and process group hold the same findings gets one warning of each text. */
export function dedupe(flags: Map<string, EscalationFlag[]>): Map<string, EscalationFlag[]> {
  for (const [id, list] of flags) {
    const unique = new Map(list.map((fl) => [fl.message, fl]));
    flags.set(id, [...unique.values()]);
  }
  return flags;
}
