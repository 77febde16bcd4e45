import { createRootRoute, createRoute, createRouter, Navigate, Outlet } from '@tanstack/react-router';
import { ErrorNote, Loading, useOrg } from './components/common.tsx';
import { Shell } from './components/Shell.tsx';
import { InvitePage } from './features/account/InvitePage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './features/account/PasswordPages.tsx';
import { SetupPage } from './features/account/SetupPage.tsx';
import { SignInPage } from './features/account/SignInPage.tsx';
import { ApiDocsPage } from './features/api-docs/ApiDocsPage.tsx';
import { AuditTrailPage } from './features/audit-trail/AuditTrailPage.tsx';
import { AuditPage } from './features/audits/AuditPage.tsx';
import { AuditsPage } from './features/audits/AuditsPage.tsx';
import { CertificationPage } from './features/certification/CertificationPage.tsx';
import { CertificationReviewsPage } from './features/certification/CertificationReviewsPage.tsx';
import { ContextPage } from './features/context/ContextPage.tsx';
import { CrosswalksPage } from './features/crosswalks/CrosswalksPage.tsx';
import { DocumentsPage } from './features/documents/DocumentsPage.tsx';
import { CorrectiveActionLogPage } from './features/findings/CorrectiveActionLogPage.tsx';
import { DecisionsPage } from './features/findings/DecisionsPage.tsx';
import { FindingPage } from './features/findings/FindingPage.tsx';
import { InternalAuditPage } from './features/internal-audits/InternalAuditPage.tsx';
import { InternalAuditsPage } from './features/internal-audits/InternalAuditsPage.tsx';
import { MembersPage } from './features/members/MembersPage.tsx';
import { MyTasksPage } from './features/plan/MyTasksPage.tsx';
import { PlanPage } from './features/plan/PlanPage.tsx';
import { DashboardPage } from './features/posture/DashboardPage.tsx';
import { ExecutiveSummaryPage } from './features/posture/ExecutiveSummaryPage.tsx';
import { PostureModelPage } from './features/posture/PostureModelPage.tsx';
import { RisksPage } from './features/risks/RisksPage.tsx';
import { ApiTokensPage } from './features/settings/ApiTokensPage.tsx';
import { OutboxPage } from './features/settings/OutboxPage.tsx';
import { SettingsPage } from './features/settings/SettingsPage.tsx';
import { SoaPage } from './features/soa/SoaPage.tsx';
import { TrustAdminPage } from './features/trust/TrustAdminPage.tsx';
import { TrustPublicPage, TrustSharePage, TrustSignInPage } from './features/trust/TrustPublicPage.tsx';
import { WebhooksPage } from './features/webhooks/WebhooksPage.tsx';
import { landingPage } from './nav.ts';
import { useMe, useSetupStatus } from './session.ts';

const root = createRootRoute({ component: Outlet });

/** `/`: first run → setup; signed out → sign-in; otherwise the first organisation. */
function Home() {
  const setup = useSetupStatus();
  const me = useMe();
  if (setup.isLoading || me.isLoading) return <Loading />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" />;
  if (!me.data) return <Navigate to="/sign-in" />;
  const first = me.data.organisations[0];
  if (!first)
    return (
      <ErrorNote
        error={
          new Error('You are not a member of any organisation yet. Ask an administrator for an invitation.')
        }
      />
    );
  return <Navigate to={`/o/${first.slug}/${landingPage(first.role, first.limited)}`} />;
}

function OrganisationLayout() {
  const me = useMe();
  if (me.isLoading || (me.isFetching && !me.data)) return <Loading />;
  if (me.isError) return <ErrorNote error={me.error} />;
  if (!me.data) {
    window.location.replace(`/sign-in?redirect=${encodeURIComponent(window.location.pathname)}`);
    return <Loading />;
  }
  return <Shell me={me.data} />;
}

const org = createRoute({ getParentRoute: () => root, path: '/o/$org', component: OrganisationLayout });
const page = (path: string, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => org, path, component });

const routeTree = root.addChildren([
  createRoute({ getParentRoute: () => root, path: '/', component: Home }),
  createRoute({ getParentRoute: () => root, path: '/setup', component: SetupPage }),
  createRoute({ getParentRoute: () => root, path: '/sign-in', component: SignInPage }),
  createRoute({ getParentRoute: () => root, path: '/forgot-password', component: ForgotPasswordPage }),
  createRoute({ getParentRoute: () => root, path: '/reset-password', component: ResetPasswordPage }),
  createRoute({ getParentRoute: () => root, path: '/invite', component: InvitePage }),
  createRoute({ getParentRoute: () => root, path: '/docs/api', component: ApiDocsPage }),
  // The public trust page lives outside the signed-in shell: visitors are not accounts.
  createRoute({ getParentRoute: () => root, path: '/trust/$slug', component: TrustPublicPage }),
  createRoute({ getParentRoute: () => root, path: '/trust/$slug/s/$token', component: TrustSharePage }),
  createRoute({ getParentRoute: () => root, path: '/trust/$slug/i/$token', component: TrustSignInPage }),
  org.addChildren([
    createRoute({ getParentRoute: () => org, path: '/', component: OrganisationHome }),
    page('members', MembersPage),
    page('audit-trail', AuditTrailPage),
    page('settings', SettingsPage),
    page('api-tokens', ApiTokensPage),
    page('mail-outbox', OutboxPage),
    page('webhooks', WebhooksPage),
    page('audits', AuditsPage),
    page('audits/$auditRef', AuditPage),
    page('findings', CorrectiveActionLogPage),
    page('findings/$findingId', FindingPage),
    page('plan', PlanPage),
    page('my-tasks', MyTasksPage),
    page('decisions', DecisionsPage),
    page('certification', CertificationPage),
    page('internal-audits', InternalAuditsPage),
    page('internal-audits/$auditRef', InternalAuditPage),
    page('management-reviews', CertificationReviewsPage),
    page('context', ContextPage),
    page('soa', SoaPage),
    page('trust', TrustAdminPage),
    page('risks', RisksPage),
    page('documents', DocumentsPage),
    page('crosswalks', CrosswalksPage),
    page('dashboard', DashboardPage),
    page('summary', ExecutiveSummaryPage),
    page('posture/model', PostureModelPage),
  ]),
]);

/** Each role lands on its work (nav.ts); a guest limited to some findings lands on them. */
function OrganisationHome() {
  const org = useOrg();
  return <Navigate to={`/o/${org.slug}/${landingPage(org.role, org.limited)}`} />;
}

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
