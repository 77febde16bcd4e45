import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import {
  implementationStatuses,
  type migration2013Result,
  statusLabels,
} from '../../../../src/contracts/isms-soa.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { soaApi } from './api.ts';

type Result = z.infer<typeof migration2013Result>;

/**
 * Lines copied from a 2013 SoA spreadsheet (tab- or comma-separated): control, applicable (yes/no),
 * status, then the justification (excluded) or how it is implemented (applicable).
 */
export function parse2013(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^A\.\d/i.test(l))
    .map((l) => {
      const cells = l.split(l.includes('\t') ? '\t' : ',').map((c) => c.trim());
      const applicable = !/^(no|n|false|excluded|0)$/i.test(cells[1] ?? 'yes');
      const status = implementationStatuses.find(
        (s) => s === (cells[2] ?? '').toLowerCase().replace(' ', '_'),
      );
      const rest = cells.slice(3).join(', ');
      return {
        id: cells[0]!.toUpperCase(),
        applicable,
        ...(status ? { status } : {}),
        ...(applicable ? { implementation: rest } : { justification: rest }),
      };
    });
}

export function Soa2013Panel({ version }: { version: number }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const run = useMutation({
    mutationFn: (apply: boolean) =>
      soaApi.migrate2013(
        { org: org.slug, version },
        {
          entries: parse2013(text),
          apply,
        },
      ),
    onSuccess: (r) => {
      setResult(r);
      if (r.applied) {
        void invalidate(qc, org.slug, 'soa');
        notifications.show({ color: 'teal', title: 'Written into the draft', message: `version ${version}` });
      }
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not migrated', message: errorMessage(e) }),
  });
  const flagged = result?.proposals.filter((p) => p.review) ?? [];
  return (
    <Card withBorder>
      <Stack>
        <Text size="sm">
          Paste the lines of your ISO/IEC 27001:2013 SoA (control, applicable yes/no, status, justification or
          implementation). The 2022 lines are proposed with the ISO/IEC 27002:2022 Annex B correspondence;
          nothing changes until you write them into the draft.
        </Text>
        <Textarea
          label="2013 SoA lines"
          placeholder={
            'A.9.2.5\tyes\timplemented\tQuarterly access reviews\nA.11.1.6\tno\t\tNo delivery or loading areas'
          }
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={4}
        />
        <Group>
          <Button
            variant="default"
            onClick={() => run.mutate(false)}
            disabled={parse2013(text).length === 0}
            loading={run.isPending}
          >
            Preview
          </Button>
          <Button onClick={() => run.mutate(true)} disabled={!result || result.applied}>
            Write into draft v{version}
          </Button>
        </Group>
        {result && result.unknown.length > 0 && (
          <Alert color="yellow">Not 2013 Annex A controls: {result.unknown.join(', ')}</Alert>
        )}
        {result && (
          <Table striped aria-label="2022 proposals needing a decision">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>2022 control</Table.Th>
                <Table.Th>From 2013</Table.Th>
                <Table.Th>Proposal</Table.Th>
                <Table.Th>Needs a decision</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(flagged.length > 0 ? flagged : result.proposals).map((p) => (
                <Table.Tr key={p.controlId}>
                  <Table.Td>A.{p.controlId}</Table.Td>
                  <Table.Td>{p.from.join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={p.applicable ? 'teal' : 'gray'}>
                      {p.applicable ? statusLabels[p.status] : 'Excluded'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{p.review ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
