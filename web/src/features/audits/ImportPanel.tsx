import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { importReport } from '../../../../src/contracts/findings.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { auditsApi } from './api.ts';

type Report = z.infer<typeof importReport>;

const columns = ['ref', 'grade', 'requirement', 'statement', 'evidence', 'owner_email'] as const;

async function send(
  org: string,
  audit: string,
  file: File,
  dryRun: boolean,
  mapping: Record<string, string>,
): Promise<Report> {
  const form = new FormData();
  form.set('dryRun', String(dryRun));
  const used = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v.trim()));
  if (Object.keys(used).length > 0) form.set('mapping', JSON.stringify(used));
  form.set('file', file);
  return auditsApi.importReport(org, audit, form);
}

/** Import a nonconformity report: preview every row first; nothing is written while any row is bad. */
export function ImportPanel({ org, audit }: { org: string; audit: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const qc = useQueryClient();
  async function check(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    try {
      const r = await send(org, audit, file, dryRun, mapping);
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setFile(null);
        notifications.show({ color: 'teal', message: `${r.imported} findings imported` });
        await invalidateFindingWork(qc, org);
      }
    } catch (e) {
      notifications.show({ color: 'red', title: 'Import refused', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Import the nonconformity report
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        CSV or XLSX with the columns ref, grade, requirement, statement, evidence, owner_email.{' '}
        <Anchor href={auditsApi.importTemplateUrl(org)}>Download the template</Anchor>.
      </Text>
      <Accordion variant="contained" mb="sm">
        <Accordion.Item value="mapping">
          <Accordion.Control>Column mapping (when your file uses other headers)</Accordion.Control>
          <Accordion.Panel>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {columns.map((c) => (
                <TextInput
                  key={c}
                  label={`Header for ${c}`}
                  placeholder={c}
                  value={mapping[c] ?? ''}
                  onChange={(e) => {
                    setMapping({ ...mapping, [c]: e.currentTarget.value });
                    setPreview(null);
                  }}
                />
              ))}
            </SimpleGrid>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
      <Group align="flex-end">
        <FileInput
          label="Report file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
          }}
          w={320}
          clearable
        />
        <Button variant="light" onClick={() => check(true)} disabled={!file} loading={busy && !preview}>
          Preview
        </Button>
        <Button
          onClick={() => check(false)}
          disabled={!preview || preview.errors.length > 0}
          loading={busy && Boolean(preview)}
        >
          Import {preview && preview.errors.length === 0 ? `${preview.findings.length} findings` : ''}
        </Button>
      </Group>
      {preview && preview.errors.length > 0 && (
        <Alert
          color="red"
          mt="sm"
          title={`${preview.errors.length} problem(s): nothing will be imported until they are fixed`}
        >
          <Table aria-label="Import problems">
            <Table.Tbody>
              {preview.errors.map((e) => (
                <Table.Tr key={`${e.row}-${e.column}-${e.message}`}>
                  <Table.Td>row {e.row}</Table.Td>
                  <Table.Td>{e.column}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}
      {preview && preview.errors.length === 0 && (
        <Table mt="sm" aria-label="Import preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Ref</Table.Th>
              <Table.Th>Grade</Table.Th>
              <Table.Th>Requirements</Table.Th>
              <Table.Th>Statement</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.findings.map((f) => (
              <Table.Tr key={f.ref}>
                <Table.Td>{f.line}</Table.Td>
                <Table.Td>{f.ref}</Table.Td>
                <Table.Td>{f.grade}</Table.Td>
                <Table.Td>{f.requirements.join(', ')}</Table.Td>
                <Table.Td>{f.statement}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
