import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouteComponent,
} from '@tanstack/react-router';

// Route-level code splitting (#16): each page is its own chunk, loaded when its route is entered, so the
// sign-in, first-run and public trust pages download only what they show. The entry holds the router and
// the providers only: even the signed-in frame (session, navigation, shell) is a chunk of its own, so a
// signed-out page never downloads the navigation's icons, the contracts' schemas or the shell.
const Home = lazyRouteComponent(() => import('./components/OrganisationLayout.tsx'), 'Home');
const OrganisationLayout = lazyRouteComponent(
  () => import('./components/OrganisationLayout.tsx'),
  'OrganisationLayout',
);
const OrganisationHome = lazyRouteComponent(
  () => import('./components/OrganisationLayout.tsx'),
  'OrganisationHome',
);
const InvitePage = lazyRouteComponent(() => import('./features/account/InvitePage.tsx'), 'InvitePage');
const ForgotPasswordPage = lazyRouteComponent(
  () => import('./features/account/PasswordPages.tsx'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyRouteComponent(
  () => import('./features/account/PasswordPages.tsx'),
  'ResetPasswordPage',
);
const SetupPage = lazyRouteComponent(() => import('./features/account/SetupPage.tsx'), 'SetupPage');
const SignInPage = lazyRouteComponent(() => import('./features/account/SignInPage.tsx'), 'SignInPage');
const ApiDocsPage = lazyRouteComponent(() => import('./features/api-docs/ApiDocsPage.tsx'), 'ApiDocsPage');
const AuditTrailPage = lazyRouteComponent(
  () => import('./features/audit-trail/AuditTrailPage.tsx'),
  'AuditTrailPage',
);
const AuditPage = lazyRouteComponent(() => import('./features/audits/AuditPage.tsx'), 'AuditPage');
const AuditsPage = lazyRouteComponent(() => import('./features/audits/AuditsPage.tsx'), 'AuditsPage');
const CertificationPage = lazyRouteComponent(
  () => import('./features/certification/CertificationPage.tsx'),
  'CertificationPage',
);
const CertificationReviewsPage = lazyRouteComponent(
  () => import('./features/certification/CertificationReviewsPage.tsx'),
  'CertificationReviewsPage',
);
const ContextPage = lazyRouteComponent(() => import('./features/context/ContextPage.tsx'), 'ContextPage');
const SsoPage = lazyRouteComponent(() => import('./features/sso/SsoPage.tsx'), 'SsoPage');
const ObjectivesPage = lazyRouteComponent(
  () => import('./features/objectives/ObjectivesPage.tsx'),
  'ObjectivesPage',
);
const WebhooksPage = lazyRouteComponent(() => import('./features/webhooks/WebhooksPage.tsx'), 'WebhooksPage');
const FailedJobsPage = lazyRouteComponent(
  () => import('./features/jobs/FailedJobsPage.tsx'),
  'FailedJobsPage',
);
const InstanceJobsPage = lazyRouteComponent(
  () => import('./features/jobs/FailedJobsPage.tsx'),
  'InstanceJobsPage',
);
const CrosswalksPage = lazyRouteComponent(
  () => import('./features/crosswalks/CrosswalksPage.tsx'),
  'CrosswalksPage',
);
const DocumentsPage = lazyRouteComponent(
  () => import('./features/documents/DocumentsPage.tsx'),
  'DocumentsPage',
);
const CorrectiveActionLogPage = lazyRouteComponent(
  () => import('./features/findings/CorrectiveActionLogPage.tsx'),
  'CorrectiveActionLogPage',
);
const DecisionsPage = lazyRouteComponent(
  () => import('./features/findings/DecisionsPage.tsx'),
  'DecisionsPage',
);
const FindingPage = lazyRouteComponent(() => import('./features/findings/FindingPage.tsx'), 'FindingPage');
const InternalAuditPage = lazyRouteComponent(
  () => import('./features/internal-audits/InternalAuditPage.tsx'),
  'InternalAuditPage',
);
const InternalAuditsPage = lazyRouteComponent(
  () => import('./features/internal-audits/InternalAuditsPage.tsx'),
  'InternalAuditsPage',
);
const MembersPage = lazyRouteComponent(() => import('./features/members/MembersPage.tsx'), 'MembersPage');
const MyTasksPage = lazyRouteComponent(() => import('./features/plan/MyTasksPage.tsx'), 'MyTasksPage');
const NextStepsPage = lazyRouteComponent(
  () => import('./features/onboarding/NextStepsPage.tsx'),
  'NextStepsPage',
);
const PlanPage = lazyRouteComponent(() => import('./features/plan/PlanPage.tsx'), 'PlanPage');
const DashboardPage = lazyRouteComponent(
  () => import('./features/posture/DashboardPage.tsx'),
  'DashboardPage',
);
const ExecutiveSummaryPage = lazyRouteComponent(
  () => import('./features/posture/ExecutiveSummaryPage.tsx'),
  'ExecutiveSummaryPage',
);
const PostureModelPage = lazyRouteComponent(
  () => import('./features/posture/PostureModelPage.tsx'),
  'PostureModelPage',
);
const RisksPage = lazyRouteComponent(() => import('./features/risks/RisksPage.tsx'), 'RisksPage');
const ApiTokensPage = lazyRouteComponent(
  () => import('./features/settings/ApiTokensPage.tsx'),
  'ApiTokensPage',
);
const OutboxPage = lazyRouteComponent(() => import('./features/settings/OutboxPage.tsx'), 'OutboxPage');
const SettingsPage = lazyRouteComponent(() => import('./features/settings/SettingsPage.tsx'), 'SettingsPage');
const SoaPage = lazyRouteComponent(() => import('./features/soa/SoaPage.tsx'), 'SoaPage');
const TrustAdminPage = lazyRouteComponent(
  () => import('./features/trust/TrustAdminPage.tsx'),
  'TrustAdminPage',
);
const TrustPublicPage = lazyRouteComponent(
  () => import('./features/trust/TrustPublicPage.tsx'),
  'TrustPublicPage',
);
const TrustSharePage = lazyRouteComponent(
  () => import('./features/trust/TrustLinkPages.tsx'),
  'TrustSharePage',
);
const TrustSignInPage = lazyRouteComponent(
  () => import('./features/trust/TrustLinkPages.tsx'),
  'TrustSignInPage',
);

const root = createRootRoute({ component: Outlet });

const org = createRoute({ getParentRoute: () => root, path: '/o/$org', component: OrganisationLayout });
const page = (path: string, component: RouteComponent) =>
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
    page('sso', SsoPage),
    page('jobs', FailedJobsPage),
    page('instance-jobs', InstanceJobsPage),
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
    page('objectives', ObjectivesPage),
    page('soa', SoaPage),
    page('trust', TrustAdminPage),
    page('risks', RisksPage),
    page('documents', DocumentsPage),
    page('crosswalks', CrosswalksPage),
    page('dashboard', DashboardPage),
    page('next-steps', NextStepsPage),
    page('summary', ExecutiveSummaryPage),
    page('posture/model', PostureModelPage),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
