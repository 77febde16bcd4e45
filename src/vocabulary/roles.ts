import { z } from 'zod';

// Roles of an organisation's members. The external auditor is a guest of the certification body: reads,
// comments, accepts or rejects; the viewer is read-only (e.g. executives reading dashboards).
export const roles = [
  'admin',
  'isms_manager',
  'action_owner',
  'internal_auditor',
  'external_auditor',
  'viewer',
] as const;
export const role = z.enum(roles);
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  isms_manager: 'ISMS manager',
  action_owner: 'Action owner',
  internal_auditor: 'Internal auditor',
  external_auditor: 'External auditor (guest)',
  viewer: 'Viewer',
};

/** A role as a title beside a person's name in records and reports: "Claire Dubois (External auditor)". */
export const roleTitles: Record<Role, string> = { ...roleLabels, external_auditor: 'External auditor' };
