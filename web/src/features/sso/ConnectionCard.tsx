import { Badge, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { type SsoConnection, ssoApi } from './api.ts';

// One connection of either protocol: its domain and access rule, what the protocol shows (children),
// and, for an admin, Edit and Remove (removing sends its domain back to passwords).

/** A URL the admin gives the identity provider, with a copy button. */
export function CopyCode({ value, what, testId }: { value: string; what: string; testId?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Code data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="xs" variant="default" onClick={copy} aria-label={`Copy ${what}`}>
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

export function ConnectionCard({
  c,
  manage,
  onEdit,
  children,
}: {
  c: SsoConnection;
  manage: boolean;
  onEdit: () => void;
  children: ReactNode;
}) {
  const org = useOrg();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => ssoApi.remove(org.slug, c.providerId),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `Provider for ${c.domain} removed` });
      void invalidate(qc, org.slug, 'sso');
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(e) }),
  });
  return (
    <Card withBorder component="article" aria-label={`Provider for ${c.domain}`}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {c.domain}
        </Title>
        <Group gap="xs">
          {c.ssoRequired && <Badge color="orange">SSO required</Badge>}
          <Badge color="gray">{c.jitRole ? `Joins as ${labelOf.role(c.jitRole)}` : 'Invitation only'}</Badge>
        </Group>
      </Group>
      <Stack gap={4}>{children}</Stack>
      {manage && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="default"
            onClick={onEdit}
            aria-label={`Edit the provider for ${c.domain}`}
          >
            Edit
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={remove.isPending}
            aria-label={`Remove the provider for ${c.domain}`}
            onClick={() =>
              modals.openConfirmModal({
                title: `Remove the provider for ${c.domain}?`,
                children: (
                  <Text size="sm">
                    Its people sign in with a password again; anyone without one resets it by email.
                  </Text>
                ),
                labels: { confirm: 'Remove', cancel: 'Keep' },
                confirmProps: { color: 'red' },
                onConfirm: () => remove.mutate(),
              })
            }
          >
            Remove
          </Button>
        </Group>
      )}
    </Card>
  );
}
