import type { Db } from '../../db/connection.ts';
import { connectionByDomain } from './sso.repository.ts';

/**
 * Whether sign-in for this email's domain is routed to an organisation's identity provider. Such an
 * account's email is asserted by an IdP an organisation's admin configured, so it never makes anyone an
 * instance operator (src/modules/jobs/jobs.operators.ts).
 */
export async function emailDomainUsesSso(db: Db, email: string): Promise<boolean> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return Boolean(domain && (await connectionByDomain(db, domain)));
}
