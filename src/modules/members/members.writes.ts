// Admission of a person to an organisation. Called inside the transaction of the use-case that decided it
// (creating an organisation, accepting an invitation, a first SSO sign-in, the demo), which has authorised it
// and writes the audit entry; the membership table is written only by this module.
import type { Db } from '../../db/connection.ts';
import * as repo from './members.repository.ts';

/** Membership row: `scope` is the findings an invited guest may see; null for the whole organisation. */
export type Admission = Parameters<typeof repo.insertMember>[1];

export async function admitMember(db: Db, admission: Admission): Promise<void> {
  await repo.insertMember(db, admission);
}
