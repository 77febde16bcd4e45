import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type {
  auditInput,
  auditSummary,
  auditUpdate,
  upsertDeadlinePolicy,
} from '../../contracts/findings.ts';
import type { AuditTable } from '../../db/schema.ts';
import { impliedFromGroups } from '../../domain/findings/recommendation.ts';
import { type ChangeContext, inTransaction, type OrgContext } from '../context.ts';
import { policyDefinition, upsertPolicyIn } from '../deadline-policies/index.ts';
import {
  type AuditFigures,
  auditFigures,
  deadlinesFor,
  listFindingRows,
  updateFinding,
} from '../findings/index.ts';
import * as repo from './audits.repository.ts';

type Summary = z.infer<typeof auditSummary>;

function present(a: AuditTable, f: AuditFigures): Summary {
  return {
    id: a.id,
    ref: a.ref,
    type: a.type,
    certificationBody: a.certification_body,
    leadAuditor: a.lead_auditor,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    scope: a.scope,
    reportReceivedOn: a.report_received_on,
    recommendation: a.recommendation as Summary['recommendation'],
    impliedRecommendation: impliedFromGroups({
      majors: f.named.major,
      minors: f.named.minor,
      planless: f.named.planless,
    }),
    policyKey: a.policy_key,
    counts: { major: f.major, minor: f.minor, ofi: f.ofi, open: f.open, overdue: f.overdue },
    nextDeadline: f.nextDeadline,
    createdAt: a.created_at,
  };
}

/** The audits with their findings figures: two grouped queries for the whole page (issue #16). */
async function presentAll(ctx: OrgContext, audits: AuditTable[]): Promise<Summary[]> {
  const today = ctx.now().toISOString().slice(0, 10);
  const figures = await auditFigures(
    ctx.db,
    ctx.organisation.id,
    audits.map((a) => a.id),
    today,
  );
  return audits.map((a) => present(a, figures.get(a.id)!));
}

export async function listAudits(input: PageQuery, ctx: OrgContext) {
  const { rows, total } = await repo.listAudits(ctx.db, ctx.organisation.id, input);
  return {
    items: await presentAll(ctx, rows),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

export async function showAudit(input: { ref: string }, ctx: OrgContext) {
  const a = await repo.findAuditByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!a) throw notFound(`audit ${input.ref}`);
  return (await presentAll(ctx, [a]))[0]!;
}

export async function createAudit(input: z.infer<typeof auditInput>, ctx: OrgContext) {
  await inTransaction(ctx, async (tx) => {
    if (await repo.findAuditByRef(tx.db, tx.organisation.id, input.ref)) {
      throw new AppError('conflict', `an audit ${input.ref} already exists`, [
        { path: 'body/ref', message: 'taken' },
      ]);
    }
    await policyDefinition(tx.db, tx.organisation.id, input.policyKey, tx.now().toISOString());
    const at = tx.now().toISOString();
    const row: AuditTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      ref: input.ref,
      type: input.type,
      certification_body: input.certificationBody,
      lead_auditor: input.leadAuditor,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      scope: input.scope,
      report_received_on: input.reportReceivedOn,
      recommendation: input.recommendation,
      policy_key: input.policyKey,
      cycle: '',
      created_at: at,
      updated_at: at,
    };
    await repo.insertAudit(tx.db, row);
    await tx.audit({ action: 'audit.create', entityType: 'audit', entityId: row.id, data: input });
  });
  return showAudit({ ref: input.ref }, ctx);
}

/** Report date or policy changes move every finding's deadlines with them. */
export async function recomputeDeadlines(tx: ChangeContext, audit: AuditTable) {
  const { rows } = await listFindingRows(
    tx.db,
    tx.organisation.id,
    { auditId: audit.id },
    { sort: 'ref', direction: 'asc' },
  );
  for (const f of rows) {
    const d = await deadlinesFor(tx, audit, f.grade);
    await updateFinding(tx.db, tx.organisation.id, f.id, {
      cap_due_on: d.capDueOn,
      evidence_due_on: d.evidenceDueOn,
      close_by_on: d.closeByOn,
    });
  }
}

export async function updateAudit(input: z.infer<typeof auditUpdate> & { ref: string }, ctx: OrgContext) {
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findAuditByRef(tx.db, tx.organisation.id, input.ref);
    if (!before) throw notFound(`audit ${input.ref}`);
    if (input.policyKey)
      await policyDefinition(tx.db, tx.organisation.id, input.policyKey, tx.now().toISOString());
    const patch: Partial<AuditTable> = { updated_at: tx.now().toISOString() };
    if (input.type !== undefined) patch.type = input.type;
    if (input.certificationBody !== undefined) patch.certification_body = input.certificationBody;
    if (input.leadAuditor !== undefined) patch.lead_auditor = input.leadAuditor;
    if (input.startsOn !== undefined) patch.starts_on = input.startsOn;
    if (input.endsOn !== undefined) patch.ends_on = input.endsOn;
    if (input.scope !== undefined) patch.scope = input.scope;
    if (input.reportReceivedOn !== undefined) patch.report_received_on = input.reportReceivedOn;
    if (input.recommendation !== undefined) patch.recommendation = input.recommendation;
    if (input.policyKey !== undefined) patch.policy_key = input.policyKey;
    await repo.updateAudit(tx.db, tx.organisation.id, before.id, patch);
    await recomputeDeadlines(tx, { ...before, ...patch });
    const { ref: _r, ...changes } = input;
    await tx.audit({
      action: 'audit.update',
      entityType: 'audit',
      entityId: before.id,
      data: { ref: before.ref, ...changes },
    });
  });
  return showAudit({ ref: input.ref }, ctx);
}

/** Saves a deadline policy and moves the deadlines of every finding whose audit follows it. */
export async function saveDeadlinePolicy(
  input: z.infer<typeof upsertDeadlinePolicy> & { key: string },
  ctx: OrgContext,
) {
  return inTransaction(ctx, async (tx) => {
    const policy = await upsertPolicyIn(tx, input);
    for (const audit of await repo.auditsFollowingPolicy(tx.db, tx.organisation.id, input.key))
      await recomputeDeadlines(tx, audit);
    return policy;
  });
}
