import {
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Select,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { actionStatus, type amendmentInput } from '../../../../src/contracts/corrective-actions.ts';
import { labelOf, plural } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { ActionForm } from './ActionForm.tsx';
import { findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

/** Corrective actions (10.2 c) and the ISMS amendments they caused (10.2 e). */
export function ActionsPanel({
  org,
  finding,
  editable,
}: {
  org: string;
  finding: FindingDetail;
  editable: boolean;
}) {
  const qc = useQueryClient();
  const one = { org, findingId: finding.id };
  const [editing, setEditing] = useState<string | null>(null);
  const [m, setM] = useState<z.input<typeof amendmentInput>>({
    kind: 'document',
    reference: '',
    description: '',
  });
  const onError = (e: unknown) =>
    notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
  const done = () => invalidateFindingWork(qc, org);
  const remove = useMutation({
    mutationFn: (x: { id: string }) => findingsApi.removeAction({ ...one, actionId: x.id }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Corrective action deleted' });
      void done();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not deleted', message: errorMessage(e) }),
  });
  const confirmRemove = (x: { id: string; title: string }) =>
    modals.openConfirmModal({
      title: `Delete “${x.title}”?`,
      children: (
        <Text size="sm">
          The action leaves the plan. The audit trail keeps a record that it existed and who deleted it.
        </Text>
      ),
      labels: { confirm: 'Delete', cancel: 'Keep' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(x),
    });
  const editingAction = finding.actions.find((x) => x.id === editing);
  const setStatus = useMutation({
    mutationFn: (x: { id: string; status: z.infer<typeof actionStatus> }) =>
      findingsApi.updateAction({ ...one, actionId: x.id }, { status: x.status }),
    onSuccess: done,
    onError,
  });
  const amend = useMutation({
    mutationFn: () => findingsApi.addAmendment(one, m),
    onSuccess: () => {
      setM({ kind: 'document', reference: '', description: '' });
      void done();
    },
    onError,
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Corrective actions
      </Title>
      <Table aria-label="Corrective actions" mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Action</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Effort</Table.Th>
            <Table.Th>Status</Table.Th>
            {editable && <Table.Th>Change</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {finding.actions.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.title}</Table.Td>
              <Table.Td>{x.owner?.name ?? '—'}</Table.Td>
              <Table.Td>
                {x.dueOn ?? '—'} {x.overdue && <Badge color="red">overdue</Badge>}
              </Table.Td>
              <Table.Td>{x.effortDays === null ? '—' : plural(x.effortDays, 'working day')}</Table.Td>
              <Table.Td>
                {editable ? (
                  <Select
                    aria-label={`Status of ${x.title}`}
                    size="xs"
                    w={140}
                    data={actionStatus.options.map((o) => ({ value: o, label: labelOf.actionStatus(o) }))}
                    value={x.status}
                    onChange={(s) => s && setStatus.mutate({ id: x.id, status: actionStatus.parse(s) })}
                    allowDeselect={false}
                  />
                ) : (
                  labelOf.actionStatus(x.status)
                )}
              </Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setEditing(x.id)}>
                      Edit<VisuallyHidden> {x.title}</VisuallyHidden>
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => confirmRemove(x)}>
                      Delete<VisuallyHidden> {x.title}</VisuallyHidden>
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {finding.actions.length === 0 && (
        <Text size="sm" mb="sm">
          No corrective action yet.
        </Text>
      )}
      {editable && <ActionForm org={org} findingId={finding.id} />}
      <Modal
        opened={Boolean(editingAction)}
        onClose={() => setEditing(null)}
        title={editingAction ? `Edit “${editingAction.title}”` : ''}
      >
        {editingAction && (
          <ActionForm
            org={org}
            findingId={finding.id}
            action={editingAction}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
      <Title order={3} size="h5" mt="lg" mb="xs">
        ISMS amendments
      </Title>
      <List size="sm" mb="sm">
        {finding.amendments.map((x) => (
          <List.Item key={x.id}>
            <b>{x.kind}</b> {x.reference}: {x.description}
          </List.Item>
        ))}
        {finding.amendments.length === 0 && <List.Item>None recorded yet.</List.Item>}
      </List>
      {editable && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Kind"
            data={['document', 'soa_entry', 'risk', 'control', 'process']}
            value={m.kind}
            onChange={(k) => k && setM({ ...m, kind: k })}
            w={140}
            allowDeselect={false}
          />
          <TextInput
            label="Reference"
            value={m.reference}
            onChange={(e) => setM({ ...m, reference: e.currentTarget.value })}
            w={160}
          />
          <TextInput
            label="What changed"
            value={m.description}
            onChange={(e) => setM({ ...m, description: e.currentTarget.value })}
            w={300}
          />
          <Button variant="light" onClick={() => amend.mutate()} disabled={!m.reference || !m.description}>
            Add amendment
          </Button>
        </Group>
      )}
    </Card>
  );
}
