import { Stack, Text } from '@mantine/core';
import { CopyCode } from './ConnectionCard.tsx';

/** closeloop's service-provider URLs of a SAML connection (as the server's `saml` settings name them). */
export const spEndpoints = (providerId: string) => {
  const base = `${window.location.origin}/api/auth/sso/saml2/sp`;
  const metadata = `${base}/metadata?providerId=${providerId}`;
  return { spEntityId: metadata, acsUrl: `${base}/acs/${providerId}`, spMetadataUrl: metadata };
};

/** The audience (SP entity id) and recipient (ACS URL) the IdP must name, each with a copy button. */
export function SpEndpoints({
  providerId,
  domain,
  urls = spEndpoints(providerId),
}: {
  providerId: string;
  domain: string;
  urls?: { spEntityId: string; acsUrl: string };
}) {
  return (
    <Stack gap={4}>
      <Text size="sm">Audience (SP entity id, also the SP metadata URL):</Text>
      <CopyCode value={urls.spEntityId} what={`the SAML audience of ${domain}`} testId="saml-audience" />
      <Text size="sm">Recipient (Assertion Consumer Service URL, HTTP-POST):</Text>
      <CopyCode value={urls.acsUrl} what={`the SAML ACS URL of ${domain}`} testId="saml-acs-url" />
    </Stack>
  );
}
