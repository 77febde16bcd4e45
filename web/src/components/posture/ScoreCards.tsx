import { GaugeChart } from '@mantine/charts';
import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { recommendationColour, recommendationLabel, type Summary, signed } from './model.ts';

// The three figures an executive looks at first: alignment, posture and readiness, with the change since
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

export function ScoreCards({ s }: { s: Summary }) {
  const first = s.trend[0];
  const r = s.readiness;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Card withBorder component="section" aria-label="ISO 27001 alignment">
        <Title order={2} size="h4">
          ISO 27001 alignment
        </Title>
        <Group justify="center">
          <GaugeChart
            value={s.alignment}
            max={100}
            size={180}
            thickness={14}
            filledColor={s.alignment >= 80 ? 'teal' : s.alignment >= 60 ? 'yellow' : 'red'}
            label={null}
            aria-label={`Alignment ${s.alignment.toFixed(1)} percent`}
          />
        </Group>
        <Text ta="center" fw={700} size="xl" data-testid="alignment-figure">
          {s.alignment.toFixed(1)} %
        </Text>
        <Delta now={s.alignment} then={first?.alignment} places={1} />
      </Card>
      <Card withBorder component="section" aria-label="Security posture">
        <Title order={2} size="h4">
          Security posture
        </Title>
        <Group justify="center">
          <GaugeChart
            value={s.posture}
            max={950}
            size={180}
            thickness={14}
            filledColor={s.posture >= 760 ? 'teal' : s.posture >= 570 ? 'yellow' : 'red'}
            label={null}
            aria-label={`Posture ${s.posture} of 950`}
          />
        </Group>
        <Text ta="center" fw={700} size="xl" data-testid="posture-figure">
          {s.posture} / 950
        </Text>
        <Delta now={s.posture} then={first?.posture} places={0} />
      </Card>
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
