// Nonconformity statements (NCs only; OFIs and observations in their own section) and the corrective
// action log, the register clause 10.2 asks to keep as documented information (10.2 f, g).

import type { ReportDocument } from '../../reports/document.ts';
import { labelOf } from '../../vocabulary/labels.ts';
import {
  ageDays,
  baseDocument,
  dash,
  effectivenessBrief,
  findingHeading,
  gradeLabel,
  humanStatus,
  statementFields,
} from './report-blocks.ts';
import { isNc, type ReportData } from './report-data.ts';

type Meta = { organisation: string; generatedAt: string; generatedBy: string };
const asOf = (meta: Meta) => ({ revision: `records as of ${meta.generatedAt.slice(0, 10)}` });

export function ncStatementsDocument(data: ReportData, meta: Meta): ReportDocument {
  const doc = baseDocument('Nonconformity statements', data.audit, meta, asOf(meta));
  const ncs = data.findings.filter(isNc);
  const others = data.findings.filter((f) => !isNc(f));
  const withAudit = data.audit === null;
  doc.blocks.push({ kind: 'heading', level: 1, text: 'Nonconformities', key: '' });
  if (ncs.length === 0)
    doc.blocks.push({ kind: 'paragraph', text: 'No nonconformity is recorded for this selection.' });
  for (const f of ncs) doc.blocks.push(findingHeading(f), statementFields(f, withAudit));
  doc.blocks.push({
    kind: 'heading',
    level: 1,
    text: 'Opportunities for improvement and observations',
    key: '',
  });
  if (others.length === 0)
    doc.blocks.push({
      kind: 'paragraph',
      text: 'No opportunity for improvement or observation is recorded.',
    });
  for (const f of others) {
    doc.blocks.push(findingHeading(f), {
      kind: 'keyValue',
      items: [
        ...(withAudit ? [{ label: 'Audit', value: f.auditRef }] : []),
        { label: 'Grade', value: gradeLabel(f.grade) },
        {
          label: 'Requirement',
          value: f.requirements.map((r) => (r.title ? `${r.ref} ${r.title}` : r.ref)).join('; ') || '—',
        },
        { label: 'Finding', value: dash(f.statement) },
        { label: 'Decision', value: humanStatus(f.status) + (f.ofiReason ? ` — ${f.ofiReason}` : '') },
      ],
    });
  }
  return doc;
}

export function actionLogDocument(data: ReportData, meta: Meta, today: string): ReportDocument {
  const doc = baseDocument('Corrective action log (clause 10.2)', data.audit, meta, asOf(meta));
  doc.orientation = 'landscape';
  // Widths in points of a landscape A4 text line (742 pt): a date (10 digits) and every status word
  // fit on one line, so only free text (owner names, root cause) wraps, and only between words.
  doc.blocks.push({
    kind: 'table',
    caption: 'Nonconformities and corrective actions',
    columns: [
      { key: 'ref', header: 'NC', width: 50 },
      { key: 'audit', header: 'Audit', width: 62 },
      { key: 'grade', header: 'Grade', width: 40 },
      { key: 'requirement', header: 'Requirement', width: 72 },
      { key: 'raisedOn', header: 'Raised', width: 64 },
      { key: 'ageDays', header: 'Age (days)', width: 44 },
      { key: 'owner', header: 'Owner', width: 84 },
      { key: 'state', header: 'State', width: 78 },
      { key: 'rootCause', header: 'Root cause', width: 100 },
      { key: 'effectiveness', header: 'Effectiveness review', width: 88 },
      { key: 'closedOn', header: 'Closed', width: 64 },
    ],
    rows: data.findings.filter(isNc).map((f) => ({
      ref: f.ref,
      audit: f.auditRef,
      grade: labelOf.gradeShort(f.grade),
      requirement: f.requirements.map((r) => r.ref).join(', '),
      raisedOn: f.raisedOn,
      ageDays: ageDays(f, today),
      owner: f.owner ?? f.actions.find((a) => a.owner)?.owner ?? '—',
      state: humanStatus(f.status),
      rootCause: dash(f.record?.rootCause.statement),
      effectiveness: effectivenessBrief(f),
      closedOn: f.closedOn ?? 'open',
    })),
  });
  return doc;
}
