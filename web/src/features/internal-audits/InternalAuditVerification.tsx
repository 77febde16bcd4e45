import { Alert, Anchor, Button, Card, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { z } from 'zod';
import type { pendingVerification } from '../../../../src/contracts/certification-internal-audits.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { findingsApi } from '../findings/api.ts';
import { internalAuditQueries } from './api.ts';

type Pending = z.infer<typeof pendingVerification>;

/** Corrective actions waiting for the internal auditor's verification before they go to the body. */
export function VerificationPanel() {
  const org = useOrg();
  const pending = useQuery({
    ...internalAuditQueries.verifications(org.slug),
  });
  if (!pending.data?.length) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Awaiting internal verification
      </Title>
      <Stack>
        {pending.data.map((p) => (
          <VerifyOne key={p.findingId} p={p} />
        ))}
      </Stack>
    </Card>
  );
}

function VerifyOne({ p }: { p: Pending }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [met, setMet] = useState(false);
  const [examined, setExamined] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const send = (action: 'verify_internally' | 'return_evidence') =>
    findingsApi.transition(
      { org: org.slug, findingId: p.findingId },
      {
        action,
        comment,
        ...(action === 'verify_internally'
          ? { verification: { criteriaMet: true, evidenceIds: examined } }
          : {}),
      },
    );
  const act = useMutation({
    mutationFn: send,
    onSuccess: (_r, action) => {
      void invalidateFindingWork(qc, org.slug);
      notifications.show({
        color: 'teal',
        title: action === 'verify_internally' ? 'Verified' : 'Returned for rework',
        message: `${p.auditRef}/${p.ref}`,
      });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not recorded', message: errorMessage(e) }),
  });
  return (
    <Card withBorder padding="sm" aria-label={`Verification of ${p.ref}`}>
      <Group justify="space-between">
        <Anchor component={Link} to={`/o/${org.slug}/findings/${p.findingId}`} fw={600}>
          {p.auditRef}/{p.ref} ({p.grade}, {p.requirements.join(', ')})
        </Anchor>
        <Text size="xs" c="dimmed">
          implemented by {p.implementers.join(', ') || '—'}
        </Text>
      </Group>
      <Text size="sm">{p.statement}</Text>
      <Text size="sm" mt="xs">
        <b>Effectiveness criteria:</b> {p.criteria}
      </Text>
      {!p.mayVerify ? (
        <Alert color="gray" mt="xs">
          You implemented these actions or may not verify: another person verifies them.
        </Alert>
      ) : (
        <Stack gap={6} mt="xs">
          <Text size="sm" fw={600}>
            Evidence examined
          </Text>
          {p.evidence.map((e) => (
            <Checkbox
              key={e.id}
              label={`${e.fileName} (SHA-256 ${e.sha256.slice(0, 12)}…)`}
              checked={examined.includes(e.id)}
              onChange={(ev) =>
                setExamined(
                  ev.currentTarget.checked ? [...examined, e.id] : examined.filter((x) => x !== e.id),
                )
              }
            />
          ))}
          <Checkbox
            label="The effectiveness criteria are met"
            checked={met}
            onChange={(e) => setMet(e.currentTarget.checked)}
          />
          <Textarea
            label="Verification notes"
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              disabled={!comment.trim()}
              loading={act.isPending}
              onClick={() => act.mutate('return_evidence')}
            >
              Return for rework
            </Button>
            <Button
              disabled={!met || examined.length === 0 || !comment.trim()}
              loading={act.isPending}
              onClick={() => act.mutate('verify_internally')}
            >
              Verify
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
