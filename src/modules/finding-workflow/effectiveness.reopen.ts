import { randomUUID } from 'node:crypto';
import { AppError } from '../../contracts/errors.ts';
import { closerOf } from '../../domain/findings/closure.ts';
import { applyTransition, type NcStatus } from '../../domain/findings/lifecycle.ts';
import { type ChangeContext, memberRole } from '../context.ts';
import { saveRecordFields } from '../corrective-actions/index.ts';
import { type FindingRecordRow, recordFindingEvent, saveFindingFields } from '../findings/index.ts';

/**
 * A review found the corrective action not effective: the record goes back to analysis for a new cause
 * analysis (10.2 b); its internal verification and any certification body acceptance no longer hold.
 */
export async function reopenNotEffective(
  tx: ChangeContext,
  f: FindingRecordRow,
  implementers: string[],
  notes: string,
  at: string,
) {
  const r = applyTransition(
    { status: f.status as NcStatus, auditorAccepted: false, closer: closerOf(f.audit_type) },
    'reopen_not_effective',
    {
      role: memberRole(tx),
      actorId: tx.actor.userId,
      implementerIds: implementers,
      readiness: {
        hasCorrection: true,
        hasRootCause: true,
        actionCount: 0,
        openActionCount: 0,
        evidenceCount: 0,
        hasEffectivenessCriteria: true,
      },
      viaEffectivenessReview: true,
    },
  );
  if (!r.ok) throw new AppError(r.code === 'role_forbidden' ? 'forbidden' : 'invalid_state', r.message);
  await saveFindingFields(tx, f.id, {
    status: r.record.status,
    closed_at: null,
    updated_at: at,
  });
  await saveRecordFields(tx, f.id, { verification_json: '{}', auditor_decision_json: '{}' });
  await recordFindingEvent(tx, {
    id: randomUUID(),
    organisation_id: tx.organisation.id,
    finding_id: f.id,
    kind: 'transition',
    action: 'reopen_not_effective',
    from_status: f.status,
    to_status: r.record.status,
    actor_id: tx.actor.userId,
    actor_label: tx.actor.label,
    body: notes,
    details_json: JSON.stringify({ role: memberRole(tx) }),
    parent_id: null,
    at,
  });
}
