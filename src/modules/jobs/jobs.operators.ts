import { forbidden } from '../../contracts/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { AppEnv } from '../context.ts';
import { emailDomainUsesSso } from '../sso/index.ts';

/** Who asks for the instance's own jobs: the signed-in person as the gate resolved them. */
export interface OperatorCaller {
  email: string;
  via: 'session' | 'token';
}

/**
 * Is this caller an instance operator? Only when the server's operator named their email in
 * CLOSELOOP_OPERATORS (refused by default), signed in with a session (an API token acts inside one
 * organisation only), and their email domain is not routed to an organisation's single sign-on (an
 * organisation's IdP could assert any address of that domain).
 */
export async function isInstanceOperator(
  caller: OperatorCaller,
  deps: { db: Db; env: Pick<AppEnv, 'operators'> },
): Promise<boolean> {
  const operators = deps.env.operators ?? [];
  if (caller.via !== 'session' || !operators.includes(caller.email.toLowerCase())) return false;
  return !(await emailDomainUsesSso(deps.db, caller.email));
}

/** Refuses anyone but an instance operator: the gate checks it and every instance use-case again. */
export async function authorizeOperator(
  caller: OperatorCaller,
  deps: { db: Db; env: Pick<AppEnv, 'operators'> },
) {
  if (!(await isInstanceOperator(caller, deps)))
    throw forbidden('only an instance operator (CLOSELOOP_OPERATORS) may see the instance’s own jobs');
}
