import { areaScores } from './areas.ts';
import { isOpenFinding, loadOf, progressOf } from './findings-load.ts';
import {
  CONCEPTS,
  DOCUMENT_FACTOR,
  FINDINGS_PENALTY,
  FINDINGS_SCALE,
  IMPLEMENTATION_FACTOR,
  IMPLEMENTATION_WEIGHTS,
  IMPLEMENTED_FACTOR,
  MODEL_VERSION,
  type PostureInput,
  PROPERTIES,
  READINESS_WEIGHTS,
  RISK_WEIGHT,
} from './model.ts';
import type { PostureScores } from './scores.ts';

export type { AreaScore, PostureScores } from './scores.ts';

// closeloop's readiness score and implementation score (each 0–100) as sums of named contributions, so
// that the explanation page can list every control, document and finding with the points it adds or
// removes and the list adds up to the figure shown. Deterministic: the same input gives the same figures.

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function scorePosture(input: PostureInput): PostureScores {
  const applicable = input.controls.filter((c) => c.applicable);
  const factor = (c: { status: keyof typeof IMPLEMENTATION_FACTOR }) => IMPLEMENTATION_FACTOR[c.status];
  const inPlace = (c: { status: keyof typeof IMPLEMENTED_FACTOR }) => IMPLEMENTED_FACTOR[c.status];

  // Controls (Annex A and the organisation's own, 6.1.3 b NOTE 1, alike): equal shares of the readiness
  // score; shares of the implementation score weighted by the residual risk each control treats.
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
    source: c.theme === 'other' ? ('other' as const) : ('annex_a' as const),
    applicable: c.applicable,
    status: c.status,
    factor: c.applicable ? factor(c) : 0,
    implementedFactor: c.applicable ? inPlace(c) : 0,
    weight: c.applicable ? weightOf(c.id) : 0,
    risks: risksOf.get(c.id)?.refs ?? [],
    readinessScore: c.applicable ? (READINESS_WEIGHTS.controls * factor(c)) / applicable.length : 0,
    implementationScore: c.applicable
      ? (IMPLEMENTATION_WEIGHTS.controls * weightOf(c.id) * inPlace(c)) / totalWeight
      : 0,
  }));

  const documentShare = input.documents.length > 0 ? READINESS_WEIGHTS.documents / input.documents.length : 0;
  const documents = input.documents.map((d) => ({
    ...d,
    factor: DOCUMENT_FACTOR[d.state],
    readinessScore: documentShare * DOCUMENT_FACTOR[d.state],
  }));

  // Attribute coverage (ISO/IEC 27002:2022 clause 4.2): how far the applicable controls carrying each
  // cybersecurity concept and each information security property are implemented.
  const dimensionShare = IMPLEMENTATION_WEIGHTS.attributes / (CONCEPTS.length + PROPERTIES.length);
  const dimension = (kind: 'concept' | 'property', key: string) => {
    const carrying = applicable.filter((c) => (kind === 'concept' ? c.concepts : c.properties).includes(key));
    const coverage = carrying.length > 0 ? carrying.reduce((s, c) => s + inPlace(c), 0) / carrying.length : 0;
    return {
      kind,
      dimension: key,
      controls: carrying.length,
      coverage,
      implementationScore: dimensionShare * coverage,
    };
  };
  const attributes = [
    ...CONCEPTS.map((k) => dimension('concept', k)),
    ...PROPERTIES.map((k) => dimension('property', k)),
  ];

  const sum = (
    xs: { readinessScore?: number; implementationScore?: number }[],
    k: 'readinessScore' | 'implementationScore',
  ) => xs.reduce((s, x) => s + (x[k] ?? 0), 0);
  const base = {
    readinessScore: sum(controls, 'readinessScore') + sum(documents, 'readinessScore'),
    implementationScore: sum(controls, 'implementationScore') + sum(attributes, 'implementationScore'),
  };

  // Open nonconformities remove a share of what is in place (at most FINDINGS_PENALTY), shared among them
  // in proportion to their load; OFIs and observations carry no load, so they never move a score.
  const open = input.findings.filter(isOpenFinding);
  const loads = open.map((f) => ({ f, load: loadOf(f) }));
  const totalLoad = loads.reduce((s, x) => s + x.load, 0);
  const lost = FINDINGS_PENALTY * (1 - Math.exp(-totalLoad / FINDINGS_SCALE));
  const lossShare = (b: number, load: number) => (totalLoad > 0 ? (-b * lost * load) / totalLoad : 0);
  const findings = loads.map(({ f, load }) => ({
    id: f.id,
    ref: f.ref,
    grade: f.grade,
    status: f.status,
    overdue: f.overdue,
    requirements: f.requirements,
    progress: progressOf(f),
    load,
    readinessScore: lossShare(base.readinessScore, load),
    implementationScore: lossShare(base.implementationScore, load),
  }));

  const readinessParts = {
    controls: sum(controls, 'readinessScore'),
    documents: sum(documents, 'readinessScore'),
    findings: sum(findings, 'readinessScore'),
  };
  const implementationParts = {
    controls: sum(controls, 'implementationScore'),
    attributes: sum(attributes, 'implementationScore'),
    findings: sum(findings, 'implementationScore'),
  };
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  const readinessScore = clamp(readinessParts.controls + readinessParts.documents + readinessParts.findings);
  const implementationScore = clamp(
    implementationParts.controls + implementationParts.attributes + implementationParts.findings,
  );
  return {
    model: MODEL_VERSION,
    readinessScore: round(readinessScore, 1),
    implementationScore: round(implementationScore, 1),
    exact: { readinessScore, implementationScore },
    parts: { readinessScore: readinessParts, implementationScore: implementationParts },
    ...areaScores(input, loads),
    openFindings: open.length,
    contributions: { bases: base, controls, documents, attributes, findings },
  };
}
