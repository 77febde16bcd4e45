import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Secrets the server must use again (webhook signing secrets cannot be stored as hashes: they sign), kept
// encrypted at rest with a key derived from the server's secret (CLOSELOOP_SECRET or data/secret.key):
// AES-256-GCM, a fresh 96-bit nonce each time, `v1.<nonce>.<tag>.<ciphertext>` in base64url.

const keyOf = (serverSecret: string, purpose: string) =>
  createHash('sha256').update(`closeloop:${purpose}:`).update(serverSecret).digest();

export function seal(plain: string, serverSecret: string, purpose: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(serverSecret, purpose), nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plain secret; throws when it was sealed with another key or altered. */
export function unseal(sealed: string, serverSecret: string, purpose: string): string {
  const [version, nonce, tag, body] = sealed.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    keyOf(serverSecret, purpose),
    Buffer.from(nonce, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
