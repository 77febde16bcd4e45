import type { z } from 'zod';
import { type certificate, cycleSettings, type cycleWarning } from '../../contracts/certification.ts';
import type { CertificateTable } from '../../db/schema.ts';
import { addMonths } from '../../domain/calendar/iso-date.ts';
import type { ClosureTime } from '../../domain/certification/closure-window.ts';
import { recertificationRisk, yearsWithoutAudit } from '../../domain/certification/cycle.ts';
import { lastValidDay, reinstateBy, standingOn } from '../../domain/certification/standing.ts';
import type { plannedAudits, tasksOf } from './certificates.repository.ts';

type Certificate = z.infer<typeof certificate>;
type PlannedRow = Awaited<ReturnType<typeof plannedAudits>>[number];
type TaskRow = Awaited<ReturnType<typeof tasksOf>>[number];

/** The audit's own start date wins: someone may have moved the audit on the audit page. */
const heldOn = (a: PlannedRow) => a.audit_starts_on ?? a.planned_on;

/**
 * Stored status, except that a valid certificate past its last valid day reads as expired: its expiry,
 * or 2025-10-31 for the 2013 edition (IAF MD 26).
 */
export function effectiveStatus(
  c: Pick<CertificateTable, 'status' | 'expires_on' | 'edition'>,
  today: string,
): Certificate['status'] {
  return standingOn({ status: c.status, expiresOn: c.expires_on, edition: c.edition }, today).status;
}

export const decidedOnOf = (c: Pick<CertificateTable, 'decided_on' | 'issued_on'>) =>
  c.decided_on ?? c.issued_on;

/**
 * Warnings about the plan: an audit outside its window, a calendar year without an audit or a late first
 * surveillance (17021-1 9.6.2.2), a recertification too late to close findings (9.6.3), a suspension
 * past its six months (9.6.5.3).
 */
export function cycleWarnings(
  c: Pick<
    CertificateTable,
    'expires_on' | 'decided_on' | 'issued_on' | 'status' | 'status_on' | 'renews_certificate_id'
  >,
  audits: PlannedRow[],
  closure: ClosureTime | null,
  today = '0000-01-01',
): z.infer<typeof cycleWarning>[] {
  const out: z.infer<typeof cycleWarning>[] = [];
  const decided = decidedOnOf(c);
  const held = audits.map((a) => ({ type: a.type, on: heldOn(a) }));
  for (const year of yearsWithoutAudit(decided, held))
    out.push({
      code: 'year_without_audit',
      auditRef: '',
      message: `no audit in ${year}: surveillance is needed at least once every calendar year that is not a recertification year (ISO/IEC 17021-1 9.6.2.2)`,
      latestSafeAuditOn: null,
    });
  const first = audits
    .filter((a) => a.type === 'surveillance')
    .sort((x, y) => heldOn(x).localeCompare(heldOn(y)))[0];
  const firstBy = addMonths(decided, 12);
  if (first && !c.renews_certificate_id && heldOn(first) > firstBy)
    out.push({
      code: 'late_first_surveillance',
      auditRef: first.audit_ref,
      message: `the first surveillance ${first.audit_ref} on ${heldOn(first)} is more than 12 months after the certification decision on ${decided}: hold it by ${firstBy} (ISO/IEC 17021-1 9.6.2.2)`,
      latestSafeAuditOn: firstBy,
    });
  if (c.status === 'suspended' && c.status_on && today > reinstateBy(c.status_on))
    out.push({
      code: 'suspension_too_long',
      auditRef: '',
      message: `suspended since ${c.status_on}: reinstatement was due by ${reinstateBy(c.status_on)}; the certification body withdraws or reduces the scope (ISO/IEC 17021-1 9.6.5.3)`,
      latestSafeAuditOn: null,
    });
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
  links: { auditRef: string | null; renewsNumber: string | null } = { auditRef: null, renewsNumber: null },
): Certificate {
  const standing = standingOn({ status: c.status, expiresOn: c.expires_on, edition: c.edition }, today);
  return {
    id: c.id,
    number: c.number,
    certificationBody: c.certification_body,
    standard: c.standard,
    edition: c.edition,
    scope: c.scope,
    issuedOn: c.issued_on,
    decidedOn: decidedOnOf(c),
    expiresOn: c.expires_on,
    validUntil: lastValidDay({ expiresOn: c.expires_on, edition: c.edition }),
    status: standing.status,
    statusReason: c.status_reason,
    statusNote: standing.note,
    statusOn: c.status_on,
    suspensionReason: c.suspension_reason,
    reinstateBy: c.status === 'suspended' && c.status_on ? reinstateBy(c.status_on) : null,
    auditRef: links.auditRef,
    historicalReason: c.historical_reason,
    soaVersion: c.soa_version === null ? null : Number(c.soa_version),
    renewsNumber: links.renewsNumber,
    notCertified:
      c.not_certified_from && c.not_certified_to
        ? { from: c.not_certified_from, to: c.not_certified_to }
        : null,
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
    warnings: cycleWarnings(c, audits, closure, today),
    createdAt: c.created_at,
  };
}
