// Evidence of Correction: per nonconformity, what was done and the proof of it — correction and root
// cause in brief, each action with its completion date, the evidence index (full SHA-256, the action
// each file proves), internal verification (9.2), the review of effectiveness (10.2 d) as its own record
// (result, reviewer, date, evidence — or when it is due), and the decisions, each labelled by what it
// decided: the certification body's for its audits, the organisation's for internal and second-party ones.

import type { Block, ReportDocument } from '../../reports/document.ts';
import {
  actionState,
  baseDocument,
  correctionText,
  dash,
  effectivenessText,
  findingHeading,
  humanStatus,
  requirementText,
} from './report-blocks.ts';
import { type FindingData, isNc, type ReportData } from './report-data.ts';

const size = (n: number) =>
  n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} B`;

function verification(f: FindingData): Block {
  const v = f.record!.verification;
  if (!v.by)
    return { kind: 'keyValue', items: [{ label: 'Internal verification (9.2)', value: 'Not verified yet' }] };
  const verdict =
    v.criteriaMet === true
      ? 'criteria met'
      : v.criteriaMet === false
        ? 'criteria not met'
        : 'verdict not recorded';
  return {
    kind: 'keyValue',
    items: [
      { label: 'Internal verification (9.2)', value: `${f.named.verifier}, ${dash(v.on)}: ${verdict}` },
      { label: 'Criteria checked', value: dash(v.criteria) },
      {
        label: 'Evidence examined',
        value: v.evidence.length ? v.evidence.map((e) => e.fileName).join('; ') : '—',
      },
      { label: "Verifier's notes", value: dash(v.notes) },
    ],
  };
}

function ncBlocks(f: FindingData): Block[] {
  const rec = f.record!;
  const blocks: Block[] = [
    findingHeading(f),
    {
      kind: 'keyValue',
      items: [
        { label: 'Requirement', value: requirementText(f) },
        { label: 'Nonconformity statement', value: dash(f.statement) },
        { label: 'State', value: humanStatus(f.status) },
        { label: 'Correction', value: correctionText(f) },
        { label: 'Root cause', value: dash(rec.rootCause.statement) },
      ],
    },
    {
      kind: 'table',
      caption: 'Actions taken',
      columns: [
        { key: 'title', header: 'Action', width: 3 },
        { key: 'owner', header: 'Owner', width: 1.8 },
        { key: 'status', header: 'Status', width: 1.1 },
        { key: 'completedOn', header: 'Completed', width: 1 },
      ],
      rows: f.actions
        .filter((a) => a.status !== 'cancelled')
        .map((a) => ({
          title: a.title,
          owner: a.owner ?? 'no owner',
          status: actionState(a.status),
          completedOn: a.completedOn ?? (a.dueOn ? `due ${a.dueOn}` : '—'),
        })),
    },
    {
      kind: 'table',
      caption: 'Evidence index',
      columns: [
        { key: 'file', header: 'File', width: 1.6 },
        { key: 'description', header: 'Description', width: 2.2 },
        { key: 'proves', header: 'Proves', width: 1.8 },
        { key: 'size', header: 'Size', width: 0.8 },
        { key: 'uploaded', header: 'Uploaded', width: 1.8 },
      ],
      rows: f.evidence.map((e) => ({
        file: e.fileName,
        description: dash(e.description),
        proves: e.proves,
        size: size(e.sizeBytes),
        uploaded: `${e.uploadedBy}, ${e.uploadedAt.replace(/\.\d+Z$/, 'Z')}`,
      })),
    },
  ];
  if (f.evidence.length > 0)
    blocks.push({
      kind: 'table',
      caption: 'Evidence SHA-256',
      columns: [
        { key: 'file', header: 'File', width: 1.2 },
        { key: 'sha256', header: 'SHA-256 (full)', width: 4 },
      ],
      rows: f.evidence.map((e) => ({ file: e.fileName, sha256: e.sha256 })),
    });
  blocks.push(verification(f));
  const review = f.review;
  // The review's own record once it has a result; until then the one line says when and by whom it is due.
  blocks.push({
    kind: 'keyValue',
    items: [
      { label: 'Effectiveness review (10.2 d)', value: effectivenessText(f) },
      ...(review?.result
        ? [
            { label: 'Reviewer', value: dash(review.reviewer) },
            { label: 'Reviewed on', value: dash(review.reviewedOn) },
            {
              label: 'Evidence reviewed',
              value: review.evidence.length ? review.evidence.join('; ') : '—',
            },
          ]
        : []),
    ],
  });
  blocks.push({
    kind: 'table',
    caption:
      f.closer === 'organisation' ? "Organisation's decisions (10.2)" : "Certification body's decisions",
    columns: [
      { key: 'decision', header: 'Decision', width: 1.2 },
      { key: 'by', header: 'By', width: 1.6 },
      { key: 'on', header: 'Date', width: 0.9 },
      { key: 'note', header: 'Note', width: 2.3 },
    ],
    rows:
      f.decisions.length > 0
        ? f.decisions.map((d) => ({ decision: `${d.label} on ${d.on}`, by: d.by, on: d.on, note: d.note }))
        : [{ decision: 'No decision recorded yet', by: '', on: '', note: '' }],
  });
  return blocks;
}

export function evidenceDocument(
  data: ReportData,
  meta: { organisation: string; generatedAt: string; generatedBy: string },
): ReportDocument {
  const doc = baseDocument('Evidence of Correction', data.audit, meta, {
    revision: `records as of ${meta.generatedAt.slice(0, 10)}`,
  });
  const ncs = data.findings.filter(isNc);
  if (ncs.length === 0)
    doc.blocks.push({ kind: 'paragraph', text: 'No nonconformity is recorded for this selection.' });
  for (const f of ncs) doc.blocks.push(...ncBlocks(f));
  return doc;
}
