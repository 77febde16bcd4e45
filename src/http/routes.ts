import type { DatabaseHandle } from '../db/connection.ts';
import { apiTokensRoutes } from '../modules/api-tokens/api-tokens.routes.ts';
import { auditLogRoutes } from '../modules/audit-log/audit-log.routes.ts';
import { auditsRoutes } from '../modules/audits/audits.routes.ts';
import { calendarFeedsRoutes } from '../modules/calendar-feeds/calendar-feeds.routes.ts';
import { certificatesRoutes } from '../modules/certificates/certificates.routes.ts';
import type { AppEnv } from '../modules/context.ts';
import { conversationsRoutes } from '../modules/conversations/conversations.routes.ts';
import { correctiveActionsRoutes } from '../modules/corrective-actions/corrective-actions.routes.ts';
import { crosswalksRoutes } from '../modules/crosswalks/crosswalks.routes.ts';
import { documentsRoutes } from '../modules/documents/documents.routes.ts';
import { effectivenessRoutes } from '../modules/effectiveness/effectiveness.routes.ts';
import { evidenceRoutes } from '../modules/evidence/evidence.routes.ts';
import { findingsRoutes } from '../modules/findings/findings.routes.ts';
import { importRoutes } from '../modules/findings-import/import.routes.ts';
import { internalAuditsRoutes } from '../modules/internal-audits/internal-audits.routes.ts';
import { invitationsRoutes } from '../modules/invitations/invitations.routes.ts';
import { mailRoutes } from '../modules/mail/mail.routes.ts';
import { managementReviewRoutes } from '../modules/management-review/management-review.routes.ts';
import { membersRoutes } from '../modules/members/members.routes.ts';
import { planningRoutes } from '../modules/planning/planning.routes.ts';
import { teamsRoutes } from '../modules/planning/teams.routes.ts';
import { postureRoutes } from '../modules/posture/posture.routes.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.ts';
import { risksRoutes } from '../modules/risks/risks.routes.ts';
import { setupRoutes } from '../modules/setup/setup.routes.ts';
import { soaRoutes } from '../modules/soa/soa.routes.ts';
import { trustAccessRoutes } from '../modules/trust/trust-access.routes.ts';
import { trustAdminRoutes } from '../modules/trust/trust-admin.routes.ts';
import { trustPublicRoutes } from '../modules/trust/trust-public.routes.ts';
import type { ContentStore } from '../storage/content-store.ts';
import type { ZodApp } from './app.ts';
import type { Auth } from './auth.ts';

export interface ModuleDeps {
  database: DatabaseHandle;
  auth: Auth;
  env: AppEnv;
  version: string;
  store: ContentStore;
  maxUploadBytes: number;
}

/** Every capability registers its routes here; the gate and the policy test see them all. */
export async function registerModuleRoutes(app: ZodApp, deps: ModuleDeps) {
  setupRoutes(app, deps);
  membersRoutes(app);
  invitationsRoutes(app, deps);
  apiTokensRoutes(app);
  auditLogRoutes(app);
  mailRoutes(app);
  evidenceRoutes(app, deps);
  auditsRoutes(app);
  findingsRoutes(app);
  correctiveActionsRoutes(app);
  effectivenessRoutes(app);
  importRoutes(app, deps);
  reportsRoutes(app);
  planningRoutes(app);
  teamsRoutes(app);
  conversationsRoutes(app);
  calendarFeedsRoutes(app, deps);
  certificatesRoutes(app, deps);
  internalAuditsRoutes(app);
  managementReviewRoutes(app);
  soaRoutes(app);
  trustAdminRoutes(app, deps);
  trustAccessRoutes(app);
  trustPublicRoutes(app, deps);
  risksRoutes(app);
  documentsRoutes(app);
  crosswalksRoutes(app);
  postureRoutes(app);
}
