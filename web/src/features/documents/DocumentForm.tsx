import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { IsmsDocument, readinessItem } from '../../../../src/contracts/isms-documents.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { documentsApi } from './api.ts';

/** Registers a document, or edits one when `doc` is given. */
export function DocumentForm({
  doc,
  items,
  onDone,
}: {
  doc: IsmsDocument | null;
  items: z.infer<typeof readinessItem>[];
  onDone: () => void;
}) {
  const org = useOrg();
  const qc = useQueryClient();
  const [v, setV] = useState({
    ref: doc?.ref ?? '',
    title: doc?.title ?? '',
    requirementKey: doc?.requirementKey ?? null,
    owner: doc?.owner ?? '',
    ownerEmail: doc?.ownerEmail ?? '',
    version: doc?.version ?? '',
    location: doc?.location ?? '',
    approvedBy: doc?.approvedBy ?? '',
    approvedOn: doc?.approvedOn ?? '',
    nextReviewOn: doc?.nextReviewOn ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...v,
        ownerEmail: v.ownerEmail || null,
        approvedBy: v.approvedBy || null,
        approvedOn: v.approvedOn || null,
        nextReviewOn: v.nextReviewOn || null,
      };
      if (!doc) return documentsApi.create(org.slug, body);
      const { ref: _r, ...changes } = body;
      return documentsApi.update(org.slug, doc.ref, changes);
    },
    onSuccess: () => {
      void invalidate(qc, org.slug, 'documents', 'posture');
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  const text = (k: Exclude<keyof typeof v, 'requirementKey'>) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Reference"
          value={v.ref}
          onChange={text('ref')}
          disabled={doc !== null}
          error={errors.ref}
          required
        />
        <TextInput label="Title" value={v.title} onChange={text('title')} error={errors.title} required />
        <Select
          label="Mandatory item it covers"
          data={items.map((i) => ({ value: i.key, label: `${i.clause} ${i.title}` }))}
          value={v.requirementKey}
          onChange={(k) => setV({ ...v, requirementKey: k })}
          clearable
        />
        <TextInput label="Owner" value={v.owner} onChange={text('owner')} />
        <TextInput
          label="Owner email (review reminders)"
          value={v.ownerEmail}
          onChange={text('ownerEmail')}
          error={errors.ownerEmail}
        />
        <TextInput label="Version" value={v.version} onChange={text('version')} />
        <TextInput label="File (URL or path)" value={v.location} onChange={text('location')} />
        <TextInput label="Approved by" value={v.approvedBy} onChange={text('approvedBy')} />
        <TextInput label="Approved on" type="date" value={v.approvedOn} onChange={text('approvedOn')} />
        <TextInput label="Next review" type="date" value={v.nextReviewOn} onChange={text('nextReviewOn')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {doc ? 'Save document' : 'Register document'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
