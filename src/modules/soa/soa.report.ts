import {
  inclusionReasonLabels,
  type SoaEntry,
  type SoaVersion,
  statusLabels,
  themes,
} from '../../contracts/isms-soa.ts';
import type { Block, Cell, ReportDocument, TableColumn } from '../../reports/document.ts';
import type { SheetSpec } from '../../reports/xlsx.ts';
import { controlLabel } from '../../vocabulary/controls.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { showVersion } from './soa.service.ts';

// The SoA as an auditor reads it without an account: PDF (cover with version, approver and date, the
// ISMS scope, then one table per Annex A theme) and XLSX (one row per control, every column, filters on).

const themeTitles: Record<(typeof themes)[number] | 'other', string> = {
  organizational: 'Organizational controls (5.1–5.37)',
  people: 'People controls (6.1–6.8)',
  physical: 'Physical controls (7.1–7.14)',
  technological: 'Technological controls (8.1–8.34)',
  // 6.1.3 b NOTE 1, 6.1.3 c NOTE 2: controls beside Annex A, under the organisation's own ids.
  other: 'Other necessary controls (beyond Annex A)',
};

/** The JSON shape of `closeloop report soa --format json`: the 93 controls and the version facts. */
export function soaJson(v: SoaVersion) {
  return {
    version: v.number,
    status: v.status,
    approvedBy: v.approvedBy,
    approvedOn: v.approvedOn,
    scope: v.scope,
    controls: v.entries.map((e) => ({
      id: e.controlId,
      title: e.title,
      theme: e.theme,
      applicable: e.applicable,
      justification: e.applicable ? reasonText(e) : e.justification,
      status: e.status,
      owner: e.owner,
      implementation: e.implementation,
      reasons: e.reasons,
      exclusionJustification: e.applicable ? null : e.justification,
      risks: e.risks,
      documents: e.documents,
      evidence: e.evidence,
      findings: e.findings,
    })),
  };
}

function reasonText(e: SoaEntry): string {
  const reasons = e.reasons.map((r) => inclusionReasonLabels[r]);
  if (e.risks.length > 0 && !e.reasons.includes('risk_treatment'))
    reasons.unshift(inclusionReasonLabels.risk_treatment);
  return reasons.join('; ') + (e.risks.length > 0 ? ` (risks ${e.risks.join(', ')})` : '');
}

function row(e: SoaEntry): Record<string, Cell> {
  return {
    id: controlLabel(e.controlId),
    title: e.title,
    theme: e.theme,
    applicable: e.applicable,
    why: e.applicable ? reasonText(e) : e.justification,
    status: e.applicable ? statusLabels[e.status] : 'Excluded',
    owner: e.owner,
    implementation: e.implementation,
    links: [
      e.risks.length ? `Risks: ${e.risks.join(', ')}` : '',
      e.documents.length ? `Documents: ${e.documents.join(', ')}` : '',
      e.evidence.length ? `Evidence: ${e.evidence.join(', ')}` : '',
      e.findings.length ? `Findings: ${e.findings.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    controlType: e.attributes.controlType.join(', '),
    properties: e.attributes.informationSecurityProperties.join(', '),
    concepts: e.attributes.cybersecurityConcepts.join(', '),
    capabilities: e.attributes.operationalCapabilities.join(', '),
    domains: e.attributes.securityDomains.join(', '),
  };
}

const pdfColumns: TableColumn[] = [
  { key: 'id', header: 'Control', width: 1 },
  { key: 'title', header: 'Title', width: 1.7 },
  { key: 'applicable', header: 'Applicable', width: 1.35 },
  { key: 'why', header: 'Reason for inclusion / justification for exclusion', width: 2.2 },
  { key: 'status', header: 'Status', width: 1.4 },
  { key: 'owner', header: 'Owner', width: 1 },
  { key: 'implementation', header: 'How it is implemented', width: 2.3 },
];

function versionFacts(v: SoaVersion) {
  return {
    version: `${v.number} (${v.status})`,
    approvedBy: v.approvedBy ?? 'not approved (draft)',
    approvedOn: v.approvedOn ?? '—',
  };
}

function scopeBlocks(v: SoaVersion): Block[] {
  const s = v.scope;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Scope of the ISMS (clause 4.3)' },
    { kind: 'paragraph', text: s.statement || 'No scope statement recorded.' },
  ];
  const lists: [string, string[]][] = [
    ['Locations', s.locations],
    ['Business units', s.businessUnits],
    ['Systems', s.systems],
    ['Processes', s.processes],
    ['Interfaces', s.interfaces],
    ['Dependencies', s.dependencies],
  ];
  blocks.push({
    kind: 'keyValue',
    items: lists.map(([label, items]) => ({ label, value: items.join('; ') || '—' })),
  });
  if (s.exclusions.length > 0)
    blocks.push({
      kind: 'table',
      caption: 'Exclusions from the scope',
      columns: [
        { key: 'item', header: 'Excluded', width: 1.5 },
        { key: 'reason', header: 'Reason', width: 3 },
      ],
      rows: s.exclusions.map((x) => ({ item: x.item, reason: x.reason })),
    });
  if (s.requirements.length > 0)
    blocks.push({
      kind: 'table',
      caption: 'Legal, regulatory and contractual requirements (clause 4.2 c)',
      columns: [
        { key: 'kind', header: 'Kind', width: 0.8 },
        { key: 'name', header: 'Requirement', width: 2 },
        { key: 'note', header: 'Note', width: 3 },
      ],
      rows: s.requirements.map((r) => ({ kind: r.kind, name: r.name, note: r.note })),
    });
  return blocks;
}

export function soaDocument(
  v: SoaVersion,
  doc: Pick<OrgContext, 'organisation' | 'actor' | 'now'>,
): ReportDocument {
  const facts = versionFacts(v);
  const c = v.counts;
  const others = v.entries.filter((e) => e.source === 'other').length;
  return {
    title: 'Statement of Applicability',
    subtitle: 'ISO/IEC 27001:2022 clause 6.1.3 d — Annex A controls',
    meta: {
      organisation: doc.organisation.name,
      version: facts.version,
      approvedBy: facts.approvedBy,
      approvedOn: facts.approvedOn,
      generatedAt: doc
        .now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
      generatedBy: doc.actor.label,
    },
    blocks: [
      {
        kind: 'keyValue',
        // Version, approver and date are already in the title block from `meta`.
        items: [
          { label: 'Change note', value: v.changeNote || '—' },
          {
            label: 'Controls',
            value: `${c.controls - others} in Annex A${others > 0 ? ` and ${others} other necessary` : ''}: ${c.applicable} applicable (${c.implemented} implemented, ${c.partial} partially, ${c.planned} planned, ${c.notStarted} not started), ${c.excluded} excluded`,
          },
        ],
      },
      ...scopeBlocks(v),
      ...[...themes, ...(others > 0 ? (['other'] as const) : [])].flatMap((t): Block[] => [
        { kind: 'pageBreak' },
        {
          kind: 'table',
          caption: themeTitles[t],
          columns: pdfColumns,
          rows: v.entries.filter((e) => e.theme === t).map(row),
        },
      ]),
    ],
  };
}

const xlsxColumns = [
  { key: 'id', header: 'Control' },
  { key: 'title', header: 'Title' },
  { key: 'theme', header: 'Theme' },
  { key: 'applicable', header: 'Applicable' },
  { key: 'why', header: 'Reason for inclusion / justification for exclusion' },
  { key: 'status', header: 'Implementation status' },
  { key: 'owner', header: 'Owner' },
  { key: 'implementation', header: 'How it is implemented' },
  { key: 'links', header: 'Links (risks, documents, evidence, findings)' },
  { key: 'controlType', header: 'Control type' },
  { key: 'properties', header: 'Information security properties' },
  { key: 'concepts', header: 'Cybersecurity concepts' },
  { key: 'capabilities', header: 'Operational capabilities' },
  { key: 'domains', header: 'Security domains' },
];

export function soaSheets(
  v: SoaVersion,
  doc: Pick<OrgContext, 'organisation' | 'actor' | 'now'>,
): SheetSpec[] {
  const facts = versionFacts(v);
  const about = [
    ['Organisation', doc.organisation.name],
    ['Document', 'Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d)'],
    ['Version', facts.version],
    ['Approved by', facts.approvedBy],
    ['Approved on', facts.approvedOn],
    ['Change note', v.changeNote],
    ['Scope', v.scope.statement],
    ['Generated at', doc.now().toISOString()],
  ];
  return [
    {
      name: 'Statement of Applicability',
      columns: xlsxColumns,
      rows: v.entries.map((e) => ({ ...row(e), applicable: e.applicable ? 'yes' : 'no' })),
    },
    {
      name: 'About',
      columns: [
        { key: 'fact', header: 'Fact' },
        { key: 'value', header: 'Value' },
      ],
      rows: about.map(([fact, value]) => ({ fact: fact ?? '', value: value ?? '' })),
    },
    ...scopeBlocks(v)
      .filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')
      .map((b) => ({ name: b.caption?.slice(0, 31) ?? 'Scope', columns: b.columns, rows: b.rows })),
  ];
}

export async function soaExport(
  input: { number?: number | undefined; format: 'pdf' | 'xlsx' | 'json' | 'markdown' },
  ctx: OrgContext,
) {
  authorize(ctx, 'soa.read');
  const v = await showVersion({ number: input.number }, ctx);
  if (input.format === 'markdown') {
    const { renderMarkdown } = await import('../../reports/markdown.ts');
    return { version: v, bytes: Buffer.from(renderMarkdown(soaDocument(v, ctx))) };
  }
  if (input.format === 'json')
    return { version: v, bytes: Buffer.from(`${JSON.stringify(soaJson(v), null, 2)}\n`) };
  if (input.format === 'pdf') {
    const { renderPdf } = await import('../../reports/pdf.ts');
    return { version: v, bytes: await renderPdf(soaDocument(v, ctx)) };
  }
  const { renderXlsx } = await import('../../reports/xlsx.ts');
  const bytes = await renderXlsx(soaSheets(v, ctx), {
    title: `Statement of Applicability v${v.number}`,
    organisation: ctx.organisation.name,
    generatedAt: ctx.now().toISOString(),
  });
  return { version: v, bytes };
}
