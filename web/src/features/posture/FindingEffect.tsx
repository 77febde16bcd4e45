import { Card, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { postureQueries } from './api.ts';
import { recommendationLabel, signed } from './model.ts';

// On a finding's page: what closing it would do to the scores and to the implied recommendation, before
// anyone commits to the work (issue #6: projection for a finding).
export function FindingEffect({ org, findingId }: { org: string; findingId: string }) {
  const q = useQuery(postureQueries.projection(org, `finding:${findingId}`, { findings: [findingId] }));
  if (!q.data) return null;
  const p = q.data;
  return (
    <Card withBorder component="section" aria-label="Effect of closing this finding">
      <Text size="sm" fw={600}>
        If this finding were closed
      </Text>
      <Text size="sm">
        Readiness score {p.before.readinessScore.toFixed(1)} → {p.after.readinessScore.toFixed(1)} (
        {signed(p.exact.delta.readinessScore, 2)}), implementation score{' '}
        {p.before.implementationScore.toFixed(1)} → {p.after.implementationScore.toFixed(1)} (
        {signed(p.exact.delta.implementationScore, 2)}).
      </Text>
      {p.implied.before !== p.implied.after && (
        <Text size="sm">
          Implied recommendation: {recommendationLabel[p.implied.before]} →{' '}
          {recommendationLabel[p.implied.after]}
        </Text>
      )}
    </Card>
  );
}
