import { createRootRoute, createRoute, createRouter, Navigate, Outlet } from '@tanstack/react-router';
import { ErrorNote, Loading, useOrg } from './components/common.tsx';
import { Shell } from './components/Shell.tsx';
import { ApiDocsPage } from './pages/ApiDocsPage.tsx';
import { ApiTokensPage } from './pages/ApiTokensPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { AuditsPage } from './pages/AuditsPage.tsx';
import { AuditTrailPage } from './pages/AuditTrailPage.tsx';
import { CertificationPage } from './pages/CertificationPage.tsx';
import { CertificationReviewsPage } from './pages/CertificationReviewsPage.tsx';
import { CorrectiveActionLogPage } from './pages/CorrectiveActionLogPage.tsx';
import { CrosswalksPage } from './pages/CrosswalksPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { DocumentsPage } from './pages/DocumentsPage.tsx';
import { ExecutiveSummaryPage } from './pages/ExecutiveSummaryPage.tsx';
import { FindingPage } from './pages/FindingPage.tsx';
import { InternalAuditPage } from './pages/InternalAuditPage.tsx';
import { InternalAuditsPage } from './pages/InternalAuditsPage.tsx';
import { InvitePage } from './pages/InvitePage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { OutboxPage } from './pages/OutboxPage.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordPages.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { PostureModelPage } from './pages/PostureModelPage.tsx';
import { RisksPage } from './pages/RisksPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SoaPage } from './pages/SoaPage.tsx';
import { TrustAdminPage } from './pages/TrustAdminPage.tsx';
import { TrustPublicPage, TrustSharePage, TrustSignInPage } from './pages/TrustPublicPage.tsx';
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
  return (
    <Navigate to={first.limited ? '/o/$org/findings' : '/o/$org/members'} params={{ org: first.slug }} />
  );
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
    page('audits', AuditsPage),
    page('audits/$auditRef', AuditPage),
    page('findings', CorrectiveActionLogPage),
    page('findings/$findingId', FindingPage),
    page('plan', PlanPage),
    page('certification', CertificationPage),
    page('internal-audits', InternalAuditsPage),
    page('internal-audits/$auditRef', InternalAuditPage),
    page('management-reviews', CertificationReviewsPage),
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

/** Members see the organisation; a guest limited to some findings lands on them. */
function OrganisationHome() {
  const org = useOrg();
  return <Navigate to={org.limited ? 'findings' : 'members'} />;
}

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
