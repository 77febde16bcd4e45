import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState } from '../../components/common.tsx';
import type { SsoConnection } from './api.ts';
import { ConnectionCard } from './ConnectionCard.tsx';
import { SamlForm } from './SamlForm.tsx';
import { SpEndpoints } from './SpEndpoints.tsx';

// SAML 2.0 (issue #20): the organisation's one SAML connection (`saml-<org>`), beside its OpenID Connect
// providers. Saving again replaces it; removing it sends its domain back to passwords.

export function SamlSection({ items, manage }: { items: SsoConnection[]; manage: boolean }) {
  const [editing, setEditing] = useState<'new' | string | null>(null);
  return (
    <section aria-labelledby="sso-saml">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="sso-saml">
          SAML 2.0
        </Title>
        {manage && items.length === 0 && editing !== 'new' && (
          <Button size="sm" onClick={() => setEditing('new')}>
            Add a SAML provider
          </Button>
        )}
      </Group>
      <Stack gap="md">
        {editing === 'new' && (
          <Card withBorder>
            <SamlForm onDone={() => setEditing(null)} />
          </Card>
        )}
        {items.length === 0 && editing !== 'new' && (
          <EmptyState
            title="No SAML provider"
            hint="Connect an identity provider that speaks SAML 2.0 (Microsoft Entra ID, Okta, Keycloak, ADFS…) with its metadata."
          />
        )}
        {items.map((c) =>
          editing === c.providerId ? (
            <Card withBorder key={c.providerId}>
              <SamlForm connection={c} onDone={() => setEditing(null)} />
            </Card>
          ) : (
            <ConnectionCard key={c.providerId} c={c} manage={manage} onEdit={() => setEditing(c.providerId)}>
              <Group gap="xs">
                <Badge color="teal" variant="light">
                  Signed assertions required
                </Badge>
                <Badge color="gray" variant="light">
                  Clock skew {c.saml?.clockSkewSeconds ?? 0} s
                </Badge>
              </Group>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                IdP entity id: {c.issuer}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                IdP sign-in URL: {c.saml?.idpSsoUrl ?? '—'}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Metadata: {c.saml?.idpMetadataUrl ?? 'pasted XML'}
              </Text>
              {c.saml && <SpEndpoints providerId={c.providerId} domain={c.domain} urls={c.saml} />}
            </ConnectionCard>
          ),
        )}
      </Stack>
    </section>
  );
}
