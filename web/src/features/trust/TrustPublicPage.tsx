import { Alert, Card, Center, Container, Loader, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { get, post } from '../../api/client.ts';
import { type PublicDocument, type PublicPage, TrustView } from './TrustView.tsx';
import { LinkOpenForm, NdaModal, RequestModal } from './VisitorForms.tsx';

// The public trust page, outside the signed-in app: `/trust/<slug>`, a share link `/trust/<slug>/s/<token>`
// and a single-use sign-in link `/trust/<slug>/i/<token>`. Visitors are not accounts.

function NotFound() {
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

function PageBody({ slug }: { slug: string }) {
  const page = usePage(slug);
  const qc = useQueryClient();
  const [nda, setNda] = useState(false);
  const [request, setRequest] = useState<{ doc: PublicDocument | null } | null>(null);
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
        onNeedNda={() => setNda(true)}
        onNeedRequest={(doc) => setRequest({ doc })}
        onSignOut={async () => {
          await post(`/api/v1/trust/${slug}/sign-out`);
          await qc.invalidateQueries({ queryKey: ['trust-public', slug] });
        }}
      />
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
      <RequestModal
        slug={slug}
        document={request?.doc ?? null}
        opened={request !== null}
        onClose={() => setRequest(null)}
      />
    </>
  );
}

export function TrustPublicPage() {
  const { slug } = useParams({ strict: false }) as { slug: string };
  return <PageBody slug={slug} />;
}

/** A share link: asks who opens it (and the passcode), then shows the page with the shared access. */
export function TrustSharePage() {
  const { slug, token } = useParams({ strict: false }) as { slug: string; token: string };
  const [opened, setOpened] = useState(false);
  if (opened) return <PageBody slug={slug} />;
  return (
    <Container size="sm" py="xl">
      <Card withBorder>
        <Title order={1} size="h3" mb="md">
          Shared security documents
        </Title>
        <LinkOpenForm
          slug={slug}
          token={token}
          onDone={() => {
            window.history.replaceState(null, '', `/trust/${slug}`);
            setOpened(true);
          }}
        />
      </Card>
    </Container>
  );
}

/** The single-use sign-in link from an invitation or approval mail: used once, then the page. */
export function TrustSignInPage() {
  const { slug, token } = useParams({ strict: false }) as { slug: string; token: string };
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    post(`/api/v1/trust/${slug}/sign-in`, { token })
      .then(() => {
        window.history.replaceState(null, '', `/trust/${slug}`);
        setState('done');
      })
      .catch(() => setState('failed'));
  }, [slug, token]);
  if (state === 'working')
    return (
      <Center py="xl">
        <Loader aria-label="Signing in" />
      </Center>
    );
  if (state === 'failed') return <NotFound />;
  return <PageBody slug={slug} />;
}
