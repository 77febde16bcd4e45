import { notFound } from '../../contracts/errors.ts';
import type { ReportDocument } from '../../reports/model.ts';
import { isNonconformity } from '../../vocabulary/index.ts';
import { findAuditByRef } from '../audits/audits.repository.ts';
import type { OrgContext } from '../context.ts';
import { presentAction, presentRecord } from '../corrective-actions/corrective-actions.presenter.ts';
import { findRecord, listActions } from '../corrective-actions/corrective-actions.repository.ts';
import { listEvidence } from '../evidence/evidence.repository.ts';
import { type FindingRow, presentFinding, requirementsOf } from '../findings/findings.presenter.ts';
import { listFindings } from '../findings/findings.repository.ts';
import { escalationMap } from '../findings/findings.service.ts';

export const reportKinds = ['cap', 'evidence', 'nc-statements', 'corrective-action-log'] as const;
export type ReportKind = (typeof reportKinds)[number];

const titles: Record<ReportKind, string> = {
  cap: 'Corrective Action Plan',
  evidence: 'Evidence of Correction',
  'nc-statements': 'Nonconformity statements',
  'corrective-action-log': 'Corrective action log (clause 10.2)',
};

/** Builds one report from the records; the same model renders to PDF, XLSX and JSON. */
export async function buildAuditReport(
  input: { kind: ReportKind; auditRef?: string | undefined },
  ctx: OrgContext,
): Promise<ReportDocument> {
  let auditId: string | undefined;
  let auditLabel: string | undefined;
  if (input.auditRef) {
    const audit = await findAuditByRef(ctx.db, ctx.organisation.id, input.auditRef);
    if (!audit) throw notFound(`audit ${input.auditRef}`);
    auditId = audit.id;
    auditLabel = `${audit.ref} (${audit.type}, ${audit.certification_body})`;
  }
  const { rows } = await listFindings(
    ctx.db,
    ctx.organisation.id,
    { auditId },
    { sort: 'ref', direction: 'asc' },
  );
  const today = ctx.now().toISOString().slice(0, 10);
  const generatedAt = ctx
    .now()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  const doc: ReportDocument = {
    title: titles[input.kind],
    subtitle: `ISO/IEC 27001:2022${auditLabel ? ` — audit ${auditLabel}` : ''}`,
    meta: {
      organisation: ctx.organisation.name,
      ...(auditLabel ? { audit: auditLabel } : {}),
      version: today,
      generatedAt,
      generatedBy: ctx.actor.label,
    },
    blocks: [],
  };
  const ncs = rows.filter((r) => isNonconformity(r.grade));
  if (input.kind === 'corrective-action-log') {
    const flags = await escalationMap(ctx);
    const actions = await listActions(
      ctx.db,
      ctx.organisation.id,
      rows.map((r) => r.id),
    );
    doc.blocks.push({
      kind: 'table',
      title: 'Nonconformities and corrective actions',
      columns: [
        { key: 'audit', header: 'Audit' },
        { key: 'ref', header: 'Ref' },
        { key: 'grade', header: 'Grade', width: 0.7 },
        { key: 'requirements', header: 'Requirements' },
        { key: 'status', header: 'State', width: 1.2 },
        { key: 'owner', header: 'Owner', width: 1.3 },
        { key: 'capDueOn', header: 'CAP due' },
        { key: 'evidenceDueOn', header: 'Evidence due' },
        { key: 'closeByOn', header: 'Close by' },
        { key: 'overdue', header: 'Overdue', width: 0.7 },
        { key: 'ageDays', header: 'Age (days)', width: 0.7 },
        { key: 'openActions', header: 'Open actions', width: 0.7 },
      ],
      rows: ncs.map((r) => {
        const f = presentFinding(r, today, flags.get(r.id) ?? []);
        return {
          audit: r.audit_ref,
          ref: f.ref,
          grade: f.grade,
          requirements: f.requirements.join(', '),
          status: f.status.replaceAll('_', ' '),
          owner: f.owner?.email ?? '',
          capDueOn: f.capDueOn,
          evidenceDueOn: f.evidenceDueOn,
          closeByOn: f.closeByOn,
          overdue: f.overdue ? 'yes' : 'no',
          ageDays: f.ageDays,
          openActions: actions.filter(
            (a) => a.finding_id === r.id && (a.status === 'open' || a.status === 'in_progress'),
          ).length,
        };
      }),
    });
    return doc;
  }
  const list = input.kind === 'nc-statements' ? rows : ncs;
  if (list.length === 0)
    doc.blocks.push({ kind: 'paragraph', text: 'No nonconformity is recorded for this selection.' });
  for (const r of list) await pushFinding(doc, input.kind, r, ctx, today);
  return doc;
}

async function pushFinding(
  doc: ReportDocument,
  kind: ReportKind,
  r: FindingRow,
  ctx: OrgContext,
  today: string,
) {
  doc.blocks.push({
    kind: 'heading',
    level: 2,
    text: `${r.ref} — ${r.grade} — ${requirementsOf(r).join(', ')}`,
  });
  doc.blocks.push({
    kind: 'fields',
    items: [
      { label: 'Nonconformity statement', value: r.statement },
      { label: 'Objective evidence seen by the auditor', value: r.objective_evidence },
      { label: 'State', value: r.status.replaceAll('_', ' ') },
      {
        label: 'Deadlines (CAP / evidence / closure)',
        value: [r.cap_due_on, r.evidence_due_on, r.close_by_on].map((d) => d ?? '—').join(' / '),
      },
    ],
  });
  if (kind === 'nc-statements') return;
  const rec = presentRecord((await findRecord(ctx.db, ctx.organisation.id, r.id))!);
  const actions = (await listActions(ctx.db, ctx.organisation.id, [r.id])).map((a) =>
    presentAction(a, today),
  );
  if (kind === 'cap') {
    doc.blocks.push({
      kind: 'fields',
      items: [
        {
          label: 'Correction (containment)',
          value: [
            rec.correction.what,
            rec.correction.who && `by ${rec.correction.who}`,
            rec.correction.on && `on ${rec.correction.on}`,
          ]
            .filter(Boolean)
            .join(' '),
        },
        {
          label: `Root cause (${rec.rootCause.method === 'five_whys' ? '5 whys' : 'cause categories'})`,
          value: rec.rootCause.statement,
        },
      ],
    });
    if (rec.rootCause.whys.length > 0)
      doc.blocks.push({
        kind: 'list',
        items: rec.rootCause.whys.map((w, i) => `Why ${i + 1}: ${w.question} — ${w.answer}`),
      });
    if (rec.rootCause.categories.length > 0)
      doc.blocks.push({
        kind: 'list',
        items: rec.rootCause.categories.map((c) => `${c.category}: ${c.cause}`),
      });
    doc.blocks.push({
      kind: 'table',
      title: 'Corrective actions',
      columns: [
        { key: 'title', header: 'Action', width: 3 },
        { key: 'owner', header: 'Owner', width: 1.5 },
        { key: 'dueOn', header: 'Due' },
        { key: 'status', header: 'Status' },
      ],
      rows: actions.map((a) => ({
        title: a.title,
        owner: a.owner?.email ?? '',
        dueOn: a.dueOn,
        status: a.status,
      })),
    });
    doc.blocks.push({
      kind: 'fields',
      items: [
        { label: 'Expected effect', value: rec.expectedEffect },
        { label: 'Effectiveness criteria', value: rec.effectiveness.criteria },
      ],
    });
    return;
  }
  const evidence = await listEvidence(ctx.db, ctx.organisation.id, [r.id]);
  doc.blocks.push({
    kind: 'fields',
    items: [
      {
        label: 'What was done',
        value: actions
          .map((a) => `${a.title} (${a.status}${a.completedAt ? `, ${a.completedAt.slice(0, 10)}` : ''})`)
          .join('; '),
      },
      {
        label: 'Internal verification (clause 9.2)',
        value: verificationText(rec.verification),
      },
      {
        label: 'Effectiveness review',
        value: [
          rec.effectiveness.criteria,
          rec.effectiveness.result && `Result: ${rec.effectiveness.result}`,
          rec.effectiveness.notes,
        ]
          .filter(Boolean)
          .join(' — '),
      },
      {
        label: "Certification body's decision",
        value: rec.auditorDecision.by
          ? `${rec.auditorDecision.by}, ${rec.auditorDecision.on}${rec.auditorDecision.note ? `: ${rec.auditorDecision.note}` : ''}`
          : 'Pending',
      },
    ],
  });
  doc.blocks.push({
    kind: 'table',
    title: 'Evidence index',
    columns: [
      { key: 'file', header: 'File', width: 2 },
      { key: 'attachedTo', header: 'Attached to' },
      { key: 'uploaded', header: 'Uploaded', width: 1.6 },
      { key: 'sha256', header: 'SHA-256', width: 4 },
    ],
    rows: evidence.map((e) => ({
      file: e.file_name,
      attachedTo: e.attached_to,
      uploaded: `${e.uploaded_by}, ${e.uploaded_at.slice(0, 10)}`,
      sha256: e.sha256,
    })),
  });
}

/** Who verified, when, against which criteria with what verdict, and the evidence examined. */
function verificationText(v: ReturnType<typeof presentRecord>['verification']): string {
  if (!v.by) return 'Not verified yet';
  const verdict =
    v.criteriaMet === true
      ? 'effectiveness criteria met'
      : v.criteriaMet === false
        ? 'effectiveness criteria not met'
        : 'effectiveness criteria check not recorded';
  return [
    `Verified by ${v.by} on ${v.on}, independently of the implementers: ${verdict}.`,
    v.criteria && `Criteria: ${v.criteria}`,
    v.evidence.length > 0 &&
      `Evidence examined: ${v.evidence.map((e) => `${e.fileName} (SHA-256 ${e.sha256.slice(0, 16)}…)`).join('; ')}`,
    v.notes && `Verifier's notes: ${v.notes}`,
  ]
    .filter(Boolean)
    .join(' ');
}
