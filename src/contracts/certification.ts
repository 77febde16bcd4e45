import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.ts';

// Certificates and their three-year cycle (ISO/IEC 17021-1 9.1.3.2, 9.6): surveillance audits in years
// 1 and 2, a recertification audit planned so its findings can close before expiry.

export const certificateStatuses = ['valid', 'suspended', 'withdrawn', 'expired'] as const;
export const certificateStatus = z.enum(certificateStatuses);

/** Editions of ISO/IEC 27001 (2022-amd1: 2022 + Amd 1:2024, climate change in 4.1 and 4.2). */
export const certificateEditions = ['2013', '2022', '2022-amd1'] as const;
export const certificateEdition = z.enum(certificateEditions);
export type CertificateEdition = z.infer<typeof certificateEdition>;
/** Why a certificate is suspended (ISO/IEC 17021-1 9.6.5.1). */
export const suspensionReasons = [
  'missed_surveillance',
  'unresolved_major',
  'misuse',
  'requested',
  'other',
] as const;

export const cycleSettings = z.object({
  /** Months between surveillance audits: at most 12 (once a calendar year), e.g. 9 or 6. */
  surveillanceIntervalMonths: z.number().int().min(1).max(12).default(12),
  /** How many months before its due date an audit window opens. */
  windowMonths: z.number().int().min(0).max(12).default(3),
  /** Minimum days between the recertification audit and expiry. */
  recertificationLeadDays: z.number().int().min(0).max(730).default(90),
  /** Deadline policy whose major-nonconformity closure time the recertification must leave before expiry. */
  policyKey: z.string().min(2).max(40).default('cb-90'),
});

export const certificateInput = z.object({
  number: z.string().trim().min(1).max(100),
  certificationBody: z.string().trim().min(1).max(200),
  standard: z.string().trim().min(1).max(100).default('ISO/IEC 27001'),
  edition: certificateEdition.default('2022'),
  scope: z.string().max(5000).default(''),
  issuedOn: isoDate,
  /** The certification decision date that anchors the cycle (17021-1 9.1.3.2); default: the issue date. */
  decidedOn: isoDate.nullable().default(null),
  /** The stage 2 or recertification audit the decision was taken on. */
  auditRef: z.string().trim().min(1).max(60).nullable().default(null),
  /** An admin records a certificate the rules would refuse (e.g. decided before closeloop was used). */
  historicalReason: z.string().trim().max(2000).default(''),
  /** As printed on the certificate; by default the day before the third anniversary. */
  expiresOn: isoDate.nullable().default(null),
  cycle: cycleSettings.default({
    surveillanceIntervalMonths: 12,
    windowMonths: 3,
    recertificationLeadDays: 90,
    policyKey: 'cb-90',
  }),
});

// No defaults: a PATCH of the status alone keeps the scope.
export const certificateUpdate = z
  .object({
    status: z.enum(['valid', 'suspended', 'withdrawn']),
    statusReason: z.string().trim().max(2000),
    /** Kind of suspension (17021-1 9.6.5.1); with status `suspended`. */
    suspensionReason: z.enum(suspensionReasons),
    /** The day the status changes (default today). */
    statusOn: isoDate,
    scope: z.string().max(5000),
  })
  .partial();

export const plannedAuditUpdate = z.object({ plannedOn: isoDate });

export const cycleWarning = z.object({
  code: z.enum([
    'audit_after_expiry',
    'closure_after_expiry',
    'outside_window',
    'year_without_audit',
    'late_first_surveillance',
    'suspension_too_long',
  ]),
  auditRef: z.string(),
  message: z.string(),
  latestSafeAuditOn: isoDate.nullable(),
});

export const preparationTask = z.object({
  id,
  key: z.string(),
  title: z.string(),
  dueOn: isoDate,
  doneOn: isoDate.nullable(),
  doneBy: z.string().nullable(),
  overdue: z.boolean(),
});

export const plannedAudit = z.object({
  id,
  type: z.enum(['surveillance', 'recertification']),
  sequence: z.number().int(),
  auditRef: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  plannedOn: isoDate,
  tasks: z.array(preparationTask),
});

export const certificate = z.object({
  id,
  number: z.string(),
  certificationBody: z.string(),
  standard: z.string(),
  edition: z.string(),
  scope: z.string(),
  issuedOn: isoDate,
  decidedOn: isoDate,
  expiresOn: isoDate,
  /** The last day the certificate is valid: the expiry, or 2025-10-31 for a 2013 edition (IAF MD 26). */
  validUntil: isoDate,
  status: certificateStatus,
  statusReason: z.string(),
  /** Why the status reads as it does when no one set it (e.g. the 2013 edition lapsed). */
  statusNote: z.string(),
  statusOn: isoDate.nullable(),
  suspensionReason: z.string(),
  /** While suspended: the last day to reinstate before withdrawal (17021-1 9.6.5.3). */
  reinstateBy: isoDate.nullable(),
  auditRef: z.string().nullable(),
  historicalReason: z.string(),
  /** The SoA version approved and in force on the decision date. */
  soaVersion: z.number().int().nullable(),
  renewsNumber: z.string().nullable(),
  /** Restored after expiry: the days between, not certified (17021-1 9.6.3). */
  notCertified: z.object({ from: isoDate, to: isoDate }).nullable(),
  cycle: cycleSettings,
  file: z
    .object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int(), sha256: z.string() })
    .nullable(),
  audits: z.array(plannedAudit),
  warnings: z.array(cycleWarning),
  createdAt: isoDateTime,
});

export const cycleEvent = z.object({
  date: isoDate,
  title: z.string(),
  kind: z.enum([
    'certificate_issued',
    'audit_window_opens',
    'audit',
    'audit_window_closes',
    'preparation_task',
    'reminder',
    'certificate_expires',
  ]),
  key: z.string(),
});

export const timelineEntry = z.object({
  date: isoDate,
  kind: z.enum(['certificate_issued', 'certificate_expires', 'external_audit', 'internal_audit']),
  title: z.string(),
  detail: z.string(),
  certificateNumber: z.string().nullable(),
  auditRef: z.string().nullable(),
});

export const readinessSection = z.object({
  key: z.string(),
  title: z.string(),
  available: z.boolean(),
  items: z.array(z.object({ label: z.string(), detail: z.string() })),
});

export const recertificationReadiness = z.object({
  certificateNumber: z.string(),
  since: isoDate,
  sinceAudit: z.string().nullable(),
  recertificationOn: isoDate.nullable(),
  openFindings: z.number().int(),
  coveragePercent: z.number().int(),
  sections: z.array(readinessSection),
});
