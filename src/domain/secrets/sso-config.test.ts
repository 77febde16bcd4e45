import { describe, expect, it } from 'vitest';
import {
  hasPlainSecret,
  openStoredConfig,
  sealConfigSecrets,
  sealStoredConfig,
  secretIsSet,
} from './sso-config.ts';

const KEY = 'unit-test-server-key-unit-test-server-key';
const config = {
  clientId: 'closeloop',
  clientSecret: 'oidc-secret-value',
  privateKey: '-----BEGIN PRIVATE KEY-----top',
  spMetadata: {
    entityID: 'sp',
    privateKey: '-----BEGIN PRIVATE KEY-----sp',
    encPrivateKeyPass: 'pass-phrase',
  },
  idpMetadata: { metadata: '<EntityDescriptor/>', encPrivateKey: '-----BEGIN PRIVATE KEY-----idp' },
};

describe('SSO provider configs sealed at rest', () => {
  it('no secret, top level or in the SP / IdP metadata, is left in the stored text', () => {
    const stored = sealStoredConfig(JSON.stringify(config), KEY);
    for (const secret of ['oidc-secret-value', 'BEGIN PRIVATE KEY', 'pass-phrase'])
      expect(stored).not.toContain(secret);
    expect(hasPlainSecret(stored)).toBe(false);
    expect(hasPlainSecret(JSON.stringify(config))).toBe(true);
    expect(stored).toContain('"clientId":"closeloop"');
    expect(secretIsSet(JSON.parse(stored), 'clientSecret')).toBe(true);
  });

  it('opened with the same key it is the config that was sealed; with another key it throws', () => {
    const stored = sealStoredConfig(JSON.stringify(config), KEY);
    expect(JSON.parse(openStoredConfig(stored, KEY))).toEqual(config);
    expect(() => openStoredConfig(stored, `${KEY}-other`)).toThrow();
  });

  it('sealing an already sealed config keeps its sealed secret as it is', () => {
    const once = sealConfigSecrets(config, KEY);
    const twice = sealConfigSecrets(once, KEY);
    expect(twice).toEqual(once);
    expect(JSON.parse(openStoredConfig(JSON.stringify(twice), KEY))).toEqual(config);
  });
});
