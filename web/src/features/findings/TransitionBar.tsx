import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

type Available = FindingDetail['availableActions'][number];

/** The lifecycle moves this person may make now; send-backs ask why, recorded decisions ask when. */
export function TransitionBar({ org, finding }: { org: string; finding: FindingDetail }) {
  const qc = useQueryClient();
  // The external auditor's every move is her decision on the record: each one asks for confirmation.
  const deciding = useOrg().role === 'external_auditor';
  const [pending, setPending] = useState<Available | null>(null);
  const [comment, setComment] = useState('');
  const [decisionDate, setDecisionDate] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  // Internal verification (clause 9.2): the verdict on the effectiveness criteria and the files examined.
  const [criteriaMet, setCriteriaMet] = useState(false);
  const [examined, setExamined] = useState<string[]>([]);
  // The server's refusal stays on screen (not a toast that fades) until the next attempt: the user
  // must be able to read why the move was not possible, e.g. what the plan still lacks (10.2 c).
  const [refusal, setRefusal] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (a: Available) =>
      findingsApi.transition(
        { org, findingId: finding.id },
        {
          action: a.action,
          ...(comment ? { comment } : {}),
          ...(a.needsDecision ? { decisionDate, note } : {}),
          ...(a.action === 'verify_internally' && criteriaMet
            ? { verification: { criteriaMet: true, evidenceIds: examined } }
            : {}),
        },
      ),
    onMutate: () => setRefusal(null),
    onSuccess: (_r, a) => {
      notifications.show({
        color: 'teal',
        message: deciding
          ? `Your decision is recorded: ${a.label} (${finding.ref})`
          : `${a.label}: done (${finding.ref})`,
      });
      setPending(null);
      setComment('');
      setNote('');
      setCriteriaMet(false);
      setExamined([]);
      void invalidateFindingWork(qc, org);
    },
    onError: (e) => setRefusal(errorMessage(e)),
  });
  const refused = refusal && (
    <Alert color="red" title="Not possible" role="alert" mt="xs">
      {refusal}
    </Alert>
  );
  if (finding.availableActions.length === 0) return null;
  return (
    <>
      <Group gap="xs" role="group" aria-label="Lifecycle actions">
        {finding.availableActions.map((a) => (
          <Button
            key={a.action}
            size="sm"
            variant={/reject|return|decline/.test(a.action) ? 'light' : 'filled'}
            color={/reject|return|decline/.test(a.action) ? 'red' : undefined}
            onClick={() => {
              setRefusal(null);
              if (deciding || a.needsComment || a.needsDecision || a.action === 'verify_internally')
                setPending(a);
              else move.mutate(a);
            }}
            loading={move.isPending && move.variables?.action === a.action}
          >
            {a.label}
          </Button>
        ))}
      </Group>
      {pending === null && refused}
      <Modal
        opened={pending !== null}
        onClose={() => {
          setPending(null);
          setRefusal(null);
        }}
        title={pending?.label}
      >
        {pending && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              move.mutate(pending);
            }}
          >
            <Stack gap="sm">
              {deciding && (
                <Text size="sm">
                  {pending.label} for {finding.ref}: your decision as the certification body's auditor. It is
                  recorded in your name and the organisation is notified.
                </Text>
              )}
              <Textarea
                label={pending.needsComment ? 'Why (required)' : 'Comment'}
                autosize
                minRows={3}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                required={pending.needsComment}
              />
              {pending.action === 'verify_internally' && (
                <>
                  <Text size="sm">
                    <b>Effectiveness criteria:</b> {finding.record.effectiveness.criteria || '—'}
                  </Text>
                  {finding.evidence.map((e) => (
                    <Checkbox
                      key={e.id}
                      label={`Examined ${e.fileName}`}
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
                    checked={criteriaMet}
                    onChange={(e) => setCriteriaMet(e.currentTarget.checked)}
                  />
                </>
              )}
              {pending.needsDecision && (
                <>
                  <TextInput
                    label="Date of the certification body's decision"
                    type="date"
                    value={decisionDate}
                    onChange={(e) => setDecisionDate(e.currentTarget.value)}
                    required
                  />
                  <Textarea
                    label="Note (how the decision was received)"
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    required
                  />
                </>
              )}
              {refused}
              <Group justify="flex-end">
                <Button type="submit" loading={move.isPending}>
                  {deciding ? pending.label : 'Confirm'}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
