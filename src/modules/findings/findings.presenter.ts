import type { z } from 'zod';
import type { effectivenessSummary } from '../../contracts/effectiveness.ts';
import type { findingSummary } from '../../contracts/findings.ts';
import { daysBetween } from '../../domain/calendar/iso-date.ts';
import { closerOf } from '../../domain/findings/closure.ts';
import type { EscalationFlag } from '../../domain/findings/escalation.ts';
import { isOverdue } from '../../domain/findings/recommendation.ts';
import type { listFindings } from './findings.repository.ts';

export type FindingRow = Awaited<ReturnType<typeof listFindings>>['rows'][number];

export const requirementsOf = (r: { requirements_json: string }): string[] =>
  JSON.parse(r.requirements_json) as string[];

export function deadlinesOf(r: FindingRow) {
  return { capDueOn: r.cap_due_on, evidenceDueOn: r.evidence_due_on, closeByOn: r.close_by_on };
}

export function presentFinding(
  r: FindingRow,
  today: string,
  flags: EscalationFlag[],
  effectiveness: z.infer<typeof effectivenessSummary> = null,
): z.infer<typeof findingSummary> {
  const end = r.closed_at ? r.closed_at.slice(0, 10) : today;
  return {
    id: r.id,
    auditRef: r.audit_ref,
    ref: r.ref,
    grade: r.grade,
    status: r.status,
    requirements: requirementsOf(r),
    statement: r.statement,
    area: r.area,
    owner:
      r.owner_user_id && r.owner_email
        ? { id: r.owner_user_id, name: r.owner_name ?? '', email: r.owner_email }
        : null,
    capDueOn: r.cap_due_on,
    evidenceDueOn: r.evidence_due_on,
    closeByOn: r.close_by_on,
    overdue: isOverdue(r.status, deadlinesOf(r), today),
    // Age from the audit's last day, when the NC was raised (as the corrective action log counts it),
    // never from the day the row was entered or imported.
    ageDays: Math.max(0, daysBetween(r.audit_ends_on ?? r.created_at.slice(0, 10), end)),
    escalation: flags,
    closer: closerOf(r.audit_type),
    effectiveness,
    updatedAt: r.updated_at,
  };
}
