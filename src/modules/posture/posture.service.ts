import type { z } from 'zod';
import { invalid } from '../../contracts/errors.ts';
import type { projectionRequest } from '../../contracts/posture.ts';
import { impliedRecommendation } from '../../domain/findings/recommendation.ts';
import * as model from '../../domain/posture/model.ts';
import { applySelection, project, taskIndex } from '../../domain/posture/projection.ts';
import { rankActions } from '../../domain/posture/ranking.ts';
import { scorePosture } from '../../domain/posture/score.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { postureHistory } from './posture.history.ts';
import { loadPostureInput } from './posture.inputs.ts';
import { currentReadiness } from './posture.path.ts';

// Use-cases of the posture capability that read: the figures with readiness, the ranked actions and the
// trend; the explanation of every contribution; projections of a selection before anyone commits to it.

export async function getPosture(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'posture.read');
  const loaded = await loadPostureInput(ctx);
  const s = scorePosture(loaded.input);
  return {
    model: s.model,
    computedAt: ctx.now().toISOString(),
    readinessScore: s.readinessScore,
    implementationScore: s.implementationScore,
    parts: s.parts,
    byClause: s.byClause,
    byTheme: s.byTheme,
    openFindings: s.openFindings,
    soa: loaded.soa,
    readiness: await currentReadiness(ctx, loaded),
    ranked: rankActions(loaded.input, 10),
    trend: (await postureHistory({ days: 90 }, ctx)).points,
  };
}

export async function explainPosture(_input: unknown, ctx: OrgContext) {
  authorize(ctx, 'posture.read');
  const s = scorePosture((await loadPostureInput(ctx)).input);
  return {
    model: s.model,
    computedAt: ctx.now().toISOString(),
    readinessScore: s.readinessScore,
    implementationScore: s.implementationScore,
    exact: s.exact,
    parts: s.parts,
    weights: {
      implementationFactor: model.IMPLEMENTATION_FACTOR,
      implementedFactor: model.IMPLEMENTED_FACTOR,
      documentFactor: model.DOCUMENT_FACTOR,
      // The grades that weigh at all (the model page lists them).
      gradeLoad: Object.fromEntries(Object.entries(model.GRADE_LOAD).filter(([, load]) => load > 0)),
      overdueMultiplier: model.OVERDUE_MULTIPLIER,
      progress: {
        planAccepted: model.PLAN_CREDIT,
        evidenceSubmitted: model.EVIDENCE_CREDIT,
        work: model.WORK_CREDIT,
        max: model.MAX_PROGRESS,
      },
      findingsScale: model.FINDINGS_SCALE,
      findingsPenalty: model.FINDINGS_PENALTY,
      readinessScore: model.READINESS_WEIGHTS,
      implementationScore: model.IMPLEMENTATION_WEIGHTS,
      riskWeight: model.RISK_WEIGHT,
    },
    contributions: s.contributions,
  };
}

export async function rankedActions(input: { limit: number }, ctx: OrgContext) {
  authorize(ctx, 'posture.read');
  const loaded = await loadPostureInput(ctx);
  return { model: model.MODEL_VERSION, actions: rankActions(loaded.input, input.limit) };
}

export async function projectSelection(input: z.infer<typeof projectionRequest>, ctx: OrgContext) {
  authorize(ctx, 'posture.read');
  const loaded = await loadPostureInput(ctx);
  const tasks = taskIndex(loaded.input);
  const findings = new Set(loaded.input.findings.map((f) => f.id));
  // An id of another organisation is as unknown as a made-up one: the same answer, no hint (tenancy).
  const issues = [
    ...input.tasks.map((id, i) => ({ id, path: `tasks/${i}`, known: tasks.has(id), what: 'task' })),
    ...input.findings.map((id, i) => ({
      id,
      path: `findings/${i}`,
      known: findings.has(id),
      what: 'finding',
    })),
  ]
    .filter((x) => !x.known)
    .map((x) => ({ path: x.path, message: `no ${x.what} ${x.id} in this organisation's plan` }));
  if (issues.length > 0) throw invalid('some chosen items are not part of the plan', issues);
  const p = project(loaded.input, input);
  const round = (f: { readinessScore: number; implementationScore: number }) => ({
    readinessScore: Math.round(f.readinessScore * 10) / 10,
    implementationScore: Math.round(f.implementationScore * 10) / 10,
  });
  return {
    model: model.MODEL_VERSION,
    exact: p,
    before: round(p.before),
    after: round(p.after),
    implied: {
      before: impliedRecommendation(loaded.input.findings).implied,
      after: impliedRecommendation(applySelection(loaded.input, input).findings).implied,
    },
  };
}
