import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { auditInput, auditSummary } from '../../contracts/findings.ts';
import type { AuditTable } from '../../db/schema.ts';
import { certificationRisksOf } from '../../domain/findings/certification-risk.ts';
import { closureRule } from '../../domain/findings/closure.ts';
import { impliedFromGroups } from '../../domain/findings/recommendation.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { defaultPolicyKey, policyDefinition } from '../deadline-policies/index.ts';
import { type AuditFigures, auditFigures } from './audit-figures.repository.ts';
import * as repo from './audits.repository.ts';

type Summary = z.infer<typeof auditSummary>;

/**
 * The audits of a page with their findings figures: two grouped queries for the whole page whatever the
 * number of findings (issue #16), and each distinct deadline policy read once.
 */
async function presentAll(ctx: OrgContext, audits: readonly AuditTable[]): Promise<Summary[]> {
  const today = ctx.now().toISOString().slice(0, 10);
  const figures = await auditFigures(
    ctx.db,
    ctx.organisation.id,
    audits.map((a) => a.id),
    today,
  );
  const limits = new Map<string, number>();
  for (const key of new Set(audits.map((a) => a.policy_key))) {
    const policy = await policyDefinition(ctx.db, ctx.organisation.id, key, ctx.now().toISOString()).catch(
      () => null,
    );
    limits.set(key, policy?.stage2MajorLimitMonths ?? 6);
  }
  return audits.map((a) => present(a, figures.get(a.id)!, today, limits.get(a.policy_key) ?? 6));
}

function present(a: AuditTable, f: AuditFigures, today: string, limitMonths: number): Summary {
  const rule = closureRule(a.type);
  const risks = certificationRisksOf(
    { type: a.type, endsOn: a.ends_on },
    { open: f.named.major, late: { ...f.named.late, firstDue: f.firstLateMajor } },
    today,
    limitMonths,
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
    impliedRecommendation: rule.impliesRecommendation
      ? impliedFromGroups({ majors: f.named.major, minors: f.named.minor, planless: f.named.planless })
      : null,
    closer: rule.closer,
    risks,
    policyKey: a.policy_key,
    counts: { major: f.major, minor: f.minor, ofi: f.ofi, open: f.open, overdue: f.overdue },
    nextDeadline: f.nextDeadline,
    createdAt: a.created_at,
  };
}

export async function listAudits(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'audit.read');
  const { rows, total } = await repo.listAudits(ctx.db, ctx.organisation.id, input);
  return { items: await presentAll(ctx, rows), page: input.page, pageSize: input.pageSize, total };
}

/**
 * The dated certification risks of every stage 2 and surveillance audit (stage 2 repeated after the
 * six-month limit, suspension risk), for the calendar feed. A read model: the feed's own grant covers it.
 */
export async function certificationRiskDates(ctx: OrgContext) {
  const { rows } = await repo.listAudits(ctx.db, ctx.organisation.id, { page: 1, pageSize: 500 });
  const out: (Summary['risks'][number] & { auditRef: string })[] = [];
  const risky = rows.filter((a) => closureRule(a.type).lateMajorMeans);
  for (const s of await presentAll(ctx, risky)) for (const r of s.risks) out.push({ auditRef: s.ref, ...r });
  return out;
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
