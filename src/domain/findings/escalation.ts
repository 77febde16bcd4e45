// Escalation warnings an ISMS manager wants before the auditor raises them:
// - several minor nonconformities on one requirement (or one process) in one audit cycle can add up to a
//   major (a systemic failure of that requirement);
// - a finding that repeats an earlier one whose corrective action was verified or closed suggests the
//   action was not effective (clause 10.1 f, review of effectiveness).

export interface EscalationFinding {
  id: string;
  ref: string;
  grade: string;
  status: string;
  requirements: readonly string[];
  area: string;
  cycle: string;
  createdAt: string;
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

const CLOSED_LIKE = new Set(['closed', 'declined', 'noted']);
const RESOLVED = new Set(['verified_internally', 'closed']);

export function escalationFlags(
  findings: readonly EscalationFinding[],
  settings: EscalationSettings,
): Map<string, EscalationFlag[]> {
  const flags = new Map<string, EscalationFlag[]>();
  const add = (id: string, flag: EscalationFlag) => flags.set(id, [...(flags.get(id) ?? []), flag]);
  const openMinors = findings.filter((f) => f.grade === 'minor' && !CLOSED_LIKE.has(f.status));
  const groups = new Map<string, EscalationFinding[]>();
  for (const f of openMinors) {
    for (const r of f.requirements)
      groups.set(`${f.cycle}\u0000req\u0000${r}`, [
        ...(groups.get(`${f.cycle}\u0000req\u0000${r}`) ?? []),
        f,
      ]);
    if (f.area.trim()) {
      const key = `${f.cycle}\u0000area\u0000${f.area.trim().toLowerCase()}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
  }
  for (const [key, members] of groups) {
    if (members.length < settings.systemicMinorThreshold) continue;
    const [, kind, what] = key.split('\u0000');
    const label = kind === 'req' ? `requirement ${what}` : `the process "${members[0]!.area.trim()}"`;
    for (const f of members) {
      const others = members.filter((m) => m.id !== f.id).map((m) => m.ref);
      add(f.id, {
        kind: 'possible_systemic_major',
        message: `${members.length} open minor nonconformities on ${label} in this audit cycle (${[f.ref, ...others].join(', ')}) may be graded as one major`,
        related: others,
      });
    }
  }
  for (const f of findings) {
    if (f.grade !== 'major' && f.grade !== 'minor') continue;
    const earlier = findings.filter(
      (e) =>
        e.id !== f.id &&
        e.createdAt < f.createdAt &&
        RESOLVED.has(e.status) &&
        e.requirements.some((r) => f.requirements.includes(r)),
    );
    if (earlier.length > 0) {
      add(f.id, {
        kind: 'not_effectively_resolved',
        message: `repeats ${earlier.map((e) => e.ref).join(', ')}, whose corrective action was verified: that action was not effective`,
        related: earlier.map((e) => e.ref),
      });
    }
  }
  for (const [id, list] of flags) {
    const unique = new Map(list.map((fl) => [fl.message, fl]));
    flags.set(id, [...unique.values()]);
  }
  return flags;
}
