import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, type FieldIssue, notFound } from '../../contracts/errors.ts';
import type { findingInput, findingQuery, findingUpdate } from '../../contracts/findings.ts';
import { otherControlId } from '../../contracts/isms-soa.ts';
import type { FindingTable } from '../../db/schema.ts';
import { defaultCalendar } from '../../domain/calendar/working-days.ts';
import { deriveFindingDeadlines, type Grade } from '../../domain/deadlines/policy.ts';
import { closureRule } from '../../domain/findings/closure.ts';
import { parseRequirementRef } from '../../domain/findings/requirement-ref.ts';
import { requirementCatalogue } from '../../reference/catalogue.ts';
import { initialStatus } from '../../vocabulary/index.ts';
import { labelOf } from '../../vocabulary/labels.ts';
import { auditByRef } from '../audits/index.ts';
import { authorize, findingScope } from '../authorize.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { policyDefinition } from '../deadline-policies/index.ts';
import { assignableOwner } from '../members/index.ts';
import { organisationSettings } from '../organisations/index.ts';
import { ownControlIds } from '../soa/index.ts';
import { effectivenessSummaries } from './effectiveness.read.ts';
import { escalationFor } from './escalation.service.ts';
import { presentFinding } from './findings.presenter.ts';
import * as repo from './findings.repository.ts';

/**
 * Canonical requirement labels (A.8.8, 9.2) or field issues naming each bad reference. `ownControls`
 * holds own control ids (6.1.3 b NOTE 1) the caller has checked against the SoA in force (`ORG-1`).
 */
export function normaliseRequirements(
  raw: string[],
  path: string,
  ownControls: ReadonlySet<string> = new Set(),
): { labels: string[]; issues: FieldIssue[] } {
  const labels: string[] = [];
  const issues: FieldIssue[] = [];
  raw.forEach((r, i) => {
    if (ownControls.has(r.trim())) {
      if (!labels.includes(r.trim())) labels.push(r.trim());
      return;
    }
    const parsed = parseRequirementRef(r, requirementCatalogue);
    if (!parsed.ok && otherControlId.safeParse(r.trim()).success)
      issues.push({
        path: `${path}/${i}`,
        message: `${r.trim()} is not a control of the Statement of Applicability in force`,
      });
    else if (parsed.ok) labels.includes(parsed.ref.label) || labels.push(parsed.ref.label);
    else issues.push({ path: `${path}/${i}`, message: parsed.message });
  });
  return { labels, issues };
}

function canonicalRequirement(raw: string): string {
  const parsed = parseRequirementRef(raw, requirementCatalogue);
  return parsed.ok ? parsed.ref.label : raw;
}

export async function calendarOf(ctx: OrgContext) {
  const settings = await organisationSettings(ctx.db, ctx.organisation.id);
  return defaultCalendar(Array.isArray(settings.holidays) ? (settings.holidays as string[]) : []);
}

/** The audit fields deadlines are derived from (its type, policy and anchor dates). */
export interface DeadlineAudit {
  type: string;
  policy_key: string;
  ends_on: string | null;
  closing_meeting_on?: string | null | undefined;
  report_received_on: string | null;
}

export async function deadlinesFor(ctx: OrgContext, audit: DeadlineAudit, grade: string) {
  const policy = await policyDefinition(
    ctx.db,
    ctx.organisation.id,
    audit.policy_key,
    ctx.now().toISOString(),
  );
  return deriveFindingDeadlines(
    policy,
    grade as Grade,
    {
      endsOn: audit.ends_on,
      closingMeetingOn: audit.closing_meeting_on,
      reportReceivedOn: audit.report_received_on,
    },
    await calendarOf(ctx),
    // Stage 1 reports areas of concern, resolved before stage 2 rather than against deadlines.
    { areasOfConcern: closureRule(audit.type).areasOfConcern },
  );
}

export async function listFindings(input: PageQuery & z.infer<typeof findingQuery>, ctx: OrgContext) {
  authorize(ctx, 'finding.read', 'scoped-list');
  let auditId: string | undefined;
  if (input.audit) {
    const audit = await auditByRef(ctx.db, ctx.organisation.id, input.audit);
    if (!audit) throw notFound(`audit ${input.audit}`);
    auditId = audit.id;
  }
  const today = ctx.now().toISOString().slice(0, 10);
  const filter = {
    auditId,
    grade: input.grade,
    status: input.status,
    // The stored labels are canonical (A.8.8, 9.2); a filter written as a finding would be ("a.8.8",
    // "Annex A 8.8") finds the same findings. One that names no requirement matches nothing.
    requirement: input.requirement === undefined ? undefined : canonicalRequirement(input.requirement),
    q: input.q,
    ids: findingScope(ctx).ids,
    overdue: input.overdue === undefined ? undefined : { late: input.overdue === 'true', today },
  };
  // One page in SQL; escalation warnings and overdue are derived for that page only (issue #16).
  const { rows, total } = await repo.listFindings(ctx.db, ctx.organisation.id, filter, input, input);
  const flags = await escalationFor(ctx, rows);
  const reviews = await effectivenessSummaries(
    ctx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => presentFinding(r, today, flags.get(r.id) ?? [], reviews.get(r.id) ?? null));
  return { items, page: input.page, pageSize: input.pageSize, total };
}

async function ownerIdFor(ctx: OrgContext, email: string | null, path: string) {
  if (!email) return null;
  return (await assignableOwner(ctx.db, ctx.organisation.id, email, path)).id;
}

export async function insertFindingRow(
  tx: ChangeContext,
  audit: DeadlineAudit & { id: string; ref: string },
  input: z.infer<typeof findingInput>,
  source: string,
  ownControls?: ReadonlySet<string>,
) {
  const [id] = await insertFindingRows(tx, audit, [input], source, ownControls);
  return id!;
}

/**
 * Records findings of one audit as one batch (an import writes 10,000 in batches, issue #16): the same
 * checks, deadlines, records and audit entries as one at a time, in a few statements. Deadlines are
 * derived once per grade and owners looked up once per person. Returns the new ids in input order.
 */
export async function insertFindingRows(
  tx: ChangeContext,
  audit: DeadlineAudit & { id: string; ref: string },
  inputs: readonly z.infer<typeof findingInput>[],
  source: string,
  ownControls?: ReadonlySet<string>,
): Promise<string[]> {
  // Own controls of the SoA in force (6.1.3 b NOTE 1) are cited by their own id, like `ORG-1`.
  const own = ownControls ?? (await ownControlIds(tx));
  const labelled = inputs.map((input) => {
    const { labels, issues } = normaliseRequirements(input.requirements, 'body/requirements', own);
    if (issues.length > 0)
      throw new AppError('validation_failed', issues.map((i) => i.message).join('; '), issues);
    return { input, labels };
  });
  const taken = await repo.existingRefs(
    tx.db,
    tx.organisation.id,
    audit.id,
    inputs.map((i) => i.ref),
  );
  const clash = inputs.find((i) => taken.has(i.ref));
  if (clash)
    throw new AppError('conflict', `finding ${clash.ref} already exists in audit ${audit.ref}`, [
      { path: 'body/ref', message: 'taken' },
    ]);
  const at = tx.now().toISOString();
  const deadlines = new Map<string, Awaited<ReturnType<typeof deadlinesFor>>>();
  const owners = new Map<string, string | null>();
  const rows: FindingTable[] = [];
  for (const { input, labels } of labelled) {
    let d = deadlines.get(input.grade);
    if (!d) {
      d = await deadlinesFor(tx, audit, input.grade);
      deadlines.set(input.grade, d);
    }
    const email = input.ownerEmail;
    if (email && !owners.has(email)) owners.set(email, await ownerIdFor(tx, email, 'body/ownerEmail'));
    rows.push({
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      audit_id: audit.id,
      ref: input.ref,
      grade: input.grade,
      requirements_json: JSON.stringify(labels),
      statement: input.statement,
      objective_evidence: input.objectiveEvidence,
      area: input.area,
      owner_user_id: email ? (owners.get(email) ?? null) : null,
      status: initialStatus(input.grade),
      ofi_reason: null,
      cap_due_on: d.capDueOn,
      evidence_due_on: d.evidenceDueOn,
      close_by_on: d.closeByOn,
      created_at: at,
      updated_at: at,
      closed_at: null,
    });
  }
  await repo.insertFindings(tx.db, rows);
  await tx.auditMany(
    labelled.map(({ input, labels }, i) => ({
      action: 'finding.create',
      entityType: 'finding',
      entityId: rows[i]!.id,
      data: { audit: audit.ref, ...input, requirements: labels, source },
    })),
  );
  return rows.map((r) => r.id);
}

export async function createFinding(
  input: z.infer<typeof findingInput> & { auditRef: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.manage');
  const id = await inTransaction(ctx, async (tx) => {
    const audit = await auditByRef(tx.db, tx.organisation.id, input.auditRef);
    if (!audit) throw notFound(`audit ${input.auditRef}`);
    return insertFindingRow(tx, audit, input, 'api');
  });
  return getFinding({ findingId: id }, ctx);
}

export async function updateFinding(
  input: z.infer<typeof findingUpdate> & { findingId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'finding.manage', { findingId: input.findingId });
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findFinding(tx.db, tx.organisation.id, input.findingId);
    if (!before) throw notFound('finding');
    if (before.status === 'closed') throw new AppError('invalid_state', 'a closed finding cannot change');
    const patch: Parameters<typeof repo.updateFinding>[3] = { updated_at: tx.now().toISOString() };
    if (input.requirements) {
      const { labels, issues } = normaliseRequirements(
        input.requirements,
        'body/requirements',
        await ownControlIds(tx),
      );
      if (issues.length > 0)
        throw new AppError('validation_failed', issues.map((i) => i.message).join('; '), issues);
      patch.requirements_json = JSON.stringify(labels);
    }
    if (input.statement !== undefined) patch.statement = input.statement;
    if (input.objectiveEvidence !== undefined) patch.objective_evidence = input.objectiveEvidence;
    if (input.area !== undefined) patch.area = input.area;
    if (input.ownerEmail !== undefined)
      patch.owner_user_id = await ownerIdFor(tx, input.ownerEmail, 'body/ownerEmail');
    if (input.grade !== undefined && input.grade !== before.grade) {
      if (before.status !== 'open' && before.status !== 'noted')
        throw new AppError(
          'invalid_state',
          `the grade sets the deadlines and the steps, so it can change only before work starts; ${before.ref} is already ${labelOf.findingStatus(before.status).toLowerCase()}`,
          [{ path: 'body/grade', message: 'can change only before work starts' }],
        );
      const audit = await auditByRef(tx.db, tx.organisation.id, before.audit_ref);
      const d = await deadlinesFor(tx, audit!, input.grade);
      Object.assign(patch, {
        grade: input.grade,
        status: initialStatus(input.grade),
        cap_due_on: d.capDueOn,
        evidence_due_on: d.evidenceDueOn,
        close_by_on: d.closeByOn,
      });
    }
    await repo.updateFinding(tx.db, tx.organisation.id, before.id, patch);
    const { findingId: _f, ...changes } = input;
    await tx.audit({
      action: 'finding.update',
      entityType: 'finding',
      entityId: before.id,
      data: { ref: before.ref, ...changes },
    });
  });
  return getFinding({ findingId: input.findingId }, ctx);
}

export async function getFinding(input: { findingId: string }, ctx: OrgContext) {
  authorize(ctx, 'finding.read', { findingId: input.findingId });
  const row = await repo.findFinding(ctx.db, ctx.organisation.id, input.findingId);
  if (!row) throw notFound('finding');
  const flags = await escalationFor(ctx, [row]);
  const reviews = await effectivenessSummaries(ctx, [row.id]);
  return presentFinding(
    row,
    ctx.now().toISOString().slice(0, 10),
    flags.get(row.id) ?? [],
    reviews.get(row.id) ?? null,
  );
}
