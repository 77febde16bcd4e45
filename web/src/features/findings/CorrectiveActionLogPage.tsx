import { Anchor, Card, Group } from '@mantine/core';
import { PageHeader, useOrg } from '../../components/common.tsx';
import { findingsApi } from './api.ts';
import { FindingsTable } from './FindingsTable.tsx';

/** Clause 10.2 register: every finding across audits with its state, dates, overdue flag and age. */
export function CorrectiveActionLogPage() {
  const org = useOrg();
  return (
    <>
      <PageHeader
        title="Corrective action log"
        description="Every finding across audits, with its state and deadlines (ISO 27001 clause 10.2)."
        actions={
          <Group gap="sm">
            <Anchor href={findingsApi.logReportUrl(org.slug, 'xlsx')}>Export XLSX</Anchor>
            <Anchor href={findingsApi.logReportUrl(org.slug, 'pdf')}>Export PDF</Anchor>
          </Group>
        }
      />
      <Card withBorder>
        <FindingsTable org={org.slug} emptyHint="Findings appear here once an audit's report is imported." />
      </Card>
    </>
  );
}
