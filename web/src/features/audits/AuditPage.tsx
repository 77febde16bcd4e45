import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { labelOf, plural } from '../../../../src/vocabulary/labels.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { FindingForm } from '../findings/FindingForm.tsx';
import { FindingsTable } from '../findings/FindingsTable.tsx';
import { AuditForm } from './AuditForm.tsx';
import { impliedColour, recommendationLabel } from './AuditsPage.tsx';
import { auditQueries, auditsApi } from './api.ts';
import { ImportPanel } from './ImportPanel.tsx';

const reports = [
  { kind: 'cap', label: 'Corrective Action Plan' },
  { kind: 'evidence', label: 'Evidence of Correction' },
  { kind: 'nc-statements', label: 'Nonconformity statements' },
  { kind: 'corrective-action-log', label: 'Corrective action log' },
];

function daysLeft(on: string) {
  return Math.round(
    (Date.parse(`${on}T00:00:00Z`) - Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) /
      86_400_000,
  );
}

export function AuditPage() {
  const org = useOrg();
  const { auditRef } = useParams({ strict: false }) as { auditRef: string };
  const audit = useQuery(auditQueries.detail(org.slug, auditRef));
  const [recording, record] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  if (audit.isLoading) return <Loading />;
  if (audit.isError || !audit.data) return <ErrorNote error={audit.error} />;
  const a = audit.data;
  const implied = a.impliedRecommendation;
  const left = a.nextDeadline ? daysLeft(a.nextDeadline.on) : null;
  return (
    <>
      <PageHeader
        title={`Audit ${a.ref}`}
        description={`${labelOf.auditType(a.type)} · ${a.certificationBody}${a.leadAuditor ? ` · ${a.leadAuditor}` : ''} · report received ${a.reportReceivedOn ?? '—'} · policy ${a.policyKey}`}
        actions={
          can.manageFindings(org.role) && (
            <Group>
              <Button variant="light" onClick={edit.open}>
                Edit audit
              </Button>
              <Button onClick={record.open}>Record a finding</Button>
            </Group>
          )
        }
      />
      <Drawer opened={recording} onClose={record.close} title="Record a finding" position="right" size="md">
        <FindingForm org={org.slug} auditRef={a.ref} onDone={record.close} />
      </Drawer>
      <Drawer opened={editing} onClose={edit.close} title={`Edit audit ${a.ref}`} position="right" size="md">
        <AuditForm audit={a} onDone={edit.close} />
      </Drawer>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Card withBorder>
            <Text size="sm" c="dimmed">
              Auditor's recommendation
            </Text>
            <Title order={2} size="h4">
              {recommendationLabel(a.recommendation)}
            </Title>
          </Card>
          <Card withBorder aria-label="Implied recommendation">
            <Text size="sm" c="dimmed">
              Implied by the open findings
            </Text>
            {implied ? (
              <>
                <Group gap="xs">
                  <Badge size="lg" color={impliedColour[implied.implied]}>
                    {recommendationLabel(implied.implied)}
                  </Badge>
                  {implied.atRisk && (
                    <Badge color="red" variant="outline">
                      at risk
                    </Badge>
                  )}
                </Group>
                <List size="sm" mt="xs">
                  {implied.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              </>
            ) : (
              <Text size="sm">
                No certification recommendation: the organisation closes these findings itself (clause 10.2).
              </Text>
            )}
            {a.risks.map((r) => (
              <Text key={r.kind} size="sm" c={r.reached ? 'red' : 'orange'} mt="xs" role="status">
                {r.message}
              </Text>
            ))}
          </Card>
          <Card withBorder aria-label="Deadline clock">
            <Text size="sm" c="dimmed">
              Next deadline
            </Text>
            {a.nextDeadline && left !== null ? (
              <>
                <Title order={2} size="h4" c={left < 0 ? 'red' : left <= 3 ? 'orange' : undefined}>
                  {left < 0
                    ? `${plural(-left, 'day')} overdue`
                    : left === 0
                      ? 'today'
                      : `${plural(left, 'day')} left`}
                </Title>
                <Text size="sm">
                  {
                    { cap: 'Corrective action plan', evidence: 'Evidence of Correction', close: 'Closure' }[
                      a.nextDeadline.kind
                    ]
                  }{' '}
                  due {a.nextDeadline.on}
                </Text>
              </>
            ) : (
              <Title order={2} size="h4">
                none
              </Title>
            )}
            {a.counts.overdue > 0 && (
              <Alert color="red" mt="xs" p="xs">
                {plural(a.counts.overdue, 'finding')} overdue
              </Alert>
            )}
          </Card>
        </SimpleGrid>
        <Card withBorder>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Findings
            </Title>
            <Group gap="md">
              {reports.map((r) => (
                <Text size="sm" key={r.kind}>
                  {r.label}:{' '}
                  <Anchor
                    underline="always"
                    href={auditsApi.reportUrl(org.slug, r.kind, { audit: a.ref, format: 'pdf' })}
                  >
                    PDF
                  </Anchor>{' '}
                  ·{' '}
                  <Anchor
                    underline="always"
                    href={auditsApi.reportUrl(org.slug, r.kind, { audit: a.ref, format: 'xlsx' })}
                  >
                    XLSX
                  </Anchor>
                  {r.kind === 'evidence' && (
                    <>
                      {' '}
                      ·{' '}
                      <Anchor
                        underline="always"
                        href={auditsApi.reportUrl(org.slug, 'evidence', { audit: a.ref, format: 'zip' })}
                      >
                        ZIP package
                      </Anchor>
                    </>
                  )}
                </Text>
              ))}
            </Group>
          </Group>
          <FindingsTable
            org={org.slug}
            audit={a.ref}
            emptyHint="Import the auditor's nonconformity report below, or record each finding with “Record a finding”."
          />
        </Card>
        {can.manageFindings(org.role) && <ImportPanel org={org.slug} audit={a.ref} />}
      </Stack>
    </>
  );
}
