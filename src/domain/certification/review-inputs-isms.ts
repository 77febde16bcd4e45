import { climateLine, type IsmsContext } from '../isms/context.ts';

// The management review inputs that come from the ISMS records (ISO/IEC 27001:2022 9.3.2 b, c, d 2, e, f):
// the context and its changes since the previous review, interested parties' feedback, the measured
// scores and the risk assessment with the status of the treatment plan. Each takes `null` when the
// capability holds nothing yet, so the section says so instead of disappearing.

export interface ReviewRisk {
  ref: string;
  title: string;
  residualBand: string;
  acceptable: boolean;
  treatment: string;
  /** 6.1.3 f: 'complete' once the owner approved the plan and accepted the residual risk. */
  signOff: 'complete' | 'awaiting_approval' | 'awaiting_acceptance';
  reviewOn: string | null;
}

export interface ReviewScores {
  model: string;
  readiness: number;
  implementation: number;
  /** The first recorded figures after the previous review (or the oldest kept), for the trend. */
  since: { on: string; readiness: number; implementation: number } | null;
}

const since = (on: string, previous: string | null) => previous !== null && on > previous;
const mark = (on: string, previous: string | null) =>
  since(on, previous) ? ' [new since the previous review]' : '';

/** 9.3.2 b: changes in external and internal issues relevant to the ISMS, climate change included. */
export function issuesLines(c: IsmsContext | null, previous: string | null): string[] | null {
  if (c === null || (c.issues.length === 0 && c.climate.relevant === null)) return null;
  const changed = c.issues.filter((i) => since(i.recordedOn, previous)).length;
  return [
    previous === null
      ? `${c.issues.length} issues recorded (4.1).`
      : `${changed} of ${c.issues.length} issues recorded or changed since the previous review on ${previous}.`,
    climateLine(c.climate),
    ...c.issues.map(
      (i) =>
        `${i.kind === 'external' ? 'External' : 'Internal'}${i.climate ? ' (climate)' : ''}: ${i.text}${mark(i.recordedOn, previous)}`,
    ),
  ];
}

/** 9.3.2 c: changes in needs and expectations of interested parties, climate requirements included. */
export function partiesLines(c: IsmsContext | null, previous: string | null): string[] | null {
  if (c === null || c.parties.length === 0) return null;
  return c.parties.map(
    (p) =>
      `${p.name}: ${p.requirements || 'no requirement recorded'}${p.climateRequirements ? `; climate: ${p.climateRequirements}` : ''}${mark(p.recordedOn, previous)}`,
  );
}

/** 9.3.2 e: feedback from interested parties since the previous review (all of it at the first one). */
export function feedbackLines(
  c: IsmsContext | null,
  previous: string | null,
  heldOn: string,
): string[] | null {
  if (c === null) return null;
  const recent = c.feedback.filter(
    (f) => f.receivedOn <= heldOn && (previous === null || f.receivedOn > previous),
  );
  if (recent.length === 0)
    return [`No feedback from interested parties recorded${previous ? ` since ${previous}` : ''}.`];
  return recent.map((f) => `${f.party} (${f.receivedOn}): ${f.summary}`);
}

/** 9.3.2 d 2: monitoring and measurement results, the closeloop scores with their trend. */
export function scoreLines(s: ReviewScores | null): string[] | null {
  if (s === null) return null;
  const delta = (a: number, b: number) => `${a - b >= 0 ? '+' : ''}${(a - b).toFixed(1)}`;
  return [
    `Readiness score ${s.readiness.toFixed(1)} / 100, implementation score ${s.implementation.toFixed(1)} / 100 (${s.model}).`,
    s.since === null
      ? 'No earlier figures recorded to compare with.'
      : `Since ${s.since.on}: readiness ${delta(s.readiness, s.since.readiness)}, implementation ${delta(s.implementation, s.since.implementation)} points.`,
  ];
}

/** 9.3.2 f: results of the risk assessment and status of the risk treatment plan (6.1.3 e, f). */
export function riskLines(risks: ReviewRisk[] | null, heldOn: string): string[] | null {
  if (risks === null || risks.length === 0) return null;
  const above = risks.filter((r) => !r.acceptable);
  const bands = new Map<string, number>();
  for (const r of risks) bands.set(r.residualBand, (bands.get(r.residualBand) ?? 0) + 1);
  const unsigned = risks.filter((r) => r.signOff !== 'complete');
  const overdue = risks.filter((r) => r.reviewOn !== null && r.reviewOn < heldOn);
  return [
    `${risks.length} risks assessed; residual: ${[...bands.entries()].map(([b, n]) => `${n} ${b}`).join(', ')}; ${above.length} above the acceptance criteria.`,
    `Risk treatment plan: ${risks.length - unsigned.length} of ${risks.length} approved by their owners with the residual risk accepted (6.1.3 f).`,
    ...unsigned.map(
      (r) =>
        `${r.ref} ${r.title}: ${r.signOff === 'awaiting_approval' ? 'treatment plan awaiting the owner’s approval' : 'residual risk awaiting the owner’s acceptance'}`,
    ),
    ...above.map(
      (r) => `${r.ref} ${r.title}: residual ${r.residualBand}, above acceptance (treatment: ${r.treatment})`,
    ),
    ...overdue.map((r) => `${r.ref}: risk review overdue since ${r.reviewOn}`),
  ];
}
