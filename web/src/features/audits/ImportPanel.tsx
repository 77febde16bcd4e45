import {
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { importReport } from '../../../../src/contracts/findings.ts';
import { labelOf, plural } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { auditsApi } from './api.ts';

type Report = z.infer<typeof importReport>;

const columns = ['ref', 'grade', 'requirement', 'statement', 'evidence', 'owner_email'] as const;
const columnLabels: Record<(typeof columns)[number], string> = {
  ref: 'Finding number (required)',
  grade: 'Grade (required)',
  requirement: 'Clause or control (required)',
  statement: 'Statement (required)',
  evidence: 'Objective evidence',
  owner_email: 'Owner email',
};
/** The Select's value for "do not import this column" (the API takes an empty header). */
const NONE = '\u0000none';

async function send(
  org: string,
  audit: string,
  file: File,
  dryRun: boolean,
  mapping: Record<string, string>,
): Promise<Report> {
  const form = new FormData();
  form.set('dryRun', String(dryRun));
  if (Object.keys(mapping).length > 0) form.set('mapping', JSON.stringify(mapping));
  form.set('file', file);
  return auditsApi.importReport(org, audit, form);
}

/** The mapping the server read, as explicit choices (null → not imported). */
const currentMapping = (r: Report) =>
  Object.fromEntries(Object.entries(r.mapping).map(([k, v]) => [k, v ?? '']));

/** Import a nonconformity report: preview every row first; nothing is written while any row is bad. */
export function ImportPanel({ org, audit }: { org: string; audit: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const qc = useQueryClient();
  async function check(dryRun: boolean, chosen = mapping, chosenFile = file) {
    if (!chosenFile) return;
    setBusy(true);
    try {
      const r = await send(org, audit, chosenFile, dryRun, chosen);
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setFile(null);
        setMapping({});
        notifications.show({ color: 'teal', message: `${plural(r.imported, 'finding')} imported` });
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
      <Text size="sm" mb="sm">
        CSV or XLSX, with the certification body's own headers or the template's (ref, grade, requirement,
        statement, evidence, owner_email); title rows above the headers are skipped.{' '}
        <Anchor href={auditsApi.importTemplateUrl(org)} underline="always">
          Download the template
        </Anchor>
        .
      </Text>
      <Group align="flex-end">
        <FileInput
          label="Report file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f);
            setPreview(null);
            setMapping({});
            if (f) void check(true, {}, f);
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
          Import {preview && preview.errors.length === 0 ? plural(preview.rows, 'finding') : ''}
        </Button>
      </Group>
      {preview && preview.headers.length > 0 && (
        <Card withBorder mt="sm" aria-label="Column mapping">
          <Title order={3} size="h5">
            Columns of your file
          </Title>
          <Text size="sm" mb="xs">
            Headers found in row {preview.headerRow}.{' '}
            {preview.remembered
              ? 'The mapping used last time for this certification body was applied; check it.'
              : 'A mapping was suggested from the headers; check it.'}{' '}
            Columns you leave as "not imported" stay empty.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {columns.map((c) => (
              <Select
                key={c}
                label={columnLabels[c]}
                data={[
                  { value: NONE, label: '— not imported —' },
                  ...preview.headers.filter(Boolean).map((h) => ({ value: h, label: h })),
                ]}
                value={preview.mapping[c] ?? NONE}
                allowDeselect={false}
                onChange={(v) => {
                  const next = { ...mapping, ...currentMapping(preview), [c]: v === NONE || !v ? '' : v };
                  setMapping(next);
                  void check(true, next);
                }}
              />
            ))}
          </SimpleGrid>
        </Card>
      )}
      {preview && preview.errors.length > 0 && (
        <Alert
          color="red"
          mt="sm"
          title={`${plural(preview.problems, 'problem')}: nothing will be imported until they are fixed`}
        >
          {preview.problems > preview.errors.length && (
            <Text size="sm">The first {preview.errors.length} are listed.</Text>
          )}
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
      {preview && preview.errors.length === 0 && preview.rows > preview.findings.length && (
        <Text size="sm" mt="sm">
          The first {preview.findings.length} of {preview.rows} findings are shown.
        </Text>
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
                <Table.Td>{labelOf.grade(f.grade)}</Table.Td>
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
