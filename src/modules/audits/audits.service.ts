import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { auditInput, auditSummary } from '../../contracts/findings.ts';
import type { AuditTable } from '../../db/schema.ts';
<<<<<<< HEAD
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
=======
import { currentDeadline, impliedRecommendation, isOverdue } from '../../domain/findings/recommendation.ts';
import { isFinishedFinding } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { policyDefinition } from '../deadline-policies/index.ts';
>>>>>>> main
import * as repo from './audits.repository.ts';

type Summary = z.infer<typeof auditSummary>;

<<<<<<< HEAD
function present(a: AuditTable, f: AuditFigures): Summary {
=======
async function present(ctx: OrgContext, a: AuditTable): Promise<Summary> {
  const rows = await repo.findingFiguresOf(ctx.db, ctx.organisation.id, a.id);
  const today = ctx.now().toISOString().slice(0, 10);
  const open = rows.filter((f) => !isFinishedFinding(f.status));
  const deadlines = open
    .map((f) =>
      currentDeadline(f.status, {
        capDueOn: f.cap_due_on,
        evidenceDueOn: f.evidence_due_on,
        closeByOn: f.close_by_on,
      }),
    )
    .filter((d): d is NonNullable<typeof d> => d !== null)
    .sort((x, y) => x.on.localeCompare(y.on));
>>>>>>> main
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
  authorize(ctx, 'audit.read');
  const { rows, total } = await repo.listAudits(ctx.db, ctx.organisation.id, input);
  return {
    items: await presentAll(ctx, rows),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

export async function showAudit(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'audit.read');
  const a = await repo.findAuditByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!a) throw notFound(`audit ${input.ref}`);
  return (await presentAll(ctx, [a]))[0]!;
}

export async function createAudit(input: z.infer<typeof auditInput>, ctx: OrgContext) {
  authorize(ctx, 'audit.manage');
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
