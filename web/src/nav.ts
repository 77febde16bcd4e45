import {
  IconAlertTriangle,
  IconApi,
  IconArrowsExchange,
  IconCertificate,
  IconChecklist,
  IconClipboardList,
  IconFiles,
  IconFileText,
  IconGauge,
  IconKey,
  IconListCheck,
  IconListDetails,
  IconMail,
  IconMathFunction,
  IconPresentation,
  IconPresentationAnalytics,
  IconSettings,
  IconShieldLock,
  IconTimeline,
  IconUsers,
} from '@tabler/icons-react';
import type { Role } from '../../src/vocabulary/roles.ts';
import { can } from './permissions.ts';

export interface NavItem {
  label: string;
  /** Path under /o/$org, or an absolute path when it starts with //. */
  to: string;
  icon: typeof IconUsers;
  visible: (role: Role) => boolean;
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
      { label: 'Dashboard', to: 'dashboard', icon: IconGauge, visible: can.readPosture },
      {
        label: 'Executive summary',
        to: 'summary',
        icon: IconPresentationAnalytics,
        visible: can.readPosture,
      },
      { label: 'Score model', to: 'posture/model', icon: IconMathFunction, visible: can.readPosture },
    ],
  },
  {
    label: 'Remediation',
    items: [
      { label: 'Audits & findings', to: 'audits', icon: IconClipboardList, visible: () => true },
      { label: 'Corrective action log', to: 'findings', icon: IconListDetails, visible: () => true },
      { label: 'Remediation plan', to: 'plan', icon: IconTimeline, visible: can.readPlan },
    ],
  },
  {
    label: 'ISMS',
    items: [
      { label: 'Statement of Applicability', to: 'soa', icon: IconChecklist, visible: () => true },
      { label: 'Risk register', to: 'risks', icon: IconAlertTriangle, visible: () => true },
      { label: 'Documented information', to: 'documents', icon: IconFiles, visible: () => true },
      { label: 'Crosswalks', to: 'crosswalks', icon: IconArrowsExchange, visible: () => true },
    ],
  },
  {
    label: 'Certification',
    items: [
      { label: 'Certification cycle', to: 'certification', icon: IconCertificate, visible: () => true },
      {
        label: 'Internal audits',
        to: 'internal-audits',
        icon: IconChecklist,
        visible: can.readInternalAudits,
      },
      {
        label: 'Management review',
        to: 'management-reviews',
        icon: IconPresentation,
        visible: can.readInternalAudits,
      },
    ],
  },
  {
    label: 'Administration',
    items: [
      { label: 'Members & invitations', to: 'members', icon: IconUsers, visible: can.readMembers },
      { label: 'Audit trail', to: 'audit-trail', icon: IconListCheck, visible: can.readAuditTrail },
      { label: 'Settings', to: 'settings', icon: IconSettings, visible: () => true },
      { label: 'API tokens', to: 'api-tokens', icon: IconKey, visible: can.manageTokens },
      { label: 'Mail outbox', to: 'mail-outbox', icon: IconMail, visible: can.readOutbox },
      { label: 'Trust page', to: 'trust', icon: IconShieldLock, visible: can.readTrust },
      { label: 'API reference', to: '//docs/api', icon: IconApi, visible: () => true },
    ],
  },
];

export const guideIcon = IconFileText;

/** What a guest limited to some findings can open (the server refuses the rest). */
export const guestPages = new Set(['findings', '//docs/api']);
