import { riskBand, riskScore, type SignOffState, signOffState } from '../../domain/isms/risk.ts';
import type { OrgContext } from '../context.ts';
import { signatures } from './risks.presenter.ts';
import * as repo from './risks.repository.ts';
import { matrixOf } from './risks.service.ts';

// Read model for other capabilities (posture score, planner): each risk with its residual score on the
// organisation's matrix and the Annex A controls its treatment relies on.

export interface RiskInForce {
  ref: string;
  title: string;
  owner: string;
  treatment: string;
  inherentScore: number;
  residualScore: number;
  residualBand: string;
  /** Highest possible score on the matrix, to normalise scores. */
  maxScore: number;
  acceptable: boolean;
  controls: string[];
  reviewOn: string | null;
  /** The owner's approval of the treatment plan and acceptance of the residual risk (6.1.3 f). */
  signOff: SignOffState;
}

export async function risksInForce(ctx: Pick<OrgContext, 'db' | 'organisation'>): Promise<RiskInForce[]> {
  const m = await matrixOf(ctx);
  const maxScore = m.likelihood.length * m.impact.length;
  return (await repo.listRisks(ctx.db, ctx.organisation.id)).map((r) => {
    const residualScore = riskScore(m, { likelihood: r.residual_likelihood, impact: r.residual_impact });
    return {
      ref: r.ref,
      title: r.title,
      owner: r.owner,
      treatment: r.treatment,
      inherentScore: riskScore(m, { likelihood: r.inherent_likelihood, impact: r.inherent_impact }),
      residualScore,
      residualBand: riskBand(m, residualScore).key,
      maxScore,
      acceptable: residualScore <= m.acceptableMax,
      controls: JSON.parse(r.controls_json) as string[],
      reviewOn: r.review_on,
      signOff: signOffState(signatures(r)),
    };
  });
}
