import type { Risk } from '../../contracts/isms-risks.ts';
import type { RiskTable } from '../../db/schema-isms.ts';
import {
  type RiskMatrix,
  type RiskTreatment,
  riskBand,
  riskScore,
  signOffState,
} from '../../domain/isms/risk.ts';
import { annexAControls } from '../../reference/catalogue.ts';

// Which fields of a risk leave the server: its ratings on the organisation's matrix, the controls with
// their SoA status, and the owner's approval and acceptance (ISO/IEC 27001:2022 6.1.3 f).

const titles = new Map(annexAControls().map((c) => [c.id, c.title]));

function rated(m: RiskMatrix, likelihood: number, impact: number) {
  const score = riskScore(m, { likelihood, impact });
  const band = riskBand(m, score);
  return { likelihood, impact, score, band: band.key, bandLabel: band.label };
}

type ActionRef = Risk['actions'][number];

export function presentRisk(
  m: RiskMatrix,
  r: RiskTable,
  soa: ReadonlyMap<string, string>,
  today: string,
  actions: ReadonlyMap<string, ActionRef>,
): Risk {
  const residual = rated(m, r.residual_likelihood, r.residual_impact);
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    asset: r.asset,
    threat: r.threat,
    vulnerability: r.vulnerability,
    owner: r.owner,
    inherent: rated(m, r.inherent_likelihood, r.inherent_impact),
    residual,
    acceptable: residual.score <= m.acceptableMax,
    treatment: r.treatment as RiskTreatment,
    treatmentPlan: r.treatment_plan,
    controls: (JSON.parse(r.controls_json) as string[]).map((id) => ({
      id,
      title: titles.get(id) ?? id,
      soaStatus: soa.get(id) ?? null,
    })),
    actions: (JSON.parse(r.actions_json) as string[]).flatMap((id) => actions.get(id) ?? []),
    reviewOn: r.review_on,
    reviewOverdue: r.review_on !== null && r.review_on < today,
    ...signatures(r),
    signOff: signOffState(signatures(r)),
    updatedAt: r.updated_at,
  };
}

/** The owner's approval and acceptance as stored (6.1.3 f). */
export function signatures(r: RiskTable) {
  const sig = (by: string | null, on: string | null) => (by !== null && on !== null ? { by, on } : null);
  return {
    treatmentApproval: sig(r.treatment_approved_by, r.treatment_approved_on),
    residualAcceptance: sig(r.residual_accepted_by, r.residual_accepted_on),
  };
}
