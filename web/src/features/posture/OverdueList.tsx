import { Badge, Card, Table, Text, Title } from '@mantine/core';
import type { Dashboard } from './model.ts';

const kindColour = { finding: 'red', action: 'orange', document: 'grape' } as const;

export function OverdueList({ d }: { d: Dashboard }) {
  return (
    <Card withBorder component="section" aria-label="Overdue">
      <Title order={2} size="h4" mb="xs">
        Overdue ({d.overdue.length})
      </Title>
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
