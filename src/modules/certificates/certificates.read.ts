// Read model of the certificates module for other modules (the trust page). The repository stays private.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { CertificateTable } from '../../db/schema.ts';
import * as repo from './certificates.repository.ts';

export type CertificateRow = Selectable<CertificateTable>;

/** The `limit` most recently issued certificates, newest first: bounded by `limit`, not by history. */
export function recentCertificates(db: Db, organisationId: string, limit: number): Promise<CertificateRow[]> {
  return repo.recentCertificates(db, organisationId, limit);
}
