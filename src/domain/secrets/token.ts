import { createHash, randomBytes } from 'node:crypto';

// Bearer secrets (invitation links, API tokens, share links) carry 256 random bits, well above the 128
// bits OWASP asks of session identifiers, and are stored only as their SHA-256: a leaked database
// does not leak usable links. A fast hash is right here because the input has full entropy.
export function generateToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
