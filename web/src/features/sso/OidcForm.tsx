import { Button, Checkbox, Code, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  nextOidcProviderId,
  type OidcConnectionUpdate,
  oidcConnectionRequest,
  oidcConnectionUpdate,
} from '../../../../src/contracts/sso.ts';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { type Role, roles } from '../../../../src/vocabulary/roles.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { type SsoConnection, ssoApi } from './api.ts';

// The OpenID Connect settings of one connection, added or edited; validated by the same contract
// schema the server applies. The client secret is write-only: an edit leaves it empty to keep it.
const INVITATION_ONLY = 'invitation-only';

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
  jitRole: v.access === INVITATION_ONLY ? null : (v.access as Role),
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
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      issuer: connection?.issuer ?? '',
      clientId: connection?.clientId ?? '',
      clientSecret: '',
      domain: connection?.domain ?? '',
      scopes: (connection?.scopes ?? ['openid', 'email', 'profile']).join(' '),
      pkce: connection?.pkce ?? true,
      access: connection ? (connection.jitRole ?? INVITATION_ONLY) : 'viewer',
      ssoRequired: connection?.ssoRequired ?? false,
    },
    validate: connection
      ? contractResolver(oidcConnectionUpdate, toUpdate)
      : contractResolver(oidcConnectionRequest, toRequest),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      connection
        ? ssoApi.update(org.slug, connection.providerId, toUpdate(v))
        : ssoApi.addOidc(org.slug, toRequest(v)),
    onSuccess: (c) => {
      notifications.show({ color: 'teal', message: `Provider for ${c.domain} saved` });
      void invalidate(qc, org.slug, 'sso');
      onDone();
    },
    onError: (e) => {
      showServerErrors(form, e);
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
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
        <TextInput
          label="Email domain"
          description="People whose email ends with this domain sign in through this provider"
          placeholder="example.com"
          required
          {...form.getInputProps('domain')}
        />
        <TextInput
          label="Scopes"
          description="Separated by spaces"
          required
          {...form.getInputProps('scopes')}
        />
        <Select
          label="On first sign-in"
          description="A new person joins with this role, or waits for an invitation"
          allowDeselect={false}
          data={[
            ...roles.map((r) => ({ value: r, label: `Joins as ${labelOf.role(r)}` })),
            { value: INVITATION_ONLY, label: 'Invitation only (joins no organisation)' },
          ]}
          {...form.getInputProps('access')}
        />
        <Checkbox label="Use PKCE (recommended)" {...form.getInputProps('pkce', { type: 'checkbox' })} />
        <Checkbox
          label="SSO required: members of this domain cannot sign in with a password"
          {...form.getInputProps('ssoRequired', { type: 'checkbox' })}
        />
        <Text size="sm">
          Redirect URI to register at the identity provider:{' '}
          <Code style={{ overflowWrap: 'anywhere' }}>{callbackUrl(providerId)}</Code>
        </Text>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {connection ? 'Save provider' : 'Add provider'}
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
