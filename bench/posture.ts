// Section (e): the posture model on a large organisation — 93 controls, 16 mandatory documents, 40 risks,
// 300 findings with 2,000 corrective actions and ~4,000 dependencies — scoring, projecting a selection,
// ranking every action (each with its prerequisites) and ordering the fastest path.
import { fastestPath } from '../src/domain/posture/fastest-path.ts';
import type { PostureFinding, PostureInput } from '../src/domain/posture/model.ts';
import { project } from '../src/domain/posture/projection.ts';
import { rankActions } from '../src/domain/posture/ranking.ts';
import { scorePosture } from '../src/domain/posture/score.ts';
import { annexAControls } from '../src/reference/catalogue.ts';

export function runPosture() {
  let seed = 7;
  const rnd = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const statuses = ['implemented', 'partial', 'planned', 'not_started'] as const;
  const controls = annexAControls().map((c) => ({
    id: c.id,
    title: c.title,
    theme: c.theme,
    applicable: rnd() > 0.1,
    status: statuses[Math.floor(rnd() * 4)]!,
    concepts: c.attributes.cybersecurityConcepts,
    properties: c.attributes.informationSecurityProperties,
  }));
  const findings: PostureFinding[] = Array.from({ length: 300 }, (_, i) => ({
    id: `f${i}`,
    ref: `NC-${i}`,
    grade: (['major', 'minor', 'minor', 'ofi'] as const)[i % 4]!,
    status: (['open', 'analysing', 'plan_accepted', 'implementing'] as const)[i % 4]!,
    requirements: [`A.${controls[i % 93]!.id}`],
    overdue: i % 7 === 0,
    tasks: [],
  }));
  for (let i = 0; i < 2000; i++)
    findings[i % 300]!.tasks.push({
      id: `t${i}`,
      title: `task ${i}`,
      effortDays: 0.5 + Math.floor(rnd() * 8) / 2,
      done: rnd() < 0.2,
      predecessors: i < 10 ? [] : [0, 1].map(() => `t${Math.floor(rnd() * i)}`),
      dueOn: null,
    });
  const input: PostureInput = {
    controls,
    documents: Array.from({ length: 16 }, (_, i) => ({
      key: `d${i}`,
      clause: `${4 + (i % 7)}.1`,
      title: 'd',
      state: 'ok' as const,
    })),
    risks: Array.from({ length: 40 }, (_, i) => ({
      ref: `R-${i}`,
      residualScore: 1 + Math.floor(rnd() * 25),
      maxScore: 25,
      controls: [controls[i]!.id, controls[(i * 7) % 93]!.id],
    })),
    findings,
  };
  const time = <T>(fn: () => T) => {
    const t = performance.now();
    const result = fn();
    return { ms: performance.now() - t, result };
  };
  const score = time(() => scorePosture(input));
  const projection = time(() => project(input, { tasks: ['t10', 't20', 't30'] }));
  const ranked = time(() => rankActions(input));
  const path = time(() => fastestPath(input));
  return {
    scoreMs: score.ms,
    projectionMs: projection.ms,
    rankMs: ranked.ms,
    ranked: ranked.result.length,
    pathMs: path.ms,
    steps: path.result.length,
  };
}
