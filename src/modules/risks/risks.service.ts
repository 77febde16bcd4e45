import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, invalid, notFound } from '../../contracts/errors.ts';
import type { RiskMatrixDto, riskInput, riskUpdate } from '../../contracts/isms-risks.ts';
import type { RiskTable } from '../../db/schema-isms.ts';
import {
  defaultRiskMatrix,
  heatMap,
  matrixProblems,
  type RiskMatrix,
  type RiskTreatment,
  riskProblems,
  signOffProblems,
} from '../../domain/isms/risk.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { controlsInForce } from '../soa/index.ts';
import { presentRisk, signatures } from './risks.presenter.ts';
import * as repo from './risks.repository.ts';

export async function matrixOf(ctx: Pick<OrgContext, 'db' | 'organisation'>): Promise<RiskMatrix> {
  const row = await repo.findMatrix(ctx.db, ctx.organisation.id);
  return row ? (JSON.parse(row.definition_json) as RiskMatrix) : defaultRiskMatrix;
}

type Signature = { by: string; on: string } | null;
const approvalColumns = (s: Signature) => ({
  treatment_approved_by: s?.by ?? null,
  treatment_approved_on: s?.on ?? null,
});
const acceptanceColumns = (s: Signature) => ({
  residual_accepted_by: s?.by ?? null,
  residual_accepted_on: s?.on ?? null,
});

async function soaStatuses(ctx: OrgContext) {
  const { controls } = await controlsInForce(ctx);
  return new Map(controls.map((c) => [c.controlId, c.applicable ? c.status : 'excluded']));
}

const today = (ctx: OrgContext) => ctx.now().toISOString().slice(0, 10);

async function actionRefs(ctx: OrgContext, rows: readonly RiskTable[]) {
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.actions_json) as string[]))];
  const found = await repo.correctiveActionsByIds(ctx.db, ctx.organisation.id, ids);
  return new Map(
    found.map((a) => [
      a.id,
      { id: a.id, title: a.title, status: a.status, finding: `${a.audit_ref}/${a.finding_ref}` },
    ]),
  );
}

/** Linked corrective actions must exist in this organisation (clause 10.2 records, not free text). */
async function checkActions(ctx: OrgContext, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return;
  const found = new Set(
    (await repo.correctiveActionsByIds(ctx.db, ctx.organisation.id, ids)).map((a) => a.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw invalid(`unknown corrective action ${missing.join(', ')}`, [
      { path: 'body/actions', message: 'not found' },
    ]);
}

export async function listRisks(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'risk.read');
  const m = await matrixOf(ctx);
  const soa = await soaStatuses(ctx);
  const { rows, total } = await repo.pageRisks(ctx.db, ctx.organisation.id, input);
  const actions = await actionRefs(ctx, rows);
  return {
    items: rows.map((r) => presentRisk(m, r, soa, today(ctx), actions)),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

export async function showRisk(input: { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'risk.read');
  const r = await repo.findRiskByRef(ctx.db, ctx.organisation.id, input.ref);
  if (!r) throw notFound(`risk ${input.ref}`);
  return presentRisk(await matrixOf(ctx), r, await soaStatuses(ctx), today(ctx), await actionRefs(ctx, [r]));
}

/** `signaturesTouched`: the change records or touches the sign-off (a new risk, its owner, a signature). */
function check(m: RiskMatrix, r: RiskTable, today: string, signaturesTouched = true) {
  const signed = signaturesTouched ? signOffProblems({ owner: r.owner, ...signatures(r) }, today) : [];
  const fields = signed.map((p) => ({ path: `body/${p.field}`, message: p.message }));
  // A signature by someone other than the owner has its own code, so the web and the CLI can say whose
  // signature is needed (6.1.3 f); the detail names the owner.
  if (signed.some((p) => p.kind === 'not_risk_owner'))
    throw new AppError(
      'not_risk_owner',
      signed.map((p) => p.message).join('; '),
      fields.filter((_, i) => signed[i]!.kind === 'not_risk_owner'),
    );
  if (signed.length > 0) throw invalid(signed.map((p) => p.message).join('; '), fields);
  const inherent = { likelihood: r.inherent_likelihood, impact: r.inherent_impact };
  const residual = { likelihood: r.residual_likelihood, impact: r.residual_impact };
  for (const [name, v] of [
    ['inherent', inherent],
    ['residual', residual],
  ] as const) {
    if (v.likelihood > m.likelihood.length)
      throw invalid(`likelihood is rated 1 to ${m.likelihood.length} on this matrix`, [
        { path: `body/${name}/likelihood`, message: `at most ${m.likelihood.length}` },
      ]);
    if (v.impact > m.impact.length)
      throw invalid(`impact is rated 1 to ${m.impact.length} on this matrix`, [
        { path: `body/${name}/impact`, message: `at most ${m.impact.length}` },
      ]);
  }
  const problems = riskProblems(m, {
    inherent,
    residual,
    treatment: r.treatment as RiskTreatment,
    controls: JSON.parse(r.controls_json) as string[],
  });
  if (problems.length > 0) throw invalid(problems.join('; '));
}

export async function createRisk(input: z.infer<typeof riskInput>, ctx: OrgContext) {
  authorize(ctx, 'risk.manage');
  await checkActions(ctx, input.actions);
  await inTransaction(ctx, async (tx) => {
    if (await repo.findRiskByRef(tx.db, tx.organisation.id, input.ref))
      throw new AppError('conflict', `a risk ${input.ref} already exists`, [
        { path: 'body/ref', message: 'taken' },
      ]);
    const at = tx.now().toISOString();
    const row: RiskTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      ref: input.ref,
      title: input.title,
      asset: input.asset,
      threat: input.threat,
      vulnerability: input.vulnerability,
      owner: input.owner,
      inherent_likelihood: input.inherent.likelihood,
      inherent_impact: input.inherent.impact,
      residual_likelihood: input.residual.likelihood,
      residual_impact: input.residual.impact,
      treatment: input.treatment,
      treatment_plan: input.treatmentPlan,
      controls_json: JSON.stringify([...new Set(input.controls)]),
      actions_json: JSON.stringify(input.actions),
      review_on: input.reviewOn,
      ...approvalColumns(input.treatmentApproval),
      ...acceptanceColumns(input.residualAcceptance),
      created_at: at,
      updated_at: at,
    };
    check(await matrixOf(tx), row, today(tx));
    await repo.insertRisk(tx.db, row);
    await tx.audit({ action: 'risk.create', entityType: 'risk', entityId: row.id, data: input });
  });
  return showRisk({ ref: input.ref }, ctx);
}

export async function updateRisk(input: z.infer<typeof riskUpdate> & { ref: string }, ctx: OrgContext) {
  authorize(ctx, 'risk.manage');
  await checkActions(ctx, input.actions);
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findRiskByRef(tx.db, tx.organisation.id, input.ref);
    if (!before) throw notFound(`risk ${input.ref}`);
    const patch: Partial<RiskTable> = { updated_at: tx.now().toISOString() };
    if (input.title !== undefined) patch.title = input.title;
    if (input.asset !== undefined) patch.asset = input.asset;
    if (input.threat !== undefined) patch.threat = input.threat;
    if (input.vulnerability !== undefined) patch.vulnerability = input.vulnerability;
    if (input.owner !== undefined) patch.owner = input.owner;
    if (input.inherent !== undefined) {
      patch.inherent_likelihood = input.inherent.likelihood;
      patch.inherent_impact = input.inherent.impact;
    }
    if (input.residual !== undefined) {
      patch.residual_likelihood = input.residual.likelihood;
      patch.residual_impact = input.residual.impact;
    }
    if (input.treatment !== undefined) patch.treatment = input.treatment;
    if (input.treatmentPlan !== undefined) patch.treatment_plan = input.treatmentPlan;
    if (input.controls !== undefined) patch.controls_json = JSON.stringify([...new Set(input.controls)]);
    if (input.actions !== undefined) patch.actions_json = JSON.stringify(input.actions);
    if (input.reviewOn !== undefined) patch.review_on = input.reviewOn;
    if (input.treatmentApproval !== undefined) Object.assign(patch, approvalColumns(input.treatmentApproval));
    if (input.residualAcceptance !== undefined)
      Object.assign(patch, acceptanceColumns(input.residualAcceptance));
    const touched =
      input.owner !== undefined ||
      input.treatmentApproval !== undefined ||
      input.residualAcceptance !== undefined;
    check(await matrixOf(tx), { ...before, ...patch }, today(tx), touched);
    await repo.updateRisk(tx.db, tx.organisation.id, before.id, patch);
    const { ref: _r, ...changes } = input;
    await tx.audit({
      action: 'risk.update',
      entityType: 'risk',
      entityId: before.id,
      data: { ref: before.ref, ...changes },
    });
  });
  return showRisk({ ref: input.ref }, ctx);
}

export async function showMatrix(_input: unknown, ctx: OrgContext): Promise<RiskMatrixDto> {
  authorize(ctx, 'risk.read');
  return matrixOf(ctx);
}

/** A new matrix must still hold every risk already rated on it. */
export async function saveMatrix(input: RiskMatrixDto, ctx: OrgContext) {
  authorize(ctx, 'risk.manage');
  const problems = matrixProblems(input);
  if (problems.length > 0) throw invalid(problems.join('; '));
  await inTransaction(ctx, async (tx) => {
    for (const r of await repo.listRisks(tx.db, tx.organisation.id)) check(input, r, '9999-12-31', false);
    await repo.saveMatrix(tx.db, tx.organisation.id, JSON.stringify(input), tx.now().toISOString());
    await tx.audit({
      action: 'risk_matrix.update',
      entityType: 'risk_matrix',
      entityId: tx.organisation.id,
      data: input,
    });
  });
  return input;
}

export async function heatMaps(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'risk.read');
  const m = await matrixOf(ctx);
  const rows = await repo.listRisks(ctx.db, ctx.organisation.id);
  return {
    matrix: m,
    inherent: heatMap(
      m,
      rows.map((r) => ({
        ref: r.ref,
        rating: { likelihood: r.inherent_likelihood, impact: r.inherent_impact },
      })),
    ),
    residual: heatMap(
      m,
      rows.map((r) => ({
        ref: r.ref,
        rating: { likelihood: r.residual_likelihood, impact: r.residual_impact },
      })),
    ),
  };
}
