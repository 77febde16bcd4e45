import { AppError } from '../../contracts/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Auth } from '../../http/auth.ts';
import * as repo from './accounts.repository.ts';

/**
 * Creates a person with an email + password through better-auth (argon2id hash, account row), without
 * signing them in. Sign-up over HTTP is closed; this is how setup, invitations and the CLI add people.
 */
export async function createAccount(
  auth: Auth,
  input: { name: string; email: string; password: string },
): Promise<{ id: string; email: string; name: string }> {
  try {
    const result = await auth.api.signUpEmail({ body: input });
    return { id: result.user.id, email: result.user.email, name: result.user.name };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/already exists|USER_ALREADY_EXISTS/i.test(message)) {
      throw new AppError('conflict', `an account already exists for ${input.email}`, [
        { path: 'body/email', message: 'already registered' },
      ]);
    }
    if (/password/i.test(message)) {
      throw new AppError('validation_failed', message, [{ path: 'body/password', message }]);
    }
    throw err;
  }
}

/**
 * Takes back an account that `createAccount` made for a sign-up whose next step failed (setup's organisation,
 * an invitation that could not be accepted), so a retry starts clean. Its sessions and credentials go with it
 * (foreign keys cascade).
 */
export async function withdrawNewAccount(db: Db, userId: string): Promise<void> {
  await repo.deleteAccount(db, userId);
}
