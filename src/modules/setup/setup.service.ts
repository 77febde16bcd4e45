import type { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import type { setupRequest } from '../../contracts/foundation.ts';
import type { DatabaseHandle } from '../../db/connection.ts';
import type { Auth } from '../../http/auth.ts';
import { anyAccount, createAccount, withdrawNewAccount } from '../accounts/index.ts';
import type { AppEnv } from '../context.ts';
import { createOrganisation } from '../organisations/index.ts';

export async function needsSetup(database: DatabaseHandle) {
  return { needsSetup: !(await anyAccount(database.db)) };
}

/** First run: the first administrator and organisation. Refused as soon as any account exists. */
export async function completeSetup(
  input: z.infer<typeof setupRequest>,
  deps: { database: DatabaseHandle; auth: Auth; env: AppEnv },
) {
  if (await anyAccount(deps.database.db)) {
    throw new AppError('setup_already_done', 'closeloop is already set up; sign in instead');
  }
  const user = await createAccount(deps.auth, {
    name: input.name,
    email: input.email,
    password: input.password,
  });
  try {
    const organisation = await createOrganisation(
      {
        slug: input.organisationSlug,
        name: input.organisationName,
        adminUserId: user.id,
        adminEmail: user.email,
      },
      deps,
    );
    return { organisation, user };
  } catch (err) {
    await withdrawNewAccount(deps.database.db, user.id);
    throw err;
  }
}
