import { Badge, Button, Card, Drawer, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Risk, riskTreatmentLabels, signOffLabels } from '../../../../src/contracts/isms-risks.ts';
import { statusLabels } from '../../../../src/contracts/isms-soa.ts';
import { PAGE_SIZE } from '../../api/client.ts';
import { EmptyState, ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { soaQueries } from '../soa/api.ts';
import { riskQueries } from './api.ts';
import { HeatMap } from './HeatMap.tsx';
import { RiskForm } from './RiskForm.tsx';
import { RiskMatrixForm } from './RiskMatrixForm.tsx';

export function RisksPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const risks = useQuery(riskQueries.list(org.slug, { page, pageSize: PAGE_SIZE }));
  const heat = useQuery({
    ...riskQueries.heatMaps(org.slug),
  });
  const annexA = useQuery({
    ...soaQueries.annexA(),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [editing, setEditing] = useState<Risk | 'new' | null>(null);
  const [matrixOpen, setMatrixOpen] = useState(false);
  const manage = can.manageRisks(org.role);
  const bandColour = new Map(heat.data?.matrix.bands.map((b) => [b.key, b.colour]) ?? []);
  return (
    <>
      <PageHeader
        title="Risk register"
        description="Information security risks (ISO/IEC 27001:2022 6.1.2, 8.2) and the risk treatment plan (6.1.3 e): likelihood × impact before and after treatment, the treatment chosen, the controls it relies on, and the risk owner’s approval of the plan and acceptance of the residual risk (6.1.3 f). Risks justify SoA inclusions."
        actions={
          manage && (
            <Group>
              <Button variant="default" onClick={() => setMatrixOpen(true)} disabled={!heat.data}>
                Risk matrix
              </Button>
              <Button onClick={() => setEditing('new')}>New risk</Button>
            </Group>
          )
        }
      />
      {heat.data && (
        <Card withBorder mb="md">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <HeatMap title="Inherent risk" matrix={heat.data.matrix} rows={heat.data.inherent} />
            <HeatMap title="Residual risk" matrix={heat.data.matrix} rows={heat.data.residual} />
          </Group>
        </Card>
      )}
      <Card withBorder>
        {risks.isLoading ? (
          <Loading />
        ) : risks.isError ? (
          <ErrorNote error={risks.error} />
        ) : risks.data?.items.length === 0 ? (
          <EmptyState
            title="No risks recorded"
            hint="Record the risks of the assets in scope and how you treat them."
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label="Risks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Ref</Table.Th>
                  <Table.Th>Risk</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Inherent</Table.Th>
                  <Table.Th>Residual</Table.Th>
                  <Table.Th>Treatment</Table.Th>
                  <Table.Th>Controls</Table.Th>
                  <Table.Th>Owner sign-off</Table.Th>
                  <Table.Th>Review</Table.Th>
                  {manage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {risks.data?.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.ref}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.title}</Text>
                      <Text size="xs" c="dimmed">
                        {r.asset}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.owner}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge miw="max-content" color={bandColour.get(r.inherent.band) ?? 'gray'}>
                        {r.inherent.score} {r.inherent.bandLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge miw="max-content" color={bandColour.get(r.residual.band) ?? 'gray'}>
                        {r.residual.score} {r.residual.bandLabel}
                      </Badge>
                      {!r.acceptable && (
                        <Text size="xs" c="dimmed">
                          above acceptance
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{riskTreatmentLabels[r.treatment]}</Text>
                      {r.actions.map((a) => (
                        <Text key={a.id} size="xs" c="dimmed">
                          {a.finding}: {a.title} ({a.status})
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {r.controls
                          .map(
                            (c) =>
                              `A.${c.id}${c.soaStatus ? ` (${statusLabels[c.soaStatus as keyof typeof statusLabels] ?? c.soaStatus})` : ''}`,
                          )
                          .join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge miw="max-content" color={r.signOff === 'complete' ? 'green' : 'orange'}>
                        {r.signOff === 'complete' ? 'signed off' : 'pending'}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {r.signOff === 'complete'
                          ? `${r.treatmentApproval?.by}, ${r.residualAcceptance?.on}`
                          : signOffLabels[r.signOff]}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {r.reviewOn ?? '—'}
                      {r.reviewOverdue && (
                        <Badge miw="max-content" color="red" ml={4}>
                          overdue
                        </Badge>
                      )}
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setEditing(r)}
                          aria-label={`Edit ${r.ref}`}
                        >
                          Edit
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListPager data={risks.data} page={page} onChange={setPage} />
      </Card>
      <Drawer
        opened={matrixOpen}
        onClose={() => setMatrixOpen(false)}
        title="Risk matrix"
        position="right"
        size="lg"
      >
        {matrixOpen && heat.data && (
          <RiskMatrixForm matrix={heat.data.matrix} onDone={() => setMatrixOpen(false)} />
        )}
      </Drawer>
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New risk' : editing ? `Risk ${editing.ref}` : ''}
        position="right"
        size="lg"
      >
        {editing !== null && heat.data && (
          <RiskForm
            key={editing === 'new' ? 'new' : editing.ref}
            risk={editing === 'new' ? null : editing}
            matrix={heat.data.matrix}
            controls={(annexA.data ?? []).map((c) => ({ value: c.id, label: `A.${c.id} ${c.title}` }))}
            onDone={() => setEditing(null)}
          />
        )}
      </Drawer>
    </>
  );
}
