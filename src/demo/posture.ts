import type { PostureInput } from '../domain/posture/model.ts';
import { scorePosture } from '../domain/posture/score.ts';
import type { OrgContext } from '../modules/context.ts';
import { loadPostureInput, recordSnapshot, replayHistory } from '../modules/posture/index.ts';

// The demo's trend. Loading the demo records a point for every change it makes, all within a second;
// that is not a history anyone lived, so it is replaced by the weeks since the stage 2 report (20 days
// ago in the demo story): the real model applied to the demo's state rewound step by step — controls and
// corrective actions finished later, closures not yet accepted, deadlines not yet passed. These points are marked
// `replay`; from today on the trend is recorded as in any organisation.

export async function seedPosture(ctx: OrgContext) {
  const { input } = await loadPostureInput(ctx);
  const now = ctx.now().getTime();
  const points = Array.from({ length: 10 }, (_, k) => {
    const at = new Date(now - (20 - 2 * k) * 86_400_000);
    at.setUTCHours(9, 0, 0, 0);
    return { at, scores: scorePosture(rewind(input, k / 10)) };
  });
  await replayHistory(ctx, points);
  await recordSnapshot(ctx, 'change');
}

/** The demo state at fraction `f` of the way from the report (0) to today (1). */
function rewind(input: PostureInput, f: number): PostureInput {
  const doneIds = input.findings.flatMap((x) => x.tasks.filter((t) => t.done).map((t) => t.id));
  const doneThen = new Set(doneIds.slice(0, Math.floor(f * doneIds.length)));
  const planned = new Set([
    'plan_accepted',
    'implementing',
    'evidence_submitted',
    'evidence_rejected',
    'verified_internally',
  ]);
  // A quarter of today's implemented controls were finished during the follow-up (the demo says so).
  const implemented = input.controls
    .filter((c) => c.applicable && c.status === 'implemented')
    .map((c) => c.id);
  const finishedLater = new Set(implemented.filter((_, i) => i % 4 === 1 && i / implemented.length >= f));
  return {
    ...input,
    controls: input.controls.map((c) => (finishedLater.has(c.id) ? { ...c, status: 'partial' as const } : c)),
    findings: input.findings.map((x) => ({
      ...x,
      status:
        x.status === 'closed' && f < 0.8
          ? 'evidence_submitted'
          : f < 0.3 && (planned.has(x.status) || x.status === 'plan_submitted')
            ? 'analysing'
            : x.status,
      overdue: x.overdue && f >= 0.7,
      tasks: x.tasks.map((t) => ({ ...t, done: doneThen.has(t.id) })),
    })),
  };
}
