import { AppError } from '../../contracts/errors.ts';
import type { Db } from '../../db/connection.ts';
import { memberByEmail } from './members.repository.ts';

/**
 * The member who may own a finding, a corrective action or a plan task. A guest (the certification
 * body's external auditor) owns nothing: the auditor judges the organisation's work and must stay
 * independent of it (ISO/IEC 17021-1 §4.2, impartiality; issue #18).
 */
export async function assignableOwner(db: Db, organisationId: string, email: string, path: string) {
  const m = await memberByEmail(db, organisationId, email);
  if (!m)
    throw new AppError('validation_failed', `${email} is not a member of this organisation`, [
      { path, message: 'not a member' },
    ]);
  if (m.role === 'external_auditor')
    throw new AppError('validation_failed', `${email} is a guest (external auditor) and cannot own work`, [
      { path, message: 'a guest cannot be an owner' },
    ]);
  return m;
}
