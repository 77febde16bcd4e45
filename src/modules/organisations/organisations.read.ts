// Read model of the organisations module: an organisation and a person's place in it, as the gate, the CLI,
// the jobs and other modules read them. The repository stays private.
import type { Db } from '../../db/connection.ts';
import type { OrganisationRef } from '../context.ts';
import * as repo from './organisations.repository.ts';

type Row<F extends (...a: never[]) => Promise<unknown>> = NonNullable<Awaited<ReturnType<F>>>;
export type MembershipBySlug = Row<typeof repo.membershipBySlug>;
export type MembershipById = Row<typeof repo.membershipById>;
export type MembershipWithEmail = Row<typeof repo.membershipsWithEmail>[number];
export type UserOrganisation = Row<typeof repo.organisationsOfUser>[number];

/** The organisation a record names (a dead letter's, for the CLI's retry), as a context needs it. */
export async function organisationRef(db: Db, id: string): Promise<OrganisationRef | undefined> {
  const row = await repo.organisationById(db, id);
  return row && { id: row.id, slug: row.slug, name: row.name };
}

/** The organisation a URL or the CLI's --org names by its slug, as a context needs it. */
export async function organisationBySlug(db: Db, slug: string): Promise<OrganisationRef | undefined> {
  const row = await repo.findOrganisationBySlug(db, slug);
  return row && { id: row.id, slug: row.slug, name: row.name };
}

/** The caller's membership in the organisation named by a URL slug (the gate's tenancy check). */
export function membershipBySlug(
  db: Db,
  slug: string,
  userId: string,
): Promise<MembershipBySlug | undefined> {
  return repo.membershipBySlug(db, slug, userId);
}

/** The member's row in one organisation by its id (an API token names its organisation by id). */
export function membershipById(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<MembershipById | undefined> {
  return repo.membershipById(db, organisationId, userId);
}

/** Every organisation a person belongs to, with their role and email (for the sign-in trail). */
export function membershipsWithEmail(db: Db, userId: string): Promise<MembershipWithEmail[]> {
  return repo.membershipsWithEmail(db, userId);
}

/** The organisations a person belongs to, by name, with their role (the organisation switcher). */
export function organisationsOfUser(db: Db, userId: string): Promise<UserOrganisation[]> {
  return repo.organisationsOfUser(db, userId);
}

/** The organisation's settings (timezone, holidays, thresholds, …) and name. */
export function organisationSettings(
  db: Db,
  organisationId: string,
  known?: { settingsJson?: string; name: string },
): Promise<{ name: string } & Record<string, unknown>> {
  return repo.organisationSettings(db, organisationId, known);
}

/** Organisations in id order after `afterId`, `limit` at a time: system-wide sweeps (background jobs). */
export function organisationsAfter(db: Db, afterId: string, limit: number): Promise<OrganisationRef[]> {
  return repo.organisationsAfter(db, afterId, limit);
}
