// The Corrective Action Plan: per nonconformity, in report order (majors, then minors), what ISO/IEC
// 27001:2022 clause 10.2 asks for — the correction (a), the root cause and the extent (b), the actions
// (c), how and when effectiveness will be reviewed (d), the ISMS changes (e) — with a decision block
// for the certification body. The header names the revision and who submitted and approved it.

import type { Block, ReportDocument } from '../../reports/document.ts';
import { plainWords } from '../../vocabulary/labels.ts';
import {
  actionState,
  baseDocument,
  correctionText,
  dash,
  effectivenessText,
  findingHeading,
  statementFields,
} from './report-blocks.ts';
import { type FindingData, isNc, type ReportData } from './report-data.ts';

/** What an NC still lacks before the plan can be submitted (empty: ready). */
export function capGaps(f: FindingData): string[] {
  const gaps: string[] = [];
  if (!f.record?.correction.what.trim()) gaps.push('a correction');
  if (!f.record?.rootCause.statement.trim()) gaps.push('a root-cause statement');
  const owned = f.actions.some((a) => a.status !== 'cancelled' && a.owner && a.dueOn);
  if (!owned) gaps.push('a corrective action with an owner and a due date');
  return gaps;
}

export interface CapHeader {
  revision: string;
  submittedBy?: string;
  approvedBy?: string;
}

const METHOD: Record<string, string> = { five_whys: '5 whys', cause_categories: 'cause categories' };

function ncBlocks(f: FindingData): Block[] {
  const rec = f.record!;
  const blocks: Block[] = [findingHeading(f), statementFields(f, false)];
  blocks.push({
    kind: 'keyValue',
    items: [
      {
        label: 'Extent: where else it exists or could occur (10.2 b 3)',
        value: dash(rec.rootCause.similarElsewhere),
      },
      { label: 'Correction (10.2 a)', value: correctionText(f) },
      { label: 'Root cause method (10.2 b 2)', value: METHOD[rec.rootCause.method] ?? rec.rootCause.method },
      { label: 'Root cause statement', value: dash(rec.rootCause.statement) },
    ],
  });
  const whys = rec.rootCause.whys.filter((w) => w.question.trim() || w.answer.trim());
  if (whys.length > 0)
    blocks.push({
      kind: 'bulletList',
      label: 'Chain of whys',
      items: whys.map((w, i) => `Why ${i + 1}: ${w.question} — ${w.answer}`),
    });
  if (rec.rootCause.categories.length > 0)
    blocks.push({
      kind: 'bulletList',
      label: 'Cause categories',
      items: rec.rootCause.categories.map((c) => `${c.category}: ${c.cause}`),
    });
  const planned = f.actions.filter((a) => a.status !== 'cancelled');
  if (planned.length === 0)
    blocks.push({ kind: 'paragraph', text: `No corrective action is planned yet for ${f.ref}.` });
  else
    blocks.push({
      kind: 'table',
      caption: 'Corrective actions (10.2 c)',
      columns: [
        { key: 'title', header: 'Action', width: 3 },
        { key: 'owner', header: 'Owner', width: 1.8 },
        { key: 'dueOn', header: 'Due', width: 1 },
        { key: 'status', header: 'Status', width: 1.1 },
      ],
      rows: planned.map((a) => ({
        title: a.description ? `${a.title} — ${a.description}` : a.title,
        owner: a.owner ?? 'no owner',
        dueOn: a.dueOn ?? 'no due date',
        status: actionState(a.status),
      })),
    });
  blocks.push({
    kind: 'keyValue',
    items: [
      { label: 'Expected effect', value: dash(rec.expectedEffect) },
      { label: 'Effectiveness criteria (10.2 d)', value: dash(rec.effectiveness.criteria) },
      // The planned review is the review record's (due date, independent reviewer), the same text as the
      // Evidence of Correction prints; the closure deadline is not a review date.
      { label: 'Effectiveness review (10.2 d)', value: effectivenessText(f) },
    ],
  });
  if (f.amendments.length === 0)
    blocks.push({ kind: 'paragraph', text: `ISMS changes (10.2 e): none recorded for ${f.ref}.` });
  else
    blocks.push({
      kind: 'table',
      caption: 'ISMS changes (10.2 e)',
      columns: [
        { key: 'kind', header: 'Kind', width: 1 },
        { key: 'reference', header: 'Reference', width: 1.4 },
        { key: 'description', header: 'Change', width: 3 },
      ],
      rows: f.amendments.map((m) => ({ ...m, kind: plainWords(m.kind) })),
    });
  const plan = f.decisions.filter((d) => d.label.startsWith('Plan'));
  blocks.push({
    kind: 'table',
    // Internal and second-party audits: the ISMS manager accepts the plan (10.2), no CB step exists.
    caption:
      f.closer === 'organisation'
        ? "Organisation's decision on the plan"
        : 'Certification body decision on the plan',
    columns: [
      { key: 'decision', header: 'Decision', width: 1.1 },
      { key: 'by', header: 'By', width: 1.6 },
      { key: 'on', header: 'Date', width: 0.9 },
      { key: 'note', header: 'Note', width: 2.4 },
    ],
    rows:
      plan.length > 0
        ? plan.map((d) => ({
            decision: d.accepted ? 'Accepted' : 'Rejected',
            by: d.by,
            on: d.on,
            note: d.note,
          }))
        : [{ decision: 'Pending: accepted / rejected', by: '', on: '', note: '' }],
  });
  return blocks;
}

export function capDocument(
  data: ReportData,
  meta: { organisation: string; generatedAt: string; generatedBy: string },
  header: CapHeader,
): ReportDocument {
  const ncs = data.findings.filter(isNc);
  const doc = baseDocument('Corrective Action Plan', data.audit, meta, {
    capRevision: header.revision,
    submittedBy: header.submittedBy ?? 'not submitted',
    approvedBy: header.approvedBy ?? 'not approved',
  });
  const incomplete = ncs.flatMap((f) => {
    const gaps = capGaps(f);
    return gaps.length ? [`${f.ref} lacks ${gaps.join(', ')}`] : [];
  });
  doc.blocks.push({
    kind: 'paragraph',
    text:
      ncs.length === 0
        ? 'No nonconformity is recorded for this selection.'
        : `${ncs.length} nonconformities (${ncs.filter((f) => f.grade === 'major').length} major, ${ncs.filter((f) => f.grade === 'minor').length} minor), majors first. ` +
          (incomplete.length === 0
            ? 'Every nonconformity has a correction, a root-cause statement and an owned, dated action.'
            : 'The plan is incomplete:'),
  });
  if (incomplete.length > 0) doc.blocks.push({ kind: 'bulletList', label: 'Incomplete', items: incomplete });
  for (const f of ncs) doc.blocks.push(...ncBlocks(f));
  return doc;
}
