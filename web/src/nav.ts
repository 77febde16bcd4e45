import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconApi,
  IconArrowsExchange,
  IconCertificate,
  IconChecklist,
  IconClipboardList,
  IconFiles,
  IconFileText,
  IconFingerprint,
  IconGauge,
  IconGavel,
  IconKey,
  IconListCheck,
  IconListDetails,
  IconMail,
  IconMathFunction,
  IconPresentation,
  IconPresentationAnalytics,
  IconServer,
  IconSettings,
  IconShieldLock,
  IconSubtask,
  IconTarget,
  IconTimeline,
  IconUsers,
  IconWebhook,
  IconWorld,
} from '@tabler/icons-react';
import { isAllowed, type OrgAction } from '../../src/vocabulary/policy.ts';
import type { Role } from '../../src/vocabulary/roles.ts';

export interface NavItem {
  label: string;
  /** Path under /o/$org, or an absolute path when it starts with //. */
  to: string;
  icon: typeof IconUsers;
  /**
   * What the page reads, from the policy table (src/vocabulary/policy.ts): the page is offered exactly to
   * the roles the server lets read it, so no one is led to "your role does not allow this action".
   * `authenticated`: any signed-in person (the API reference); `operator`: an instance operator
   * (CLOSELOOP_OPERATORS, `operator` in /api/v1/me), whatever their role.
   */
  reads: OrgAction | 'authenticated' | 'operator';
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

// The one navigation config. Each capability adds its pages to its group when it lands.
export const navigation: NavGroup[] = [
  {
    label: 'Overview',
    items: [
      { label: 'Dashboard', to: 'dashboard', icon: IconGauge, reads: 'posture.read' },
      {
        label: 'Executive summary',
        to: 'summary',
        icon: IconPresentationAnalytics,
        reads: 'posture.read',
      },
      { label: 'Score model', to: 'posture/model', icon: IconMathFunction, reads: 'posture.read' },
    ],
  },
  {
    label: 'Remediation',
    items: [
      // The tasks are kept current by those who may edit the plan (plan.edit): owners see theirs.
      { label: 'My tasks', to: 'my-tasks', icon: IconSubtask, reads: 'plan.edit' },
      // The decisions of the certification body's auditor (accept or reject a plan, accept the
      // correction): offered to whoever may move a finding through its lifecycle.
      { label: 'Awaiting decision', to: 'decisions', icon: IconGavel, reads: 'finding.transition' },
      { label: 'Audits & findings', to: 'audits', icon: IconClipboardList, reads: 'audit.read' },
      { label: 'Corrective action log', to: 'findings', icon: IconListDetails, reads: 'finding.read' },
      { label: 'Remediation plan', to: 'plan', icon: IconTimeline, reads: 'plan.read' },
    ],
  },
  {
    label: 'ISMS',
    items: [
      // Context of the organisation (4.1, 4.2) with the climate-change determination (Amd 1:2024).
      { label: 'Context', to: 'context', icon: IconWorld, reads: 'context.read' },
      // Information security objectives and their results (6.2).
      { label: 'Objectives', to: 'objectives', icon: IconTarget, reads: 'objective.read' },
      { label: 'Statement of Applicability', to: 'soa', icon: IconChecklist, reads: 'soa.read' },
      { label: 'Risk register', to: 'risks', icon: IconAlertTriangle, reads: 'risk.read' },
      { label: 'Documented information', to: 'documents', icon: IconFiles, reads: 'document.read' },
      { label: 'Crosswalks', to: 'crosswalks', icon: IconArrowsExchange, reads: 'crosswalk.read' },
    ],
  },
  {
    label: 'Certification',
    items: [
      { label: 'Certification cycle', to: 'certification', icon: IconCertificate, reads: 'certificate.read' },
      {
        label: 'Internal audits',
        to: 'internal-audits',
        icon: IconChecklist,
        reads: 'internal_audit.read',
      },
      {
        label: 'Management review',
        to: 'management-reviews',
        icon: IconPresentation,
        reads: 'management_review.read',
      },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Members & invitations', to: 'members', icon: IconUsers, reads: 'member.read' },
      { label: 'Audit trail', to: 'audit-trail', icon: IconListCheck, reads: 'audit_log.read' },
      { label: 'Settings', to: 'settings', icon: IconSettings, reads: 'organisation.read' },
      { label: 'Single sign-on', to: 'sso', icon: IconFingerprint, reads: 'sso.read' },
      { label: 'API tokens', to: 'api-tokens', icon: IconKey, reads: 'api_token.manage' },
      { label: 'Mail outbox', to: 'mail-outbox', icon: IconMail, reads: 'mail_outbox.read' },
      { label: 'Webhooks', to: 'webhooks', icon: IconWebhook, reads: 'webhook.read' },
      { label: 'Failed jobs', to: 'jobs', icon: IconAlertOctagon, reads: 'job.read' },
      { label: 'Instance jobs', to: 'instance-jobs', icon: IconServer, reads: 'operator' },
      { label: 'Trust page', to: 'trust', icon: IconShieldLock, reads: 'trust.read' },
      { label: 'API reference', to: '//docs/api', icon: IconApi, reads: 'authenticated' },
    ],
  },
];

export const guideIcon = IconFileText;

/** What a guest limited to some findings can open (the server refuses the rest). */
export const guestPages = new Set(['findings', 'decisions', '//docs/api']);

const mayRead = (reads: NavItem['reads'], role: Role, operator: boolean) =>
  reads === 'authenticated' || (reads === 'operator' ? operator : isAllowed(role, reads));

/** The pages of the navigation this person may open. */
export function visibleNavigation(role: Role, limited: boolean, operator = false): NavGroup[] {
  return navigation
    .map((group) => ({
      ...group,
      items: group.items.filter(
        (i) => mayRead(i.reads, role, operator) && (!limited || guestPages.has(i.to)),
      ),
    }))
    .filter((group) => group.items.length > 0);
}

// Where each role lands after signing in: its daily work. The ISMS manager and the administrator watch
// the dashboard, an action owner works through her tasks, the certification body's auditor decides on
// what awaits her, the internal auditor runs the audit programme (9.2), an executive reads the summary.
const homes: Record<Role, string> = {
  admin: 'dashboard',
  isms_manager: 'dashboard',
  action_owner: 'my-tasks',
  internal_auditor: 'internal-audits',
  external_auditor: 'decisions',
  viewer: 'summary',
};

/** The landing page of a role (under /o/$org), always one its navigation offers. */
export function landingPage(role: Role, limited: boolean): string {
  const offered = visibleNavigation(role, limited).flatMap((g) => g.items.map((i) => i.to));
  const home = homes[role];
  return offered.includes(home) ? home : (offered.find((to) => !to.startsWith('//')) ?? 'findings');
}
