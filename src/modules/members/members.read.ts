// Read model of the members module: who belongs to an organisation, in the shapes other modules need. The
// repository stays private; membership rows are written only by this module (members.writes.ts).
import type { Db } from '../../db/connection.ts';
import * as repo from './members.repository.ts';

export type MemberContact = { name: string; email: string };
export type MemberByEmail = NonNullable<Awaited<ReturnType<typeof repo.memberByEmail>>>;
export type DirectoryEntry = Awaited<ReturnType<typeof repo.listMembers>>['rows'][number];

/** The membership of a user in an organisation (id and role), or undefined when they are not a member. */
export function membershipOfUser(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<{ id: string; role: string } | undefined> {
  return repo.findMembershipOfUser(db, organisationId, userId);
}

/** A member by email (case-insensitive), for assigning owners, auditors and reviewers. */
export function memberByEmail(
  db: Db,
  organisationId: string,
  email: string,
): Promise<MemberByEmail | undefined> {
  return repo.memberByEmail(db, organisationId, email);
}

/** Every admin's name and address: bounded by the number of admins, not by the organisation's size. */
export function adminContacts(db: Db, organisationId: string): Promise<MemberContact[]> {
  return repo.adminContacts(db, organisationId);
}

/** Up to `limit` members by name, for labelling people in a report. */
export async function memberDirectory(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<DirectoryEntry[]> {
  return (await repo.listMembers(db, organisationId, { page: 1, pageSize: limit })).rows;
}
