import { GaugeChart } from '@mantine/charts';
import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { recommendationColour, recommendationLabel, type Summary, signed } from './model.ts';

// The three figures an executive looks at first: the readiness score, the implementation score (both
// closeloop's own, 0–100) and certification readiness, with the change since
// the first point of the trend.

function Delta({ now, then, places }: { now: number; then: number | undefined; places: number }) {
  if (then === undefined) return null;
  const d = now - then;
  return (
    <Text size="sm" c={d > 0 ? 'teal' : d < 0 ? 'red' : 'dimmed'}>
      {signed(d, places)} over the period shown
    </Text>
  );
}

/** A score as a gauge: green from 80 % of the scale, amber from 60 %, red below. */
function ScoreCard(p: {
  title: string;
  value: number;
  max: number;
  text: string;
  testId: string;
  then: number | undefined;
  places: number;
}) {
  const share = p.value / p.max;
  return (
    <Card withBorder component="section" aria-label={p.title}>
      <Title order={2} size="h4">
        {p.title}
      </Title>
      <Group justify="center">
        <GaugeChart
          value={p.value}
          max={p.max}
          size={180}
          thickness={14}
          filledColor={share >= 0.8 ? 'teal' : share >= 0.6 ? 'yellow' : 'red'}
          label={null}
          aria-label={`${p.title}: ${p.text}`}
        />
      </Group>
      <Text ta="center" fw={700} size="xl" data-testid={p.testId}>
        {p.text}
      </Text>
      <Delta now={p.value} then={p.then} places={p.places} />
    </Card>
  );
}

export function ScoreCards({ s }: { s: Summary }) {
  const first = s.trend[0];
  const r = s.readiness;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <ScoreCard
        title="Readiness score"
        value={s.readinessScore}
        max={100}
        text={`${s.readinessScore.toFixed(1)} / 100`}
        testId="readiness-figure"
        then={first?.readinessScore}
        places={1}
      />
      <ScoreCard
        title="Implementation score"
        value={s.implementationScore}
        max={100}
        text={`${s.implementationScore.toFixed(1)} / 100`}
        testId="implementation-figure"
        then={first?.implementationScore}
        places={1}
      />
      <Card withBorder component="section" aria-label="Certification readiness">
        <Stack gap="xs">
          <Title order={2} size="h4">
            Certification readiness
          </Title>
          <Badge size="lg" color={recommendationColour[r.implied]}>
            {recommendationLabel[r.implied]}
          </Badge>
          <Text size="sm">
            Can be recommended by{' '}
            <strong>
              {r.recommendedBy ?? 'no date yet — a nonconformity has no planned corrective action'}
            </strong>
          </Text>
          <Text size="sm" c="dimmed">
            {s.openFindings} open findings · SoA{' '}
            {s.soa.version === null ? 'missing' : `v${s.soa.version}${s.soa.approved ? '' : ' (draft)'}`}
          </Text>
          <List size="sm" spacing={2} aria-label="Blockers">
            {r.blockers.slice(0, 5).map((b) => (
              <List.Item key={b.findingId}>
                <strong>{b.ref}</strong> ({b.grade}): {b.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
