import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { cycleEvent, recertificationReadiness } from '../../../src/contracts/certification.ts';
import { errorMessage, get, put } from '../api.ts';
import { useOrg } from '../components/common.tsx';
import { can } from '../permissions.ts';
import { type Certificate, StatusBadge } from './CertificateStatus.tsx';

const auditLabel = (a: Certificate['audits'][number]) =>
  a.type === 'surveillance' ? `Surveillance ${a.sequence}` : 'Recertification';

/** One certificate: its facts and document, the planned audits with their preparation, readiness. */
export function CertificateCycle({ cert }: { cert: Certificate }) {
  const org = useOrg();
  const qc = useQueryClient();
  const base = `/api/v1/orgs/${org.slug}/certificates/${cert.id}`;
  const refresh = () => void qc.invalidateQueries({ queryKey: ['certificates', org.slug] });
  const task = useMutation({
    mutationFn: (t: { id: string; done: boolean }) =>
      put<Certificate>(`${base}/tasks/${t.id}`, { done: t.done }),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      const res = await fetch(`${base}/file`, { method: 'POST', body: form, credentials: 'same-origin' });
      if (!res.ok)
        throw new Error(
          ((await res.json()) as { detail?: string }).detail ?? `upload failed (${res.status})`,
        );
    },
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', title: 'Not attached', message: errorMessage(e) }),
  });
  const manage = can.manageCertificates(org.role);
  return (
    <Card withBorder aria-label={`Certificate ${cert.number}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h3">
            Certificate {cert.number} <StatusBadge status={cert.status} />
          </Title>
          <Text size="sm" c="dimmed">
            {cert.standard}:{cert.edition} · {cert.certificationBody} · issued {cert.issuedOn} · expires{' '}
            <span data-testid="certificate-expiry">{cert.expiresOn}</span>
          </Text>
          {cert.scope && <Text size="sm">{cert.scope}</Text>}
        </div>
        <Group>
          {cert.file && (
            <Anchor href={`${base}/file`} size="sm">
              {cert.file.fileName}
            </Anchor>
          )}
          {manage && (
            <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,image/png,image/jpeg">
              {(props) => (
                <Button variant="light" size="xs" loading={upload.isPending} {...props}>
                  {cert.file ? 'Replace document' : 'Attach certificate document'}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
      </Group>
      {cert.warnings.map((w) => (
        <Alert key={`${w.code}-${w.auditRef}`} color="orange" mt="sm" title={`Plan warning: ${w.auditRef}`}>
          {w.message}
        </Alert>
      ))}
      <Table mt="md" striped aria-label={`Planned audits of ${cert.number}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Audit</Table.Th>
            <Table.Th>Window</Table.Th>
            <Table.Th>Planned on</Table.Th>
            <Table.Th>Preparation</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cert.audits.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor href={`/o/${org.slug}/audits/${encodeURIComponent(a.auditRef)}`}>{a.auditRef}</Anchor>
                <Text size="xs" c="dimmed">
                  {auditLabel(a)}
                </Text>
              </Table.Td>
              <Table.Td>
                {a.windowStart} – {a.windowEnd}
              </Table.Td>
              <Table.Td>{a.plannedOn}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {a.tasks.map((t) => (
                    <Checkbox
                      key={t.id}
                      size="xs"
                      checked={t.doneOn !== null}
                      disabled={!manage || task.isPending}
                      onChange={(e) => task.mutate({ id: t.id, done: e.currentTarget.checked })}
                      label={
                        <Text size="xs" c={t.overdue ? 'red' : undefined}>
                          {t.dueOn} · {t.title}
                          {t.doneOn ? ` (done ${t.doneOn})` : ''}
                        </Text>
                      }
                    />
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        <Upcoming base={base} id={cert.id} />
        <Readiness base={base} id={cert.id} />
      </SimpleGrid>
    </Card>
  );
}

function Upcoming({ base, id }: { base: string; id: string }) {
  const org = useOrg();
  const events = useQuery({
    queryKey: ['certificates', org.slug, id, 'calendar'],
    queryFn: () => get<z.infer<typeof cycleEvent>[]>(`${base}/calendar`),
  });
  const today = new Date().toISOString().slice(0, 10);
  const next = (events.data ?? []).filter((e) => e.date >= today).slice(0, 8);
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        Coming up
      </Title>
      <List size="sm" spacing={2} aria-label="Cycle calendar">
        {next.map((e) => (
          <List.Item key={e.key}>
            {e.date} · {e.title}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

function Readiness({ base, id }: { base: string; id: string }) {
  const org = useOrg();
  const [shown, setShown] = useState(false);
  const r = useQuery({
    queryKey: ['certificates', org.slug, id, 'readiness'],
    queryFn: () => get<z.infer<typeof recertificationReadiness>>(`${base}/readiness`),
    enabled: shown,
  });
  return (
    <div>
      <Group justify="space-between">
        <Title order={3} size="h5">
          Recertification readiness
        </Title>
        <Button size="xs" variant="subtle" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </Button>
      </Group>
      {shown && r.data && (
        <Stack gap="xs" mt={4}>
          <Text size="sm">
            Since {r.data.sinceAudit ?? 'the certificate was issued'} ({r.data.since}): {r.data.openFindings}{' '}
            open nonconformities, internal audit coverage {r.data.coveragePercent} %.
          </Text>
          {r.data.sections.map((s) => (
            <div key={s.key}>
              <Text size="sm" fw={600}>
                {s.title}{' '}
                {s.available ? (
                  <Badge size="xs">{s.items.length}</Badge>
                ) : (
                  <Badge size="xs" color="gray">
                    not tracked yet
                  </Badge>
                )}
              </Text>
              <List size="xs">
                {s.items.slice(0, 8).map((i) => (
                  <List.Item key={i.label}>
                    {i.label}: {i.detail}
                  </List.Item>
                ))}
                {s.items.length > 8 && <List.Item>… and {s.items.length - 8} more</List.Item>}
              </List>
            </div>
          ))}
        </Stack>
      )}
    </div>
  );
}
