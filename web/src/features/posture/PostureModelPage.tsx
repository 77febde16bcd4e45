import { RadarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { labelOf, plainWords } from '../../../../src/vocabulary/labels.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { postureQueries } from './api.ts';
import { ModelTerms } from './ModelTerms.tsx';

// "How the scores are computed": every term of the model and every control, document and finding with
// the points it adds or removes; the totals shown are the sums of the rows below them.

const pts = (x: number, places = 2) => x.toFixed(places);

export function PostureModelPage() {
  const org = useOrg();
  const [applicableOnly, setApplicableOnly] = useState(true);
  const q = useQuery({
    ...postureQueries.explanation(org.slug),
  });
  if (q.isError) return <ErrorNote error={q.error} />;
  if (!q.data) return <Loading />;
  const e = q.data;
  const c = e.contributions;
  const sum = (
    xs: { readinessScore?: number; implementationScore?: number }[],
    k: 'readinessScore' | 'implementationScore',
  ) => xs.reduce((s, x) => s + (x[k] ?? 0), 0);
  const controls = applicableOnly ? c.controls.filter((x) => x.applicable) : c.controls;
  return (
    <>
      <PageHeader
        title="How the scores are computed"
        description={`Model ${e.model}. Each figure is a sum of the contributions listed on this page; a change of any weight would be a new model version, and recorded history keeps the version it was computed with.`}
      />
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder component="section" aria-label="Readiness score sum">
            <Title order={2} size="h4">
              Readiness score: {e.readinessScore.toFixed(1)} / 100
            </Title>
            <Table>
              <Table.Tbody>
                <Row
                  label="Annex A controls and own controls (applicable, by implementation)"
                  value={e.parts.readinessScore.controls}
                />
                <Row label="Mandatory documented information" value={e.parts.readinessScore.documents} />
                <Row label="Less open nonconformities" value={sum(c.findings, 'readinessScore')} />
                <Row label="Total" value={e.exact.readinessScore} strong testId="readiness-total" />
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder component="section" aria-label="Implementation score sum">
            <Title order={2} size="h4">
              Implementation score: {e.implementationScore.toFixed(1)} / 100
            </Title>
            <Table>
              <Table.Tbody>
                <Row
                  label="Controls weighted by the residual risk they treat"
                  value={e.parts.implementationScore.controls}
                />
                <Row
                  label="ISO/IEC 27002 attribute coverage"
                  value={e.parts.implementationScore.attributes}
                />
                <Row label="Less open nonconformities" value={sum(c.findings, 'implementationScore')} />
                <Row label="Total" value={e.exact.implementationScore} strong testId="implementation-total" />
              </Table.Tbody>
            </Table>
          </Card>
        </SimpleGrid>
        <ModelTerms e={e} />
        <Card withBorder component="section" aria-label="Findings contributions">
          <Title order={2} size="h4" mb="xs">
            Open findings ({c.findings.length})
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {[
                    'Finding',
                    'Grade',
                    'Status',
                    'Overdue',
                    'Progress',
                    'Load',
                    'Readiness',
                    'Implementation',
                  ].map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.findings.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      {f.ref}{' '}
                      <Text span size="xs" c="dimmed">
                        {f.requirements.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.grade}</Table.Td>
                    <Table.Td>{labelOf.findingStatus(f.status)}</Table.Td>
                    <Table.Td>{f.overdue ? 'yes' : 'no'}</Table.Td>
                    <Table.Td>{Math.round(f.progress * 100)} %</Table.Td>
                    <Table.Td>{pts(f.load)}</Table.Td>
                    <Table.Td>{pts(f.readinessScore)}</Table.Td>
                    <Table.Td>{pts(f.implementationScore, 1)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder component="section" aria-label="Attribute coverage">
            <Title order={2} size="h4" mb="xs">
              Attribute coverage (ISO/IEC 27002:2022, 4.2)
            </Title>
            <RadarChart
              h={260}
              data={c.attributes.map((a) => ({
                dimension: a.dimension,
                coverage: Math.round(a.coverage * 100),
              }))}
              dataKey="dimension"
              withPolarRadiusAxis
              series={[{ name: 'coverage', color: 'teal.5', opacity: 0.3 }]}
            />
            <Table>
              <Table.Tbody>
                {c.attributes.map((a) => (
                  <Table.Tr key={a.dimension}>
                    <Table.Td>{a.dimension}</Table.Td>
                    <Table.Td>{a.controls} controls</Table.Td>
                    <Table.Td>{Math.round(a.coverage * 100)} %</Table.Td>
                    <Table.Td>{pts(a.implementationScore, 1)} pts</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder component="section" aria-label="Documents contributions">
            <Title order={2} size="h4" mb="xs">
              Mandatory documented information
            </Title>
            <Table striped>
              <Table.Tbody>
                {c.documents.map((d) => (
                  <Table.Tr key={d.key}>
                    <Table.Td>{d.clause}</Table.Td>
                    <Table.Td>{d.title}</Table.Td>
                    <Table.Td>{plainWords(d.state)}</Table.Td>
                    <Table.Td>{pts(d.readinessScore)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </SimpleGrid>
        <Card withBorder component="section" aria-label="Controls contributions">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              Annex A controls and own controls
            </Title>
            <Switch
              label="Applicable only"
              checked={applicableOnly}
              onChange={(ev) => setApplicableOnly(ev.currentTarget.checked)}
            />
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  {['Control', 'Status', 'Risks treated', 'Weight', 'Readiness', 'Implementation'].map(
                    (h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ),
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {controls.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td>
                      {x.source === 'other' ? `${x.id} ${x.title} (own control)` : `A.${x.id} ${x.title}`}
                    </Table.Td>
                    <Table.Td>{x.applicable ? plainWords(x.status) : 'excluded'}</Table.Td>
                    <Table.Td>{x.risks.join(', ') || '—'}</Table.Td>
                    <Table.Td>{pts(x.weight)}</Table.Td>
                    <Table.Td>{pts(x.readinessScore, 3)}</Table.Td>
                    <Table.Td>{pts(x.implementationScore)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
    </>
  );
}

function Row({
  label,
  value,
  strong,
  testId,
}: {
  label: string;
  value: number;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <Table.Tr>
      <Table.Td>{strong ? <strong>{label}</strong> : label}</Table.Td>
      <Table.Td ta="right" data-testid={testId}>
        {strong ? <strong>{pts(value)}</strong> : pts(value)}
      </Table.Td>
    </Table.Tr>
  );
}
