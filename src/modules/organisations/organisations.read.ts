import type { Db } from '../../db/connection.ts';
import type { OrganisationRef } from '../context.ts';
import { organisationById } from './organisations.repository.ts';

/** The organisation a record names (a dead letter's, for the CLI's retry), as a context needs it. */
export async function organisationRef(db: Db, id: string): Promise<OrganisationRef | undefined> {
  const row = await organisationById(db, id);
  return row && { id: row.id, slug: row.slug, name: row.name };
}
