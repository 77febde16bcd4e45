import type { Role } from '../../src/contracts/roles.ts';

// What the interface offers each role. The server's policy table (src/http/policy.ts) is the authority;
// this mirror only hides buttons a role could not use, and the server still answers 403 if one is tried.
const managers: Role[] = ['admin', 'isms_manager'];
const assurance: Role[] = ['admin', 'isms_manager', 'internal_auditor'];
const staff: Role[] = ['admin', 'isms_manager', 'action_owner', 'internal_auditor', 'viewer'];

export const can = {
  readMembers: (r: Role) => staff.includes(r),
  manageMembers: (r: Role) => r === 'admin',
  invite: (r: Role) => managers.includes(r),
  readAuditTrail: (r: Role) => assurance.includes(r),
  updateOrganisation: (r: Role) => r === 'admin',
  manageTokens: (r: Role) => staff.includes(r),
  readOutbox: (r: Role) => r === 'admin',
  manageFindings: (r: Role) => managers.includes(r),
  workOnFindings: (r: Role) => ['admin', 'isms_manager', 'action_owner'].includes(r),
  attachEvidence: (r: Role) => ['admin', 'isms_manager', 'action_owner', 'internal_auditor'].includes(r),
  comment: (r: Role) => r !== 'viewer',
  readPlan: (r: Role) => staff.includes(r),
  manageCertificates: (r: Role) => managers.includes(r),
  readInternalAudits: (r: Role) => staff.includes(r),
  planInternalAudits: (r: Role) => managers.includes(r),
  performInternalAudits: (r: Role) => assurance.includes(r),
  manageReviews: (r: Role) => managers.includes(r),
  readTrust: (r: Role) => assurance.includes(r),
  manageTrust: (r: Role) => managers.includes(r),
  manageIsms: (r: Role) => managers.includes(r),
  correctMappings: (r: Role) => r === 'admin',
  readPosture: (r: Role) => staff.includes(r),
};
