import type { ActorAccess, OutsideActorKind } from './actors.ts';
import { type Role, roles } from './roles.ts';

// The one policy table: who may do what. Anything not listed here is denied (deny by default).
// Members act through their role (`policyTable`); every route names its action in `config.policy` and
// the gate (src/http/gate.ts) checks it first; every use-case checks it again with `authorize`
// (src/modules/authorize.ts), so a use-case called from the CLI, a job or another module is checked too.
// Actors without a role (the CLI, trust page visitors, calendar feeds, the server's jobs) are granted
// actions one by one in `outsideGrants`. The web app derives what it offers a person from this table.
// `public` routes need no session; `authenticated` ones need a signed-in person but no organisation.

const everyone: readonly Role[] = roles;
const staff: readonly Role[] = ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'viewer'];
const managers: readonly Role[] = ['admin', 'isms_manager'];
const assurance: readonly Role[] = ['admin', 'isms_manager', 'internal_auditor'];

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
  // ISMS managers invite, so they may read the organisation's mail to pass a link on (not account mail).
  'mail_outbox.read': ['admin', 'isms_manager'],
  // Outgoing webhooks (issue #20): where the organisation's data is sent, so admins only.
  'webhook.read': ['admin'],
  'webhook.manage': ['admin'],
  // Single sign-on (A.5.16, A.5.17): only an admin sees or changes how people of the organisation sign in.
  'sso.read': ['admin'],
  'sso.manage': ['admin'],
  // Background jobs that failed doing the organisation's work (its reminders, digests, daily figures):
  // admins read the dead letters and run one again (issue #17). The instance's own jobs are the operators'.
  'job.read': ['admin'],
  'job.retry': ['admin'],
  // Audit follow-up (clause 10.2). Transitions are further limited per step by the finding state machine.
  'audit.read': everyone,
  'audit.manage': managers,
  'deadline_policy.read': everyone,
  'deadline_policy.manage': ['admin'],
  'finding.read': everyone,
  'finding.manage': managers,
  'finding.work': ['admin', 'isms_manager', 'action_owner'],
  'finding.transition': ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'external_auditor'],
  // Review of effectiveness (10.2 d): assurance roles; the use-case also refuses an implementer.
  'finding.review_effectiveness': assurance,
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
  // ISMS baseline: context (4.1, 4.2, Amd 1:2024), scope and SoA (4.3, 6.1.3 d), risk register (6.1.2, 8.2), documents (7.5), crosswalks.
  // The external auditor reads them all; only managers change them; an admin corrects a mapping row.
  'context.read': everyone,
  'context.manage': managers,
  'soa.read': everyone,
  'soa.manage': managers,
  'soa.approve': managers,
  'risk.read': everyone,
  'risk.manage': managers,
  // Information security objectives (6.2): read by every member, planned and measured by managers.
  'objective.read': everyone,
  'objective.manage': managers,
  'document.read': everyone,
  'document.manage': managers,
  'crosswalk.read': everyone,
  'crosswalk.manage': ['admin'],
  // Posture, readiness and dashboards (issue #6): every member but the external auditor, a guest limited
  // to the findings it was invited to; executives hold the viewer role.
  'posture.read': staff,
} satisfies Record<string, readonly Role[]>;

export type OrgAction = keyof typeof policyTable;
export const orgActions = Object.keys(policyTable) as OrgAction[];

/** Actions no member is granted: what the trust page's visitors, calendar feeds and jobs do. */
export const outsideActions = [
  'trust.visit',
  'trust.request_access',
  'calendar_feed.fetch',
  'reminder.send',
  'posture.record',
  'webhook.deliver',
] as const;
export type OutsideAction = (typeof outsideActions)[number];
export type Action = OrgAction | OutsideAction;
/**
 * `operator`: a signed-in person whose email is one of the instance operators (CLOSELOOP_OPERATORS), for
 * the instance's own background jobs; nobody is one unless the operator of the server names them.
 */
export type RoutePolicy = OrgAction | 'public' | 'authenticated' | 'operator';

export const outsideGrants: Record<OutsideActorKind, readonly Action[]> = {
  // The operator's commands (docs/guide/cli.md): record audits and import their reports, read findings,
  // posture, reports and the SoA, file certificates, keep the objectives and their results (6.2), revoke
  // trust links, verify the audit trail, send the reminders and record the day's figures.
  cli: [
    'audit.read',
    'audit.manage',
    'finding.read',
    'finding.manage',
    'report.read',
    'soa.read',
    'certificate.read',
    'certificate.manage',
    'document.read',
    'objective.read',
    'objective.manage',
    'trust.read',
    'trust.manage',
    'audit_log.read',
    'audit_log.verify',
    'posture.read',
    'posture.record',
    'reminder.send',
    'webhook.read',
    'webhook.manage',
    'job.read',
    'job.retry',
  ],
  visitor: ['trust.visit', 'trust.request_access'],
  // A feed shows the findings' deadlines and the certification cycle of one organisation, nothing else.
  feed: ['calendar_feed.fetch', 'certificate.read'],
  system: [
    'reminder.send',
    'posture.record',
    'posture.read',
    'certificate.read',
    'document.read',
    'webhook.deliver',
  ],
};

export function isAllowed(role: Role, action: OrgAction): boolean {
  const allowed: readonly Role[] | undefined = policyTable[action];
  return allowed?.includes(role) ?? false;
}

/** May this actor do the action at all (before any scope or subject is looked at)? */
export function mayDo(access: ActorAccess, action: Action): boolean {
  if (access.kind === 'member') return isOrgAction(action) && isAllowed(access.role, action);
  return outsideGrants[access.kind].includes(action);
}

export const isOrgAction = (a: string): a is OrgAction => Object.hasOwn(policyTable, a);

export function isKnownPolicy(p: unknown): p is RoutePolicy {
  return (
    p === 'public' || p === 'authenticated' || p === 'operator' || (typeof p === 'string' && isOrgAction(p))
  );
}
