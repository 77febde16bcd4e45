import {
  Anchor,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  List,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { managementReview, reviewDecision } from '../../../../src/contracts/certification-reviews.ts';
import { ApiError, errorMessage, PAGE_SIZE } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, ListPager, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { certificationApi, certificationQueries } from './api.ts';

type Review = z.infer<typeof managementReview>;
type Decision = z.infer<typeof reviewDecision>;

export function CertificationReviewsPage() {
  const org = useOrg();
  const [page, setPage] = useState(1);
  const reviews = useQuery(certificationQueries.reviews(org.slug, { page, pageSize: PAGE_SIZE }));
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Management review"
        description="Clause 9.3: the inputs are gathered from the records on the day of the review; record the decisions and actions, then export the minutes."
        actions={can.manageReviews(org.role) && <Button onClick={open}>Record management review</Button>}
      />
      {reviews.isLoading ? (
        <Loading />
      ) : reviews.isError ? (
        <ErrorNote error={reviews.error} />
      ) : reviews.data?.items.length === 0 ? (
        <Card withBorder>
          <EmptyState
            title="No management review recorded"
            hint="Record the review before the next external audit: its minutes are requested."
          />
        </Card>
      ) : (
        <Stack>
          {reviews.data?.items.map((r) => (
            <ReviewCard key={r.id} review={r} />
          ))}
        </Stack>
      )}
      <ListPager data={reviews.data} page={page} onChange={setPage} />
      <Drawer opened={opened} onClose={close} title="Record management review" position="right" size="md">
        <ReviewForm onDone={close} />
      </Drawer>
    </>
  );
}

function ReviewCard({ review }: { review: Review }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [decisions, setDecisions] = useState<Decision[]>(review.decisions);
  const [notes, setNotes] = useState(review.notes);
  const manage = can.manageReviews(org.role);
  const save = useMutation({
    mutationFn: () => certificationApi.updateReview(org.slug, review.id, { decisions, notes }),
    onSuccess: () => {
      void invalidate(qc, org.slug, 'management-reviews');
      notifications.show({ color: 'teal', title: 'Saved', message: review.ref });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  const set = (i: number, k: keyof Decision, value: string) =>
    setDecisions(
      decisions.map((d, j) => (j === i ? { ...d, [k]: k === 'dueOn' ? value || null : value } : d)),
    );
  return (
    <Card withBorder aria-label={`Management review ${review.ref}`}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {review.ref} · {review.heldOn}
        </Title>
        <Anchor href={certificationApi.minutesUrl(org.slug, review.id)}>Minutes (PDF)</Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        Chair {review.chair}
        {review.attendees ? ` · ${review.attendees}` : ''}
      </Text>
      <Title order={3} size="h5" mt="sm">
        Inputs (9.3.2)
      </Title>
      {review.inputs.map((s) => (
        <div key={s.key}>
          <Text size="sm" fw={600}>
            {s.clause} {s.title}{' '}
            {!s.available && (
              <Badge size="xs" color="gray">
                not tracked yet
              </Badge>
            )}
          </Text>
          <List size="xs">
            {s.lines.map((l) => (
              <List.Item key={l}>{l}</List.Item>
            ))}
          </List>
        </div>
      ))}
      <Title order={3} size="h5" mt="sm">
        Decisions and actions (9.3.3)
      </Title>
      <Table aria-label={`Decisions of ${review.ref}`}>
        {decisions.length > 0 && (
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Topic</Table.Th>
              <Table.Th>Decision or action</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>
          {decisions.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  aria-label="Topic"
                  value={d.topic}
                  onChange={(e) => set(i, 'topic', e.currentTarget.value)}
                  disabled={!manage}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label="Decision"
                  value={d.decision}
                  onChange={(e) => set(i, 'decision', e.currentTarget.value)}
                  disabled={!manage}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label="Owner"
                  value={d.owner}
                  onChange={(e) => set(i, 'owner', e.currentTarget.value)}
                  disabled={!manage}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label="Due"
                  type="date"
                  value={d.dueOn ?? ''}
                  onChange={(e) => set(i, 'dueOn', e.currentTarget.value)}
                  disabled={!manage}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        disabled={!manage}
        mt="xs"
      />
      {manage && (
        <Group justify="flex-end" mt="xs">
          <Button
            variant="default"
            onClick={() => setDecisions([...decisions, { topic: '', decision: '', owner: '', dueOn: null }])}
          >
            Add decision
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Save decisions
          </Button>
        </Group>
      )}
    </Card>
  );
}

function ReviewForm({ onDone }: { onDone: () => void }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [v, setV] = useState({ ref: '', heldOn: '', chair: '', attendees: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => certificationApi.createReview(org.slug, v),
    onSuccess: () => {
      void invalidate(qc, org.slug, 'management-reviews');
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not recorded', message: errorMessage(e) });
    },
  });
  const text = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Reference"
          placeholder="MR-2026"
          value={v.ref}
          onChange={text('ref')}
          error={errors.ref}
          required
        />
        <TextInput
          label="Held on"
          type="date"
          value={v.heldOn}
          onChange={text('heldOn')}
          error={errors.heldOn}
          required
        />
        <TextInput label="Chair" value={v.chair} onChange={text('chair')} error={errors.chair} required />
        <TextInput label="Attendees" value={v.attendees} onChange={text('attendees')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Record and gather the inputs
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
