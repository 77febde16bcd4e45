import { Checkbox, Code, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  nextOidcProviderId,
  type OidcConnectionUpdate,
  oidcConnectionRequest,
  oidcConnectionUpdate,
} from '../../../../src/contracts/sso.ts';
import { useOrg } from '../../components/common.tsx';
import { contractResolver } from '../../components/form.ts';
import { accessOf, jitRoleOf } from './access.ts';
import { type SsoConnection, ssoApi } from './api.ts';
import { AccessField, DomainField, FormActions, SsoRequiredField, useSaveConnection } from './fields.tsx';

// The OpenID Connect settings of one connection, added or edited; validated by the same contract
// schema the server applies. The client secret is write-only: an edit leaves it empty to keep it.

interface Values {
  issuer: string;
  clientId: string;
  clientSecret: string;
  domain: string;
  scopes: string;
  pkce: boolean;
  access: string;
  ssoRequired: boolean;
}

const toRequest = (v: Values) => ({
  issuer: v.issuer.trim(),
  clientId: v.clientId,
  clientSecret: v.clientSecret,
  domain: v.domain,
  scopes: v.scopes.split(/[\s,]+/).filter(Boolean),
  pkce: v.pkce,
  jitRole: jitRoleOf(v.access),
  ssoRequired: v.ssoRequired,
});
const toUpdate = (v: Values): OidcConnectionUpdate => {
  const { clientSecret, ...rest } = toRequest(v);
  return clientSecret ? { ...rest, clientSecret } : rest;
};

export const callbackUrl = (providerId: string) =>
  `${window.location.origin}/api/auth/sso/callback/${providerId}`;

export function OidcForm({
  connection,
  taken,
  onDone,
}: {
  connection?: SsoConnection;
  taken: string[];
  onDone: () => void;
}) {
  const org = useOrg();
  const form = useForm<Values>({
    initialValues: {
      issuer: connection?.issuer ?? '',
      clientId: connection?.clientId ?? '',
      clientSecret: '',
      domain: connection?.domain ?? '',
      scopes: (connection?.scopes ?? ['openid', 'email', 'profile']).join(' '),
      pkce: connection?.pkce ?? true,
      access: accessOf(connection?.jitRole, 'viewer'),
      ssoRequired: connection?.ssoRequired ?? false,
    },
    validate: connection
      ? contractResolver(oidcConnectionUpdate, toUpdate)
      : contractResolver(oidcConnectionRequest, toRequest),
  });
  const save = useSaveConnection(
    form,
    (v: Values) =>
      connection
        ? ssoApi.update(org.slug, connection.providerId, toUpdate(v))
        : ssoApi.addOidc(org.slug, toRequest(v)),
    'Provider',
    onDone,
  );
  const what = connection ? `provider for ${connection.domain}` : 'new provider';
  const providerId =
    connection?.providerId ?? nextOidcProviderId(org.slug, form.values.domain || 'domain', taken);
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={`OpenID Connect ${what}`}>
      <Stack gap="sm">
        <TextInput
          label="Issuer URL"
          description="closeloop reads its discovery document (/.well-known/openid-configuration)"
          placeholder="https://login.example.com"
          required
          {...form.getInputProps('issuer')}
        />
        <TextInput label="Client ID" required {...form.getInputProps('clientId')} />
        <PasswordInput
          label="Client secret"
          description={
            connection?.clientSecretSet
              ? 'Stored and never shown again; leave empty to keep it'
              : 'Stored and never shown again'
          }
          required={!connection}
          autoComplete="new-password"
          {...form.getInputProps('clientSecret')}
        />
        <DomainField {...form.getInputProps('domain')} />
        <TextInput
          label="Scopes"
          description="Separated by spaces"
          required
          {...form.getInputProps('scopes')}
        />
        <AccessField {...form.getInputProps('access')} />
        <Checkbox label="Use PKCE (recommended)" {...form.getInputProps('pkce', { type: 'checkbox' })} />
        <SsoRequiredField {...form.getInputProps('ssoRequired', { type: 'checkbox' })} />
        <Text size="sm">
          Redirect URI to register at the identity provider:{' '}
          <Code style={{ overflowWrap: 'anywhere' }}>{callbackUrl(providerId)}</Code>
        </Text>
        <FormActions
          saving={save.isPending}
          label={connection ? 'Save provider' : 'Add provider'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
