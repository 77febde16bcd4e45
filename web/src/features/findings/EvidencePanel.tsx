import { Anchor, Button, Card, Code, FileInput, Group, Select, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { formatDateTime } from '../../components/common.tsx';
import { findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

export function EvidencePanel({
  org,
  finding,
  canAttach,
}: {
  org: string;
  finding: FindingDetail;
  canAttach: boolean;
}) {
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState('finding');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  async function upload() {
    if (!file) return;
    setBusy(true);
    const form = new FormData();
    const [kind, id] = target.split(':');
    form.set('attachedTo', kind ?? 'finding');
    if (id) form.set('attachedId', id);
    form.set('description', description);
    form.set('file', file);
    try {
      await findingsApi.attachEvidence({ org, findingId: finding.id }, form);
      setFile(null);
      setDescription('');
      await invalidateFindingWork(qc, org);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not attached', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }
  const targets = [
    { value: 'finding', label: 'the finding' },
    { value: 'correction', label: 'the correction' },
    { value: 'review', label: 'the effectiveness review' },
    ...finding.actions.map((a) => ({ value: `action:${a.id}`, label: `action: ${a.title}` })),
  ];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Evidence
      </Title>
      <Table aria-label="Evidence files" mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>For</Table.Th>
            <Table.Th>Uploaded</Table.Th>
            <Table.Th>SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {finding.evidence.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Anchor href={findingsApi.evidenceUrl({ org, findingId: finding.id, evidenceId: e.id })}>
                  {e.fileName}
                </Anchor>
              </Table.Td>
              <Table.Td>{e.attachedTo}</Table.Td>
              <Table.Td>
                {e.uploadedBy}, {formatDateTime(e.uploadedAt)}
              </Table.Td>
              <Table.Td>
                <Code>{e.sha256.slice(0, 16)}…</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canAttach && finding.status !== 'closed' && (
        <Group align="flex-end" wrap="wrap">
          <FileInput label="File" value={file} onChange={setFile} w={260} clearable />
          <Select
            label="Attach to"
            data={targets}
            value={target}
            onChange={(t) => t && setTarget(t)}
            w={240}
            allowDeselect={false}
          />
          <TextInput
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            w={240}
          />
          <Button onClick={upload} disabled={!file} loading={busy}>
            Attach evidence
          </Button>
        </Group>
      )}
    </Card>
  );
}
