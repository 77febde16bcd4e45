import type { z } from 'zod';
import { type crosswalk, type Framework, originNote, sourceLabel } from '../../contracts/isms-crosswalks.ts';
import type { ReportDocument } from '../../reports/document.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { showCrosswalk } from './crosswalks.service.ts';

// The crosswalk as a report: coverage per criterion / subcategory and the gap list, in PDF or XLSX.

type Crosswalk = z.infer<typeof crosswalk>;

const sourceText = (t: Crosswalk['targets'][number]) =>
  t.sources
    .map(
      (s) =>
        `${sourceLabel(s)} (${[s.relationship, originNote[s.origin]].filter(Boolean).join(', ')}): ${s.soaStatus ?? 'not in SoA'}`,
    )
    .join('\n');

export function crosswalkDocument(
  c: Crosswalk,
  doc: Pick<OrgContext, 'organisation' | 'actor' | 'now'>,
): ReportDocument {
  const columns = [
    { key: 'id', header: 'Id', width: 0.8 },
    { key: 'title', header: 'Criterion / outcome', width: 2.6 },
    { key: 'level', header: 'Coverage', width: 0.9 },
    { key: 'percent', header: '%', width: 0.5 },
    { key: 'sources', header: 'ISO/IEC 27001:2022 sources and SoA status', width: 3.2 },
  ];
  const rows = (ts: Crosswalk['targets']) =>
    ts.map((t) => ({ id: t.id, title: t.title, level: t.level, percent: t.percent, sources: sourceText(t) }));
  return {
    title: `Crosswalk to ${c.title}`,
    subtitle: 'Coverage by the ISO/IEC 27001:2022 ISMS, from the Statement of Applicability',
    meta: {
      organisation: doc.organisation.name,
      version: c.soaVersion === null ? 'no SoA' : `SoA v${c.soaVersion}${c.soaApproved ? '' : ' (draft)'}`,
      generatedAt: doc
        .now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
      generatedBy: doc.actor.label,
    },
    blocks: [
      {
        kind: 'keyValue',
        items: [
          { label: 'Coverage', value: `${c.percent}%` },
          {
            label: 'Targets',
            value: `${c.counts.covered} covered, ${c.counts.partial} partial, ${c.counts.gap} gaps, ${c.counts.unmapped} without mapping`,
          },
          { label: 'Mapping', value: `${c.provenance.file} — ${c.provenance.source}` },
          { label: 'Trust', value: c.provenance.trust },
          { label: 'Corrections by the organisation', value: String(c.provenance.overrides) },
          {
            label: 'Method',
            value:
              "Each target scores the mean of its sources: implemented 100%, partially implemented 50%, otherwise or excluded 0%; a clause of 4–10 is in place unless an open nonconformity cites it (major 0%, minor 50%). The organisation's own controls (6.1.3 b) have no official mapping and cover nothing unless the organisation maps them itself. Coverage is the mean over all targets.",
          },
        ],
      },
      { kind: 'table', caption: 'Gaps', columns, rows: rows(c.targets.filter((t) => t.level !== 'covered')) },
      ...(c.ownControls.length === 0
        ? []
        : [
            {
              kind: 'table' as const,
              caption: 'Own controls (6.1.3 b): no official mapping',
              columns: [
                { key: 'id', header: 'Control', width: 0.9 },
                { key: 'title', header: 'Title', width: 3 },
                { key: 'status', header: 'SoA status', width: 1 },
                { key: 'note', header: 'Mapping', width: 3 },
              ],
              rows: c.ownControls.map((o) => ({
                id: o.id,
                title: o.title,
                status: o.soaStatus,
                note: o.note,
              })),
            },
          ]),
      { kind: 'pageBreak' },
      { kind: 'table', caption: 'All targets', columns, rows: rows(c.targets) },
    ],
  };
}

export async function crosswalkExport(
  input: { framework: Framework; format: 'pdf' | 'xlsx' },
  ctx: OrgContext,
) {
  authorize(ctx, 'crosswalk.read');
  const doc = crosswalkDocument(await showCrosswalk(input, ctx), ctx);
  if (input.format === 'pdf') {
    const { renderPdf } = await import('../../reports/pdf.ts');
    return renderPdf(doc);
  }
  const { renderXlsx } = await import('../../reports/xlsx.ts');
  return renderXlsx(doc);
}
