import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Framework,
  frameworkLabels,
  frameworks,
  originNote,
  sourceLabel,
} from '../../../../src/contracts/isms-crosswalks.ts';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { crosswalkQueries, crosswalksApi } from './api.ts';
import { MappingOverrides } from './MappingOverrides.tsx';

const levelColour = { covered: 'teal', partial: 'yellow', gap: 'red', unmapped: 'gray' } as const;

export function CrosswalksPage() {
  const org = useOrg();
  const [framework, setFramework] = useState<Framework>('soc2');
  const [gapsOnly, setGapsOnly] = useState(false);
  const cw = useQuery(crosswalkQueries.crosswalk({ org: org.slug, framework }));
  const c = cw.data;
  const exportUrl = (format: 'pdf' | 'xlsx') => crosswalksApi.exportUrl({ org: org.slug, framework }, format);
  return (
    <>
      <PageHeader
        title="Crosswalks"
        description="How far the ISMS covers SOC 2 and NIST CSF 2.0: each criterion or subcategory with the Annex A controls mapped to it and their status in the SoA in force; own controls are never mapped for you."
        actions={
          <Group>
            <Button variant="default" component="a" href={exportUrl('xlsx')} download>
              Export XLSX
            </Button>
            <Button variant="default" component="a" href={exportUrl('pdf')} download>
              Export PDF
            </Button>
          </Group>
        }
      />
      <Stack>
        <SegmentedControl
          value={framework}
          onChange={(f) => setFramework(f as Framework)}
          data={frameworks.map((f) => ({ value: f, label: frameworkLabels[f] }))}
        />
        {cw.isLoading ? (
          <Loading />
        ) : cw.isError ? (
          <ErrorNote error={cw.error} />
        ) : c ? (
          <>
            <Card withBorder>
              <Group gap="xl" align="flex-start">
                <div>
                  <Text size="xl" fw={700}>
                    {c.percent}%
                  </Text>
                  <Text size="sm" c="dimmed">
                    coverage, from SoA{' '}
                    {c.soaVersion === null
                      ? '(none yet)'
                      : `v${c.soaVersion}${c.soaApproved ? '' : ' (draft)'}`}
                  </Text>
                </div>
                <Group gap="xs">
                  {(['covered', 'partial', 'gap', 'unmapped'] as const).map((l) => (
                    <Badge key={l} color={levelColour[l]}>
                      {c.counts[l]} {l}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" maw={480}>
                  {c.title}: {c.provenance.source}. Trust: {c.provenance.trust}.{' '}
                  {plural(c.provenance.overrides, 'correction')} by this organisation.
                </Text>
              </Group>
            </Card>
            <Card withBorder>
              <Switch
                label="Gaps only"
                checked={gapsOnly}
                onChange={(e) => setGapsOnly(e.currentTarget.checked)}
                mb="sm"
              />
              <Table.ScrollContainer minWidth={800}>
                <Table striped aria-label="Coverage">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Id</Table.Th>
                      <Table.Th>Criterion / outcome</Table.Th>
                      <Table.Th>Coverage</Table.Th>
                      <Table.Th>ISO/IEC 27001 sources (SoA status)</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.targets
                      .filter((t) => !gapsOnly || t.level !== 'covered')
                      .map((t) => (
                        <Table.Tr key={t.id}>
                          <Table.Td>{t.id}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{t.title}</Text>
                            <Text size="xs" c="dimmed">
                              {t.group}
                            </Text>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Badge miw="max-content" color={levelColour[t.level]}>
                              {t.level} {t.level !== 'unmapped' && `${t.percent}%`}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">
                              {t.sources
                                .map(
                                  (s) =>
                                    `${sourceLabel(s)} ${s.soaStatus ?? 'not in SoA'}${originNote[s.origin] ? ` (${originNote[s.origin]})` : ''}`,
                                )
                                .join(' · ')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            {c.ownControls.length > 0 && (
              <Card withBorder component="section" aria-label="Own controls">
                <Title order={2} size="h4" mb="xs">
                  Own controls (6.1.3 b)
                </Title>
                <Text size="sm" mb="xs">
                  No official mapping exists for the organisation's own controls: they cover nothing here
                  unless the organisation maps one itself (a correction with the own control as source).
                </Text>
                <Table striped aria-label="Own controls and their mapping">
                  <Table.Tbody>
                    {c.ownControls.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>{o.id}</Table.Td>
                        <Table.Td>{o.title}</Table.Td>
                        <Table.Td>{o.soaStatus}</Table.Td>
                        <Table.Td>{o.note}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                Corrections to the mapping
              </Title>
              <MappingOverrides framework={framework} editable={can.correctMappings(org.role)} />
            </Card>
          </>
        ) : null}
      </Stack>
    </>
  );
}
