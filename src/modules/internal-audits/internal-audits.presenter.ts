import type { z } from 'zod';
import type { checklistItem, internalAuditSummary } from '../../contracts/certification-internal-audits.ts';
import { isNonconformity } from '../../vocabulary/index.ts';
import type { checksOf, InternalAuditRow } from './internal-audits.repository.ts';

type CheckRow = Awaited<ReturnType<typeof checksOf>>[number];

export function presentSummary(
  a: InternalAuditRow,
  checks: CheckRow[],
): z.infer<typeof internalAuditSummary> {
  const mine = checks.filter((c) => c.audit_id === a.audit_id);
  return {
    id: a.audit_id,
    ref: a.ref,
    area: a.area,
    auditor: { id: a.auditor_user_id, name: a.auditor_name, email: a.auditor_email },
    auditee: { id: a.auditee_user_id, name: a.auditee_name, email: a.auditee_email },
    plannedOn: a.planned_on,
    status: a.status as 'planned',
    samplingNotes: a.sampling_notes,
    progress: {
      total: mine.length,
      recorded: mine.filter((c) => c.result !== null).length,
      nonconformities: mine.filter((c) => isNonconformity(c.result)).length,
    },
  };
}

export function presentCheck(c: CheckRow): z.infer<typeof checklistItem> {
  return {
    id: c.id,
    requirement: c.requirement,
    kind: c.kind as 'clause',
    title: c.title,
    question: c.question,
    followUp: JSON.parse(c.follow_up_json) as string[],
    result: c.result as 'conform' | null,
    evidence: c.evidence,
    sampling: c.sampling,
    checkedBy: c.checked_by,
    checkedOn: c.checked_on,
    finding:
      c.finding_id && c.finding_ref
        ? { id: c.finding_id, ref: c.finding_ref, status: c.finding_status ?? '' }
        : null,
  };
}
