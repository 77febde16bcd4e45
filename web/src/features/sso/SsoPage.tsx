import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState, ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { type SsoConnection, ssoQueries } from './api.ts';
import { ConnectionCard, CopyCode } from './ConnectionCard.tsx';
import { OidcForm } from './OidcForm.tsx';
import { SamlSection } from './SamlSection.tsx';

// Single sign-on (issue #20): an admin connects the organisation's identity providers, one per email
// domain. Each protocol has its section (OpenID Connect here; SAML 2.0 in SamlSection.tsx); what to
// register at the IdP is shown with each connection. docs/guide/single-sign-on.md walks through a setup.

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
            <ConnectionCard key={c.providerId} c={c} manage={manage} onEdit={() => setEditing(c.providerId)}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Issuer: {c.issuer}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Client ID: {c.clientId ?? '—'} · client secret {c.clientSecretSet ? 'stored' : 'missing'} ·
                scopes {c.scopes.join(' ')}
                {c.pkce ? ' · PKCE' : ''}
              </Text>
              <Text size="sm">Redirect URI to register at the identity provider:</Text>
              <CopyCode
                value={c.redirectUri}
                what={`the redirect URI of ${c.domain}`}
                testId="redirect-uri"
              />
            </ConnectionCard>
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
        <Stack gap="xl">
          <OidcSection
            items={(list.data?.items ?? []).filter((c) => c.protocol === 'oidc')}
            manage={manage}
          />
          <SamlSection
            items={(list.data?.items ?? []).filter((c) => c.protocol === 'saml')}
            manage={manage}
          />
        </Stack>
      )}
    </>
  );
}
