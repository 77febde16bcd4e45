import type { Generated } from 'kysely';

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
  role: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  organisation_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
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

export interface Database {
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
