import { Anchor, Badge, Button, Card, Drawer, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { PAGE_SIZE } from '../../api/client.ts';
import { EmptyState, ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { AuditForm } from './AuditForm.tsx';
import { auditQueries } from './api.ts';

export type { Audit } from './api.ts';
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
        <AuditForm onDone={close} />
      </Drawer>
    </>
  );
}
