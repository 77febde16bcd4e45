import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { taskComment } from '../../../../src/contracts/collaboration.ts';
import { errorMessage, get, post } from '../../api.ts';
import { formatDateTime } from '../common.tsx';
import { planKey } from './model.ts';

type Comment = z.infer<typeof taskComment>;

/** Threaded comments on a task; @name or @email notifies that member; new ones are marked until read. */
export function Conversation({
  org,
  taskId,
  canComment,
}: {
  org: string;
  taskId: string;
  canComment: boolean;
}) {
  const qc = useQueryClient();
  const url = `/api/v1/orgs/${org}/plan/tasks/${taskId}/comments`;
  const thread = useQuery({
    queryKey: ['conversation', org, taskId],
    queryFn: () => get<{ items: Comment[] }>(url),
  });
  const send = useMutation({
    mutationFn: (c: { body: string; parentId: string | null }) => post(url, c),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['conversation', org, taskId] });
      qc.invalidateQueries({ queryKey: planKey(org) });
    },
  });
  const items = thread.data?.items ?? [];
  const roots = items.filter((c) => !c.parentId);
  return (
    <Stack gap="xs">
      {roots.length === 0 && (
        <Text size="sm" c="dimmed">
          No comment yet.
        </Text>
      )}
      {roots.map((c) => (
        <Card key={c.id} withBorder padding="xs">
          <One comment={c} />
          <Stack gap={4} ml="lg" mt={4}>
            {items
              .filter((r) => r.parentId === c.id)
              .map((r) => (
                <One key={r.id} comment={r} />
              ))}
          </Stack>
          {canComment && <Reply onSend={(body) => send.mutate({ body, parentId: c.id })} label="Reply" />}
        </Card>
      ))}
      {canComment && <Reply onSend={(body) => send.mutate({ body, parentId: null })} label="Comment" />}
      {send.error && (
        <Text c="red" size="sm">
          {errorMessage(send.error)}
        </Text>
      )}
    </Stack>
  );
}

function One({ comment }: { comment: Comment }) {
  return (
    <div>
      <Group gap="xs">
        <Text size="xs" fw={600}>
          {comment.author}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDateTime(comment.createdAt)}
        </Text>
        {comment.unread && (
          <Badge size="xs" color="blue">
            new
          </Badge>
        )}
        {comment.mentions.map((m) => (
          <Badge key={m.id} size="xs" variant="outline">
            @{m.name}
          </Badge>
        ))}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </Text>
    </div>
  );
}

function Reply({ onSend, label }: { onSend: (body: string) => void; label: string }) {
  const [body, setBody] = useState('');
  const [open, setOpen] = useState(label === 'Comment');
  if (!open)
    return (
      <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)} w="fit-content">
        Reply
      </Button>
    );
  return (
    <Group align="flex-end" mt={4}>
      <Textarea
        aria-label={label}
        placeholder="Write… @name to notify someone"
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={1}
        style={{ flex: 1 }}
      />
      <Button
        size="xs"
        disabled={!body.trim()}
        onClick={() => {
          onSend(body.trim());
          setBody('');
        }}
      >
        {label}
      </Button>
    </Group>
  );
}
