import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { auditTypeTraits } from '../../../../src/vocabulary/audit-types.ts';
import { labelOf, plural } from '../../../../src/vocabulary/labels.ts';
import type { FindingStatus } from '../../../../src/vocabulary/statuses.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { colourOfGrade } from '../../components/grades.ts';
import { auditQueries } from '../audits/api.ts';
import { findingQueries } from './api.ts';
import type { Finding } from './FindingsTable.tsx';

// What waits for the certification body's auditor (ISO/IEC 17021-1 9.4.9-9.4.10): the corrective action
// plans submitted to her, and the corrections verified internally that she accepts before closure. Only
// the findings of audits the certification body closes are hers; internal and second-party audits close
// in the organisation.
const sections: { status: FindingStatus; title: string; hint: string }[] = [
  {
    status: 'plan_submitted',
    title: 'Corrective action plans to accept or reject',
    hint: 'No corrective action plan waits for a decision.',
  },
  {
    status: 'verified_internally',
    title: 'Corrections verified internally, to accept',
    hint: 'No verified correction waits for the certification body.',
  },
];

export function DecisionsPage() {
  const org = useOrg();
  const audits = useQuery(auditQueries.list(org.slug, { page: 1, pageSize: 200 }));
  const byCb = new Set(
    (audits.data?.items ?? [])
      .filter((a) => auditTypeTraits[a.type].closedBy === 'certification_body')
      .map((a) => a.ref),
  );
  return (
    <>
      <PageHeader
        title={org.role === 'external_auditor' ? 'Awaiting your decision' : 'Awaiting decision'}
        description="The certification body's decisions still open: corrective action plans to accept or reject, and verified corrections to accept before the finding is closed."
      />
      {audits.isLoading && <Loading />}
      {audits.isError && <ErrorNote error={audits.error} />}
      {audits.data && (
        <Stack>
          {sections.map((s) => (
            <DecisionSection key={s.status} org={org.slug} {...s} audits={byCb} />
          ))}
        </Stack>
      )}
    </>
  );
}

function DecisionSection({
  org,
  status,
  title,
  hint,
  audits,
}: {
  org: string;
  status: FindingStatus;
  title: string;
  hint: string;
  audits: Set<string>;
}) {
  const list = useQuery(findingQueries.list(org, { status, page: 1, pageSize: 200, sort: 'ref' }));
  const items = (list.data?.items ?? []).filter((f) => audits.has(f.auditRef));
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing waiting" hint={hint} />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {plural(items.length, 'finding')}
          </Text>
          <DecisionTable org={org} items={items} />
        </>
      )}
    </Card>
  );
}

function DecisionTable({ org, items }: { org: string; items: Finding[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label="Findings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Finding</Table.Th>
            <Table.Th>Grade</Table.Th>
            <Table.Th>Statement</Table.Th>
            <Table.Th>Deadline</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/o/${org}/findings/${f.id}`}>
                  {f.auditRef} {f.ref}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge color={colourOfGrade(f.grade)}>{labelOf.gradeShort(f.grade)}</Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.statement}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {(f.status === 'plan_submitted' ? f.capDueOn : f.closeByOn) ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
