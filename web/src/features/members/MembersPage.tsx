import { ActionIcon, Badge, Card, Group, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { member } from '../../../../src/contracts/foundation.ts';
import { type Role, roleLabels, roles } from '../../../../src/vocabulary/roles.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, Pager, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { memberQueries, membersApi } from './api.ts';
import { InvitationsPanel } from './InvitationsPanel.tsx';

type Member = z.infer<typeof member>;
const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

export function MembersPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const qc = useQueryClient();
  const members = useQuery(memberQueries.list(org.slug, { page, pageSize: 50 }));
  const onError = (e: unknown) =>
    notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) => membersApi.update(org.slug, id, { role }),
    onSuccess: () => invalidate(qc, org.slug, 'members'),
    onError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => membersApi.remove(org.slug, id),
    onSuccess: () => invalidate(qc, org.slug, 'members'),
    onError,
  });
  const manage = can.manageMembers(org.role);
  const confirmRemove = (m: Member) =>
    modals.openConfirmModal({
      title: `Remove ${m.name}?`,
      children: (
        <Text size="sm">
          They lose access to {org.name} at once. Their past actions stay in the audit trail.
        </Text>
      ),
      labels: { confirm: 'Remove', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(m.id),
    });

  return (
    <>
      <PageHeader
        title="Members & invitations"
        description={`People of ${org.name} and their roles. Roles decide what each person may do.`}
      />
      <Stack gap="lg">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Members
          </Title>
          {members.isLoading ? (
            <Loading />
          ) : members.isError ? (
            <ErrorNote error={members.error} />
          ) : members.data?.items.length === 0 ? (
            <EmptyState title="No members" hint="Invite the people who take part in the ISMS below." />
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped highlightOnHover aria-label="Members">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Second factor</Table.Th>
                    {manage && <Table.Th aria-label="Actions" />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data?.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>{m.name}</Table.Td>
                      <Table.Td>{m.email}</Table.Td>
                      <Table.Td>
                        {manage ? (
                          <Select
                            aria-label={`Role of ${m.name}`}
                            size="xs"
                            data={roleOptions}
                            value={m.role}
                            allowDeselect={false}
                            onChange={(r) => r && changeRole.mutate({ id: m.id, role: r as Role })}
                          />
                        ) : (
                          roleLabels[m.role]
                        )}
                      </Table.Td>
                      <Table.Td>
                        {m.twoFactorEnabled ? (
                          <Badge color="teal">on</Badge>
                        ) : (
                          <Badge color="gray">off</Badge>
                        )}
                      </Table.Td>
                      {manage && (
                        <Table.Td>
                          <Group justify="flex-end">
                            <Tooltip label="Remove member">
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={`Remove ${m.name}`}
                                onClick={() => confirmRemove(m)}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {members.data && (
            <Pager
              page={page}
              pageSize={members.data.pageSize}
              total={members.data.total}
              onChange={setPage}
            />
          )}
        </Card>
        {can.invite(org.role) ? (
          <InvitationsPanel />
        ) : (
          <Text size="sm" c="dimmed">
            Only administrators and ISMS managers invite people.
          </Text>
        )}
      </Stack>
    </>
  );
}
