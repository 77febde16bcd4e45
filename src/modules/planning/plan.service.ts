import type { z } from 'zod';
import { notFound } from '../../contracts/errors.ts';
import type { planPerson, plan as planSchema } from '../../contracts/planning.ts';
import { forecastPlan } from '../../domain/planning/forecast.ts';
import type { Deadline, Forecast, PlanInput } from '../../domain/planning/model.ts';
import { auditByRef } from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { calendarOf } from '../findings/index.ts';
import * as repo from './planning.repository.ts';
import { listTeams } from './teams.repository.ts';

// Reads the plan (findings still open, their corrective actions, free tasks, dependencies, people) and
// forecasts it. The forecast is recomputed on every read: it is cheap (see `npm run bench`) and a stored
// one would go stale with every estimate or status change.

/** Solver budget per forecast; the first feasible schedule comes in milliseconds, the rest improves it. */
export const FORECAST_TIME_LIMIT_MS = 400;
/** Without an estimate, a task counts as one working day so that it still appears in the forecast. */
export const ASSUMED_EFFORT_DAYS = 1;

export type PlanPersonView = z.infer<typeof planPerson>;

export interface LoadedPlan {
  view: Omit<z.infer<typeof planSchema>, 'forecast' | 'generatedAt'>;
  input: PlanInput;
}

export async function loadPlanData(ctx: OrgContext, auditRef?: string): Promise<LoadedPlan> {
  const { db } = ctx;
  const org = ctx.organisation.id;
  let auditId: string | null = null;
  if (auditRef) {
    const audit = await auditByRef(db, org, auditRef);
    if (!audit) throw notFound('audit');
    auditId = audit.id;
  }
  const findings = await repo.planFindings(db, org, auditId);
  const findingIds = new Set(findings.map((f) => f.id));
  const actions = (await repo.planActions(db, org, auditId)).filter((a) => findingIds.has(a.finding_id));
  const free = (await repo.planFreeTasks(db, org)).filter(
    (t) => !auditId || (t.finding_id !== null && findingIds.has(t.finding_id)),
  );
  const deps = await repo.listDependencies(db, org);
  const members = await repo.planMembers(db, org);
  const timeOff = await repo.listTimeOff(db, org);
  const unread = await repo.unreadCounts(db, org, ctx.actor.userId);
  const teams = await listTeams(db, org);

  const memberById = new Map(members.map((m) => [m.id, m]));
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const taskRows = [
    ...actions.map((a) => ({ ...a, kind: 'action' as const })),
    ...free.map((t) => ({ ...t, kind: 'task' as const })),
  ];
  const taskIds = new Set(taskRows.map((t) => t.id));
  const relevantDeps = deps.filter((d) => taskIds.has(d.predecessor_id) && taskIds.has(d.successor_id));
  const predsOf = new Map<string, { id: string; lagDays: number }[]>();
  for (const d of relevantDeps)
    predsOf.set(d.successor_id, [
      ...(predsOf.get(d.successor_id) ?? []),
      { id: d.predecessor_id, lagDays: d.lag_days },
    ]);

  const owners = new Set(taskRows.map((t) => t.owner_user_id).filter((o): o is string => o !== null));
  const people: PlanPersonView[] = members
    .filter((m) => owners.has(m.id) || m.share !== null)
    .map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      role: m.role,
      share: m.share ?? 1,
      weekdays: m.weekdays_json ? (JSON.parse(m.weekdays_json) as number[]) : [1, 2, 3, 4, 5],
      configured: m.share !== null,
      placeholder: false,
      timeOff: timeOff
        .filter((o) => o.user_id === m.id)
        .map((o) => ({ id: o.id, from: o.starts_on, to: o.ends_on, reason: o.reason })),
    }));

  const tasks = taskRows.map((t) => {
    const f = t.finding_id ? findingById.get(t.finding_id) : undefined;
    const owner = t.owner_user_id ? memberById.get(t.owner_user_id) : undefined;
    return {
      id: t.id,
      kind: t.kind,
      title: t.title,
      description: t.description,
      finding: f ? { id: f.id, ref: f.ref, grade: f.grade, auditRef: f.audit_ref } : null,
      owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
      effortDays: t.effort_days ?? ASSUMED_EFFORT_DAYS,
      estimated: t.effort_days !== null,
      earliestStart: t.earliest_start_on,
      dueOn: t.due_on,
      serves: t.serves as Deadline,
      status: t.status,
      predecessors: predsOf.get(t.id) ?? [],
      unreadComments: unread.get(t.id) ?? 0,
    };
  });

  const view = {
    tasks,
    people,
    teams,
    findings: findings.map((f) => ({
      id: f.id,
      ref: f.ref,
      grade: f.grade,
      status: f.status,
      auditRef: f.audit_ref,
      capDueOn: f.cap_due_on,
      evidenceDueOn: f.evidence_due_on,
      closeByOn: f.close_by_on,
    })),
    dependencies: relevantDeps.map((d) => ({
      id: d.id,
      predecessorId: d.predecessor_id,
      successorId: d.successor_id,
      lagDays: d.lag_days,
    })),
  };
  const input: PlanInput = {
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.finding ? `${t.finding.ref}: ${t.title}` : t.title,
      findingId: t.finding?.id ?? null,
      ownerId: t.owner?.id ?? null,
      effortDays: t.effortDays,
      done: t.status === 'done',
      predecessors: t.predecessors,
      earliestStart: t.earliestStart,
      dueOn: t.dueOn,
      serves: t.serves,
    })),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      share: p.share,
      weekdays: p.weekdays,
      timeOff: p.timeOff.map((o) => ({ from: o.from, to: o.to })),
    })),
    findings: view.findings.map((f) => ({
      id: f.id,
      ref: f.ref,
      capDueOn: f.capDueOn,
      evidenceDueOn: f.evidenceDueOn,
      closeByOn: f.closeByOn,
    })),
  };
  return { view, input };
}

/** The forecast of a plan; `fixedOrder` lays out that priority order instead of choosing one. */
export async function runForecast(
  ctx: OrgContext,
  input: PlanInput,
  fixedOrder?: readonly string[],
): Promise<Forecast> {
  return forecastPlan({
    ...input,
    ...(fixedOrder ? { fixedOrder } : {}),
    today: ctx.now().toISOString().slice(0, 10),
    calendar: await calendarOf(ctx),
    timeLimitMs: FORECAST_TIME_LIMIT_MS,
    now: () => performance.now(),
  });
}

export async function getPlan(input: { audit?: string | undefined }, ctx: OrgContext) {
  authorize(ctx, 'plan.read');
  const loaded = await loadPlanData(ctx, input.audit);
  return {
    ...loaded.view,
    forecast: await runForecast(ctx, loaded.input),
    generatedAt: ctx.now().toISOString(),
  };
}
