import type { Role } from '../contracts/roles.ts';

// The one policy table: role × action. Anything not listed here is denied (deny by default).
// Every route names its action in `config.policy`; a test walks all registered routes and fails on a
// route whose action is missing from this table. `public` routes need no session; `authenticated` ones
// need a signed-in person but no organisation.

const everyone: Role[] = [
  'admin',
  'isms_manager',
  'action_owner',
  'internal_auditor',
  'external_auditor',
  'viewer',
];
const staff: Role[] = ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'viewer'];
const managers: Role[] = ['admin', 'isms_manager'];
const assurance: Role[] = ['admin', 'isms_manager', 'internal_auditor'];

export const policyTable = {
  'organisation.read': everyone,
  'organisation.update': ['admin'],
  'member.read': staff,
  'member.update': ['admin'],
  'member.remove': ['admin'],
  'invitation.read': managers,
  'invitation.create': managers,
  'invitation.revoke': managers,
  'audit_log.read': assurance,
  'audit_log.verify': assurance,
  // Personal tokens act with their owner's role in one organisation; guests do not automate.
  'api_token.manage': staff,
  'mail_outbox.read': ['admin'],
  // Audit follow-up (clause 10.1). Transitions are further limited per step by the finding state machine.
  'audit.read': everyone,
  'audit.manage': managers,
  'deadline_policy.read': everyone,
  'deadline_policy.manage': ['admin'],
  'finding.read': everyone,
  'finding.manage': managers,
  'finding.work': ['admin', 'isms_manager', 'action_owner'],
  'finding.transition': ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'external_auditor'],
  'finding.comment': ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'external_auditor'],
  'evidence.attach': ['admin', 'isms_manager', 'action_owner', 'internal_auditor'],
  'report.read': everyone,
  // The CAP is submitted to the certification body by the ISMS function and approved by management.
  'cap.submit': managers,
  'cap.approve': managers,
  // Remediation planner: staff read the plan; owners keep their estimates and status current; managers
  // set capacity and run what-if scenarios.
  'plan.read': staff,
  'plan.edit': ['admin', 'isms_manager', 'action_owner'],
  'plan.manage': managers,
  'task.comment': ['admin', 'isms_manager', 'action_owner', 'internal_auditor'],
  'calendar_feed.manage': everyone,
  // Certification cycle (17021-1 9.6), internal audit programme (9.2), management review (9.3).
  'certificate.read': everyone,
  'certificate.manage': managers,
  'internal_audit.read': staff,
  'internal_audit.plan': managers,
  'internal_audit.perform': assurance,
  'management_review.read': staff,
  'management_review.manage': managers,
  // Trust page (issue #8): managers edit, publish and decide requests; the internal auditor reads the
  // page settings and the access log (A.5.15 review of access); guests and viewers see nothing of it.
  'trust.read': assurance,
  'trust.manage': managers,
  'trust.approve': managers,
  // ISMS baseline: scope and SoA (4.3, 6.1.3 d), risk register (6.1.2, 8.2), documents (7.5), crosswalks.
  // The external auditor reads them all; only managers change them; an admin corrects a mapping row.
  'soa.read': everyone,
  'soa.manage': managers,
  'soa.approve': managers,
  'risk.read': everyone,
  'risk.manage': managers,
  'document.read': everyone,
  'document.manage': managers,
  'crosswalk.read': everyone,
  'crosswalk.manage': ['admin'],
  // Posture, readiness and dashboards (issue #6): every member but the external auditor, a guest limited
  // to the findings it was invited to; executives hold the viewer role.
  'posture.read': staff,
} satisfies Record<string, Role[]>;

export type OrgAction = keyof typeof policyTable;
export type RoutePolicy = OrgAction | 'public' | 'authenticated';

export function isAllowed(role: Role, action: OrgAction): boolean {
  const allowed: readonly Role[] | undefined = policyTable[action];
  return allowed?.includes(role) ?? false;
}

export function isKnownPolicy(p: unknown): p is RoutePolicy {
  return p === 'public' || p === 'authenticated' || (typeof p === 'string' && Object.hasOwn(policyTable, p));
}
