import { seal, unseal } from './sealed.ts';

// The secrets inside an SSO provider's configuration (the `oidcConfig` / `samlConfig` JSON that
// better-auth's SSO plugin reads): the OIDC client secret and any SAML private key or its passphrase.
// Each is kept sealed (AES-256-GCM with the server's key, src/domain/secrets/sealed.ts) under
// `<name>Sealed`; the plain field is absent from the stored JSON and put back only when the plugin reads
// the row. A copy of the database alone therefore cannot act as closeloop towards an identity provider.

const PURPOSE = 'sso-secret';

/** Where secrets sit in a stored config: top level, and inside the SAML SP / IdP metadata objects. */
const SECRET_FIELDS = ['clientSecret', 'privateKey', 'privateKeyPass', 'encPrivateKey', 'encPrivateKeyPass'];
const NESTED = ['spMetadata', 'idpMetadata'];

type Json = Record<string, unknown>;

function eachHolder(config: Json, visit: (holder: Json) => void) {
  visit(config);
  for (const key of NESTED) {
    const inner = config[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) visit(inner as Json);
  }
}

function parse(stored: string): Json | null {
  try {
    const value = JSON.parse(stored) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

/** The config as stored: every plain secret replaced by its sealed form. */
export function sealConfigSecrets(config: Json, serverSecret: string): Json {
  const copy = structuredClone(config);
  eachHolder(copy, (holder) => {
    for (const field of SECRET_FIELDS) {
      const plain = holder[field];
      if (typeof plain !== 'string' || plain === '') continue;
      holder[`${field}Sealed`] = seal(plain, serverSecret, PURPOSE);
      delete holder[field];
    }
  });
  return copy;
}

/** Whether a stored config still holds a secret in the clear (rows written before migration 0023). */
export function hasPlainSecret(stored: string | null): boolean {
  const config = stored ? parse(stored) : null;
  if (!config) return false;
  let plain = false;
  eachHolder(config, (holder) => {
    for (const field of SECRET_FIELDS)
      if (typeof holder[field] === 'string' && holder[field] !== '') plain = true;
  });
  return plain;
}

/** A stored config (JSON text) with its plain secrets sealed; anything that is not JSON is left as it is. */
export function sealStoredConfig(stored: string, serverSecret: string): string {
  const config = parse(stored);
  return config ? JSON.stringify(sealConfigSecrets(config, serverSecret)) : stored;
}

/** The stored config as the plugin needs it: sealed secrets opened. Throws when sealed with another key. */
export function openStoredConfig(stored: string, serverSecret: string): string {
  const config = parse(stored);
  if (!config) return stored;
  eachHolder(config, (holder) => {
    for (const field of SECRET_FIELDS) {
      const sealed = holder[`${field}Sealed`];
      if (typeof sealed !== 'string') continue;
      holder[field] = unseal(sealed, serverSecret, PURPOSE);
      delete holder[`${field}Sealed`];
    }
  });
  return JSON.stringify(config);
}

/** Whether a secret is set, sealed or not (the presenters say only that). */
export const secretIsSet = (config: Json, field: string) =>
  typeof config[field] === 'string' || typeof config[`${field}Sealed`] === 'string';
