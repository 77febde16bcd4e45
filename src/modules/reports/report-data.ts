// Everything the audit reports print, read once per report through the owning modules' read functions:
// the audit, its findings in report order (majors, then minors, then the rest), each NC's corrective
// action record, actions, ISMS changes, evidence and the certification body's decisions, with people
// named by name and role (never by email alone).

import { closerOf } from '../../domain/findings/closure.ts';
import { parseRequirementRef } from '../../domain/findings/requirement-ref.ts';
import { requirementCatalogue } from '../../reference/catalogue.ts';
import { type Grade, isNonconformity } from '../../vocabulary/index.ts';
import { roleTitles } from '../../vocabulary/roles.ts';
import { auditByRef } from '../audits/index.ts';
import type { OrgContext } from '../context.ts';
import { actionsOf, amendmentsOf, presentRecord, recordOf } from '../corrective-actions/index.ts';
import { evidenceOf } from '../evidence/index.ts';
import {
  listEvents,
  listFindingRows as listFindings,
  requirementsOf,
  reviewRecords,
} from '../findings/index.ts';
import { memberDirectory } from '../members/index.ts';

export interface AuditInfo {
  id: string;
  ref: string;
  type: string;
  certificationBody: string;
  leadAuditor: string | null;
  startsOn: string | null;
  endsOn: string | null;
  scope: string;
}

export type Record10_2 = ReturnType<typeof presentRecord>;

export interface ActionData {
  id: string;
  title: string;
  description: string;
  owner: string | null;
  dueOn: string | null;
  status: string;
  completedOn: string | null;
}

export interface EvidenceData {
  fileName: string;
  sizeBytes: number;
  sha256: string;
  mediaType: string;
  description: string;
  uploadedBy: string;
  uploadedAt: string;
  /** What the file proves: an action's title, the correction, the effectiveness review or the NC. */
  proves: string;
}

export interface DecisionData {
  /** What was decided, e.g. "Plan accepted". */
  label: string;
  accepted: boolean;
  by: string;
  on: string;
  note: string;
}

/** The review of effectiveness (10.2 d), its own record: never the criteria standing in for a result. */
export interface ReviewData {
  criteria: string;
  dueOn: string | null;
  reviewer: string;
  result: 'effective' | 'not_effective' | null;
  reviewedOn: string | null;
  notes: string;
  evidence: string[];
}

export interface FindingData {
  id: string;
  /** Who closes it, from its audit's type: the organisation (internal, second party) or the CB. */
  closer: 'organisation' | 'certification_body';
  review: ReviewData | null;
  ref: string;
  grade: string;
  auditRef: string;
  requirements: { ref: string; title: string | null }[];
  statement: string;
  objectiveEvidence: string;
  area: string;
  status: string;
  owner: string | null;
  ofiReason: string | null;
  raisedOn: string;
  closedOn: string | null;
  capDueOn: string | null;
  evidenceDueOn: string | null;
  closeByOn: string | null;
  record: Record10_2 | null;
  /** People of the record by name and role: who corrected, reviewed effectiveness, verified. */
  named: { correctionBy: string; reviewer: string; verifier: string };
  actions: ActionData[];
  amendments: { kind: string; reference: string; description: string }[];
  evidence: EvidenceData[];
  decisions: DecisionData[];
}

export interface ReportData {
  audit: AuditInfo | null;
  findings: FindingData[];
}

export const isNc = (f: { grade: string }) => isNonconformity(f.grade);

// Majors first, then minors (the CB reads the ones that block certification first), then the rest.
const GRADE_ORDER: Record<Grade, number> = { major: 0, minor: 1, ofi: 2, observation: 3, positive: 4 };
const gradeOrder = (g: string) => (Object.hasOwn(GRADE_ORDER, g) ? GRADE_ORDER[g as Grade] : 9);
const byReportOrder = (a: FindingData, b: FindingData) =>
  gradeOrder(a.grade) - gradeOrder(b.grade) ||
  a.auditRef.localeCompare(b.auditRef, 'en', { numeric: true }) ||
  a.ref.localeCompare(b.ref, 'en', { numeric: true });

// The decisions in the lifecycle, each under its name: the certification body's (ISO/IEC 17021-1
// 9.4.9–9.5) for its audits, the organisation's (10.2, the ISMS manager) for internal and second-party ones.
const DECISIONS: Record<string, { label: string; accepted: boolean }> = {
  accept_plan: { label: 'Plan accepted', accepted: true },
  reject_plan: { label: 'Plan rejected', accepted: false },
  reject_evidence: { label: 'Evidence rejected', accepted: false },
  record_auditor_acceptance: { label: 'Evidence accepted', accepted: true },
  close: { label: 'Closed', accepted: true },
};

const proves: Record<string, string> = {
  finding: 'the nonconformity as a whole',
  correction: 'the correction',
  review: 'the effectiveness review',
};

/** A person as a report names them: "Name (Role)" for members, the recorded label otherwise. */
export async function peopleDirectory(ctx: OrgContext) {
  const rows = await memberDirectory(ctx.db, ctx.organisation.id, 1000);
  const label = (m: (typeof rows)[number]) =>
    `${m.name || m.email} (${roleTitles[m.role as keyof typeof roleTitles] ?? m.role})`;
  const byEmail = new Map(rows.map((m) => [m.email.toLowerCase(), label(m)]));
  const byId = new Map(rows.map((m) => [m.user_id, label(m)]));
  return {
    byId: (id: string | null) => (id ? (byId.get(id) ?? null) : null),
    named: (emailOrName: string | null | undefined) =>
      emailOrName ? (byEmail.get(emailOrName.trim().toLowerCase()) ?? emailOrName) : '',
  };
}

export type People = Awaited<ReturnType<typeof peopleDirectory>>;

export async function loadAudit(ctx: OrgContext, auditRef: string | undefined): Promise<AuditInfo | null> {
  if (!auditRef) return null;
  const a = await auditByRef(ctx.db, ctx.organisation.id, auditRef);
  if (!a) return null;
  return {
    id: a.id,
    ref: a.ref,
    type: a.type,
    certificationBody: a.certification_body,
    leadAuditor: a.lead_auditor,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    scope: a.scope,
  };
}

/** The findings of one audit (or all audits) with their records, in report order. */
export async function loadReportData(
  ctx: OrgContext,
  audit: AuditInfo | null,
  people: People,
  audits: (ref: string) => Promise<AuditInfo | null> = async () => audit,
): Promise<ReportData> {
  const { rows } = await listFindings(
    ctx.db,
    ctx.organisation.id,
    { auditId: audit?.id },
    { sort: 'ref', direction: 'asc' },
  );
  const ids = rows.map((r) => r.id);
  const allActions = await actionsOf(ctx.db, ctx.organisation.id, ids);
  const allEvidence = await evidenceOf(ctx.db, ctx.organisation.id, ids);
  const reviews = await reviewRecords(ctx, ids);
  const findings: FindingData[] = [];
  for (const r of rows) {
    const nc = isNc(r);
    const rec = nc ? await recordOf(ctx.db, ctx.organisation.id, r.id) : undefined;
    const actions = allActions
      .filter((a) => a.finding_id === r.id)
      .map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        owner: people.byId(a.owner_user_id),
        dueOn: a.due_on,
        status: a.status,
        completedOn: a.completed_at?.slice(0, 10) ?? null,
      }));
    const events = nc ? await listEvents(ctx.db, ctx.organisation.id, r.id) : [];
    const auditOfFinding = await audits(r.audit_ref ?? '');
    const record = rec ? presentRecord(rec) : null;
    const closer = closerOf(r.audit_type);
    const review = reviews.get(r.id);
    findings.push({
      id: r.id,
      closer,
      review: review
        ? {
            ...review,
            reviewer: people.byId(review.reviewerId) ?? '',
            evidence: review.evidence.map((e) => e.fileName),
          }
        : null,
      ref: r.ref,
      grade: r.grade,
      auditRef: r.audit_ref ?? '',
      requirements: requirementsOf(r).map((ref) => {
        const parsed = parseRequirementRef(ref, requirementCatalogue);
        return { ref, title: parsed.ok ? parsed.ref.title : null };
      }),
      statement: r.statement,
      objectiveEvidence: r.objective_evidence,
      area: r.area,
      status: r.status,
      owner: people.byId(r.owner_user_id),
      ofiReason: r.ofi_reason,
      // Raised at the audit: its last day, or the day the finding was recorded when the audit has none.
      raisedOn: auditOfFinding?.endsOn ?? r.created_at.slice(0, 10),
      closedOn: r.closed_at?.slice(0, 10) ?? null,
      capDueOn: r.cap_due_on,
      evidenceDueOn: r.evidence_due_on,
      closeByOn: r.close_by_on,
      record,
      named: {
        correctionBy: people.named(record?.correction.who),
        reviewer: people.named(record?.effectiveness.reviewerEmail),
        verifier: people.named(record?.verification.by),
      },
      actions,
      amendments: nc
        ? (await amendmentsOf(ctx.db, ctx.organisation.id, r.id)).map((m) => ({
            kind: m.kind,
            reference: m.reference,
            description: m.description,
          }))
        : [],
      evidence: allEvidence
        .filter((e) => e.finding_id === r.id)
        .map((e) => ({
          fileName: e.file_name,
          sizeBytes: Number(e.size_bytes),
          sha256: e.sha256,
          mediaType: e.media_type,
          description: e.description,
          uploadedBy: people.named(e.uploaded_by),
          uploadedAt: e.uploaded_at,
          proves:
            e.attached_to === 'action'
              ? `action: ${actions.find((a) => a.id === e.attached_id)?.title ?? '(removed action)'}`
              : (proves[e.attached_to] ?? e.attached_to),
        })),
      decisions: events.flatMap((ev) => {
        const d = ev.kind === 'transition' && ev.action ? DECISIONS[ev.action] : undefined;
        if (!d) return [];
        const details = JSON.parse(ev.details_json) as {
          decisionDate?: string;
          note?: string;
          role?: string;
        };
        const actor = people.named(ev.actor_label);
        const by =
          closer === 'organisation'
            ? `${actor}, for the organisation`
            : details.role === 'external_auditor'
              ? actor
              : `certification body (recorded by ${actor})`;
        return [
          { ...d, by, on: details.decisionDate ?? ev.at.slice(0, 10), note: details.note || ev.body || '' },
        ];
      }),
    });
  }
  findings.sort(byReportOrder);
  return { audit, findings };
}
