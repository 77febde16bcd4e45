import { createHmac } from 'node:crypto';
import { symmetricDecrypt } from 'better-auth/crypto';
import type { Db } from '../../db/connection.ts';
import { claimTotpStep, totpSecretOf } from './sign-in-guard.repository.ts';

// RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt of the OTP after the successful
// validation has been issued for the first OTP". better-auth's two-factor plugin checks a code against
// the steps now-1..now+1 and keeps no memory of it, so one code opened two sessions. After better-auth
// accepts a code, the step it matched must be later than the last step this user used, or the session
// just created is revoked and the code refused.

const PERIOD_MS = 30_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(s: string): Buffer {
  let bits = '';
  for (const ch of s.replace(/=+$/, '').toUpperCase())
    bits += BASE32.indexOf(ch).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
}

export function hotp(key: Buffer | string, counter: number): string {
  const c = Buffer.alloc(8);
  c.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', key).update(c).digest();
  const o = h[h.length - 1]! & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The time step (now-1..now+1, better-auth's window) that `code` matches for this user, or null. */
export async function matchedStep(
  db: Db,
  secretConfig: Parameters<typeof symmetricDecrypt>[0]['key'],
  userId: string,
  code: string,
  at = Date.now(),
): Promise<number | null> {
  const row = await totpSecretOf(db, userId);
  if (!row) return null;
  const plain = await symmetricDecrypt({ key: secretConfig, data: row.secret });
  const key = plain.startsWith('base32:') ? base32Decode(plain.slice(7)) : Buffer.from(plain, 'utf8');
  const now = Math.floor(at / PERIOD_MS);
  for (const step of [now - 1, now, now + 1]) if (hotp(key, step) === code) return step;
  return null;
}

/** True when this accepted code is the first use of its step for the user (and records it). */
export async function firstUseOfCode(
  db: Db,
  secretConfig: Parameters<typeof symmetricDecrypt>[0]['key'],
  userId: string,
  code: string,
): Promise<boolean> {
  const step = await matchedStep(db, secretConfig, userId, code);
  if (step === null) return false;
  return claimTotpStep(db, userId, step);
}
