import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { generateToken, hashToken } from '../../domain/secrets/token.ts';
import type { ChangeContext } from '../context.ts';
import * as repo from './trust-access.repository.ts';

// Secrets of the trust page. Share links, sign-in links and visitor sessions carry 256 random bits and
// are stored as SHA-256 (full-entropy input: a fast hash is right). A link's optional passcode is chosen
// by a person, so it gets scrypt with a salt, compared in constant time.

export const SIGN_IN_DAYS = 7;

export function hashPasscode(passcode: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(passcode, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function passcodeMatches(passcode: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(passcode, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** End of the chosen day (UTC): an expiry "on 2026-12-31" still lets the visitor in that day. */
export const endOfDay = (date: string | null) => (date ? `${date}T23:59:59.999Z` : null);

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000).toISOString();

/** A single-use sign-in link for `email`, valid for a week; the mail carries it, the database its hash. */
export async function issueSignIn(tx: ChangeContext, email: string): Promise<string> {
  const token = generateToken('tsi_');
  await repo.insertSignIn(tx.db, {
    id: randomUUID(),
    organisation_id: tx.organisation.id,
    token_hash: hashToken(token),
    email,
    expires_at: addDays(tx.now(), SIGN_IN_DAYS),
    used_at: null,
    created_by: tx.actor.label,
    created_at: tx.now().toISOString(),
  });
  return `${tx.env.publicUrl}/trust/${tx.organisation.slug}/i/${token}`;
}
