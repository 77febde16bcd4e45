// The demo's SAML identity provider (issue #20): a Keycloak realm for the EMEA subsidiary, described by
// the metadata an admin pastes on the single sign-on page. Only the IdP's public signing certificate is
// here (self-signed, CN=sso.demo.example, 10 years); its private key was never kept, so no assertion can
// be signed for it: the connection shows the settings, and sign-in through it fails at the placeholder
// host, as it would for any IdP that is not reachable.

export const DEMO_SAML_DOMAIN = 'emea.demo.example';
export const DEMO_SAML_ENTITY_ID = 'https://sso.demo.example/realms/emea';

const certificate = [
  'MIIDFzCCAf+gAwIBAgIURzV1ucIc6bugLih3ss8IXEFr5UUwDQYJKoZIhvcNAQELBQAwGzEZMBcGA1UEAwwQc3NvLmRlbW8u',
  'ZXhhbXBsZTAeFw0yNjEyMDMxMDI1MjJaFw0zNjExMzAxMDI1MjJaMBsxGTAXBgNVBAMMEHNzby5kZW1vLmV4YW1wbGUwggEi',
  'MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQC02gwbIGJXOBtuyMOEaFJUnv7R1nBZO4Ykm9gGSrMcsTcw3Y2QlH39XVg8',
  'cQpgt+C4DPgNh6fvJ01c+SdLVFkM4cAzPN+3TEELSnTZJ8NdCh0mWhpTQDdWOYkZZII9/64npXpQITqpJrQBvbaCaO0qoVzZ',
  'e7wX1fzhlhEdLX0ylPGCIxkfVYSNLPQ3rr3YGSMrg2dlgpQecD5Ut8j2Z0jVZyCLybemAf9BrxAuuSJ2cRJ1GjauFxTqg46i',
  'zZkl0M0cb5PBNA+ijjsVhZJATA2L62e1/zeThOs0Yl/jOe2oCLsOAQxb8y4eHa1K/KGDdbJsvo4yyEA0FhlrRtdnpqMhAgMB',
  'AAGjUzBRMB0GA1UdDgQWBBTGYsDy3mPDaBGOOvryeufKPvuawzAfBgNVHSMEGDAWgBTGYsDy3mPDaBGOOvryeufKPvuawzAP',
  'BgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQArlVJKa4my3VAZBTJ6x9ql9Ooezj8Tn+3rsQWCyLFCENqboFwk',
  'Gk2PTr0I9Sz48SO/bsEEhIKST2vl7VIwtOioNk4S/OzJfaLdX93FQgdU+PLlfQ4zTNEU7fezK3v5262j/Nnztr4VAi1NqN//',
  'LDUDuBLJmGOTZfMaRScvlPS/Ju6HVkOhNhgMR/Zq7qQXp68SyJnlNGmNIFD8oYL87L+wWLj4fpenuejXvuIuSyH8U9Zv/cq0',
  'pBlot4RkjDEDDJru52enlkbwYYB67+u4G8hqBHF8SN9uu5PqR6rksCHBs4JYgYIN+Bx8lr9x+Dg4xQtMWlewIWtG40jkT0Bm',
  'H84Y',
].join('');

export const demoSamlMetadata = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${DEMO_SAML_ENTITY_ID}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${DEMO_SAML_ENTITY_ID}/protocol/saml"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${DEMO_SAML_ENTITY_ID}/protocol/saml"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
