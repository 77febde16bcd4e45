import { Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  inclusionReasonLabels,
  type SoaEntry,
  type SoaVersion,
  statusLabels,
  themes,
} from '../../../../src/contracts/isms-soa.ts';
import { controlLabel } from '../../../../src/vocabulary/controls.ts';

const statusColour = {
  not_started: 'gray',
  planned: 'blue',
  partial: 'yellow',
  implemented: 'teal',
} as const;

/** The controls of one version (93 of Annex A, then any others), filterable by theme and text; edit buttons only on a draft. */
export function ControlsTable({ v, onEdit }: { v: SoaVersion; onEdit: ((e: SoaEntry) => void) | null }) {
  const [theme, setTheme] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const shown = v.entries.filter(
    (e) =>
      (!theme || e.theme === theme) &&
      (q === '' ||
        `${controlLabel(e.controlId)} ${e.title} ${e.owner}`.toLowerCase().includes(q.toLowerCase())),
  );
  return (
    <Card withBorder>
      <Group mb="sm">
        <Select
          label="Theme"
          data={[...themes, 'other']}
          value={theme}
          onChange={setTheme}
          clearable
          w={200}
        />
        <TextInput label="Search" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label="Controls of the version">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Control</Table.Th>
              <Table.Th>Applicable</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Links</Table.Th>
              {onEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.controlId}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {controlLabel(e.controlId)}
                  </Text>
                  <Text size="sm">{e.title}</Text>
                </Table.Td>
                <Table.Td>{e.applicable ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {e.applicable
                      ? e.reasons.map((r) => inclusionReasonLabels[r]).join(', ')
                      : e.justification}
                  </Text>
                  {e.issues.map((i) => (
                    <Text key={i.message} size="xs" c="red">
                      {i.message}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {e.applicable ? (
                    <Badge miw="max-content" color={statusColour[e.status]}>
                      {statusLabels[e.status]}
                    </Badge>
                  ) : (
                    <Badge miw="max-content" color="gray">
                      Excluded
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{e.owner}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {[
                      e.risks.length && `${e.risks.length} risks`,
                      e.findings.length && `${e.findings.length} findings`,
                      e.evidence.length && `${e.evidence.length} evidence`,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
                {onEdit && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onEdit(e)}
                      aria-label={`Edit ${controlLabel(e.controlId)}`}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
