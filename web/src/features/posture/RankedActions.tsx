import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorNote } from '../../components/common.tsx';
import { colourOfGrade } from '../../components/grades.ts';
import { postureQueries } from './api.ts';
import { type Projection, type Ranked, recommendationLabel, type Summary, signed } from './model.ts';

// The ranked actions, and what the chosen ones would do to the scores before anyone commits to them (the
// projection runs the same model on the server; nothing is written).

export function RankedActions({ org, s }: { org: string; s: Summary }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (a: Ranked) =>
    setChosen((c) => (c.includes(a.taskId) ? c.filter((x) => x !== a.taskId) : [...c, a.taskId]));
  const projection = useQuery({
    ...postureQueries.projection(org, [...chosen].sort().join(','), { tasks: chosen }),
    enabled: chosen.length > 0,
  });
  return (
    <Card withBorder component="section" aria-label="Ranked actions">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4">
            Actions ranked by effect per day of effort
          </Title>
          <Text size="xs" c="dimmed" maw={640}>
            An action counts with its unfinished prerequisites (their days and their effect). Tick actions to
            see the projected scores before committing to them.
          </Text>
        </div>
        <Button variant="default" size="xs" component={Link} to={`/o/${org}/posture/model`}>
          How the scores are computed
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped mt="sm" aria-label="Ranked actions list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <VisuallyHidden>Choose</VisuallyHidden>
              </Table.Th>
              <Table.Th>#</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Finding</Table.Th>
              <Table.Th>Days</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Readiness</Table.Th>
              <Table.Th>Implementation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.ranked.map((a, i) => (
              <Table.Tr key={a.taskId}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Choose ${a.title}`}
                    checked={chosen.includes(a.taskId)}
                    onChange={() => toggle(a)}
                  />
                </Table.Td>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>
                  {a.title}
                  {a.prerequisites.length > 0 && (
                    <Text size="xs" c="dimmed">
                      with {a.prerequisites.length} prerequisite{a.prerequisites.length === 1 ? '' : 's'}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={colourOfGrade(a.grade)} variant="light">
                    {a.findingRef}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.effortDays}</Table.Td>
                <Table.Td>{a.dueOn ?? '—'}</Table.Td>
                <Table.Td>{signed(a.delta.readinessScore, 2)}</Table.Td>
                <Table.Td>{signed(a.delta.implementationScore, 2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {s.ranked.length === 0 && <Text size="sm">No open corrective action.</Text>}
      <ProjectionPanel count={chosen.length} q={projection} onClear={() => setChosen([])} />
    </Card>
  );
}

function ProjectionPanel({
  count,
  q,
  onClear,
}: {
  count: number;
  q: ReturnType<typeof useQuery<Projection>>;
  onClear: () => void;
}) {
  if (count === 0) return null;
  if (q.isError) return <ErrorNote error={q.error} />;
  const p = q.data;
  return (
    <Alert
      mt="md"
      color="indigo"
      title={`If the ${count} chosen action${count === 1 ? ' is' : 's are'} done`}
    >
      {!p ? (
        <Text size="sm">Projecting…</Text>
      ) : (
        <Stack gap={4} role="status" aria-label="Projected scores">
          <Text size="sm">
            Readiness score <strong>{p.before.readinessScore.toFixed(1)}</strong> →{' '}
            <strong data-testid="projected-readiness">{p.after.readinessScore.toFixed(1)}</strong> (
            {signed(p.exact.delta.readinessScore, 2)})
          </Text>
          <Text size="sm">
            Implementation score <strong>{p.before.implementationScore.toFixed(1)}</strong> →{' '}
            <strong data-testid="projected-implementation">{p.after.implementationScore.toFixed(1)}</strong> (
            {signed(p.exact.delta.implementationScore, 1)})
          </Text>
          <Text size="sm">
            Implied recommendation: {recommendationLabel[p.implied.before]} →{' '}
            {recommendationLabel[p.implied.after]}
          </Text>
          <Group>
            <Button size="xs" variant="subtle" onClick={onClear}>
              Clear the choice
            </Button>
          </Group>
        </Stack>
      )}
    </Alert>
  );
}
