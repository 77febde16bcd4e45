import { Anchor, Badge, Card, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { actionStatusLabels, isFinishedAction } from '../../../../src/vocabulary/statuses.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { useMe } from '../../session.ts';
import { formatDay, usePlan } from './model.ts';

/** An action owner's work: her open corrective actions and tasks, soonest first, with their findings. */
export function MyTasksPage() {
  const org = useOrg();
  const me = useMe();
  const plan = usePlan(org.slug, null);
  const email = me.data?.user.email;
  const at = new Map((plan.data?.forecast.tasks ?? []).map((t) => [t.id, t]));
  const mine = (plan.data?.tasks ?? [])
    .filter((t) => t.owner?.email === email && !isFinishedAction(t.status))
    .sort((a, b) => (at.get(a.id)?.finishOn ?? '9').localeCompare(at.get(b.id)?.finishOn ?? '9'));
  return (
    <>
      <PageHeader
        title="My tasks"
        description="Your open corrective actions and plan tasks, the soonest first. Open one in the plan to update its status or estimate."
      />
      {plan.isLoading && <Loading />}
      {plan.isError && <ErrorNote error={plan.error} />}
      {plan.data && (
        <Card withBorder>
          {mine.length === 0 ? (
            <EmptyState title="Nothing assigned to you" hint="Corrective actions given to you appear here." />
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="xs">
                {plural(mine.length, 'open task')}
              </Text>
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label="My tasks">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Task</Table.Th>
                      <Table.Th>Finding</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Due</Table.Th>
                      <Table.Th>Forecast finish</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {mine.map((t) => {
                      const f = at.get(t.id);
                      const late = f && f.marginDays !== null && f.marginDays < 0;
                      return (
                        <Table.Tr key={t.id}>
                          <Table.Td>
                            <Anchor
                              component={Link}
                              to={`/o/${org.slug}/plan`}
                              search={{ task: t.id } as never}
                            >
                              {t.title}
                            </Anchor>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {t.finding ? (
                              <Anchor component={Link} to={`/o/${org.slug}/findings/${t.finding.id}`}>
                                {t.finding.auditRef} {t.finding.ref}
                              </Anchor>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={late ? 'red' : 'gray'}>
                              {actionStatusLabels[t.status]}
                              {late ? ' · late' : ''}
                            </Badge>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {t.dueOn ? formatDay(t.dueOn) : '—'}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {f ? formatDay(f.finishOn) : '—'}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Card>
      )}
    </>
  );
}
