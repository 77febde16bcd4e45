import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  type amendment,
  correction,
  type correctiveAction,
  effectivenessReview,
  rootCause,
} from '../../contracts/corrective-actions.ts';
import type { CorrectiveActionRecordTable } from '../../db/schema.ts';
import type { findAction, listAmendments } from './corrective-actions.repository.ts';

type ActionRow = NonNullable<Awaited<ReturnType<typeof findAction>>>;

export function presentAction(r: ActionRow, today: string): z.infer<typeof correctiveAction> {
  const open = r.status === 'open' || r.status === 'in_progress';
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    owner:
      r.owner_user_id && r.owner_email
        ? { id: r.owner_user_id, name: r.owner_name ?? '', email: r.owner_email }
        : null,
    dueOn: r.due_on,
    status: r.status,
    effortDays: r.effort_days === null ? null : Number(r.effort_days),
    completedAt: r.completed_at,
    overdue: open && r.due_on !== null && r.due_on < today,
  };
}

export function presentAmendment(
  r: Awaited<ReturnType<typeof listAmendments>>[number],
): z.infer<typeof amendment> {
  return {
    id: r.id,
    kind: r.kind as 'document',
    reference: r.reference,
    description: r.description,
    createdAt: r.created_at,
  };
}

/** The stored JSON columns of the record, read back through the same schemas that validated them. */
export function presentRecord(
  r: Pick<
    Selectable<CorrectiveActionRecordTable>,
    | 'correction_json'
    | 'root_cause_json'
    | 'expected_effect'
    | 'effectiveness_json'
    | 'verification_json'
    | 'auditor_decision_json'
  >,
) {
  const verification = JSON.parse(r.verification_json) as {
    by?: string;
    on?: string;
    notes?: string;
    criteria?: string;
    criteriaMet?: boolean;
    evidence?: { fileName: string; sha256: string }[];
  };
  const decision = JSON.parse(r.auditor_decision_json) as {
    by?: string;
    on?: string;
    note?: string;
    recordedBy?: string;
  };
  return {
    correction: correction.parse(JSON.parse(r.correction_json)),
    rootCause: rootCause.parse(JSON.parse(r.root_cause_json)),
    expectedEffect: r.expected_effect,
    effectiveness: effectivenessReview.parse(JSON.parse(r.effectiveness_json)),
    verification: {
      by: verification.by ?? null,
      on: verification.on ?? null,
      notes: verification.notes ?? '',
      criteria: verification.criteria ?? '',
      criteriaMet: verification.criteriaMet ?? null,
      evidence: verification.evidence ?? [],
    },
    auditorDecision: {
      by: decision.by ?? null,
      on: decision.on ?? null,
      note: decision.note ?? '',
      recordedBy: decision.recordedBy ?? null,
    },
  };
}
