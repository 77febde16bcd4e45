import { Button, Card, Checkbox, Group, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { inclusionReasonLabels, inclusionReasons } from '../../../../src/contracts/isms-soa.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { soaApi } from './api.ts';

type Reason = (typeof inclusionReasons)[number];

// Another necessary control beside Annex A, under the organisation's own id (ISO/IEC 27001:2022 6.1.3 b
// NOTE 1: controls can come from any source; 6.1.3 c NOTE 2: Annex A is not exhaustive).
export function SoaOtherControlForm({ version }: { version: number }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [controlId, setControlId] = useState('');
  const [title, setTitle] = useState('');
  const [reasons, setReasons] = useState<Reason[]>([]);
  const add = useMutation({
    mutationFn: () =>
      soaApi.addOtherControl({ org: org.slug, version }, { controlId: controlId.trim(), title, reasons }),
    onSuccess: (e) => {
      void invalidate(qc, org.slug, 'soa');
      notifications.show({ color: 'teal', title: `${e.controlId} added`, message: e.title });
      setControlId('');
      setTitle('');
      setReasons([]);
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not added', message: errorMessage(e) }),
  });
  return (
    <Card withBorder mt="md">
      <Title order={2} size="h4">
        Other necessary controls
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Controls beyond Annex A (your own, or from another framework) under your own id, such as ORG-1.
      </Text>
      <Group align="flex-end">
        <TextInput
          label="Control id"
          value={controlId}
          onChange={(e) => setControlId(e.currentTarget.value.toUpperCase())}
          w={160}
        />
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={320} />
        <Checkbox.Group
          label="Why it is included"
          value={reasons}
          onChange={(v) => setReasons(v as Reason[])}
        >
          <Group mt={4}>
            {inclusionReasons.map((r) => (
              <Checkbox key={r} value={r} label={inclusionReasonLabels[r]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Button
          variant="default"
          loading={add.isPending}
          disabled={controlId.trim() === '' || title.trim() === '' || reasons.length === 0}
          onClick={() => add.mutate()}
        >
          Add control
        </Button>
      </Group>
    </Card>
  );
}
