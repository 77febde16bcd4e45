import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Role, roleLabels, roles } from '../../../../src/vocabulary/roles.ts';
import { ApiError, errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import {
  EmptyState,
  ErrorNote,
  formatDateTime,
  ListPager,
  Loading,
  useOrg,
} from '../../components/common.tsx';
import { findingQueries } from '../findings/api.ts';
import { memberQueries, membersApi } from './api.ts';

const statusColour = { pending: 'blue', accepted: 'teal', revoked: 'gray', expired: 'orange' } as const;

export function InvitationsPanel() {
  const org = useOrg();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('action_owner');
  const [days, setDays] = useState<number>(7);
  const [scope, setScope] = useState<string[]>([]);
  // The picker of findings a guest may see: the first 200 by reference, searchable in the field.
  const findings = useQuery(findingQueries.list(org.slug, { page: 1, pageSize: 200 }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [lastLink, setLastLink] = useState<{ email: string; link: string } | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery(memberQueries.invitations(org.slug, { page, pageSize: PAGE_SIZE }));
  const invite = useMutation({
    mutationFn: () =>
      membersApi.invite(org.slug, {
        email,
        role,
        expiresInDays: days,
        ...(scope.length > 0 ? { findingIds: scope } : {}),
      }),
    onSuccess: (inv) => {
      setEmail('');
      setScope([]);
      setErrors({});
      setLastLink({ email: inv.email, link: inv.link });
      notifications.show({ color: 'teal', message: `Invitation sent to ${inv.email}` });
      void invalidate(qc, org.slug, 'invitations');
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not sent', message: errorMessage(e) });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => membersApi.revokeInvitation(org.slug, id),
    onSuccess: () => invalidate(qc, org.slug, 'invitations'),
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const roleOptions = roles
    .filter((r) => r !== 'admin' || org.role === 'admin')
    .map((r) => ({ value: r, label: roleLabels[r] }));

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Invitations
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <Group align="flex-end" wrap="wrap" mb="md">
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            required
            w={260}
          />
          <Select
            label="Role"
            data={roleOptions}
            value={role}
            onChange={(r) => r && setRole(r as Role)}
            allowDeselect={false}
            w={220}
          />
          <NumberInput
            label="Expires in (days)"
            min={1}
            max={30}
            value={days}
            onChange={(v) => setDays(Number(v) || 7)}
            w={150}
          />
          <MultiSelect
            label="Limit to findings (guest)"
            description="Leave empty for the whole organisation"
            data={(findings.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.auditRef} ${f.ref}` }))}
            value={scope}
            onChange={setScope}
            error={errors.findingIds}
            searchable
            clearable
            w={300}
          />
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
      </form>
      {lastLink && (
        <Alert color="blue" mb="md" title={`Link for ${lastLink.email}`}>
          <Text size="sm" mb="xs">
            The invitation went by mail. If it does not arrive, pass this single-use link on yourself:
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }}>{lastLink.link}</Code>
            <CopyButton value={lastLink.link}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : list.data?.items.length === 0 ? (
        <EmptyState
          title="No invitations yet"
          hint="Invite the ISMS manager, action owners, internal auditors and your certification body's auditor."
        />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Invited by</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.email}</Table.Td>
                  <Table.Td>{roleLabels[i.role]}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColour[i.status]}>{i.status}</Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(i.expiresAt)}</Table.Td>
                  <Table.Td>{i.invitedBy}</Table.Td>
                  <Table.Td>
                    {i.status === 'pending' && (
                      <Tooltip label="Revoke invitation">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke invitation of ${i.email}`}
                          onClick={() => revoke.mutate(i.id)}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPager data={list.data} page={page} onChange={setPage} />
    </Card>
  );
}
