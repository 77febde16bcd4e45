import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Dashboard } from './model.ts';

const kindColour = { finding: 'red', action: 'orange', document: 'grape' } as const;

export function OverdueList({ d, org }: { d: Dashboard; org: string }) {
  return (
    <Card withBorder component="section" aria-label="Overdue">
      <Title order={2} size="h4" mb="xs">
        Overdue ({d.overdueTotal})
      </Title>
      {d.overdueTotal > d.overdue.length && (
        <Text size="sm" mb="xs">
          The {d.overdue.length} most late are listed. The{' '}
          <Anchor component={Link} to={`/o/${org}/findings`}>
            findings list
          </Anchor>{' '}
          filtered by "overdue" shows every overdue finding.
        </Text>
      )}
      {d.overdue.length === 0 ? (
        <Text size="sm">Nothing is overdue.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Ref</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Days late</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.overdue.map((o) => (
                <Table.Tr key={`${o.kind}-${o.ref}-${o.title}`}>
                  <Table.Td>
                    <Badge color={kindColour[o.kind]} variant="light">
                      {o.kind}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{o.ref}</Table.Td>
                  <Table.Td>{o.title}</Table.Td>
                  <Table.Td>{o.dueOn}</Table.Td>
                  <Table.Td>{o.daysLate}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
