import { isAllowed, type OrgAction } from '../../src/vocabulary/policy.ts';
import type { Role } from '../../src/vocabulary/roles.ts';

// What the interface offers each role, read from the server's own policy table (src/vocabulary/policy.ts):
// a button shows exactly when the server would allow its action. The server still checks every request.
const may = (action: OrgAction) => (role: Role) => isAllowed(role, action);

export const can = {
  readMembers: may('member.read'),
  manageMembers: may('member.update'),
  invite: may('invitation.create'),
  readAuditTrail: may('audit_log.read'),
  updateOrganisation: may('organisation.update'),
  manageTokens: may('api_token.manage'),
  manageSso: may('sso.manage'),
  readOutbox: may('mail_outbox.read'),
  manageFindings: may('finding.manage'),
  workOnFindings: may('finding.work'),
  attachEvidence: may('evidence.attach'),
  comment: may('finding.comment'),
  reviewEffectiveness: may('finding.review_effectiveness'),
  commentOnTasks: may('task.comment'),
  readPlan: may('plan.read'),
  editPlan: may('plan.edit'),
  manageCertificates: may('certificate.manage'),
  readInternalAudits: may('internal_audit.read'),
  planInternalAudits: may('internal_audit.plan'),
  performInternalAudits: may('internal_audit.perform'),
  manageReviews: may('management_review.manage'),
  readTrust: may('trust.read'),
  manageTrust: may('trust.manage'),
  manageContext: may('context.manage'),
  manageSoa: may('soa.manage'),
  manageRisks: may('risk.manage'),
  manageObjectives: may('objective.manage'),
  manageDocuments: may('document.manage'),
  correctMappings: may('crosswalk.manage'),
  readPosture: may('posture.read'),
};
