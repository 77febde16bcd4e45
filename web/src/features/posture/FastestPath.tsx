import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorNote, Loading } from '../../components/common.tsx';
import { colourOfGrade } from '../../components/grades.ts';
import { postureQueries } from './api.ts';
import { signed } from './model.ts';

// The fastest path to a `recommended` decision: nonconformity work first, earliest deadline first, laid
// on people's calendars by the planner, each step with its effect on the scores.

export function FastestPath({ org }: { org: string }) {
  const q = useQuery(postureQueries.fastestPath(org));
  if (q.isLoading) return <Loading />;
  if (q.isError) return <ErrorNote error={q.error} />;
  const p = q.data!;
  return (
    <Card withBorder component="section" aria-label="Fastest path">
      <Title order={2} size="h4">
        Fastest path to a recommendation
      </Title>
      <Group gap="lg" my="xs">
        <Text size="sm">
          Recommended by <strong>{p.recommendedBy ?? 'no date (a nonconformity has no plan)'}</strong> in this
          order
          {' · '}current plan: {p.currentRecommendedBy ?? 'no date'}
        </Text>
        {p.milestones.map((m) => (
          <Badge key={m.deadline} variant="light">
            by the {m.deadline === 'cap' ? 'CAP' : 'evidence'} deadline {m.on}: readiness{' '}
            {m.readinessScore.toFixed(1)} · implementation {m.implementationScore.toFixed(1)}
          </Badge>
        ))}
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-label="Fastest path steps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Finding</Table.Th>
              <Table.Th>Start</Table.Th>
              <Table.Th>Finish</Table.Th>
              <Table.Th>Effect</Table.Th>
              <Table.Th>After</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.steps.map((s, i) => (
              <Table.Tr key={s.taskId}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{s.title}</Table.Td>
                <Table.Td>
                  <Badge color={colourOfGrade(s.grade)} variant="light">
                    {s.findingRef}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.startOn ?? '—'}</Table.Td>
                <Table.Td>{s.finishOn ?? '—'}</Table.Td>
                <Table.Td>
                  {signed(s.delta.readinessScore, 2)} · {signed(s.delta.implementationScore, 2)}
                </Table.Td>
                <Table.Td>
                  {s.after.readinessScore.toFixed(1)} · {s.after.implementationScore.toFixed(1)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {p.steps.length === 0 && <Text size="sm">No open corrective action to order.</Text>}
    </Card>
  );
}
