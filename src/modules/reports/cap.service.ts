import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { ReportDocument } from '../../reports/document.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { presentCapRevision } from './cap.presenter.ts';
import { capDocument, capGaps } from './cap.report.ts';
import { type AuditInfo, isNc, loadAudit, loadReportData, peopleDirectory } from './report-data.ts';
import * as repo from './reports.repository.ts';

// Submitting a Corrective Action Plan: refused, naming each NC and what it lacks, until every
// nonconformity has a correction (10.2 a), a root-cause statement (10.2 b) and a corrective action with
// an owner and a due date (10.2 c); then stored as the next revision, exactly as submitted.

const stamp = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

async function auditOf(ctx: OrgContext, ref: string): Promise<AuditInfo> {
  const audit = await loadAudit(ctx, ref);
  if (!audit) throw notFound(`audit ${ref}`);
  return audit;
}

/** The header fact "Name (Role), YYYY-MM-DD". */
const signed = (who: string | null, at: string | null) =>
  who && at ? `${who}, ${at.slice(0, 10)}` : undefined;

export async function submitCap(input: { auditRef: string }, ctx: OrgContext) {
  authorize(ctx, 'cap.submit');
  return inTransaction(ctx, async (tx) => {
    const audit = await auditOf(tx, input.auditRef);
    const people = await peopleDirectory(tx);
    const data = await loadReportData(tx, audit, people);
    const ncs = data.findings.filter(isNc);
    if (ncs.length === 0)
      throw new AppError(
        'invalid_state',
        `audit ${audit.ref} has no nonconformity to plan corrective action for`,
      );
    const incomplete = ncs.map((f) => ({ f, gaps: capGaps(f) })).filter((x) => x.gaps.length > 0);
    if (incomplete.length > 0)
      throw new AppError(
        'invalid_state',
        `the corrective action plan cannot be submitted: ${incomplete.map((x) => `${x.f.ref} lacks ${x.gaps.join(', ')}`).join('; ')}`,
        incomplete.map((x) => ({ path: `findings/${x.f.ref}`, message: `lacks ${x.gaps.join(', ')}` })),
      );
    const number = (await repo.latestCapRevisionNumber(tx.db, tx.organisation.id, audit.id)) + 1;
    const at = stamp(tx.now());
    const submitter = people.byId(tx.actor.userId) ?? people.named(tx.actor.label);
    const doc = capDocument(
      data,
      { organisation: tx.organisation.name, generatedAt: at, generatedBy: submitter },
      { revision: String(number), submittedBy: signed(submitter, at) },
    );
    await repo.insertCapRevision(tx.db, {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      audit_id: audit.id,
      number,
      submitted_by_user_id: tx.actor.userId,
      submitted_by: submitter,
      submitted_at: at,
      approved_by_user_id: null,
      approved_by: null,
      approved_at: null,
      document_json: JSON.stringify(doc),
    });
    await tx.audit({
      action: 'cap.submit',
      entityType: 'audit',
      entityId: audit.id,
      data: { audit: audit.ref, revision: number, findings: ncs.map((f) => f.ref) },
    });
    return presentCapRevision(audit.ref, {
      number,
      submitted_by: submitter,
      submitted_at: at,
      approved_by: null,
      approved_at: null,
    });
  });
}

/** Management's approval of a submitted revision; recorded once, by name and role. */
export async function approveCap(input: { auditRef: string; number: number }, ctx: OrgContext) {
  authorize(ctx, 'cap.approve');
  return inTransaction(ctx, async (tx) => {
    const audit = await auditOf(tx, input.auditRef);
    const row = await repo.findCapRevision(tx.db, tx.organisation.id, audit.id, input.number);
    if (!row) throw notFound(`CAP revision ${input.number}`);
    if (row.approved_at)
      throw new AppError('invalid_state', `CAP revision ${input.number} is already approved`);
    const people = await peopleDirectory(tx);
    const approver = people.byId(tx.actor.userId) ?? people.named(tx.actor.label);
    const at = stamp(tx.now());
    await repo.approveCapRevision(tx.db, tx.organisation.id, row.id, {
      approved_by: approver,
      approved_by_user_id: tx.actor.userId,
      approved_at: at,
    });
    await tx.audit({
      action: 'cap.approve',
      entityType: 'audit',
      entityId: audit.id,
      data: { audit: audit.ref, revision: input.number },
    });
    return presentCapRevision(audit.ref, { ...row, approved_by: approver, approved_at: at });
  });
}

export async function capRevisions(input: { auditRef: string }, ctx: OrgContext) {
  authorize(ctx, 'report.read');
  const audit = await auditOf(ctx, input.auditRef);
  const rows = await repo.listCapRevisions(ctx.db, ctx.organisation.id, audit.id);
  return rows.map((r) => presentCapRevision(audit.ref, r));
}

/**
 * A submitted revision as it was submitted: its content is never rebuilt from today's records; only
 * the approval (recorded later) and the generation facts of this copy are brought up to date.
 */
export async function submittedCap(
  input: { auditRef: string; number: number },
  ctx: OrgContext,
  generated: { generatedAt: string; generatedBy: string },
): Promise<ReportDocument> {
  const audit = await auditOf(ctx, input.auditRef);
  const row = await repo.findCapRevision(ctx.db, ctx.organisation.id, audit.id, input.number);
  if (!row) throw notFound(`CAP revision ${input.number}`);
  const doc = JSON.parse(row.document_json) as ReportDocument;
  doc.meta.approvedBy = signed(row.approved_by, row.approved_at) ?? 'not approved';
  doc.meta.generatedAt = generated.generatedAt;
  doc.meta.generatedBy = generated.generatedBy;
  return doc;
}

/** The revision a draft would become, for the header of a regenerated (unsubmitted) CAP. */
export async function nextCapRevision(ctx: OrgContext, audit: AuditInfo | null) {
  if (!audit) return null;
  return (await repo.latestCapRevisionNumber(ctx.db, ctx.organisation.id, audit.id)) + 1;
}
