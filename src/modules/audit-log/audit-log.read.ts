import type { Db } from '../../db/connection.ts';
import { auditHead } from './audit-log.repository.ts';

/**
 * The number of the organisation's last audited change (0 before the first). Every committed change of a
 * use-case appends its entry in the same transaction, so a figure derived from the organisation's records
 * and kept under this number is current as long as the number is; one primary-key read.
 */
export async function lastAuditedChange(db: Db, organisationId: string): Promise<number> {
  return (await auditHead(db, organisationId))?.seq ?? 0;
}
