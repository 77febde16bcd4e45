import { Alert, Badge, Button, Card, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Paged } from '../../../../src/contracts/common.ts';
import type { FailedJob, JobRetryOutcome } from '../../../../src/contracts/jobs.ts';
import { errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import {
  EmptyState,
  ErrorNote,
  formatDateTime,
  ListPager,
  Loading,
  PageHeader,
  useOrg,
} from '../../components/common.tsx';
import { useMe } from '../../session.ts';
import { jobQueries, jobsApi } from './api.ts';

// Dead letters (issue #17): background jobs that failed after their last retry. An organisation's admins
// see the jobs that did its work (reminders, digests, daily figures); the instance operators named in
// CLOSELOOP_OPERATORS see the instance's own. docs/guide/operations.md explains both.

function FailedJobsTable({
  label,
  list,
  page,
  setPage,
  retry,
  onRetried,
}: {
  label: string;
  list: UseQueryResult<Paged<FailedJob>>;
  page: number;
  setPage: (page: number) => void;
  retry: (id: string) => Promise<JobRetryOutcome>;
  onRetried: () => Promise<unknown>;
}) {
  const run = useMutation({
    mutationFn: retry,
    onSuccess: (r) => {
      notifications.show(
        r.outcome === 'succeeded'
          ? {
              color: 'teal',
              title: 'Retried',
              message: `${r.job} ran and succeeded; it is no longer listed.`,
            }
          : { color: 'red', title: 'Failed again', message: `${r.job}: ${r.error ?? 'no message'}` },
      );
      void onRetried();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not retried', message: errorMessage(e) }),
  });
  if (list.isLoading) return <Loading />;
  if (list.isError) return <ErrorNote error={list.error} />;
  if (list.data?.items.length === 0)
    return (
      <EmptyState
        title="No failed jobs"
        hint="A job that still fails after its last retry is listed here with its error."
      />
    );
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Job</Table.Th>
              <Table.Th>Failed</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((j) => (
              <Table.Tr key={j.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {j.job}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {j.summary}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(j.failedAt)}</Table.Td>
                <Table.Td>
                  <Badge color="red" variant="light">
                    {j.attempts}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {j.error}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    loading={run.isPending && run.variables === j.id}
                    onClick={() => run.mutate(j.id)}
                    aria-label={`Retry ${j.job} that failed ${formatDateTime(j.failedAt)}`}
                  >
                    Retry
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPager data={list.data} page={page} onChange={setPage} />
    </>
  );
}

/** An organisation's failed jobs: its admins (`job.read`, `job.retry`). */
export function FailedJobsPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery(jobQueries.failed(org.slug, { page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader
        title="Failed jobs"
        description="Background work for this organisation (deadline reminders, digests, review and cycle reminders, daily figures) that failed after its last retry. Retry runs it once more for this organisation only; each retry is on the audit trail."
      />
      <Card withBorder>
        <FailedJobsTable
          label={`Failed jobs of ${org.name}`}
          list={list}
          page={page}
          setPage={setPage}
          retry={(id) => jobsApi.retry(org.slug, id)}
          onRetried={() => invalidate(qc, org.slug, 'jobs', 'audit-log')}
        />
      </Card>
    </>
  );
}

/** The instance's own failed jobs: only the operators named in CLOSELOOP_OPERATORS. */
export function InstanceJobsPage() {
  const me = useMe();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const operator = me.data?.operator === true;
  const list = useQuery({
    ...jobQueries.instanceFailed({ page, pageSize: PAGE_SIZE }),
    enabled: operator,
  });
  if (me.data && !operator)
    return (
      <Alert color="gray" title="Instance operators only">
        The instance's own jobs are shown to the operators named in CLOSELOOP_OPERATORS on the server.
      </Alert>
    );
  return (
    <>
      <PageHeader
        title="Instance jobs"
        description="Jobs of the instance itself (clean-up, webhook deliveries, posture refresh) that failed after their last retry. The server log records each retry."
      />
      <Card withBorder>
        <FailedJobsTable
          label="Failed jobs of the instance"
          list={list}
          page={page}
          setPage={setPage}
          retry={(id) => jobsApi.instanceRetry(id)}
          onRetried={() => qc.invalidateQueries({ queryKey: ['instance', 'jobs'] })}
        />
      </Card>
    </>
  );
}
