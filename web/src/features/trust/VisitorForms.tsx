import {
  Alert,
  Button,
  Checkbox,
  Modal,
  PasswordInput,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage, post } from '../../api/client.ts';
import type { PublicDocument, PublicPage } from './TrustView.tsx';

interface Who {
  name: string;
  email: string;
  company: string;
}

function useWho() {
  const [who, setWho] = useState<Who>({ name: '', email: '', company: '' });
  const fields = (errors: Record<string, string>, companyRequired = true) => (
    <>
      <TextInput
        label="Name"
        required
        value={who.name}
        onChange={(e) => setWho({ ...who, name: e.currentTarget.value })}
        error={errors.name}
        autoComplete="name"
      />
      <TextInput
        label="Work email"
        type="email"
        required
        value={who.email}
        onChange={(e) => setWho({ ...who, email: e.currentTarget.value })}
        error={errors.email}
        autoComplete="email"
      />
      <TextInput
        label="Company"
        required={companyRequired}
        value={who.company}
        onChange={(e) => setWho({ ...who, company: e.currentTarget.value })}
        error={errors.company}
        autoComplete="organization"
      />
    </>
  );
  return { who, fields };
}

function useSubmit(run: () => Promise<void>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { errors, error, busy, submit };
}

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

/** A direct share link: who opens it (for the watermark and the log), and the passcode if it has one. */
export function LinkOpenForm({ slug, token, onDone }: { slug: string; token: string; onDone: () => void }) {
  const { who, fields } = useWho();
  const [passcode, setPasscode] = useState('');
  const s = useSubmit(async () => {
    await post(`/api/v1/trust/${slug}/links/open`, { token, ...who, ...(passcode ? { passcode } : {}) });
    onDone();
  });
  return (
    <form onSubmit={s.submit}>
      <Stack>
        <Text>
          Someone shared documents with you. Tell us who you are; downloads are watermarked with your email.
        </Text>
        {fields(s.errors, false)}
        <PasswordInput
          label="Passcode (if you were given one)"
          value={passcode}
          onChange={(e) => setPasscode(e.currentTarget.value)}
        />
        {s.error && <Alert color="red">{s.error}</Alert>}
        <Button type="submit" loading={s.busy}>
          Open shared documents
        </Button>
      </Stack>
    </form>
  );
}
