import type { Db } from '../../db/connection.ts';
import { daysBetween, nearestRealDate } from '../../domain/calendar/iso-date.ts';
import { currentDeadline } from '../../domain/findings/overdue.ts';
import { burndown } from '../../domain/posture/burndown.ts';
import { isOpenFinding } from '../../domain/posture/findings-load.ts';
import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import { lastAuditedChange } from '../audit-log/index.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { documentsOverdueForReview } from '../documents/index.ts';
import { loadPlanData, runForecast } from '../planning/index.ts';
import { loadPostureInput, todayOf } from './posture.inputs.ts';
import * as repo from './posture.repository.ts';

// The series behind the dashboard's charts: burn-down against the deadlines, open findings by grade and
// by requirement, and everything overdue (findings, corrective actions, document reviews).

type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;

/** How long a computed dashboard may serve while nothing audited changed (inputs that only time moves). */
const DASHBOARD_MAX_AGE_MS = 60_000;
const MAX_ORGANISATIONS = 200;
/**
 * The overdue items an answer lists, the most late first; `overdueTotal` counts them all. Unbounded, an
 * organisation with 100,000 findings answered 80,000 items, 8.7 MB per dashboard request (#16); the
 * findings list's overdue filter pages through every overdue finding.
 */
const OVERDUE_LISTED = 50;
const computed = new WeakMap<Db, Map<string, { key: string; at: number; value: Promise<Dashboard> }>>();

/**
 * The dashboard reads every finding, action and task of the organisation and runs the planner's forecast:
 * far too much for every request (p99 2.4 s at 50 connections on the demo, #16). It is computed once per
 * change and kept in memory under the organisation's last audited change and today's date, for at most a
 * minute; requests that arrive while it is computed wait for that one computation. Each instance keeps its
 * own; the change number is read from the shared database, so none serves another's stale figures.
 */
export async function postureDashboard(_input: unknown, ctx: OrgContext): Promise<Dashboard> {
  authorize(ctx, 'posture.read');
  const key = `${todayOf(ctx)}|${await lastAuditedChange(ctx.db, ctx.organisation.id)}`;
  const byOrganisation = computed.get(ctx.db) ?? new Map();
  computed.set(ctx.db, byOrganisation);
  const at = ctx.now().getTime();
  const held = byOrganisation.get(ctx.organisation.id);
  if (held && held.key === key && at - held.at < DASHBOARD_MAX_AGE_MS) return held.value;
  const value = computeDashboard(ctx);
  byOrganisation.delete(ctx.organisation.id); // re-inserted last: the map's order is least recent first
  byOrganisation.set(ctx.organisation.id, { key, at, value });
  if (byOrganisation.size > MAX_ORGANISATIONS) byOrganisation.delete(byOrganisation.keys().next().value!);
  value.catch(() => {
    if (byOrganisation.get(ctx.organisation.id)?.value === value) byOrganisation.delete(ctx.organisation.id);
  });
  return value;
}

async function computeDashboard(ctx: OrgContext) {
  const loaded = await loadPostureInput(ctx);
  const { today, findingRows } = loaded;
  const plan = await loadPlanData(ctx);
  const forecast = await runForecast(ctx, plan.input);
  const forecastDone = new Map(forecast.findings.map((f) => [f.id, f.finishOn]));
  const nonconformities = findingRows.filter((f) => isNonconformity(f.grade));
  const open = loaded.input.findings.filter(isOpenFinding);

  const deadlines = new Map<string, { kind: 'cap' | 'evidence' | 'close'; on: string }>();
  for (const f of nonconformities.filter((x) => !isFinishedFinding(x.status)))
    for (const [kind, on] of [
      ['cap', f.cap_due_on],
      ['evidence', f.evidence_due_on],
      ['close', f.close_by_on],
    ] as const)
      if (on) deadlines.set(`${kind}|${on}`, { kind, on });

  const byRequirement = new Map<string, { major: number; minor: number; ofi: number }>();
  for (const f of open)
    for (const r of f.requirements) {
      const e = byRequirement.get(r) ?? { major: 0, minor: 0, ofi: 0 };
      e[f.grade as 'major' | 'minor' | 'ofi'] += 1;
      byRequirement.set(r, e);
    }

  const rows = new Map(findingRows.map((f) => [f.id, f]));
  const overdueFindings = open
    .filter((f) => f.overdue)
    .map((f) => {
      const r = rows.get(f.id)!;
      const due = currentDeadline(f.status, {
        capDueOn: r.cap_due_on,
        evidenceDueOn: r.evidence_due_on,
        closeByOn: r.close_by_on,
      })!;
      return {
        kind: 'finding' as const,
        ref: f.ref,
        title: `${f.grade} — ${due.kind} deadline`,
        dueOn: due.on,
      };
    });
  const overdueActions = (await repo.overdueActions(ctx.db, ctx.organisation.id, today)).map((a) => ({
    kind: 'action' as const,
    ref: a.ref,
    title: a.title,
    dueOn: a.due_on!,
  }));
  const overdueDocuments = (await documentsOverdueForReview(ctx.db, ctx.organisation.id, today)).map((d) => ({
    kind: 'document' as const,
    ref: d.ref,
    title: `${d.title} — review`,
    dueOn: d.nextReviewOn,
  }));

  const overdue = [...overdueFindings, ...overdueActions, ...overdueDocuments]
    .map((o) => {
      const dueOn = nearestRealDate(o.dueOn) ?? today; // a date stored before validation was strict
      return { ...o, dueOn, daysLate: daysBetween(dueOn, today) };
    })
    .sort((a, b) => b.daysLate - a.daysLate || a.kind.localeCompare(b.kind) || a.ref.localeCompare(b.ref));

  return {
    burndown: burndown(
      nonconformities.map((f) => ({
        raisedOn: f.report_received_on ?? f.created_at.slice(0, 10),
        closedOn: f.status === 'closed' ? (f.closed_at ?? f.created_at).slice(0, 10) : null,
        forecastDoneOn: forecastDone.get(f.id) ?? null,
        closeByOn: f.close_by_on,
      })),
      today,
    ),
    deadlines: [...deadlines.values()].sort((a, b) => a.on.localeCompare(b.on)),
    byGrade: (['major', 'minor', 'ofi'] as const).map((grade) => ({
      grade,
      open: open.filter((f) => f.grade === grade).length,
      overdue: open.filter((f) => f.grade === grade && f.overdue).length,
    })),
    byRequirement: [...byRequirement.entries()]
      .map(([requirement, c]) => ({ requirement, ...c }))
      .sort((a, b) => b.major * 10 + b.minor - (a.major * 10 + a.minor) || b.ofi - a.ofi)
      .slice(0, 15),
    overdue: overdue.slice(0, OVERDUE_LISTED),
    overdueTotal: overdue.length,
  };
}
