import { Alert, Button, Checkbox, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { post } from '../../api/client.ts';
import type { PublicDocument, PublicPage } from './TrustView.tsx';
import { useSubmit, useWho } from './VisitorForms.tsx';

/** Clickwrap: the NDA text, the visitor's name, email and company, and an explicit tick. */
export function NdaModal({
  slug,
  page,
  opened,
  onClose,
  onDone,
}: {
  slug: string;
  page: PublicPage;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { who, fields } = useWho();
  const [accept, setAccept] = useState(false);
  const s = useSubmit(async () => {
    await post(`/api/v1/trust/${slug}/nda`, { ...who, version: page.nda?.version ?? 0, accept });
    onDone();
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Non-disclosure agreement (version ${page.nda?.version ?? '–'})`}
      size="lg"
    >
      {page.nda ? (
        <form onSubmit={s.submit}>
          <Stack>
            <ScrollArea.Autosize mah={240} type="auto" tabIndex={0} aria-label="NDA text">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {page.nda.text}
              </Text>
            </ScrollArea.Autosize>
            {fields(s.errors)}
            <Checkbox
              label="I have read and accept this NDA on behalf of my company"
              checked={accept}
              onChange={(e) => setAccept(e.currentTarget.checked)}
              error={s.errors.accept}
            />
            <Text size="xs" c="dimmed">
              Your name, email, company, the time, your IP address and the NDA version are recorded.
            </Text>
            {s.error && <Alert color="red">{s.error}</Alert>}
            <Button type="submit" loading={s.busy} disabled={!accept}>
              Accept NDA
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert color="yellow">This organisation has not published an NDA yet; request access instead.</Alert>
      )}
    </Modal>
  );
}

export function RequestModal({
  slug,
  document,
  opened,
  onClose,
}: {
  slug: string;
  document: PublicDocument | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { who, fields } = useWho();
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState<'pending' | 'approved' | null>(null);
  const s = useSubmit(async () => {
    const r = await post<{ status: 'pending' | 'approved' }>(`/api/v1/trust/${slug}/requests`, {
      ...who,
      documentId: document?.id ?? null,
      message,
    });
    setAnswer(r.status);
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Request access: ${document?.title ?? 'all documents'}`}>
      {answer ? (
        <Alert color="teal" role="status">
          {answer === 'approved'
            ? 'Approved. We sent you an email with a sign-in link; it works once.'
            : 'Your request was sent. You will receive an email once it is decided.'}
        </Alert>
      ) : (
        <form onSubmit={s.submit}>
          <Stack>
            {fields(s.errors)}
            <Textarea
              label="Why do you need it? (optional)"
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
            {s.error && <Alert color="red">{s.error}</Alert>}
            <Button type="submit" loading={s.busy}>
              Send request
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
