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
import { plainWords } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { certificationApi, certificationQueries } from './api.ts';
import { type Certificate, StatusBadge } from './certificate-status.tsx';

const editions: Record<string, string> = {
  '2013': 'ISO/IEC 27001:2013',
  '2022': 'ISO/IEC 27001:2022',
  '2022-amd1': 'ISO/IEC 27001:2022 + Amd 1:2024',
};
const editionLabel = (c: Certificate) =>
  c.standard === 'ISO/IEC 27001'
    ? (editions[c.edition] ?? `${c.standard}:${c.edition}`)
    : `${c.standard}:${c.edition}`;

const auditLabel = (a: Certificate['audits'][number]) =>
  a.type === 'surveillance' ? `Surveillance ${a.sequence}` : 'Recertification';

/** One certificate: its facts and document, the planned audits with their preparation, readiness. */
export function CertificateCycle({ cert }: { cert: Certificate }) {
  const org = useOrg();
  const qc = useQueryClient();
  const one = { org: org.slug, certificateId: cert.id };
  const refresh = () => void invalidate(qc, org.slug, 'certification');
  const task = useMutation({
    mutationFn: (t: { id: string; done: boolean }) =>
      certificationApi.setTask({ ...one, taskId: t.id }, t.done),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      await certificationApi.uploadFile(one, form);
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
            {editionLabel(cert)} · {cert.certificationBody} · decided{' '}
            <span data-testid="certificate-decided">{cert.decidedOn}</span> · issued {cert.issuedOn} · expires{' '}
            <span data-testid="certificate-expiry">{cert.expiresOn}</span>
            {cert.auditRef ? ` · decided on audit ${cert.auditRef}` : ''}
            {cert.renewsNumber ? ` · renews ${cert.renewsNumber}` : ''}
            {cert.soaVersion !== null ? ` · SoA v${cert.soaVersion}` : ''}
          </Text>
          {cert.scope && <Text size="sm">{cert.scope}</Text>}
          {cert.statusNote && (
            <Text size="sm" c="red">
              {cert.statusNote}
            </Text>
          )}
          {cert.status === 'suspended' && (
            <Text size="sm" c="orange">
              Suspended since {cert.statusOn} ({plainWords(cert.suspensionReason).toLowerCase()}):{' '}
              {cert.statusReason}
              {cert.reinstateBy ? ` — reinstate by ${cert.reinstateBy} or the certificate is withdrawn` : ''}
            </Text>
          )}
          {cert.status === 'withdrawn' && (
            <Text size="sm" c="red">
              Withdrawn on {cert.statusOn}: {cert.statusReason}
            </Text>
          )}
          {cert.notCertified && (
            <Text size="sm" c="red" data-testid="not-certified">
              Not certified from {cert.notCertified.from} to {cert.notCertified.to} (restored after expiry)
            </Text>
          )}
          {cert.historicalReason && (
            <Alert color="gray" mt="xs" title="Historical record" data-testid="historical-reason">
              Recorded by an admin outside the certification rules: {cert.historicalReason}
            </Alert>
          )}
        </div>
        <Group>
          {cert.file && (
            <Anchor href={certificationApi.fileUrl(one)} size="sm">
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
        <Alert
          key={`${w.code}-${w.auditRef}-${w.message}`}
          color="orange"
          mt="sm"
          title={`Plan warning${w.auditRef ? `: ${w.auditRef}` : ''}`}
        >
          {w.message}
        </Alert>
      ))}
      {/* On a phone the table scrolls sideways rather than squeezing the preparation tasks to a word a
          line (#19 item 5). */}
      <Table.ScrollContainer minWidth={720} mt="md">
        <Table striped aria-label={`Planned audits of ${cert.number}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Audit</Table.Th>
              <Table.Th>Window</Table.Th>
              <Table.Th>Planned on</Table.Th>
              <Table.Th miw={280}>Preparation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cert.audits.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor href={`/o/${org.slug}/audits/${encodeURIComponent(a.auditRef)}`}>
                    {a.auditRef}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {auditLabel(a)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {a.windowStart} – {a.windowEnd}
                </Table.Td>
                <Table.Td>{a.plannedOn}</Table.Td>
                <Table.Td>
                  <Stack gap={8}>
                    {a.tasks.map((t) => (
                      <Checkbox
                        key={t.id}
                        size="sm"
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
      </Table.ScrollContainer>
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        <Upcoming id={cert.id} />
        <Readiness id={cert.id} />
      </SimpleGrid>
    </Card>
  );
}

function Upcoming({ id }: { id: string }) {
  const org = useOrg();
  const events = useQuery(certificationQueries.calendar({ org: org.slug, certificateId: id }));
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

function Readiness({ id }: { id: string }) {
  const org = useOrg();
  const [shown, setShown] = useState(false);
  const r = useQuery({
    ...certificationQueries.readiness({ org: org.slug, certificateId: id }),
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
