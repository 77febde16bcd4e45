import {
  Anchor,
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
import type { CertificateEdition } from '../../../../src/contracts/certification.ts';
import { ApiError, errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { certificationApi, certificationQueries } from './api.ts';
import { CertificateCycle } from './CertificationCycle.tsx';

export function CertificationPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const certs = useQuery(certificationQueries.list(org.slug, { page, pageSize: PAGE_SIZE }));
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
      <ListPager data={certs.data} page={page} onChange={setPage} />
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
    ...certificationQueries.timeline(org.slug),
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
    decidedOn: '',
    auditRef: '',
    edition: '2022' as CertificateEdition,
    historicalReason: '',
    expiresOn: '',
    scope: '',
    interval: '12',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      certificationApi.create(org.slug, {
        number: v.number,
        certificationBody: v.certificationBody,
        issuedOn: v.issuedOn,
        decidedOn: v.decidedOn || null,
        auditRef: v.auditRef.trim() || null,
        edition: v.edition,
        historicalReason: v.historicalReason,
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
      void invalidate(qc, org.slug, 'certification');
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
          label="Certification decision on"
          description="Anchors the cycle (ISO/IEC 17021-1 9.1.3); empty: the issue date"
          type="date"
          value={v.decidedOn}
          onChange={text('decidedOn')}
          error={errors.decidedOn}
        />
        <TextInput
          label="Decided on audit"
          description="The stage 2 or recertification audit: refused while a major is not verified by the certification body or a minor has no accepted plan"
          value={v.auditRef}
          onChange={text('auditRef')}
          error={errors.auditRef}
        />
        <Select
          label="Edition"
          data={[
            { value: '2022', label: 'ISO/IEC 27001:2022' },
            { value: '2022-amd1', label: 'ISO/IEC 27001:2022 + Amd 1:2024' },
            { value: '2013', label: 'ISO/IEC 27001:2013 (lapsed after 2025-10-31)' },
          ]}
          value={v.edition}
          onChange={(x) => x && setV({ ...v, edition: x })}
          allowDeselect={false}
        />
        <TextInput
          label="Expires on"
          description="Leave empty for three years less a day from the decision"
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
        {org.role === 'admin' && (
          <Textarea
            label="Historical record: reason"
            description="Admins only: records a certificate the rules would refuse; the reason is kept in the audit trail and shown"
            autosize
            minRows={2}
            value={v.historicalReason}
            onChange={text('historicalReason')}
            error={errors.historicalReason}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Record and plan the cycle
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
