// Information security objectives (ISO/IEC 27001:2022 clause 6.2): each is consistent with the policy
// (a), measurable (b), takes the requirements and the risk results into account (c), is monitored (d),
// communicated (e), updated (f) and kept as documented information. Planning how to achieve it names what
// will be done, the resources, who is responsible, when it will be completed and how the results are
// evaluated. Pure rules: no I/O.

import type { ObjectiveProgress, ObjectiveStatus, TargetDirection } from '../../vocabulary/index.ts';

export interface ObjectiveResult {
  measuredOn: string;
  value: number;
}

export interface Objective {
  ref: string;
  title: string;
  measure: string;
  target: number;
  direction: TargetDirection;
  unit: string;
  owner: string;
  dueOn: string | null;
  status: ObjectiveStatus;
}

/** Where the latest recorded result stands against the target (6.2 d: monitored). */
export function meetsTarget(o: Pick<Objective, 'target' | 'direction'>, value: number): boolean {
  return o.direction === 'at_least' ? value >= o.target : value <= o.target;
}

export function progressOf(
  o: Pick<Objective, 'target' | 'direction'>,
  latest: ObjectiveResult | null,
): ObjectiveProgress {
  if (latest === null) return 'not_measured';
  return meetsTarget(o, latest.value) ? 'on_target' : 'off_target';
}

const open = (s: ObjectiveStatus) => s === 'planned' || s === 'in_progress';

/** Still open on a due date that has passed. */
export function isOverdue(o: Pick<Objective, 'dueOn' | 'status'>, today: string): boolean {
  return open(o.status) && o.dueOn !== null && o.dueOn < today;
}

export interface ObjectiveProblem {
  path: string;
  message: string;
}

/**
 * What makes a recorded objective untrue: "achieved" with no result recorded, or with a latest result that
 * misses the target (how results are evaluated is the objective's own; closeloop keeps the figures honest).
 */
export function objectiveProblems(o: Objective, latest: ObjectiveResult | null): ObjectiveProblem[] {
  if (o.status !== 'achieved') return [];
  if (latest === null)
    return [{ path: 'status', message: 'record a result that meets the target before marking it achieved' }];
  if (!meetsTarget(o, latest.value))
    return [
      {
        path: 'status',
        message: `the latest result (${latest.value}${unitText(o.unit)} on ${latest.measuredOn}) misses the target ${targetText(o)}`,
      },
    ];
  return [];
}

export function resultProblems(r: ObjectiveResult, today: string): ObjectiveProblem[] {
  return r.measuredOn > today ? [{ path: 'measuredOn', message: 'cannot be after today' }] : [];
}

const unitText = (unit: string) => (unit === '' ? '' : unit === '%' ? ' %' : ` ${unit}`);
export const targetText = (o: Pick<Objective, 'target' | 'direction' | 'unit'>) =>
  `${o.direction === 'at_least' ? '≥' : '≤'} ${o.target}${unitText(o.unit)}`;

const statusWords: Record<ObjectiveStatus, string> = {
  planned: 'planned',
  in_progress: 'in progress',
  achieved: 'achieved',
  not_achieved: 'not achieved',
  withdrawn: 'withdrawn',
};

/**
 * Lines for the management review input 9.3.2 d 4 (fulfilment of the information security objectives),
 * as the register stands on the day of the review: results recorded after that day are not counted.
 */
export function objectiveLines(
  objectives: readonly (Objective & { latest: ObjectiveResult | null })[],
  heldOn: string,
): string[] {
  if (objectives.length === 0) return ['No information security objectives recorded (6.2).'];
  const active = objectives.filter((o) => o.status !== 'withdrawn');
  const progress = active.map((o) => ({ o, p: progressOf(o, o.latest) }));
  const n = (p: (x: (typeof progress)[number]) => boolean) => progress.filter(p).length;
  const summary = `${active.length} objective${active.length === 1 ? '' : 's'} in force: ${n((x) => x.o.status === 'achieved')} achieved, ${n((x) => x.o.status === 'not_achieved')} not achieved, ${n((x) => open(x.o.status) && x.p === 'on_target')} on target, ${n((x) => open(x.o.status) && x.p === 'off_target')} off target, ${n((x) => open(x.o.status) && x.p === 'not_measured')} not measured yet; ${n((x) => isOverdue(x.o, heldOn))} past their due date.`;
  return [
    summary,
    ...objectives.map((o) => {
      const latest = o.latest
        ? `latest ${o.latest.value}${unitText(o.unit)} on ${o.latest.measuredOn} (${progressOf(o, o.latest).replace('_', ' ')})`
        : 'no result recorded';
      const due = o.dueOn ? `, due ${o.dueOn}${isOverdue(o, heldOn) ? ' (passed)' : ''}` : '';
      return `${o.ref} ${o.title}: target ${targetText(o)}, ${latest}; ${statusWords[o.status]}${due}${o.owner ? ` — ${o.owner}` : ''}`;
    }),
  ];
}
