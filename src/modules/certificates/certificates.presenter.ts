import type { z } from 'zod';
import { type certificate, cycleSettings, type cycleWarning } from '../../contracts/certification.ts';
import type { CertificateTable } from '../../db/schema.ts';
import type { ClosureTime } from '../../domain/certification/closure-window.ts';
import { recertificationRisk } from '../../domain/certification/cycle.ts';
import type { plannedAudits, tasksOf } from './certificates.repository.ts';

type Certificate = z.infer<typeof certificate>;
type PlannedRow = Awaited<ReturnType<typeof plannedAudits>>[number];
type TaskRow = Awaited<ReturnType<typeof tasksOf>>[number];

/** The audit's own start date wins: someone may have moved the audit on the audit page. */
const heldOn = (a: PlannedRow) => a.audit_starts_on ?? a.planned_on;

/** Stored status, except that a valid certificate past its expiry date reads as expired. */
export function effectiveStatus(c: Pick<CertificateTable, 'status' | 'expires_on'>, today: string) {
  return c.status === 'valid' && c.expires_on < today ? 'expired' : (c.status as Certificate['status']);
}

/** Warnings about the plan: an audit outside its window, a recertification too late to close findings. */
export function cycleWarnings(
  c: Pick<CertificateTable, 'expires_on'>,
  audits: PlannedRow[],
  closure: ClosureTime | null,
): z.infer<typeof cycleWarning>[] {
  const out: z.infer<typeof cycleWarning>[] = [];
  for (const a of audits) {
    const on = heldOn(a);
    if (on < a.window_start || on > a.window_end)
      out.push({
        code: 'outside_window',
        auditRef: a.audit_ref,
        message: `${a.audit_ref} on ${on} is outside its window ${a.window_start} – ${a.window_end}`,
        latestSafeAuditOn: null,
      });
    if (a.type !== 'recertification') continue;
    const risk = recertificationRisk(on, c.expires_on, closure);
    if (risk)
      out.push({
        code: risk.code,
        auditRef: a.audit_ref,
        message: risk.message,
        latestSafeAuditOn: risk.latestSafeAuditOn,
      });
  }
  return out;
}

export function presentCertificate(
  c: CertificateTable,
  audits: PlannedRow[],
  tasks: TaskRow[],
  closure: ClosureTime | null,
  today: string,
): Certificate {
  return {
    id: c.id,
    number: c.number,
    certificationBody: c.certification_body,
    standard: c.standard,
    edition: c.edition,
    scope: c.scope,
    issuedOn: c.issued_on,
    expiresOn: c.expires_on,
    status: effectiveStatus(c, today),
    statusReason: c.status_reason,
    cycle: cycleSettings.parse(JSON.parse(c.settings_json)),
    file:
      c.file_sha256 && c.file_name
        ? {
            fileName: c.file_name,
            mediaType: c.file_media_type ?? 'application/octet-stream',
            sizeBytes: Number(c.file_size_bytes ?? 0),
            sha256: c.file_sha256,
          }
        : null,
    audits: audits.map((a) => ({
      id: a.id,
      type: a.type,
      sequence: Number(a.sequence),
      auditRef: a.audit_ref,
      windowStart: a.window_start,
      windowEnd: a.window_end,
      plannedOn: heldOn(a),
      tasks: tasks
        .filter((t) => t.certification_audit_id === a.id)
        .map((t) => ({
          id: t.id,
          key: t.key,
          title: t.title,
          dueOn: t.due_on,
          doneOn: t.done_on,
          doneBy: t.done_by,
          overdue: t.done_on === null && t.due_on < today,
        })),
    })),
    warnings: cycleWarnings(c, audits, closure),
    createdAt: c.created_at,
  };
}
