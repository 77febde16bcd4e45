// Writes to audits made inside another module's use-case: the certification cycle opens its planned audits,
// an internal audit opens its own audit record, the deadline rules amend dates. The caller has authorised the
// change and writes the audit-trail entry; the transaction context scopes each write to its organisation.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../contracts/errors.ts';
import type { AuditTable } from '../../db/schema.ts';
import type { ChangeContext } from '../context.ts';
import * as repo from './audits.repository.ts';

export type AuditFields = Omit<AuditTable, 'id' | 'organisation_id' | 'created_at' | 'updated_at'>;
// An audit's certification cycle is fixed when it is opened: the findings module copies it onto the rows
// its escalation warnings are counted from (migration 0030), so a patch may not move an audit to another.
export type AuditPatch = Partial<
  Omit<AuditTable, 'id' | 'organisation_id' | 'created_at' | 'updated_at' | 'cycle'>
>;

/**
 * Opens an audit and returns its id. An audit reference is unique in an organisation; a taken one is a
 * conflict, reported at `refPath` when the reference came from the request body.
 */
export async function openAudit(
  tx: ChangeContext,
  fields: AuditFields,
  options: { refPath?: string } = {},
): Promise<string> {
  if (await repo.findAuditByRef(tx.db, tx.organisation.id, fields.ref))
    throw new AppError(
      'conflict',
      `an audit ${fields.ref} already exists`,
      options.refPath ? [{ path: options.refPath, message: 'taken' }] : [],
    );
  const id = randomUUID();
  const at = tx.now().toISOString();
  await repo.insertAudit(tx.db, {
    ...fields,
    id,
    organisation_id: tx.organisation.id,
    created_at: at,
    updated_at: at,
  });
  return id;
}

/** Amends an audit of the transaction's organisation. */
export async function amendAudit(tx: ChangeContext, auditId: string, patch: AuditPatch): Promise<void> {
  await repo.updateAudit(tx.db, tx.organisation.id, auditId, {
    ...patch,
    updated_at: tx.now().toISOString(),
  });
}
