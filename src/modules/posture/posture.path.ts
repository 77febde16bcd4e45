import { fastestPath } from '../../domain/posture/fastest-path.ts';
import { MODEL_VERSION } from '../../domain/posture/model.ts';
import { project } from '../../domain/posture/projection.ts';
import { readiness } from '../../domain/posture/readiness.ts';
import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { loadPlanData, runForecast } from '../planning/index.ts';
import { type LoadedPosture, loadPostureInput } from './posture.inputs.ts';

// Readiness and the fastest path use the planner's forecast (people's calendars, capacity, time off), so
// the date "can be recommended by" is the planner's date, not a sum of efforts.

type Forecast = Awaited<ReturnType<typeof runForecast>>;

const finishOfFinding = (f: Forecast) => {
  const byId = new Map(f.findings.map((x) => [x.id, x.finishOn]));
  return (id: string) => byId.get(id) ?? null;
};

export async function currentReadiness(ctx: OrgContext, loaded: LoadedPosture) {
  const plan = await loadPlanData(ctx);
  const forecast = await runForecast(ctx, plan.input);
  return readiness(loaded.input.findings, finishOfFinding(forecast), loaded.today);
}

export async function fastestPathPlan(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'posture.read');
  const loaded = await loadPostureInput(ctx);
  const steps = fastestPath(loaded.input);
  const plan = await loadPlanData(ctx);
  const current = await runForecast(ctx, plan.input);
  const ordered = await runForecast(
    ctx,
    plan.input,
    steps.map((s) => s.taskId),
  );
  const dates = new Map(ordered.tasks.map((t) => [t.id, t]));
  const withDates = steps.map((s) => ({
    ...s,
    startOn: dates.get(s.taskId)?.startOn ?? null,
    finishOn: dates.get(s.taskId)?.finishOn ?? null,
  }));
  // Figures reached by the first CAP and Evidence of Correction deadlines still ahead, with this order.
  const open = loaded.findingRows.filter((f) => isNonconformity(f.grade) && !isFinishedFinding(f.status));
  const next = (dates: (string | null)[]) =>
    dates.filter((d): d is string => d !== null && d >= loaded.today).sort()[0] ?? null;
  const milestones = (
    [
      ['cap', next(open.map((f) => f.cap_due_on))],
      ['evidence', next(open.map((f) => f.evidence_due_on))],
    ] as const
  )
    .filter((m): m is readonly ['cap' | 'evidence', string] => m[1] !== null)
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([deadline, on]) => {
      const done = withDates.filter((s) => s.finishOn !== null && s.finishOn <= on).map((s) => s.taskId);
      const p = project(loaded.input, { tasks: done }).after;
      return {
        deadline,
        on,
        readinessScore: Math.round(p.readinessScore * 10) / 10,
        implementationScore: Math.round(p.implementationScore * 10) / 10,
      };
    });
  return {
    model: MODEL_VERSION,
    steps: withDates,
    recommendedBy: readiness(loaded.input.findings, finishOfFinding(ordered), loaded.today).recommendedBy,
    currentRecommendedBy: readiness(loaded.input.findings, finishOfFinding(current), loaded.today)
      .recommendedBy,
    milestones,
  };
}
