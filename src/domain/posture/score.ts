import { areaScores } from './areas.ts';
import { isOpenFinding, loadOf, progressOf } from './findings-load.ts';
import {
  ALIGNMENT_WEIGHTS,
  CONCEPTS,
  DOCUMENT_FACTOR,
  FINDINGS_SCALE,
  IMPLEMENTATION_FACTOR,
  MODEL_VERSION,
  POSTURE_WEIGHTS,
  type PostureInput,
  PROPERTIES,
  RISK_WEIGHT,
} from './model.ts';
import type { PostureScores } from './scores.ts';

export type { AreaScore, PostureScores } from './scores.ts';

// ISO 27001 alignment (0–100) and security posture (0–950) as sums of named contributions, so that the
// explanation page can list every control, document and finding with the points it adds or removes and
// the list adds up to the figure shown. Deterministic: the same input always gives the same figures.

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function scorePosture(input: PostureInput): PostureScores {
  const applicable = input.controls.filter((c) => c.applicable);
  const factor = (c: { status: keyof typeof IMPLEMENTATION_FACTOR }) => IMPLEMENTATION_FACTOR[c.status];

  // Controls: equal shares of the alignment; shares of the posture weighted by the residual risk treated.
  const risksOf = new Map<string, { refs: string[]; weight: number }>();
  for (const r of input.risks) {
    const normalised = r.maxScore > 0 ? Math.min(1, Math.max(0, r.residualScore / r.maxScore)) : 0;
    for (const id of new Set(r.controls)) {
      const e = risksOf.get(id) ?? { refs: [], weight: 1 };
      e.refs.push(r.ref);
      e.weight += RISK_WEIGHT * normalised;
      risksOf.set(id, e);
    }
  }
  const weightOf = (id: string) => risksOf.get(id)?.weight ?? 1;
  const totalWeight = applicable.reduce((s, c) => s + weightOf(c.id), 0);
  const controls = input.controls.map((c) => ({
    id: c.id,
    title: c.title,
    theme: c.theme,
    applicable: c.applicable,
    status: c.status,
    factor: c.applicable ? factor(c) : 0,
    weight: c.applicable ? weightOf(c.id) : 0,
    risks: risksOf.get(c.id)?.refs ?? [],
    alignment: c.applicable ? (ALIGNMENT_WEIGHTS.controls * factor(c)) / applicable.length : 0,
    posture: c.applicable ? (POSTURE_WEIGHTS.controls * weightOf(c.id) * factor(c)) / totalWeight : 0,
  }));

  const documentShare = input.documents.length > 0 ? ALIGNMENT_WEIGHTS.documents / input.documents.length : 0;
  const documents = input.documents.map((d) => ({
    ...d,
    factor: DOCUMENT_FACTOR[d.state],
    alignment: documentShare * DOCUMENT_FACTOR[d.state],
  }));

  // Attribute coverage (ISO/IEC 27002:2022 clause 4.2): how far the applicable controls carrying each
  // cybersecurity concept and each information security property are implemented.
  const dimensionShare = POSTURE_WEIGHTS.attributes / (CONCEPTS.length + PROPERTIES.length);
  const dimension = (kind: 'concept' | 'property', key: string) => {
    const carrying = applicable.filter((c) => (kind === 'concept' ? c.concepts : c.properties).includes(key));
    const coverage = carrying.length > 0 ? carrying.reduce((s, c) => s + factor(c), 0) / carrying.length : 0;
    return { kind, dimension: key, controls: carrying.length, coverage, posture: dimensionShare * coverage };
  };
  const attributes = [
    ...CONCEPTS.map((k) => dimension('concept', k)),
    ...PROPERTIES.map((k) => dimension('property', k)),
  ];

  // Open findings: each keeps exp(-L/scale) of an allowance; the loss is shared in proportion to load.
  const open = input.findings.filter(isOpenFinding);
  const loads = open.map((f) => ({ f, load: loadOf(f) }));
  const totalLoad = loads.reduce((s, x) => s + x.load, 0);
  const kept = Math.exp(-totalLoad / FINDINGS_SCALE);
  const lossShare = (allowance: number, load: number) =>
    totalLoad > 0 ? (-allowance * (1 - kept) * load) / totalLoad : 0;
  const findings = loads.map(({ f, load }) => ({
    id: f.id,
    ref: f.ref,
    grade: f.grade,
    status: f.status,
    overdue: f.overdue,
    requirements: f.requirements,
    progress: progressOf(f),
    load,
    alignment: lossShare(ALIGNMENT_WEIGHTS.findings, load),
    posture: lossShare(POSTURE_WEIGHTS.findings, load),
  }));

  const sum = (xs: { alignment?: number; posture?: number }[], k: 'alignment' | 'posture') =>
    xs.reduce((s, x) => s + (x[k] ?? 0), 0);
  const alignmentParts = {
    controls: sum(controls, 'alignment'),
    documents: sum(documents, 'alignment'),
    findings: ALIGNMENT_WEIGHTS.findings + sum(findings, 'alignment'),
  };
  const postureParts = {
    controls: sum(controls, 'posture'),
    attributes: sum(attributes, 'posture'),
    findings: POSTURE_WEIGHTS.findings + sum(findings, 'posture'),
  };
  const clamp = (x: number, max: number) => Math.min(max, Math.max(0, x));
  const alignment = clamp(alignmentParts.controls + alignmentParts.documents + alignmentParts.findings, 100);
  const posture = clamp(postureParts.controls + postureParts.attributes + postureParts.findings, 950);
  return {
    model: MODEL_VERSION,
    alignment: round(alignment, 1),
    posture: Math.round(posture),
    exact: { alignment, posture },
    parts: { alignment: alignmentParts, posture: postureParts },
    ...areaScores(input, loads),
    openFindings: open.length,
    contributions: {
      allowances: { alignment: ALIGNMENT_WEIGHTS.findings, posture: POSTURE_WEIGHTS.findings },
      controls,
      documents,
      attributes,
      findings,
    },
  };
}
