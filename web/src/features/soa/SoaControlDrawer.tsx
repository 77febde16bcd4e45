import {
  Alert,
  Button,
  Checkbox,
  Drawer,
  Group,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  implementationStatuses,
  inclusionReasonLabels,
  inclusionReasons,
  type SoaEntry,
  statusLabels,
} from '../../../../src/contracts/isms-soa.ts';
import { controlLabel } from '../../../../src/vocabulary/controls.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { soaApi } from './api.ts';

type Draft = Pick<
  SoaEntry,
  | 'applicable'
  | 'reasons'
  | 'justification'
  | 'status'
  | 'owner'
  | 'implementation'
  | 'evidence'
  | 'documents'
> & { reason: string };

/** Edits one control of a draft SoA; the reason given is kept in the version's change log. */
export function SoaControlDrawer({
  entry,
  version,
  onClose,
}: {
  entry: SoaEntry | null;
  version: number;
  onClose: () => void;
}) {
  const org = useOrg();
  const qc = useQueryClient();
  const [v, setV] = useState<Draft | null>(null);
  useEffect(() => {
    setV(
      entry
        ? {
            applicable: entry.applicable,
            reasons: entry.reasons,
            justification: entry.justification,
            status: entry.status,
            owner: entry.owner,
            implementation: entry.implementation,
            evidence: entry.evidence,
            documents: entry.documents,
            reason: '',
          }
        : null,
    );
  }, [entry]);
  const save = useMutation({
    mutationFn: () => soaApi.updateEntry({ org: org.slug, version, controlId: entry!.controlId }, v!),
    onSuccess: (saved) => {
      void invalidate(qc, org.slug, 'soa', 'crosswalks', 'posture');
      notifications.show({
        color: saved.issues.length ? 'yellow' : 'teal',
        title: `${controlLabel(saved.controlId)} saved`,
        message: saved.issues.length
          ? saved.issues.map((i) => i.message).join('; ')
          : 'No issues left on this control.',
      });
      onClose();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => v && setV({ ...v, [k]: value });
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={entry ? `${controlLabel(entry.controlId)} ${entry.title}` : ''}
    >
      {entry && v && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="xs" c="dimmed">
              {entry.theme} · {entry.attributes.controlType.join(', ')} ·{' '}
              {entry.attributes.informationSecurityProperties.join(', ')}
            </Text>
            {entry.issues.map((i) => (
              <Alert key={i.field + i.message} color="yellow" p="xs">
                {i.message}
              </Alert>
            ))}
            <Switch
              label="Applicable"
              checked={v.applicable}
              onChange={(e) => set('applicable', e.currentTarget.checked)}
            />
            {v.applicable ? (
              <Checkbox.Group
                label="Reasons for inclusion"
                value={v.reasons}
                onChange={(r) => set('reasons', r as Draft['reasons'])}
              >
                <Group mt={4}>
                  {inclusionReasons.map((r) => (
                    <Checkbox key={r} value={r} label={inclusionReasonLabels[r]} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : (
              <Textarea
                label="Justification for exclusion"
                value={v.justification}
                onChange={(e) => set('justification', e.currentTarget.value)}
                autosize
                minRows={2}
              />
            )}
            {entry.risks.length > 0 && (
              <Text size="sm">Risks treated by this control: {entry.risks.join(', ')}</Text>
            )}
            <Select
              label="Implementation status"
              data={implementationStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
              value={v.status}
              onChange={(s) => s && set('status', s as Draft['status'])}
              allowDeselect={false}
            />
            <TextInput label="Owner" value={v.owner} onChange={(e) => set('owner', e.currentTarget.value)} />
            <Textarea
              label="How it is implemented"
              value={v.implementation}
              onChange={(e) => set('implementation', e.currentTarget.value)}
              autosize
              minRows={3}
            />
            <TagsInput label="Evidence" value={v.evidence} onChange={(x) => set('evidence', x)} />
            <TagsInput label="Documents" value={v.documents} onChange={(x) => set('documents', x)} />
            <TextInput
              label="Reason for this change"
              description="Kept in the change log and shown when versions are compared"
              value={v.reason}
              onChange={(e) => set('reason', e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                Save control
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Drawer>
  );
}
