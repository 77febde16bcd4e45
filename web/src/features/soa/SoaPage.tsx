import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SoaEntry, SoaVersion, soaFormats } from '../../../../src/contracts/isms-soa.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { soaApi, soaQueries } from './api.ts';
import { Soa2013Panel } from './Soa2013Panel.tsx';
import { SoaComparePanel } from './SoaComparePanel.tsx';
import { SoaControlDrawer } from './SoaControlDrawer.tsx';
import { ControlsTable } from './SoaControlsTable.tsx';
import { SoaOtherControlForm } from './SoaOtherControlForm.tsx';
import { SoaScopePanel } from './SoaScopePanel.tsx';

export function SoaPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const versions = useQuery({
    ...soaQueries.versions(org.slug),
  });
  const [picked, setPicked] = useState<number | null>(null);
  const number = picked ?? versions.data?.[0]?.number ?? null;
  const version = useQuery({
    ...soaQueries.version(org.slug, number ?? 0),
    enabled: number !== null,
  });
  const [editing, setEditing] = useState<SoaEntry | null>(null);
  const [starting, setStarting] = useState(false);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string[]>([]);
  const manage = can.manageSoa(org.role);
  const refresh = () => invalidate(qc, org.slug, 'soa', 'crosswalks', 'posture');
  const start = useMutation({
    mutationFn: () => soaApi.createVersion(org.slug, { changeNote: note }),
    onSuccess: (v) => {
      setStarting(false);
      setNote('');
      setPicked(v.number);
      void refresh();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not started', message: errorMessage(e) }),
  });
  const approve = useMutation({
    mutationFn: () => soaApi.approve({ org: org.slug, version: number ?? 0 }, {}),
    onSuccess: (v) => {
      setRefusal([]);
      notifications.show({
        color: 'teal',
        title: `Version ${v.number} approved`,
        message: `by ${v.approvedBy} on ${v.approvedOn}`,
      });
      void refresh();
    },
    onError: (e) =>
      setRefusal(e instanceof ApiError ? (e.problem.errors ?? []).map((x) => x.message) : [errorMessage(e)]),
  });
  const v = version.data;
  const hasDraft = versions.data?.some((x) => x.status === 'draft') ?? false;
  const exportUrl = (format: (typeof soaFormats)[number]) =>
    soaApi.exportUrl({ org: org.slug, version: number ?? 0 }, format);
  return (
    <>
      <PageHeader
        title="Statement of Applicability"
        description="ISO/IEC 27001:2022 clause 6.1.3 d: every Annex A control, whether it applies and why, and how far it is implemented. A draft is edited, approved by a named person and then read-only."
        actions={
          <Group>
            {manage && !hasDraft && <Button onClick={() => setStarting(true)}>New version</Button>}
            {manage && v?.status === 'draft' && (
              <Button color="teal" onClick={() => approve.mutate()} loading={approve.isPending}>
                Approve version {v.number}
              </Button>
            )}
            {v && (
              <>
                <Button variant="default" component="a" href={exportUrl('pdf')} download>
                  Download PDF
                </Button>
                <Button variant="default" component="a" href={exportUrl('xlsx')} download>
                  Download XLSX
                </Button>
              </>
            )}
          </Group>
        }
      />
      {versions.isLoading ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorNote error={versions.error} />
      ) : versions.data?.length === 0 ? (
        <Card withBorder>
          <EmptyState
            title="No Statement of Applicability yet"
            hint="Start version 1: all 93 Annex A controls are listed for a decision."
          />
        </Card>
      ) : (
        <Stack>
          <Group>
            <Select
              label="Version"
              data={(versions.data ?? []).map((x) => ({
                value: String(x.number),
                label: `v${x.number} — ${x.status}`,
              }))}
              value={number === null ? null : String(number)}
              onChange={(x) => x && setPicked(Number(x))}
              allowDeselect={false}
              w={200}
            />
            {v && <VersionFacts v={v} />}
          </Group>
          {refusal.length > 0 && (
            <Alert color="red" title="This version cannot be approved yet">
              <ul>
                {refusal.slice(0, 10).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
              {refusal.length > 10 && <Text size="sm">…and {refusal.length - 10} more</Text>}
            </Alert>
          )}
          {v && v.warnings.length > 0 && (
            <Alert
              color="yellow"
              title={v.status === 'approved' ? 'Approved with these warnings' : 'Approval will warn about'}
            >
              <ul>
                {v.warnings.map((w) => (
                  <li key={`${w.kind}-${w.controlId ?? ''}`}>{w.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {version.isError && <ErrorNote error={version.error} />}
          {v && (
            <Tabs defaultValue="controls" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="controls">Controls</Tabs.Tab>
                <Tabs.Tab value="scope">ISMS scope</Tabs.Tab>
                <Tabs.Tab value="compare">Compare versions</Tabs.Tab>
                {manage && v.status === 'draft' && <Tabs.Tab value="migrate">From the 2013 edition</Tabs.Tab>}
              </Tabs.List>
              <Tabs.Panel value="controls" pt="md">
                <ControlsTable v={v} onEdit={manage && v.status === 'draft' ? setEditing : null} />
                {manage && v.status === 'draft' && <SoaOtherControlForm version={v.number} />}
              </Tabs.Panel>
              <Tabs.Panel value="scope" pt="md">
                <SoaScopePanel version={v} editable={manage && v.status === 'draft'} />
              </Tabs.Panel>
              <Tabs.Panel value="compare" pt="md">
                <SoaComparePanel versions={versions.data ?? []} />
              </Tabs.Panel>
              <Tabs.Panel value="migrate" pt="md">
                <Soa2013Panel version={v.number} />
              </Tabs.Panel>
            </Tabs>
          )}
        </Stack>
      )}
      {number !== null && (
        <SoaControlDrawer entry={editing} version={number} onClose={() => setEditing(null)} />
      )}
      <Modal opened={starting} onClose={() => setStarting(false)} title="New SoA version">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <Stack>
            <Text size="sm">The new draft starts as a copy of the last approved version.</Text>
            <TextInput
              label="Why a new version"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              required
            />
            <Button type="submit" loading={start.isPending}>
              Start draft
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function VersionFacts({ v }: { v: SoaVersion }) {
  const c = v.counts;
  return (
    <Group gap="xs" mt={22}>
      <Badge color={v.status === 'approved' ? 'teal' : 'yellow'}>{v.status}</Badge>
      {v.approvedBy && (
        <Text size="sm">
          Approved by {v.approvedBy} on {v.approvedOn}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {c.applicable} applicable · {c.excluded} excluded · {c.implemented} implemented · {c.partial} partial
        · {c.planned} planned · {c.notStarted} not started
      </Text>
      {c.issues > 0 && <Badge color="red">{c.issues} issues</Badge>}
    </Group>
  );
}
