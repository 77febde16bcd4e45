import type { ReportDocument } from '../../reports/document.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { postureDashboard } from './posture.dashboard.ts';
import { getPosture } from './posture.service.ts';

// The one-page executive summary as a report document (PDF for a management review, clause 9.3.2 c:
// information on the information security performance, including nonconformities and audit results).

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
    title: 'Security posture and certification readiness',
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
          { label: 'ISO 27001 alignment', value: `${p.alignment.toFixed(1)} % (out of 100 %)` },
          { label: 'Security posture', value: `${p.posture} / 950` },
          {
            label: 'Trend',
            value: first
              ? `${signed(p.alignment - first.alignment, 1)} points alignment, ${signed(p.posture - first.posture, 0)} posture since ${first.recordedAt.slice(0, 10)}`
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
          { label: 'Alignment (%)', max: 100, values: p.trend.map((x) => x.alignment) },
          { label: 'Posture', max: 950, values: p.trend.map((x) => x.posture) },
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
        caption: 'Alignment by clause and Annex A theme',
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
          { key: 'alignment', header: 'Alignment' },
          { key: 'posture', header: 'Posture' },
        ],
        rows: p.ranked.map((a) => ({
          action: a.title,
          finding: `${a.findingRef} (${a.grade})`,
          effort: a.effortDays,
          alignment: signed(a.delta.alignment, 2),
          posture: signed(a.delta.posture, 1),
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
