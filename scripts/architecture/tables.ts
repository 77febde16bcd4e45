// Which module owns each table: only that module's repositories insert, update or delete its rows (#15:
// findings.repository.ts wrote the corrective-action record). Other modules read through the owner's read
// model, or join the table in a query of their own; they change it only by calling the owner. A table written
// by a repository must be listed here, so a new table gets an owner the day it is first written.
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  api_token: 'api-tokens',
  audit: 'audits',
  audit_entry: 'audit-log',
  audit_head: 'audit-log',
  calendar_feed: 'calendar-feeds',
  cap_revision: 'reports',
  certificate: 'certificates',
  certification_audit: 'certificates',
  certification_reminder: 'certificates',
  certification_task: 'certificates',
  conversation_read: 'conversations',
  corrective_action: 'corrective-actions',
  corrective_action_record: 'corrective-actions',
  crosswalk_override: 'crosswalks',
  deadline_policy: 'deadline-policies',
  derived_dirty: 'posture',
  effectiveness_review: 'findings',
  evidence_file: 'evidence',
  finding: 'findings',
  finding_event: 'findings',
  finding_requirement: 'findings',
  finding_area: 'findings',
  import_mapping: 'findings-import',
  internal_audit: 'internal-audits',
  internal_audit_check: 'internal-audits',
  invitation: 'invitations',
  isms_amendment: 'corrective-actions',
  isms_context: 'isms-context',
  isms_document: 'documents',
  isms_objective: 'objectives',
  isms_objective_result: 'objectives',
  job_failure: 'jobs',
  mail_outbox: 'mail',
  management_review: 'management-review',
  membership: 'members',
  notification_sent: 'notifications',
  organisation: 'organisations',
  person_capacity: 'planning',
  plan_scenario: 'planning',
  plan_task: 'planning',
  posture_snapshot: 'posture',
  rate_limit_hit: 'rate-limits',
  risk: 'risks',
  risk_matrix: 'risks',
  sign_in_failure: 'accounts',
  soa_change: 'soa',
  soa_entry: 'soa',
  soa_version: 'soa',
  sso_connection: 'sso',
  task_comment: 'conversations',
  task_dependency: 'planning',
  team: 'planning',
  team_member: 'planning',
  time_off: 'planning',
  totp_last_step: 'accounts',
  trust_access_event: 'trust',
  trust_access_request: 'trust',
  trust_document: 'trust',
  trust_grant: 'trust',
  trust_link: 'trust',
  trust_nda_acceptance: 'trust',
  trust_nda_version: 'trust',
  trust_page: 'trust',
  trust_sign_in: 'trust',
  trust_visitor_session: 'trust',
  user: 'accounts',
  webhook_attempt: 'webhooks',
  webhook_delivery: 'webhooks',
  webhook_endpoint: 'webhooks',
  webhook_event: 'webhooks',
};

const writeRe = /\.(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*'([a-z_]+)'/g;

/** Problems with the tables a module's repository writes (`code` without comments). */
export function tableWriteProblems(
  file: string,
  module: string,
  code: string,
  owners: Readonly<Record<string, string>> = TABLE_OWNERS,
): string[] {
  const problems: string[] = [];
  for (const m of code.matchAll(writeRe)) {
    const table = m[2]!;
    const owner = owners[table];
    if (!owner)
      problems.push(`${file}: writes table '${table}', which has no owner in scripts/architecture/tables.ts`);
    else if (owner !== module)
      problems.push(
        `${file}: writes table '${table}' of module '${owner}'; call a write of src/modules/${owner}/index.ts`,
      );
  }
  return problems;
}

const repositoryReexportRe =
  /export\s+(?!type\b)(\{[^}]*\}|\*(?:\s+as\s+\w+)?)\s+from\s+'(\.\/[^']*\.repository\.ts)'/g;

/**
 * A module's repository is private to it: no file re-exports its functions (types may be named), so what
 * another module sees is a read model or a write with a declared shape, never the SQL layer itself.
 */
export function repositoryReexportProblems(file: string, code: string): string[] {
  return [...code.matchAll(repositoryReexportRe)].map(
    (m) =>
      `${file}: re-exports '${m[2]}': a repository is private to its module; publish a read model (*.read.ts) or a write instead`,
  );
}
