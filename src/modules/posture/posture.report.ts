import type { ReportDocument } from '../../reports/document.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { postureDashboard } from './posture.dashboard.ts';
import { getPosture } from './posture.service.ts';

// The one-page executive summary as a report document (PDF for a management review, clause 9.3.2 d:
// information on the information security performance, including nonconformities and corrective actions,
// monitoring and measurement results and audit results). The scores are closeloop's own, each 0–100.

const RECOMMENDATION: Record<string, string> = {
  recommended: 'Recommended',
  recommended_upon_action_plan: 'Recommended upon an action plan',
  not_recommended: 'Not recommended',
};
const signed = (x: number, places: number) => `${x >= 0 ? '+' : ''}${x.toFixed(places)}`;

export async function executiveSummary(_input: unknown, ctx: OrgContext): Promise<ReportDocument> {
  authorize(ctx, 'posture.read');
  const p = await getPosture(undefined, ctx);
  const d = await postureDashboard(undefined, ctx);
  const first = p.trend[0];
  const r = p.readiness;
  return {
    title: 'Readiness, implementation and certification readiness',
    subtitle: 'Executive summary',
    meta: {
      organisation: ctx.organisation.name,
      generatedAt: p.computedAt,
      generatedBy: ctx.actor.label,
      version: p.model,
    },
    blocks: [
      {
        kind: 'keyValue',
        items: [
          { label: 'Readiness score', value: `${p.readinessScore.toFixed(1)} / 100` },
          { label: 'Implementation score', value: `${p.implementationScore.toFixed(1)} / 100` },
          {
            label: 'Trend',
            value: first
              ? `${signed(p.readinessScore - first.readinessScore, 1)} readiness, ${signed(p.implementationScore - first.implementationScore, 1)} implementation since ${first.recordedAt.slice(0, 10)}`
              : 'first figures recorded today',
          },
          { label: 'Implied recommendation', value: RECOMMENDATION[r.implied] ?? r.implied },
          {
            label: 'Can be recommended by',
            value: r.recommendedBy ?? 'no date: a nonconformity has no planned corrective action',
          },
          {
            label: 'Open findings',
            value: d.byGrade.map((g) => `${g.open} ${g.grade} (${g.overdue} overdue)`).join(', '),
          },
        ],
      },
      {
        kind: 'lineChart',
        caption: 'Trend',
        labels: p.trend.map((x) => x.recordedAt.slice(0, 10)),
        series: [
          { label: 'Readiness (/100)', max: 100, values: p.trend.map((x) => x.readinessScore) },
          { label: 'Implementation (/100)', max: 100, values: p.trend.map((x) => x.implementationScore) },
        ],
      },
      { kind: 'heading', text: 'What stands between us and a recommendation', level: 2 },
      {
        kind: 'bulletList',
        items:
          r.blockers.length > 0
            ? r.blockers.map((b) => `${b.ref} (${b.grade}): ${b.reason}`)
            : ['Nothing: no open nonconformity.'],
      },
      {
        kind: 'bars',
        caption: 'Readiness by clause and Annex A theme',
        max: 100,
        unit: ' %',
        items: [...p.byClause, ...p.byTheme].map((a) => ({
          label: `${a.label} (${a.openFindings} open)`,
          value: a.score,
        })),
      },
      {
        kind: 'bars',
        caption: 'Open findings by grade',
        max: Math.max(1, ...d.byGrade.map((g) => g.open)),
        items: d.byGrade.map((g) => ({ label: `${g.grade} (${g.overdue} overdue)`, value: g.open })),
      },
      {
        kind: 'table',
        caption: 'Next actions, ranked by effect per day of effort',
        columns: [
          { key: 'action', header: 'Action', width: 4 },
          { key: 'finding', header: 'Finding' },
          { key: 'effort', header: 'Days' },
          { key: 'readinessScore', header: 'Readiness' },
          { key: 'implementationScore', header: 'Implementation' },
        ],
        rows: p.ranked.map((a) => ({
          action: a.title,
          finding: `${a.findingRef} (${a.grade})`,
          effort: a.effortDays,
          readinessScore: signed(a.delta.readinessScore, 2),
          implementationScore: signed(a.delta.implementationScore, 2),
        })),
      },
      {
        kind: 'table',
        caption: 'Overdue',
        columns: [
          { key: 'kind', header: 'Kind' },
          { key: 'ref', header: 'Ref' },
          { key: 'title', header: 'What', width: 4 },
          { key: 'due', header: 'Due' },
          { key: 'late', header: 'Days late' },
        ],
        rows: d.overdue
          .slice(0, 20)
          .map((o) => ({ kind: o.kind, ref: o.ref, title: o.title, due: o.dueOn, late: o.daysLate })),
      },
      {
        kind: 'paragraph',
        text: `Figures computed by the ${p.model} model; the product's "How the scores are computed" page lists every contribution.`,
      },
    ],
  };
}
