// Read model of the certificates module for other modules (the trust page, webhook payloads). The repository stays private.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { CertificateTable } from '../../db/schema.ts';
import type { OrgContext } from '../context.ts';
import * as repo from './certificates.repository.ts';
import { presentedRow } from './certificates.service.ts';

export type CertificateRow = Selectable<CertificateTable>;

/** The `limit` most recently issued certificates, newest first: bounded by `limit`, not by history. */
export function recentCertificates(db: Db, organisationId: string, limit: number): Promise<CertificateRow[]> {
  return repo.recentCertificates(db, organisationId, limit);
}

/** One certificate as the API presents it (the record of the decision and status webhooks). */
export async function presentedCertificate(ctx: OrgContext, certificateId: string) {
  const c = await repo.findCertificate(ctx.db, ctx.organisation.id, certificateId);
  return c ? presentedRow(ctx, c) : null;
}
