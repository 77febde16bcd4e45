// Blocks and wording shared by the audit reports, so an NC reads the same in each of them.

import type { Block, ReportDocument } from '../../reports/document.ts';
import { type AuditType, auditTypeTraits } from '../../vocabulary/audit-types.ts';
import { labelOf } from '../../vocabulary/labels.ts';
import type { AuditInfo, FindingData } from './report-data.ts';

/** A grade in the vocabulary's words (src/vocabulary/grades.ts), as the web app shows it. */
export const gradeLabel = (g: string) => labelOf.grade(g);
/** A finding's or an action's state in the words the web app uses (src/vocabulary/labels.ts). */
export const humanStatus = (s: string) => labelOf.findingStatus(s);
export const actionState = (s: string) => labelOf.actionStatus(s);
export const dash = (v: string | null | undefined) => (v && v.trim() !== '' ? v : '—');

/** "A.8.8 Management of technical vulnerabilities; 9.2 Internal audit" */
export const requirementText = (f: FindingData) =>
  f.requirements.map((r) => (r.title ? `${r.ref} ${r.title}` : r.ref)).join('; ') || '—';

export function findingHeading(f: FindingData): Block {
  return {
    kind: 'heading',
    level: 2,
    key: f.ref,
    text: `${f.ref} — ${gradeLabel(f.grade)} — ${f.requirements.map((r) => r.ref).join(', ') || 'no requirement'}`,
  };
}

/** What the auditor raised: requirement with its title, statement, objective evidence, area. */
export function statementFields(f: FindingData, withAudit: boolean): Block {
  return {
    kind: 'keyValue',
    items: [
      ...(withAudit ? [{ label: 'Audit', value: f.auditRef }] : []),
      { label: 'Grade', value: gradeLabel(f.grade) },
      { label: 'Requirement', value: requirementText(f) },
      { label: 'Nonconformity statement', value: dash(f.statement) },
      { label: 'Objective evidence seen by the auditor', value: dash(f.objectiveEvidence) },
      { label: 'Area or process', value: dash(f.area) },
    ],
  };
}

export function correctionText(f: FindingData): string {
  const c = f.record?.correction;
  if (!c?.what.trim()) return 'No correction recorded';
  return `${c.what} — by ${dash(f.named.correctionBy)}, on ${dash(c.on)}`;
}

/** 10.2 d: the result of the review, or when it falls due. */
/** The review of effectiveness (10.2 d) as recorded: its result, reviewer and date, or when it is due. */
export function effectivenessText(f: FindingData): string {
  const r = f.review;
  if (r?.result)
    return `${r.result === 'effective' ? 'Effective' : 'Not effective'} — reviewed by ${dash(r.reviewer)} on ${dash(r.reviewedOn)}${r.notes ? `: ${r.notes}` : ''}`;
  if (r?.dueOn)
    return `Planned: due on ${r.dueOn}${r.reviewer ? `, reviewer ${r.reviewer}` : ''} (not reviewed yet)`;
  return 'Not planned yet: a due date and an independent reviewer are still to be set';
}

/** The same review in a table cell of the corrective action log: the result or the due date, briefly. */
export function effectivenessBrief(f: FindingData): string {
  const r = f.review;
  if (r?.result) return `${r.result === 'effective' ? 'Effective' : 'Not effective'}, ${dash(r.reviewedOn)}`;
  if (r?.dueOn) return `Due ${r.dueOn}`;
  return 'Not planned';
}

const days = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000));
/** Days open: from the day raised to the day closed, or to today while open. */
export const ageDays = (f: FindingData, today: string) => days(f.raisedOn, f.closedOn ?? today);

const isCertificationAudit = (type: string) =>
  Object.hasOwn(auditTypeTraits, type) ? auditTypeTraits[type as AuditType].certification : true;

export function auditFacts(audit: AuditInfo | null): Record<string, string> {
  if (!audit) return { audit: 'All audits' };
  return {
    audit: `${audit.ref} (${labelOf.auditType(audit.type)})`,
    auditDates:
      audit.startsOn && audit.startsOn === audit.endsOn
        ? audit.startsOn
        : `${dash(audit.startsOn)} to ${dash(audit.endsOn)}`,
    // An internal or second-party audit has no certification body: it names who audited.
    ...(isCertificationAudit(audit.type)
      ? { certificationBody: audit.certificationBody }
      : { auditedBy: audit.certificationBody }),
    leadAuditor: dash(audit.leadAuditor),
  };
}

export function baseDocument(
  title: string,
  audit: AuditInfo | null,
  meta: { organisation: string; generatedAt: string; generatedBy: string },
  extra: Record<string, string> = {},
): ReportDocument {
  return {
    title,
    subtitle: `ISO/IEC 27001:2022${audit ? ` — ${audit.ref}, ${audit.certificationBody}` : ''}`,
    sections: { label: 'NC', sheet: 'Nonconformities' },
    meta: {
      organisation: meta.organisation,
      ...auditFacts(audit),
      reportDate: meta.generatedAt.slice(0, 10),
      ...extra,
      generatedAt: meta.generatedAt,
      generatedBy: meta.generatedBy,
    },
    blocks: [],
  };
}
