import type { CycleAuditType } from '../vocabulary/index.ts';
// Table shapes of the certification cycle, the internal audit programme and management reviews
// (migration 0006); merged into `Database` at the end of schema.ts.

export interface CertificateTable {
  id: string;
  organisation_id: string;
  number: string;
  certification_body: string;
  standard: string;
  edition: string;
  scope: string;
  issued_on: string;
  expires_on: string;
  status: string;
  status_reason: string;
  settings_json: string;
  file_name: string | null;
  file_media_type: string | null;
  file_size_bytes: number | null;
  file_sha256: string | null;
  created_at: string;
  updated_at: string;
  // Migration 0009 (issue #13).
  /** The certification decision that anchors the cycle; null on rows older than 0009 (= issued_on). */
  decided_on: string | null;
  audit_id: string | null;
  historical_reason: string;
  soa_version: number | null;
  status_on: string | null;
  suspension_reason: string;
  renews_certificate_id: string | null;
  not_certified_from: string | null;
  not_certified_to: string | null;
}

export interface CertificationAuditTable {
  id: string;
  organisation_id: string;
  certificate_id: string;
  audit_id: string;
  type: CycleAuditType;
  sequence: number;
  window_start: string;
  window_end: string;
  planned_on: string;
}

export interface CertificationTaskTable {
  id: string;
  organisation_id: string;
  certification_audit_id: string;
  key: string;
  title: string;
  days_before: number;
  due_on: string;
  done_on: string | null;
  done_by: string | null;
}

export interface InternalAuditTable {
  audit_id: string;
  organisation_id: string;
  area: string;
  auditor_user_id: string;
  auditee_user_id: string;
  planned_on: string;
  sampling_notes: string;
  status: string;
}

export interface InternalAuditCheckTable {
  id: string;
  organisation_id: string;
  audit_id: string;
  position: number;
  requirement: string;
  kind: string;
  title: string;
  question: string;
  follow_up_json: string;
  result: string | null;
  evidence: string;
  sampling: string;
  checked_by: string | null;
  checked_on: string | null;
  finding_id: string | null;
}

export interface ManagementReviewTable {
  id: string;
  organisation_id: string;
  ref: string;
  held_on: string;
  chair: string;
  attendees: string;
  inputs_json: string;
  decisions_json: string;
  notes: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CertificationReminderTable {
  organisation_id: string;
  key: string;
  sent_at: string;
}
