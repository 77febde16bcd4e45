import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { internalAuditInput } from '../../contracts/certification-internal-audits.ts';
import { AppError, type FieldIssue, notFound } from '../../contracts/errors.ts';
import { otherControlId } from '../../contracts/isms-soa.ts';
import {
  buildChecklist,
  type Requirement,
  requirementsToRecheck,
} from '../../domain/certification/programme.ts';
import { requirementCatalogue } from '../../reference/catalogue.ts';
import { openAudit } from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { defaultPolicyKey } from '../deadline-policies/index.ts';
import { normaliseRequirements } from '../findings/index.ts';
import { memberByEmail } from '../members/index.ts';
import { presentCheck, presentSummary } from './internal-audits.presenter.ts';
import { programmeBetween } from './internal-audits.read.ts';
import * as repo from './internal-audits.repository.ts';

// Roles that may conduct an internal audit (clause 7.2 competence is the organisation's call; the role
// says the person is appointed to audit or to manage the ISMS).
const AUDITOR_ROLES = new Set(['internal_auditor', 'isms_manager', 'admin']);

/** The requirement a label names: an own control of the SoA in force, an Annex A control or a clause. */
function requirementOf(label: string, own: ReadonlyMap<string, Requirement>): Requirement {
  const mine = own.get(label);
  if (mine) return mine;
  const annex = label.startsWith('A.');
  // An own control cited by an earlier finding but no longer applicable is still re-checked as one.
  if (!annex && !/^\d/.test(label)) return { ref: label, kind: 'own_control', title: '' };
  const id = annex ? label.slice(2) : label;
  const title = (annex ? requirementCatalogue.annexA : requirementCatalogue.clauses).get(id) ?? '';
  return { ref: label, kind: annex ? 'annex_a' : 'clause', title };
}

/**
 * Canonical labels of the requirements in scope: clauses and Annex A controls as findings write them, and
 * the applicable own controls of the SoA in force by their own id (6.1.3 b NOTE 1, audited under 9.2.2).
 */
function scopeLabels(raw: readonly string[], own: ReadonlyMap<string, Requirement>) {
  const labels: string[] = [];
  const issues: FieldIssue[] = [];
  const add = (l: string) => {
    if (!labels.includes(l)) labels.push(l);
  };
  for (const [i, r] of raw.entries()) {
    const path = `body/requirements/${i}`;
    const one = normaliseRequirements([r], path, new Set(own.keys()));
    if (one.issues[0] && otherControlId.safeParse(r.trim()).success)
      issues.push({
        path,
        message: `${r.trim()} is not an applicable control of the Statement of Applicability in force`,
      });
    else if (one.issues[0]) issues.push({ path, message: one.issues[0].message });
    else one.labels.forEach(add);
  }
  return { labels, issues };
}

/** Plans an internal audit and generates its checklist from the requirements in scope. */
export async function planInternalAudit(input: z.infer<typeof internalAuditInput>, ctx: OrgContext) {
  authorize(ctx, 'internal_audit.plan');
  await inTransaction(ctx, async (tx) => {
    const auditor = await memberByEmail(tx.db, tx.organisation.id, input.auditorEmail);
    if (!auditor)
      throw new AppError('validation_failed', `${input.auditorEmail} is not a member of this organisation`, [
        { path: 'body/auditorEmail', message: 'not a member' },
      ]);
    if (!AUDITOR_ROLES.has(auditor.role))
      throw new AppError(
        'validation_failed',
        `${input.auditorEmail} is not appointed to audit (role ${auditor.role})`,
        [{ path: 'body/auditorEmail', message: 'not an auditor' }],
      );
    const auditee = await memberByEmail(tx.db, tx.organisation.id, input.auditeeEmail);
    if (!auditee)
      throw new AppError('validation_failed', `${input.auditeeEmail} is not a member of this organisation`, [
        { path: 'body/auditeeEmail', message: 'not a member' },
      ]);
    // Clause 9.2.2: auditors are selected to ensure objectivity and impartiality; nobody audits own work.
    if (auditor.id === auditee.id)
      throw new AppError('validation_failed', 'the auditor must be independent of the audited area', [
        { path: 'body/auditorEmail', message: 'audits own area' },
      ]);
    const own = new Map(
      (await repo.applicableControls(tx.db, tx.organisation.id))
        .filter((r) => r.kind === 'own_control')
        .map((r) => [r.ref, r]),
    );
    const { labels, issues } = scopeLabels(input.requirements, own);
    if (issues.length > 0)
      throw new AppError('validation_failed', issues.map((i) => i.message).join('; '), issues);
    const auditId = await openAudit(
      tx,
      {
        ref: input.ref,
        type: 'internal',
        certification_body: 'Internal audit',
        lead_auditor: auditor.name || auditor.email,
        starts_on: input.plannedOn,
        ends_on: input.plannedOn,
        scope: `${input.area}: ${labels.join(', ')}`,
        report_received_on: null,
        recommendation: null,
        policy_key: await defaultPolicyKey(tx.db, tx.organisation.id),
        cycle: '',
      },
      { refPath: 'body/ref' },
    );
    await repo.insertInternalAudit(tx.db, {
      audit_id: auditId,
      organisation_id: tx.organisation.id,
      area: input.area,
      auditor_user_id: auditor.id,
      auditee_user_id: auditee.id,
      planned_on: input.plannedOn,
      sampling_notes: input.samplingNotes,
      status: 'planned',
    });
    const earlier = (await repo.earlierFindings(tx.db, tx.organisation.id)).map((f) => ({
      ref: f.ref,
      auditRef: f.audit_ref,
      requirements: JSON.parse(f.requirements_json) as string[],
      grade: f.grade,
      status: f.status,
      area: f.area,
      internal: f.type === 'internal',
    }));
    // Requirements with nonconformities from earlier internal audits of this area are re-checked.
    const scope = [
      ...labels,
      ...requirementsToRecheck(input.area, earlier).filter((r) => !labels.includes(r)),
    ];
    const items = buildChecklist(
      scope.map((l) => requirementOf(l, own)),
      earlier,
    );
    for (const [position, item] of items.entries())
      await repo.insertCheck(tx.db, {
        id: randomUUID(),
        organisation_id: tx.organisation.id,
        audit_id: auditId,
        position,
        requirement: item.requirement,
        kind: item.kind,
        title: item.title,
        question: item.question,
        follow_up_json: JSON.stringify(item.followUp),
        result: null,
        evidence: '',
        sampling: '',
        checked_by: null,
        checked_on: null,
        finding_id: null,
      });
    await tx.audit({
      action: 'internal_audit.plan',
      entityType: 'audit',
      entityId: auditId,
      data: { ...input, requirements: scope },
    });
  });
  return showInternalAudit({ ref: input.ref }, ctx);
}

export async function showInternalAudit(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'internal_audit.read');
  const a = await repo.findInternalAuditByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!a) throw notFound(`internal audit ${input.ref}`);
  const checks = await repo.checksOf(ctx.db, ctx.organisation.id, [a.audit_id]);
  return { ...presentSummary(a, checks), checklist: checks.map(presentCheck) };
}

/** The programme over a window (`programmeBetween` in internal-audits.read.ts says what it holds). */
export async function auditProgramme(
  input: { from?: string | undefined; to?: string | undefined },
  ctx: OrgContext,
) {
  authorize(ctx, 'internal_audit.read');
  return programmeBetween(ctx, input);
}
