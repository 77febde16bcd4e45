import { Anchor, Badge, Button, Card, Drawer, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ObjectiveDto } from '../../../../src/contracts/isms-objectives.ts';
import { objectiveProgressLabels, objectiveStatusLabels } from '../../../../src/vocabulary/index.ts';
import { PAGE_SIZE } from '../../api/client.ts';
import { EmptyState, ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { objectiveQueries } from './api.ts';
import { ObjectiveForm, ResultForm } from './ObjectiveForms.tsx';

// Information security objectives (ISO/IEC 27001:2022 6.2): the register with each objective's target,
// latest result, owner and due date; managers plan, edit, record results and delete an unmeasured one.

const progressColour = { not_measured: 'gray', on_target: 'teal', off_target: 'orange' } as const;
const statusColour = {
  planned: 'gray',
  in_progress: 'blue',
  achieved: 'teal',
  not_achieved: 'red',
  withdrawn: 'gray',
} as const;

// Mantine renders the header with `component` taken from its props last (ModalBaseHeader spreads them).
const asDiv = { component: 'div' } as object;

type Editing =
  | { kind: 'new' }
  | { kind: 'edit'; o: ObjectiveDto }
  | { kind: 'record'; o: ObjectiveDto }
  | null;

export function ObjectivesPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const list = useQuery(objectiveQueries.list(org.slug, { page, pageSize: PAGE_SIZE }));
  const [editing, setEditing] = useState<Editing>(null);
  const manage = can.manageObjectives(org.role);
  const title =
    editing?.kind === 'new'
      ? 'Add objective'
      : editing?.kind === 'edit'
        ? `Objective ${editing.o.ref}`
        : editing?.kind === 'record'
          ? `Record a result: ${editing.o.ref}`
          : '';
  return (
    <>
      <PageHeader
        title="Information security objectives"
        description="Objectives consistent with the policy, each measurable, with what will be done, the resources, who is responsible, when it is due and how results are evaluated (ISO/IEC 27001:2022 6.2). The management review reads their fulfilment (9.3.2 d 4)."
        actions={manage && <Button onClick={() => setEditing({ kind: 'new' })}>Add objective</Button>}
      />
      <Card withBorder>
        {list.isLoading ? (
          <Loading />
        ) : list.isError ? (
          <ErrorNote error={list.error} />
        ) : list.data?.items.length === 0 ? (
          <EmptyState
            title="No objectives yet"
            hint="Set measurable information security objectives at relevant functions and levels (6.2)."
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Information security objectives">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ref</Table.Th>
                  <Table.Th>Objective</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Latest result</Table.Th>
                  <Table.Th>Responsible</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {manage && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      {manage ? (
                        <Anchor
                          component="button"
                          type="button"
                          onClick={() => setEditing({ kind: 'edit', o })}
                        >
                          {o.ref}
                        </Anchor>
                      ) : (
                        o.ref
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{o.title}</Text>
                      <Text size="xs" c="dimmed">
                        {o.measure}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.targetText}</Table.Td>
                    <Table.Td>
                      {o.results[0] ? (
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {o.results[0].value} {o.unit} ({o.results[0].measuredOn})
                        </Text>
                      ) : null}
                      <Badge miw="max-content" color={progressColour[o.progress]}>
                        {objectiveProgressLabels[o.progress]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{o.owner}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {o.dueOn ?? '—'}{' '}
                      {o.overdue && (
                        <Badge miw="max-content" color="red">
                          Overdue
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge miw="max-content" color={statusColour[o.status]}>
                        {objectiveStatusLabels[o.status]}
                      </Badge>
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            disabled={o.status === 'withdrawn'}
                            onClick={() => setEditing({ kind: 'record', o })}
                            aria-label={`Record a result of ${o.ref}`}
                          >
                            Record result
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListPager data={list.data} page={page} onChange={setPage} />
      </Card>
      {/* The compound drawer, its header a div: Mantine's <header> inside the dialog reads as a second banner
          landmark to axe (landmark-no-duplicate-banner, landmark-unique) while the drawer is open. */}
      <Drawer.Root opened={editing !== null} onClose={() => setEditing(null)} position="right" size="md">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header {...asDiv}>
            <Drawer.Title>{title}</Drawer.Title>
            <Drawer.CloseButton aria-label="Close" />
          </Drawer.Header>
          <Drawer.Body>
            {editing?.kind === 'record' ? (
              <ResultForm key={`r-${editing.o.ref}`} objective={editing.o} onDone={() => setEditing(null)} />
            ) : editing !== null ? (
              <ObjectiveForm
                key={editing.kind === 'new' ? 'new' : editing.o.ref}
                objective={editing.kind === 'new' ? null : editing.o}
                onDone={() => setEditing(null)}
              />
            ) : null}
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
    </>
  );
}
