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
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import {
  auditInput,
  type auditSummary,
  auditTypes,
  recommendations,
} from '../../../../src/contracts/findings.ts';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { can } from '../../permissions.ts';
import { auditQueries, auditsApi } from './api.ts';

export type Audit = z.infer<typeof auditSummary>;
type AuditInput = z.input<typeof auditInput>;
const toAuditInput = (
  v: Omit<AuditInput, 'leadAuditor' | 'reportReceivedOn' | 'recommendation' | 'policyKey' | 'endsOn'> & {
    leadAuditor: string;
    reportReceivedOn: string;
    recommendation: string;
    policyKey: string;
    endsOn: string;
  },
): AuditInput => ({
  ...v,
  leadAuditor: v.leadAuditor || null,
  reportReceivedOn: v.reportReceivedOn || null,
  endsOn: v.endsOn || null,
  recommendation: (v.recommendation || null) as AuditInput['recommendation'],
  // Empty: the organisation's default policy (cb-90 on a new organisation).
  policyKey: v.policyKey || undefined,
});
export const recommendationLabel = labelOf.recommendation;
export const impliedColour = {
  recommended: 'teal',
  recommended_upon_action_plan: 'yellow',
  not_recommended: 'red',
} as const;

export function AuditsPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const audits = useQuery(auditQueries.list(org.slug, { page, pageSize: PAGE_SIZE }));
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Audits & findings"
        description="Each audit with the recommendation the auditor gave and the one its open findings imply, and the next deadline."
        actions={can.manageFindings(org.role) && <Button onClick={open}>New audit</Button>}
      />
      <Card withBorder>
        {audits.isLoading ? (
          <Loading />
        ) : audits.isError ? (
          <ErrorNote error={audits.error} />
        ) : audits.data?.items.length === 0 ? (
          <EmptyState
            title="No audits yet"
            hint="Create the audit whose report you received, then import its nonconformity report."
          />
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Audits">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Audit</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Certification body</Table.Th>
                  <Table.Th>Auditor's recommendation</Table.Th>
                  <Table.Th>Implied now</Table.Th>
                  <Table.Th>Open / major / minor / OFI</Table.Th>
                  <Table.Th>Next deadline</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audits.data?.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/o/${org.slug}/audits/${encodeURIComponent(a.ref)}`}>
                        {a.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{labelOf.auditType(a.type)}</Table.Td>
                    <Table.Td>{a.certificationBody}</Table.Td>
                    <Table.Td>{recommendationLabel(a.recommendation)}</Table.Td>
                    <Table.Td>
                      {a.impliedRecommendation ? (
                        <Badge color={impliedColour[a.impliedRecommendation.implied]}>
                          {recommendationLabel(a.impliedRecommendation.implied)}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          none: closed by the organisation
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.counts.open} / {a.counts.major} / {a.counts.minor} / {a.counts.ofi}
                      {a.counts.overdue > 0 && (
                        <Badge color="red" ml="xs">
                          {a.counts.overdue} overdue
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.nextDeadline ? `${a.nextDeadline.kind.toUpperCase()} ${a.nextDeadline.on}` : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListPager data={audits.data} page={page} onChange={setPage} />
      </Card>
      <Drawer opened={opened} onClose={close} title="New audit" position="right" size="md">
        <NewAuditForm onDone={close} />
      </Drawer>
    </>
  );
}

function NewAuditForm({ onDone }: { onDone: () => void }) {
  const org = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const policies = useQuery(auditQueries.policies(org.slug));
  const form = useForm({
    initialValues: {
      ref: '',
      type: 'stage2' as AuditInput['type'],
      certificationBody: '',
      leadAuditor: '',
      reportReceivedOn: '',
      recommendation: '',
      policyKey: '',
      endsOn: '',
      scope: '',
    },
    validate: contractResolver(auditInput, (v) => toAuditInput(v)),
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) => auditsApi.create(org.slug, toAuditInput(v)),
    onSuccess: (a) => {
      void invalidate(qc, org.slug, 'audits');
      onDone();
      void navigate({ to: `/o/${org.slug}/audits/${encodeURIComponent(a.ref)}` });
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not created', message: errorMessage(e) });
    },
  });
  return (
    <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
      <Stack gap="sm">
        <TextInput label="Reference" placeholder="S2-2026" {...form.getInputProps('ref')} required />
        <Select
          label="Type"
          data={auditTypes.map((t) => ({ value: t, label: labelOf.auditType(t) }))}
          {...form.getInputProps('type')}
          allowDeselect={false}
        />
        <TextInput label="Certification body" {...form.getInputProps('certificationBody')} required />
        <TextInput label="Lead auditor" {...form.getInputProps('leadAuditor')} />
        <TextInput
          type="date"
          label="Last day of the audit"
          description="Deadlines count from it under the default policy"
          {...form.getInputProps('endsOn')}
        />
        <TextInput label="Report received on" type="date" {...form.getInputProps('reportReceivedOn')} />
        <Select
          label="Auditor's recommendation"
          data={recommendations.map((r) => ({ value: r, label: recommendationLabel(r) }))}
          clearable
          {...form.getInputProps('recommendation')}
          value={form.values.recommendation || null}
          onChange={(r) => form.setFieldValue('recommendation', r ?? '')}
        />
        <Select
          label="Deadline policy"
          data={(policies.data ?? []).map((p) => ({ value: p.key, label: p.name }))}
          placeholder="the organisation's default"
          clearable
          {...form.getInputProps('policyKey')}
          value={form.values.policyKey || null}
          onChange={(p) => form.setFieldValue('policyKey', p ?? '')}
        />
        <Textarea label="Scope" autosize minRows={2} {...form.getInputProps('scope')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create audit
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
