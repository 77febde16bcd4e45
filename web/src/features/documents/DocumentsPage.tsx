import { Anchor, Badge, Button, Card, Drawer, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { documentStateLabels, type IsmsDocument } from '../../../../src/contracts/isms-documents.ts';
import { errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { documentQueries, documentsApi } from './api.ts';
import { DocumentForm } from './DocumentForm.tsx';

const stateColour = {
  ok: 'teal',
  review_due: 'yellow',
  review_overdue: 'red',
  unapproved: 'orange',
  missing: 'red',
} as const;

export function DocumentsPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const docs = useQuery(documentQueries.list(org.slug, { page, pageSize: PAGE_SIZE }));
  const ready = useQuery(documentQueries.readiness(org.slug));
  const [editing, setEditing] = useState<IsmsDocument | 'new' | null>(null);
  const manage = can.manageDocuments(org.role);
  const remind = useMutation({
    mutationFn: () => documentsApi.sendReminders(org.slug),
    onSuccess: (r) => {
      void invalidate(qc, org.slug, 'documents');
      notifications.show({
        color: 'teal',
        title: `${r.sent.length} reminder(s) sent`,
        message:
          [...r.sent.map((s) => `${s.ref} → ${s.to}`), ...r.skipped.map((s) => `${s.ref}: ${s.why}`)].join(
            '; ',
          ) || 'No review is due or overdue.',
      });
    },
    onError: (e) =>
      notifications.show({ color: 'red', title: 'Reminders not sent', message: errorMessage(e) }),
  });
  return (
    <>
      <PageHeader
        title="Documented information"
        description="What ISO/IEC 27001:2022 requires to be documented, the register of documents that meet it, their approval and next review."
        actions={
          manage && (
            <Group>
              <Button variant="default" onClick={() => remind.mutate()} loading={remind.isPending}>
                Send review reminders
              </Button>
              <Button onClick={() => setEditing('new')}>Register document</Button>
            </Group>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Readiness
          </Title>
          {ready.isLoading ? (
            <Loading />
          ) : ready.isError ? (
            <ErrorNote error={ready.error} />
          ) : (
            <Table aria-label="Mandatory documented information">
              <Table.Tbody>
                {ready.data?.items.map((i) => (
                  <Table.Tr key={i.key}>
                    <Table.Td>{i.clause}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{i.title}</Text>
                      <Text size="xs" c="dimmed">
                        {i.documents.map((d) => d.ref).join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge miw="max-content" color={stateColour[i.state]}>
                        {documentStateLabels[i.state]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Register
          </Title>
          {docs.isLoading ? (
            <Loading />
          ) : docs.isError ? (
            <ErrorNote error={docs.error} />
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table striped aria-label="Document register">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Ref</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Version</Table.Th>
                    <Table.Th>Approved</Table.Th>
                    <Table.Th>Next review</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {docs.data?.items.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        {manage ? (
                          <Anchor component="button" onClick={() => setEditing(d)}>
                            {d.ref}
                          </Anchor>
                        ) : (
                          d.ref
                        )}
                      </Table.Td>
                      <Table.Td>
                        {d.location ? (
                          <Anchor href={d.location} target="_blank" rel="noreferrer">
                            {d.title}
                          </Anchor>
                        ) : (
                          d.title
                        )}
                      </Table.Td>
                      <Table.Td>{d.owner}</Table.Td>
                      <Table.Td>{d.version}</Table.Td>
                      <Table.Td>{d.approvedOn ? `${d.approvedOn} (${d.approvedBy ?? '—'})` : '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {d.nextReviewOn ?? '—'}{' '}
                        {d.state !== 'ok' && (
                          <Badge miw="max-content" color={stateColour[d.state]}>
                            {documentStateLabels[d.state]}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <ListPager data={docs.data} page={page} onChange={setPage} />
        </Card>
      </SimpleGrid>
      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Register document' : editing ? `Document ${editing.ref}` : ''}
        position="right"
        size="md"
      >
        {editing !== null && (
          <DocumentForm
            key={editing === 'new' ? 'new' : editing.ref}
            doc={editing === 'new' ? null : editing}
            items={ready.data?.items ?? []}
            onDone={() => setEditing(null)}
          />
        )}
      </Drawer>
    </>
  );
}
