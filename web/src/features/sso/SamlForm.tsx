import { Badge, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { samlConnectionRequest } from '../../../../src/contracts/sso.ts';
import { useOrg } from '../../components/common.tsx';
import { contractResolver } from '../../components/form.ts';
import { accessOf, jitRoleOf } from './access.ts';
import { type SsoConnection, ssoApi } from './api.ts';
import { AccessField, DomainField, FormActions, SsoRequiredField, useSaveConnection } from './fields.tsx';
import { SpEndpoints } from './SpEndpoints.tsx';

// The SAML 2.0 connection of the organisation, added or replaced; validated by the same contract schema
// the server applies. closeloop reads the IdP's metadata (URL or XML) when it is saved, so an edit gives
// it again: a URL is kept and shown, pasted XML is not sent back by the server.

interface Values {
  source: 'url' | 'xml';
  idpMetadataUrl: string;
  idpMetadataXml: string;
  domain: string;
  clockSkewSeconds: number | string;
  access: string;
  ssoRequired: boolean;
}

const toRequest = (v: Values) => ({
  ...(v.source === 'url'
    ? { idpMetadataUrl: v.idpMetadataUrl.trim() }
    : { idpMetadataXml: v.idpMetadataXml }),
  domain: v.domain,
  clockSkewSeconds: typeof v.clockSkewSeconds === 'number' ? v.clockSkewSeconds : Number.NaN,
  jitRole: jitRoleOf(v.access),
  ssoRequired: v.ssoRequired,
});

export function SamlForm({ connection, onDone }: { connection?: SsoConnection; onDone: () => void }) {
  const org = useOrg();
  const fromUrl = connection?.saml?.idpMetadataUrl ?? null;
  const form = useForm<Values>({
    initialValues: {
      source: connection && !fromUrl ? 'xml' : 'url',
      idpMetadataUrl: fromUrl ?? '',
      idpMetadataXml: '',
      domain: connection?.domain ?? '',
      clockSkewSeconds: connection?.saml?.clockSkewSeconds ?? 60,
      access: accessOf(connection?.jitRole, 'viewer'),
      ssoRequired: connection?.ssoRequired ?? false,
    },
    validate: contractResolver(samlConnectionRequest, toRequest),
  });
  const save = useSaveConnection(
    form,
    (v: Values) => ssoApi.saveSaml(org.slug, toRequest(v)),
    'SAML provider',
    onDone,
  );
  const what = connection ? `provider for ${connection.domain}` : 'new provider';
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={`SAML ${what}`}>
      <Stack gap="sm">
        <Radio.Group
          label="Identity provider metadata"
          description="closeloop reads the IdP's entity id, sign-in URL and signing certificate from it when you save"
          {...form.getInputProps('source')}
        >
          <Group mt="xs">
            <Radio value="url" label="Metadata URL" />
            <Radio value="xml" label="Metadata XML" />
          </Group>
        </Radio.Group>
        {form.values.source === 'url' ? (
          <TextInput
            label="Metadata URL"
            placeholder="https://login.example.com/federationmetadata.xml"
            required
            {...form.getInputProps('idpMetadataUrl')}
          />
        ) : (
          <Textarea
            label="Metadata XML"
            description={
              connection ? 'Paste the metadata again: closeloop reads it each time you save' : undefined
            }
            placeholder="<EntityDescriptor …>"
            required
            autosize
            minRows={4}
            maxRows={10}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('idpMetadataXml')}
          />
        )}
        <DomainField {...form.getInputProps('domain')} />
        <NumberInput
          label="Clock skew (seconds)"
          description="How far the IdP's clock may differ when NotBefore / NotOnOrAfter are checked (0–300)"
          min={0}
          max={300}
          allowDecimal={false}
          {...form.getInputProps('clockSkewSeconds')}
        />
        <AccessField {...form.getInputProps('access')} />
        {/* Not a setting: closeloop's SP metadata says WantAssertionsSigned, and the ACS enforces it. */}
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
            Signed assertions required
          </Badge>
          <Text size="sm">
            Always: an assertion not signed by the certificate in the metadata is refused.
          </Text>
        </Group>
        <SsoRequiredField {...form.getInputProps('ssoRequired', { type: 'checkbox' })} />
        <Text size="sm">Give the identity provider these values:</Text>
        <SpEndpoints providerId={`saml-${org.slug}`} domain={form.values.domain || 'this domain'} />
        <FormActions
          saving={save.isPending}
          label={connection ? 'Save SAML provider' : 'Add SAML provider'}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
