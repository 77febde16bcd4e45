import type { ColumnType, Generated } from 'kysely';
import type { ActionStatus, AuditType, FindingStatus, Grade, Role } from '../vocabulary/index.ts';
import type { IsmsTables } from './schema-isms.ts';
import type { PlanningTables } from './schema-planning.ts';

// Table shapes as Kysely sees them. Our own tables use snake_case, ISO-8601 text timestamps and 0/1
// integers for flags so that one set of queries behaves the same on SQLite and PostgreSQL.
// The better-auth tables (user, session, account, verification, twoFactor) keep the names that library
// expects; only the columns we read are typed here.

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: number | boolean;
  twoFactorEnabled: number | boolean | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export interface SessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: string | Date;
}

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  settings_json: string;
  created_at: string;
}

export interface MembershipTable {
  id: string;
  organisation_id: string;
  user_id: string;
  role: Role;
  created_at: string;
  /** JSON array of finding ids the member may see; null for the whole organisation. */
  scope_json: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InvitationTable {
  id: string;
  organisation_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  scope_json: string | null;
}

export interface ApiTokenTable {
  id: string;
  organisation_id: string;
  user_id: string;
  name: string;
  token_prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEntryTable {
  id: string;
  organisation_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data_json: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  organisation_id: string;
  seq: number;
  hash: string;
}

export interface MailOutboxTable {
  id: string;
  organisation_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  status: string;
  error: string | null;
  created_at: string;
}

export interface SchemaInfoTable {
  key: string;
  value: string;
}

export interface DeadlinePolicyTable {
  id: string;
  organisation_id: string;
  key: string;
  name: string;
  definition_json: string;
  preset: number;
  updated_at: string;
}

export interface AuditTable {
  id: string;
  organisation_id: string;
  ref: string;
  type: AuditType;
  certification_body: string;
  lead_auditor: string | null;
  starts_on: string | null;
  ends_on: string | null;
  scope: string;
  report_received_on: string | null;
  recommendation: string | null;
  policy_key: string;
  /** The closing meeting, an anchor deadline policies may count from (migration 0009). */
  closing_meeting_on?: string | null;
  cycle: string;
  created_at: string;
  updated_at: string;
}

export interface FindingTable {
  id: string;
  organisation_id: string;
  audit_id: string;
  ref: string;
  grade: Grade;
  requirements_json: string;
  statement: string;
  objective_evidence: string;
  area: string;
  owner_user_id: string | null;
  status: FindingStatus;
  ofi_reason: string | null;
  cap_due_on: string | null;
  evidence_due_on: string | null;
  close_by_on: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface CorrectiveActionRecordTable {
  finding_id: string;
  organisation_id: string;
  correction_json: ColumnType<string, string | undefined, string>;
  root_cause_json: ColumnType<string, string | undefined, string>;
  expected_effect: ColumnType<string, string | undefined, string>;
  effectiveness_json: ColumnType<string, string | undefined, string>;
  verification_json: ColumnType<string, string | undefined, string>;
  auditor_decision_json: ColumnType<string, string | undefined, string>;
  updated_at: string;
}

export interface CorrectiveActionTable {
  id: string;
  organisation_id: string;
  finding_id: string;
  title: string;
  description: string;
  owner_user_id: string | null;
  due_on: string | null;
  status: ActionStatus;
  effort_days: number | null;
  earliest_start_on: string | null;
  serves: string;
  completed_by: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IsmsAmendmentTable {
  id: string;
  organisation_id: string;
  finding_id: string;
  kind: string;
  reference: string;
  description: string;
  created_at: string;
}

export interface FindingEventTable {
  id: string;
  organisation_id: string;
  finding_id: string;
  kind: string;
  action: string | null;
  from_status: FindingStatus | null;
  to_status: FindingStatus | null;
  actor_id: string | null;
  actor_label: string;
  body: string;
  details_json: string;
  parent_id: string | null;
  at: string;
}

export interface EvidenceFileTable {
  id: string;
  organisation_id: string;
  finding_id: string;
  attached_to: string;
  attached_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  description: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface Database extends PlanningTables {
  deadline_policy: DeadlinePolicyTable;
  audit: AuditTable;
  finding: FindingTable;
  corrective_action_record: CorrectiveActionRecordTable;
  corrective_action: CorrectiveActionTable;
  isms_amendment: IsmsAmendmentTable;
  finding_event: FindingEventTable;
  evidence_file: EvidenceFileTable;
  user: UserTable;
  session: SessionTable;
  organisation: OrganisationTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  api_token: ApiTokenTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
  mail_outbox: MailOutboxTable;
  schema_info: SchemaInfoTable;
  _generated?: { id: Generated<number> };
}

// Trust page (migration 0008): shapes in schema-trust.ts.
export type * from './schema-trust.ts';

import type { TrustTables } from './schema-trust.ts';

export interface Database extends TrustTables {}

// Certification cycle, internal audit programme and management review (migration 0006): shapes in
// schema-certification.ts, merged into `Database` here without editing the list above.
export type * from './schema-certification.ts';

import type * as certification from './schema-certification.ts';

export interface Database {
  certificate: certification.CertificateTable;
  certification_audit: certification.CertificationAuditTable;
  certification_task: certification.CertificationTaskTable;
  internal_audit: certification.InternalAuditTable;
  internal_audit_check: certification.InternalAuditCheckTable;
  management_review: certification.ManagementReviewTable;
  certification_reminder: certification.CertificationReminderTable;
}
// ISMS baseline (migration 0005), table types in schema-isms.ts; this `Database` merges with the one above.
export interface Database extends IsmsTables {}

// Posture history (0007) and derived rows (0020), hardening (0010), CAP revisions (0011), import mappings
// (0019): shapes in schema-posture.ts, schema-hardening.ts and schema-reports.ts.
import type { SignInFailureTable, TotpLastStepTable } from './schema-hardening.ts';
import type { PostureTables } from './schema-posture.ts';
import type { CapRevisionTable, ImportTables } from './schema-reports.ts';

export interface Database extends PostureTables {
  totp_last_step: TotpLastStepTable;
  sign_in_failure: SignInFailureTable;
  cap_revision: CapRevisionTable;
}
// Files (0012), effectiveness reviews (0013), jobs and shared limits (0017): schema-storage/-lifecycle/-jobs.
export type * from './schema-lifecycle.ts';
export type * from './schema-storage.ts';

import type { JobTables } from './schema-jobs.ts';
import type { LifecycleTables } from './schema-lifecycle.ts';
import type { StorageTables } from './schema-storage.ts';
export interface Database extends StorageTables, LifecycleTables, JobTables, ImportTables {}
