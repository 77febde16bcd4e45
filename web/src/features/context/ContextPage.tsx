import { Alert, Badge, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { contextInput, IsmsContextDto } from '../../../../src/contracts/isms-context.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { ErrorNote, formatDateTime, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { contextApi, contextQueries } from './api.ts';
import { AddIssueForm, AddPartyForm, ClimateForm } from './ContextForms.tsx';

// Context of the organisation (ISO/IEC 27001:2022 4.1 issues, 4.2 interested parties) with the
// climate-change determination of Amd 1:2024. The record is replaced as a whole: each form sends the
// whole context with its change, and the server says what an auditor would refuse.

export type ContextBody = z.input<typeof contextInput>;

const bodyOf = (c: IsmsContextDto): ContextBody => ({
  issues: c.issues,
  parties: c.parties,
  feedback: c.feedback,
  climate: c.climate,
});

export function ContextPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const context = useQuery(contextQueries.show(org.slug));
  const manage = can.manageContext(org.role);
  const save = useMutation({
    mutationFn: (body: ContextBody) => contextApi.save(org.slug, body),
    onSuccess: () => {
      void invalidate(qc, org.slug, 'context', 'management-reviews');
      notifications.show({ color: 'teal', title: 'Context saved', message: 'The context is recorded.' });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  if (context.isLoading) return <Loading />;
  if (context.isError || !context.data) return <ErrorNote error={context.error} />;
  const c = context.data;
  const change = (f: (b: ContextBody) => ContextBody) => save.mutateAsync(f(bodyOf(c)));
  return (
    <>
      <PageHeader
        title="Context of the organisation"
        description="External and internal issues (4.1), interested parties and their requirements (4.2), and whether climate change is a relevant issue (ISO/IEC 27001:2022/Amd 1:2024). The management review reads what changed since the last one (9.3.2 b, c, e)."
      />
      <Stack>
        {c.gaps.length > 0 && (
          <Alert color="yellow" title="Still missing">
            <List size="sm">
              {c.gaps.map((g) => (
                <List.Item key={g}>{g}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Climate change (4.1, Amd 1:2024)
          </Title>
          <Text size="sm" data-testid="climate-line">
            {c.climateLine}
          </Text>
          {c.updatedAt && (
            <Text size="xs" c="dimmed" mt={4}>
              Last changed by {c.updatedBy} on {formatDateTime(c.updatedAt)}
            </Text>
          )}
          {manage && (
            <ClimateForm
              climate={c.climate}
              pending={save.isPending}
              onSave={(climate) => change((b) => ({ ...b, climate }))}
            />
          )}
        </Card>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Issues (4.1)
            </Title>
            <Table aria-label="External and internal issues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Issue</Table.Th>
                  <Table.Th>Recorded</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.issues.map((i) => (
                  <Table.Tr key={`${i.kind}-${i.text}`}>
                    <Table.Td>{i.kind === 'external' ? 'External' : 'Internal'}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.text}</Text>
                      {i.climate && (
                        <Badge size="sm" color="teal" variant="light">
                          Climate
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.recordedOn}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {manage && (
              <AddIssueForm
                pending={save.isPending}
                onAdd={(issue) => change((b) => ({ ...b, issues: [...b.issues, issue] }))}
              />
            )}
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              Interested parties (4.2)
            </Title>
            <Table aria-label="Interested parties and their requirements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Party</Table.Th>
                  <Table.Th>Requirements</Table.Th>
                  <Table.Th>Climate-related requirements</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.parties.map((p) => (
                  <Table.Tr key={p.name}>
                    <Table.Td>
                      <Text size="sm">{p.name}</Text>
                      <Text size="xs" c="dimmed">
                        since {p.recordedOn}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.requirements || '—'}</Table.Td>
                    <Table.Td>{p.climateRequirements || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {manage && (
              <AddPartyForm
                pending={save.isPending}
                onAdd={(party) => change((b) => ({ ...b, parties: [...b.parties, party] }))}
              />
            )}
          </Card>
        </SimpleGrid>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Feedback from interested parties (9.3.2 e)
          </Title>
          {c.feedback.length === 0 ? (
            <Text size="sm" c="dimmed">
              No feedback recorded.
            </Text>
          ) : (
            <Table aria-label="Feedback from interested parties">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Received</Table.Th>
                  <Table.Th>Party</Table.Th>
                  <Table.Th>Feedback</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.feedback.map((f) => (
                  <Table.Tr key={`${f.receivedOn}-${f.party}-${f.summary}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.receivedOn}</Table.Td>
                    <Table.Td>{f.party}</Table.Td>
                    <Table.Td>{f.summary}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </Stack>
    </>
  );
}
