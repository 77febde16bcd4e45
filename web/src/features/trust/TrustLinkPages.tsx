import { Card, Center, Container, Loader, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { post } from '../../api/client.ts';
import { NotFound, PageBody } from './TrustPublicPage.tsx';
import { LinkOpenForm } from './VisitorForms.tsx';

// `/trust/<slug>/s/<token>` (a share link) and `/trust/<slug>/i/<token>` (a single-use sign-in link): both
// end on the public trust page.

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
