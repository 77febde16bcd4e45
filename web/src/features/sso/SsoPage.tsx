import { Alert, Badge, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { type SsoConnection, ssoApi, ssoQueries } from './api.ts';
import { OidcForm } from './OidcForm.tsx';

// Single sign-on (issue #20): an admin connects the organisation's identity providers, one per email
// domain. Each protocol has its section (OpenID Connect here; SAML 2.0 beside it); the redirect URI to
// register at the IdP is shown with each connection. docs/guide/single-sign-on.md walks through a setup.

function ConnectionCard({ c, manage, onEdit }: { c: SsoConnection; manage: boolean; onEdit: () => void }) {
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
      <Stack gap={4}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Issuer: {c.issuer}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          Client ID: {c.clientId ?? '—'} · client secret {c.clientSecretSet ? 'stored' : 'missing'} · scopes{' '}
          {c.scopes.join(' ')}
          {c.pkce ? ' · PKCE' : ''}
        </Text>
        <Text size="sm">Redirect URI to register at the identity provider:</Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code data-testid="redirect-uri" style={{ overflowWrap: 'anywhere' }}>
            {c.redirectUri}
          </Code>
          <CopyButton value={c.redirectUri}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="default"
                onClick={copy}
                aria-label={`Copy the redirect URI of ${c.domain}`}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
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

function OidcSection({ items, manage }: { items: SsoConnection[]; manage: boolean }) {
  // 'new' while adding, a provider id while editing that one.
  const [editing, setEditing] = useState<string | null>(null);
  const taken = items.map((c) => c.providerId);
  return (
    <section aria-labelledby="sso-oidc">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="sso-oidc">
          OpenID Connect
        </Title>
        {manage && editing !== 'new' && (
          <Button size="sm" onClick={() => setEditing('new')}>
            Add an OpenID Connect provider
          </Button>
        )}
      </Group>
      <Stack gap="md">
        {editing === 'new' && (
          <Card withBorder>
            <OidcForm taken={taken} onDone={() => setEditing(null)} />
          </Card>
        )}
        {items.length === 0 && editing !== 'new' && (
          <EmptyState
            title="No OpenID Connect provider"
            hint="Add your identity provider (Microsoft Entra ID, Google Workspace, Okta, Keycloak…) so people sign in with their company account."
          />
        )}
        {items.map((c) =>
          editing === c.providerId ? (
            <Card withBorder key={c.providerId}>
              <OidcForm connection={c} taken={taken} onDone={() => setEditing(null)} />
            </Card>
          ) : (
            <ConnectionCard
              key={c.providerId}
              c={c}
              manage={manage}
              onEdit={() => setEditing(c.providerId)}
            />
          ),
        )}
      </Stack>
    </section>
  );
}

export function SsoPage() {
  const org = useOrg();
  const list = useQuery(ssoQueries.list(org.slug));
  const manage = can.manageSso(org.role);
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description={`People of ${org.name} sign in with their company account: closeloop routes each email domain to its identity provider.`}
      />
      <Alert color="blue" mb="md" title="Break-glass access">
        Administrators always keep their password and two-factor sign-in, even when SSO is required, so the
        organisation is never locked out when the identity provider is down. Keep at least one administrator
        with a strong password and TOTP.
      </Alert>
      {list.isLoading ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNote error={list.error} />
      ) : (
        <OidcSection items={(list.data?.items ?? []).filter((c) => c.protocol === 'oidc')} manage={manage} />
      )}
    </>
  );
}
