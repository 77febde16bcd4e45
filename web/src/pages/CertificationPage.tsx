import {
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { certificate, timelineEntry } from '../../../src/contracts/certification.ts';
import type { Paged } from '../../../src/contracts/common.ts';
import { ApiError, errorMessage, get, post } from '../api.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../components/common.tsx';
import { can } from '../permissions.ts';
import { CertificateCycle } from './CertificationCycle.tsx';

export type Certificate = z.infer<typeof certificate>;
export const statusColour = {
  valid: 'teal',
  suspended: 'orange',
  withdrawn: 'red',
  expired: 'gray',
} as const;

export function CertificationPage() {
  const org = useOrg();
  const certs = useQuery({
    queryKey: ['certificates', org.slug],
    queryFn: () => get<Paged<Certificate>>(`/api/v1/orgs/${org.slug}/certificates?pageSize=100`),
  });
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Certification cycle"
        description="Certificates with their surveillance and recertification audits, the preparation each needs, and what the recertification will look at."
        actions={can.manageCertificates(org.role) && <Button onClick={open}>Record certificate</Button>}
      />
      {certs.isLoading ? (
        <Loading />
      ) : certs.isError ? (
        <ErrorNote error={certs.error} />
      ) : certs.data?.items.length === 0 ? (
        <Card withBorder>
          <EmptyState
            title="No certificate recorded"
            hint="Record the certificate the certification body issued: closeloop plans its surveillance and recertification audits."
          />
        </Card>
      ) : (
        <Stack>
          {certs.data?.items.map((c) => (
            <CertificateCycle key={c.id} cert={c} />
          ))}
        </Stack>
      )}
      <Timeline />
      <Drawer opened={opened} onClose={close} title="Record certificate" position="right" size="md">
        <CertificateForm onDone={close} />
      </Drawer>
    </>
  );
}

function Timeline() {
  const org = useOrg();
  const timeline = useQuery({
    queryKey: ['certification-timeline', org.slug],
    queryFn: () => get<z.infer<typeof timelineEntry>[]>(`/api/v1/orgs/${org.slug}/certification/timeline`),
  });
  if (!timeline.data?.length) return null;
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4" mb="sm">
        Certification history
      </Title>
      <Table striped aria-label="Certification history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {timeline.data.map((e) => (
            <Table.Tr key={`${e.date}-${e.kind}-${e.title}`}>
              <Table.Td>{e.date}</Table.Td>
              <Table.Td>
                {e.auditRef ? (
                  <Anchor
                    href={`/o/${org.slug}/${e.kind === 'internal_audit' ? 'internal-audits' : 'audits'}/${encodeURIComponent(e.auditRef)}`}
                  >
                    {e.title}
                  </Anchor>
                ) : (
                  e.title
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {e.detail}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function CertificateForm({ onDone }: { onDone: () => void }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [v, setV] = useState({
    number: '',
    certificationBody: '',
    issuedOn: '',
    expiresOn: '',
    scope: '',
    interval: '12',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      post<Certificate>(`/api/v1/orgs/${org.slug}/certificates`, {
        number: v.number,
        certificationBody: v.certificationBody,
        issuedOn: v.issuedOn,
        expiresOn: v.expiresOn || null,
        scope: v.scope,
        cycle: {
          surveillanceIntervalMonths: Number(v.interval),
          windowMonths: Math.min(3, Number(v.interval)),
          recertificationLeadDays: 90,
          policyKey: 'fast-14-30-60',
        },
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['certificates', org.slug] });
      void qc.invalidateQueries({ queryKey: ['certification-timeline', org.slug] });
      notifications.show({
        color: 'teal',
        title: 'Certificate recorded',
        message: `${c.audits.length} audits planned`,
      });
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not recorded', message: errorMessage(e) });
    },
  });
  const text = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Certificate number"
          value={v.number}
          onChange={text('number')}
          error={errors.number}
          required
        />
        <TextInput
          label="Certification body"
          value={v.certificationBody}
          onChange={text('certificationBody')}
          error={errors.certificationBody}
          required
        />
        <TextInput
          label="Issued on"
          type="date"
          value={v.issuedOn}
          onChange={text('issuedOn')}
          error={errors.issuedOn}
          required
        />
        <TextInput
          label="Expires on"
          description="Leave empty for three years less a day"
          type="date"
          value={v.expiresOn}
          onChange={text('expiresOn')}
          error={errors.expiresOn}
        />
        <Select
          label="Surveillance every"
          data={[
            { value: '12', label: '12 months' },
            { value: '9', label: '9 months' },
            { value: '6', label: '6 months' },
          ]}
          value={v.interval}
          onChange={(x) => x && setV({ ...v, interval: x })}
          allowDeselect={false}
        />
        <Textarea label="Scope statement" autosize minRows={2} value={v.scope} onChange={text('scope')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Record and plan the cycle
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export const StatusBadge = ({ status }: { status: Certificate['status'] }) => (
  <Badge color={statusColour[status]} aria-label="Certificate status">
    {status}
  </Badge>
);
