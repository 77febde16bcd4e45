import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

type Review = NonNullable<FindingDetail['effectivenessReview']['current']>;

const resultLabel = (r: Review['result']) =>
  r === 'effective' ? 'effective' : r === 'not_effective' ? 'not effective' : 'not reviewed yet';

/** One review as read back: criteria, due date, reviewer, result, evidence and date (10.2 d). */
function ReviewFacts({ r }: { r: Review }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <Text size="sm">Criteria: {r.criteria}</Text>
      <Text size="sm">Due on: {r.dueOn ?? '—'}</Text>
      <Text size="sm">Reviewer: {r.reviewer ? `${r.reviewer.name || r.reviewer.email}` : '—'}</Text>
      <Text size="sm" data-testid="effectiveness-result">
        Result: {resultLabel(r.result)}
        {r.reviewedOn ? ` (reviewed on ${r.reviewedOn})` : ''}
      </Text>
      <Text size="sm">
        Evidence reviewed: {r.evidence.length > 0 ? r.evidence.map((e) => e.fileName).join(', ') : '—'}
      </Text>
      {r.notes && <Text size="sm">Notes: {r.notes}</Text>}
    </SimpleGrid>
  );
}

/**
 * The review of effectiveness (ISO/IEC 27001:2022 10.2 d) as its own record: a manager plans it
 * (criteria, due date, a reviewer who did not implement the actions); the reviewer records the result.
 * "Not effective" reopens the corrective action for a new cause analysis (10.2 b).
 */
export function EffectivenessPanel({
  org,
  finding,
  canPlan,
  canReview,
}: {
  org: string;
  finding: FindingDetail;
  canPlan: boolean;
  canReview: boolean;
}) {
  const qc = useQueryClient();
  const view = finding.effectivenessReview;
  const current = view.current;
  const p = { org, findingId: finding.id };
  const [criteria, setCriteria] = useState(current?.criteria || finding.record.effectiveness.criteria);
  const [dueOn, setDueOn] = useState(current?.dueOn ?? '');
  const [reviewerEmail, setReviewerEmail] = useState(current?.reviewer?.email ?? '');
  const [result, setResult] = useState<'effective' | 'not_effective'>('effective');
  const [reviewedOn, setReviewedOn] = useState(new Date().toISOString().slice(0, 10));
  const [notes, setNotes] = useState('');
  const [evidenceIds, setEvidenceIds] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const done = () => {
    setRefusal(null);
    void invalidateFindingWork(qc, org);
  };
  const plan = useMutation({
    mutationFn: () => findingsApi.planEffectiveness(p, { criteria, dueOn, reviewerEmail }),
    onSuccess: done,
    onError: (e) => setRefusal(errorMessage(e)),
  });
  const record = useMutation({
    mutationFn: () => findingsApi.recordEffectiveness(p, { result, reviewedOn, notes, evidenceIds }),
    onSuccess: done,
    onError: (e) => setRefusal(errorMessage(e)),
  });
  const planned = current !== null && current.result === null;
  const reviewable = planned && ['verified_internally', 'closed'].includes(finding.status);
  const mayPlan = canPlan && current?.result !== 'effective' && finding.status !== 'closed';
  return (
    <Card withBorder component="section" aria-labelledby="effectiveness-title">
      <Title order={2} size="h4" mb="sm" id="effectiveness-title">
        Review of effectiveness (10.2 d)
      </Title>
      <Stack gap="sm">
        {view.line && (
          <Alert color={current?.result === 'effective' ? 'teal' : 'blue'} data-testid="effectiveness-line">
            {view.line}
          </Alert>
        )}
        {current ? (
          <ReviewFacts r={current} />
        ) : (
          <Text size="sm">No review of effectiveness planned yet.</Text>
        )}
        {view.history.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Earlier reviews
            </Text>
            {view.history.map((h) => (
              <ReviewFacts key={h.id} r={h} />
            ))}
          </Stack>
        )}
        {refusal && (
          <Alert color="red" title="Not possible" role="alert">
            {refusal}
          </Alert>
        )}
        {mayPlan && (
          <Stack gap="xs">
            <Textarea
              label="Effectiveness criteria"
              autosize
              minRows={2}
              value={criteria}
              onChange={(e) => setCriteria(e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Review due on"
                type="date"
                value={dueOn}
                onChange={(e) => setDueOn(e.currentTarget.value)}
              />
              <TextInput
                label="Reviewer (email; not an implementer)"
                value={reviewerEmail}
                onChange={(e) => setReviewerEmail(e.currentTarget.value)}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="light" onClick={() => plan.mutate()} loading={plan.isPending}>
                {planned ? 'Update the review plan' : 'Plan the review'}
              </Button>
            </Group>
          </Stack>
        )}
        {canReview && reviewable && (
          <Stack gap="xs">
            <SegmentedControl
              aria-label="Result of the review"
              value={result}
              onChange={(v) => setResult(v as typeof result)}
              data={[
                { value: 'effective', label: 'Effective' },
                { value: 'not_effective', label: 'Not effective' },
              ]}
            />
            <TextInput
              label="Reviewed on"
              type="date"
              value={reviewedOn}
              onChange={(e) => setReviewedOn(e.currentTarget.value)}
            />
            <Textarea
              label="What was reviewed"
              autosize
              minRows={2}
              value={notes}
              onChange={(e) => setNotes(e.currentTarget.value)}
            />
            {finding.evidence.map((e) => (
              <Checkbox
                key={e.id}
                label={`Evidence reviewed: ${e.fileName}`}
                checked={evidenceIds.includes(e.id)}
                onChange={(ev) =>
                  setEvidenceIds(
                    ev.currentTarget.checked ? [...evidenceIds, e.id] : evidenceIds.filter((x) => x !== e.id),
                  )
                }
              />
            ))}
            <Group justify="flex-end">
              <Button onClick={() => record.mutate()} loading={record.isPending}>
                Record the result
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
