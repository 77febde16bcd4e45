import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { auditInput, auditSummary } from '../../contracts/findings.ts';
import type { AuditTable } from '../../db/schema.ts';
import { certificationRisks } from '../../domain/findings/certification-risk.ts';
import { closureRule } from '../../domain/findings/closure.ts';
import { currentDeadline, impliedRecommendation, isOverdue } from '../../domain/findings/recommendation.ts';
import { isFinishedFinding } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { defaultPolicyKey, policyDefinition } from '../deadline-policies/index.ts';
import * as repo from './audits.repository.ts';

type Summary = z.infer<typeof auditSummary>;

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
  const rule = closureRule(a.type);
  const policy = await policyDefinition(
    ctx.db,
    ctx.organisation.id,
    a.policy_key,
    ctx.now().toISOString(),
  ).catch(() => null);
  const risks = certificationRisks(
    { type: a.type, endsOn: a.ends_on },
    rows.map((f) => ({
      ref: f.ref,
      grade: f.grade,
      status: f.status,
      capDueOn: f.cap_due_on,
      evidenceDueOn: f.evidence_due_on,
      closeByOn: f.close_by_on,
    })),
    today,
    policy?.stage2MajorLimitMonths ?? 6,
  );
  return {
    id: a.id,
    ref: a.ref,
    type: a.type,
    certificationBody: a.certification_body,
    leadAuditor: a.lead_auditor,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    closingMeetingOn: a.closing_meeting_on ?? null,
    scope: a.scope,
    reportReceivedOn: a.report_received_on,
    recommendation: a.recommendation as Summary['recommendation'],
    // Internal and second-party audits and stage 1 imply no certification recommendation.
    impliedRecommendation: rule.impliesRecommendation ? impliedRecommendation(rows) : null,
    closer: rule.closer,
    risks,
    policyKey: a.policy_key,
    counts: {
      major: rows.filter((f) => f.grade === 'major').length,
      minor: rows.filter((f) => f.grade === 'minor').length,
      ofi: rows.filter((f) => f.grade === 'ofi').length,
      open: open.length,
      overdue: rows.filter((f) =>
        isOverdue(
          f.status,
          { capDueOn: f.cap_due_on, evidenceDueOn: f.evidence_due_on, closeByOn: f.close_by_on },
          today,
        ),
      ).length,
    },
    nextDeadline: deadlines[0] ?? null,
    createdAt: a.created_at,
  };
}

export async function listAudits(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'audit.read');
  const { rows, total } = await repo.listAudits(ctx.db, ctx.organisation.id, input);
  return {
    items: await Promise.all(rows.map((a) => present(ctx, a))),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

/**
 * The dated certification risks of every stage 2 and surveillance audit (stage 2 repeated after the
 * six-month limit, suspension risk), for the calendar feed. A read model: the feed's own grant covers it.
 */
export async function certificationRiskDates(ctx: OrgContext) {
  const { rows } = await repo.listAudits(ctx.db, ctx.organisation.id, { page: 1, pageSize: 500 });
  const out: (Summary['risks'][number] & { auditRef: string })[] = [];
  for (const a of rows) {
    if (!closureRule(a.type).lateMajorMeans) continue;
    for (const r of (await present(ctx, a)).risks) out.push({ auditRef: a.ref, ...r });
  }
  return out;
}

export async function showAudit(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'audit.read');
  const a = await repo.findAuditByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!a) throw notFound(`audit ${input.ref}`);
  return present(ctx, a);
}

export async function createAudit(input: z.infer<typeof auditInput>, ctx: OrgContext) {
  authorize(ctx, 'audit.manage');
  await inTransaction(ctx, async (tx) => {
    if (await repo.findAuditByRef(tx.db, tx.organisation.id, input.ref)) {
      throw new AppError('conflict', `an audit ${input.ref} already exists`, [
        { path: 'body/ref', message: 'taken' },
      ]);
    }
    const policyKey = input.policyKey ?? (await defaultPolicyKey(tx.db, tx.organisation.id));
    await policyDefinition(tx.db, tx.organisation.id, policyKey, tx.now().toISOString());
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
      closing_meeting_on: input.closingMeetingOn ?? null,
      scope: input.scope,
      report_received_on: input.reportReceivedOn,
      recommendation: input.recommendation,
      policy_key: policyKey,
      cycle: '',
      created_at: at,
      updated_at: at,
    };
    await repo.insertAudit(tx.db, row);
    await tx.audit({
      action: 'audit.create',
      entityType: 'audit',
      entityId: row.id,
      data: { ...input, policyKey },
    });
  });
  return showAudit({ ref: input.ref }, ctx);
}
