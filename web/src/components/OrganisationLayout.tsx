import { Navigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { landingPage } from '../nav.ts';
import { useMe, useSetupStatus } from '../session.ts';
import { ErrorNote, Loading, useOrg } from './common.tsx';

// The signed-in frame, loaded only once a route under `/` or `/o/$org` is entered (router.tsx).
const Shell = lazy(() => import('./Shell.tsx').then((m) => ({ default: m.Shell })));

/** `/`: first run → setup; signed out → sign-in; otherwise the first organisation. */
export function Home() {
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

export function OrganisationLayout() {
  const me = useMe();
  if (me.isLoading || (me.isFetching && !me.data)) return <Loading />;
  if (me.isError) return <ErrorNote error={me.error} />;
  if (!me.data) {
    window.location.replace(`/sign-in?redirect=${encodeURIComponent(window.location.pathname)}`);
    return <Loading />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <Shell me={me.data} />
    </Suspense>
  );
}

/** Each role lands on its work (nav.ts); a guest limited to some findings lands on them. */
export function OrganisationHome() {
  const org = useOrg();
  return <Navigate to={`/o/${org.slug}/${landingPage(org.role, org.limited)}`} />;
}
