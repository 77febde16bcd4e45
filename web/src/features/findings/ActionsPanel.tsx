import { Badge, Button, Card, Group, List, Select, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { actionStatus, type amendmentInput } from '../../../../src/contracts/corrective-actions.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
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
  const [a, setA] = useState({ title: '', ownerEmail: '', dueOn: '' });
  const [m, setM] = useState<z.input<typeof amendmentInput>>({
    kind: 'document',
    reference: '',
    description: '',
  });
  // The server validates with correctiveActionInput; its field paths land under the field concerned.
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const onError = (e: unknown) =>
    notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
  const done = () => invalidateFindingWork(qc, org);
  const add = useMutation({
    mutationFn: () =>
      findingsApi.addAction(one, {
        title: a.title,
        ownerEmail: a.ownerEmail || null,
        dueOn: a.dueOn || null,
      }),
    onSuccess: () => {
      setA({ title: '', ownerEmail: '', dueOn: '' });
      setFieldErrors({});
      void done();
    },
    onError: (e) => {
      setFieldErrors(e instanceof ApiError ? e.fieldErrors() : {});
      onError(e);
    },
  });
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
            <Table.Th>Status</Table.Th>
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
              <Table.Td>
                {editable ? (
                  <Select
                    aria-label={`Status of ${x.title}`}
                    size="xs"
                    w={140}
                    data={actionStatus.options}
                    value={x.status}
                    onChange={(s) => s && setStatus.mutate({ id: x.id, status: actionStatus.parse(s) })}
                    allowDeselect={false}
                  />
                ) : (
                  x.status
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="New corrective action"
              value={a.title}
              onChange={(e) => setA({ ...a, title: e.currentTarget.value })}
              error={fieldErrors.title}
              required
              w={320}
            />
            <TextInput
              label="Owner email"
              value={a.ownerEmail}
              onChange={(e) => setA({ ...a, ownerEmail: e.currentTarget.value })}
              error={fieldErrors.ownerEmail}
              w={220}
            />
            <TextInput
              label="Due date"
              type="date"
              value={a.dueOn}
              onChange={(e) => setA({ ...a, dueOn: e.currentTarget.value })}
              error={fieldErrors.dueOn}
              w={160}
            />
            <Button type="submit" loading={add.isPending}>
              Add action
            </Button>
          </Group>
        </form>
      )}
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
