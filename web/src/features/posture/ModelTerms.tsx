import { Card, List, Text, Title } from '@mantine/core';
import type { Explanation } from './model.ts';

// The model's terms in words, with the weights of this model version read from the server, so the text
// can never disagree with the computation.

type Weights = {
  implementationFactor: Record<string, number>;
  implementedFactor: Record<string, number>;
  documentFactor: Record<string, number>;
  gradeLoad: Record<string, number>;
  overdueMultiplier: number;
  progress: { planAccepted: number; evidenceSubmitted: number; work: number; max: number };
  findingsScale: number;
  findingsPenalty: number;
  readinessScore: { controls: number; documents: number };
  implementationScore: { controls: number; attributes: number };
  riskWeight: number;
};

const list = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k.replaceAll('_', ' ')} ${v}`)
    .join(', ');

export function ModelTerms({ e }: { e: Explanation }) {
  const w = e.weights as unknown as Weights;
  return (
    <Card withBorder component="section" aria-label="Model terms">
      <Title order={2} size="h4" mb="xs">
        The terms
      </Title>
      <List spacing="xs" size="sm">
        <List.Item>
          <strong>SoA controls</strong> ({w.readinessScore.controls} readiness points,{' '}
          {w.implementationScore.controls} implementation points). Each applicable control of the SoA in
          force, of Annex A or one of the organisation's own (6.1.3 b), earns its share times its
          implementation: in the readiness score {list(w.implementationFactor)}; in the implementation score
          only what is in place, {list(w.implementedFactor)}. Excluded controls, justified in the SoA, do not
          count. For the implementation score, a control's share is weighted by 1 + {w.riskWeight} × the
          residual risk (as a share of the matrix maximum) of each risk whose treatment relies on it.
        </List.Item>
        <List.Item>
          <strong>Mandatory documented information</strong> ({w.readinessScore.documents} readiness points):
          each item ISO/IEC 27001:2022 requires earns its share by state ({list(w.documentFactor)}).
        </List.Item>
        <List.Item>
          <strong>Attribute coverage</strong> ({w.implementationScore.attributes} implementation points): for
          each cybersecurity concept (identify, protect, detect, respond, recover) and each property
          (confidentiality, integrity, availability), the average implementation (as in the implementation
          score) of the applicable Annex A controls carrying that attribute; own controls carry no ISO/IEC
          27002 attributes.
        </List.Item>
        <List.Item>
          <strong>Open nonconformities</strong> (take away at most {Math.round(w.findingsPenalty * 100)} % of
          what is in place, never add points). Each open finding carries a load ({list(w.gradeLoad)}), ×{' '}
          {w.overdueMultiplier} when its deadline has passed, reduced by progress: an accepted plan{' '}
          {w.progress.planAccepted}, evidence submitted {w.progress.evidenceSubmitted}, and {w.progress.work}{' '}
          × the share of its corrective work done, at most {w.progress.max} — only closure removes it. Each
          score keeps 1 − {w.findingsPenalty} × (1 − exp(−total load / {w.findingsScale})) of what is in
          place; what is lost is shared among the findings in proportion to their load. Opportunities for
          improvement and observations carry no load: raising, accepting or declining one never moves a score.
        </List.Item>
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        Consequences: an organisation with nothing in place scores 0; completing a corrective action never
        lowers a score; closing a major moves the scores more than closing a minor; both scores stay within
        0–100. These are closeloop's own scores, not an outside-in security rating.
      </Text>
    </Card>
  );
}
