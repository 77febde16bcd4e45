import { Button, Card, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconFile, IconMessage, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { auditActionLabel, labelOf } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../components/common.tsx';
import { findingKeys, findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

const icons = { transition: IconArrowRight, comment: IconMessage, evidence: IconFile, edit: IconPencil };

export function TimelinePanel({
  org,
  finding,
  canComment,
}: {
  org: string;
  finding: FindingDetail;
  canComment: boolean;
}) {
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const comment = useMutation({
    mutationFn: () => findingsApi.comment({ org, findingId: finding.id }, { body }),
    onSuccess: () => {
      setBody('');
      void qc.invalidateQueries({ queryKey: findingKeys.detail(org, finding.id) });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Timeline
      </Title>
      <Timeline bulletSize={22} lineWidth={2} role="group" aria-label="Timeline">
        {finding.timeline.map((e) => {
          const Icon = icons[e.kind];
          const title =
            e.kind === 'transition'
              ? `${labelOf.findingStatus(e.fromStatus ?? '')} → ${labelOf.findingStatus(e.toStatus ?? '')}`
              : e.kind === 'comment'
                ? 'Comment'
                : e.kind === 'evidence'
                  ? `Evidence: ${e.body}`
                  : auditActionLabel(e.action ?? '');
          return (
            <Timeline.Item key={e.id} bullet={<Icon size={12} />} title={title}>
              {e.kind !== 'evidence' && e.body && <Text size="sm">{e.body}</Text>}
              {typeof e.details.note === 'string' && e.details.note && (
                <Text size="sm" c="dimmed">
                  Decision of {String(e.details.decisionDate)}: {e.details.note}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {e.actor} · {formatDateTime(e.at)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {canComment && (
        <Stack gap="xs" mt="md">
          <Textarea
            label="Add a comment"
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button
            size="sm"
            w="fit-content"
            onClick={() => comment.mutate()}
            disabled={!body.trim()}
            loading={comment.isPending}
          >
            Comment
          </Button>
        </Stack>
      )}
    </Card>
  );
}
