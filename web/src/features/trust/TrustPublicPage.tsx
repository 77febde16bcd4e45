import { Alert, Center, Container, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { get, post } from '../../api/client.ts';
import { type PublicDocument, type PublicPage, TrustView } from './TrustView.tsx';

// The dialogs load when a visitor first asks for one (#16: not before the page's first paint).
const NdaModal = lazy(() => import('./VisitorModals.tsx').then((m) => ({ default: m.NdaModal })));
const RequestModal = lazy(() => import('./VisitorModals.tsx').then((m) => ({ default: m.RequestModal })));

// The public trust page, outside the signed-in app: `/trust/<slug>`. Visitors are not accounts. A share
// link and a single-use sign-in link open it too (TrustLinkPages.tsx, their own chunk: #16).

export function NotFound() {
  return (
    <Container size="sm" py="xl">
      <Alert color="gray" title="Not found">
        This page or link does not exist, is no longer published, or has expired or been revoked.
      </Alert>
    </Container>
  );
}

function usePage(slug: string, enabled = true) {
  return useQuery({
    queryKey: ['trust-public', slug],
    queryFn: () => get<PublicPage>(`/api/v1/trust/${slug}`),
    enabled,
    retry: false,
  });
}

export function PageBody({ slug }: { slug: string }) {
  const page = usePage(slug);
  const qc = useQueryClient();
  const [nda, setNda] = useState(false);
  const [request, setRequest] = useState<{ doc: PublicDocument | null } | null>(null);
  // Once asked for, a dialog stays mounted, so it closes with its transition and returns focus.
  const [asked, setAsked] = useState({ nda: false, request: false });
  useEffect(() => {
    if (page.data) document.title = page.data.title;
  }, [page.data]);
  if (page.isLoading)
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (page.isError || !page.data) return <NotFound />;
  return (
    <>
      <TrustView
        page={page.data}
        slug={slug}
        onNeedNda={() => {
          setAsked((a) => ({ ...a, nda: true }));
          setNda(true);
        }}
        onNeedRequest={(doc) => {
          setAsked((a) => ({ ...a, request: true }));
          setRequest({ doc });
        }}
        onSignOut={async () => {
          await post(`/api/v1/trust/${slug}/sign-out`);
          await qc.invalidateQueries({ queryKey: ['trust-public', slug] });
        }}
      />
      <Suspense fallback={null}>
        {asked.nda && (
          <NdaModal
            slug={slug}
            page={page.data}
            opened={nda}
            onClose={() => setNda(false)}
            onDone={() => {
              setNda(false);
              void qc.invalidateQueries({ queryKey: ['trust-public', slug] });
            }}
          />
        )}
        {asked.request && (
          <RequestModal
            slug={slug}
            document={request?.doc ?? null}
            opened={request !== null}
            onClose={() => setRequest(null)}
          />
        )}
      </Suspense>
    </>
  );
}

export function TrustPublicPage() {
  const { slug } = useParams({ strict: false }) as { slug: string };
  return <PageBody slug={slug} />;
}
