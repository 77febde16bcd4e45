import { Anchor, Badge, Button, Card, FileInput, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { taskComment } from '../../../../src/contracts/collaboration.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../components/common.tsx';
import { findingsApi } from '../findings/api.ts';
import { planApi, planKeys } from './api.ts';

type Comment = z.infer<typeof taskComment>;

/** Threaded comments on a task; @name or @email notifies that member; new ones are marked until read. */
export function Conversation({
  org,
  taskId,
  canComment,
  attachTo,
}: {
  org: string;
  taskId: string;
  canComment: boolean;
  /** The finding whose evidence store holds attachments; null for a task outside any finding. */
  attachTo: { findingId: string; kind: 'action' | 'task' } | null;
}) {
  const qc = useQueryClient();
  const threadKey = planKeys.part(org, 'tasks', taskId, 'comments');
  const thread = useQuery({ queryKey: threadKey, queryFn: () => planApi.comments(org, taskId) });
  const send = useMutation({
    mutationFn: async (c: { body: string; parentId: string | null; file?: File | null }) => {
      let attachmentId: string | null = null;
      if (c.file && attachTo) {
        const form = new FormData();
        form.append('attachedTo', attachTo.kind === 'action' ? 'action' : 'finding');
        if (attachTo.kind === 'action') form.append('attachedId', taskId);
        form.append('description', `attached to a comment on the task`);
        form.append('file', c.file);
        attachmentId = (await findingsApi.attachEvidence({ org, findingId: attachTo.findingId }, form)).id;
      }
      return planApi.comment(org, taskId, { body: c.body, parentId: c.parentId, attachmentId });
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: planKeys.all(org) });
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
          <One org={org} comment={c} />
          <Stack gap={4} ml="lg" mt={4}>
            {items
              .filter((r) => r.parentId === c.id)
              .map((r) => (
                <One key={r.id} org={org} comment={r} />
              ))}
          </Stack>
          {canComment && <Reply onSend={(body) => send.mutate({ body, parentId: c.id })} label="Reply" />}
        </Card>
      ))}
      {canComment && (
        <Reply
          onSend={(body, file) => send.mutate({ body, parentId: null, file })}
          label="Comment"
          canAttach={attachTo !== null}
        />
      )}
      {send.error && (
        <Text c="red" size="sm">
          {errorMessage(send.error)}
        </Text>
      )}
    </Stack>
  );
}

function One({ org, comment }: { org: string; comment: Comment }) {
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
      {comment.attachment && (
        <Anchor
          size="sm"
          href={findingsApi.evidenceUrl({
            org,
            findingId: comment.attachment.findingId,
            evidenceId: comment.attachment.id,
          })}
        >
          {comment.attachment.fileName}
        </Anchor>
      )}
    </div>
  );
}

function Reply({
  onSend,
  label,
  canAttach,
}: {
  onSend: (body: string, file?: File | null) => void;
  label: string;
  canAttach?: boolean;
}) {
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
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
      {canAttach && (
        <FileInput
          aria-label="Attach a file"
          placeholder="Attach"
          value={file}
          onChange={setFile}
          clearable
          w={160}
          size="xs"
        />
      )}
      <Button
        size="xs"
        disabled={!body.trim()}
        onClick={() => {
          onSend(body.trim(), file);
          setBody('');
          setFile(null);
        }}
      >
        {label}
      </Button>
    </Group>
  );
}
