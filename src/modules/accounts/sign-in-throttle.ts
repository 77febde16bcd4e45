import type { Db } from '../../db/connection.ts';
import { clearFailures, failureRow, saveFailure } from './sign-in-guard.repository.ts';

// Per-account sign-in back-off (OWASP ASVS 2.2.1, NIST SP 800-63B §5.2.2). Failures are counted per
// (account, client address) and, more loosely, per account alone, in the database so that a restart does
// not reset them and every instance shares them. Each failure past a few free ones doubles the wait, up
// to 15 minutes: never a permanent lock an attacker could hold over a victim, and the victim's own
// address has its own counter, so only the looser account-wide one can slow her down.
export const throttle = {
  pair: { free: 4, baseMs: 1_000 },
  account: { free: 20, baseMs: 1_000 },
  capMs: 15 * 60_000,
  /** After this long without a failure the count starts again. */
  forgetMs: 24 * 60 * 60_000,
};

const keysOf = (email: string, ip: string) => ({
  pair: `pair:${email.trim().toLowerCase()}|${ip}`,
  account: `account:${email.trim().toLowerCase()}`,
});

/** Milliseconds the caller must still wait before trying this account again from this address (0: go). */
export async function signInWait(db: Db, email: string, ip: string, now: Date): Promise<number> {
  const k = keysOf(email, ip);
  let wait = 0;
  for (const key of [k.pair, k.account]) {
    const row = await failureRow(db, key);
    if (row) wait = Math.max(wait, Date.parse(row.blocked_until) - now.getTime());
  }
  return Math.max(0, wait);
}

export async function recordSignInFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  const k = keysOf(email, ip);
  for (const [key, rule] of [
    [k.pair, throttle.pair],
    [k.account, throttle.account],
  ] as const) {
    const row = await failureRow(db, key);
    const recent = row && now.getTime() - Date.parse(row.last_failed_at) < throttle.forgetMs;
    const failures = (recent ? row.failures : 0) + 1;
    const over = failures - rule.free;
    const delay = over <= 0 ? 0 : Math.min(throttle.capMs, rule.baseMs * 2 ** Math.min(over - 1, 30));
    await saveFailure(db, {
      key,
      failures,
      last_failed_at: now.toISOString(),
      blocked_until: new Date(now.getTime() + delay).toISOString(),
    });
  }
}

/** A successful sign-in clears the counter of its (account, address) pair; the account-wide one decays. */
export async function recordSignInSuccess(db: Db, email: string, ip: string): Promise<void> {
  await clearFailures(db, [keysOf(email, ip).pair]);
}
