import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage, post } from '../../api/client.ts';

// The visitor's forms. The two dialogs (NDA, access request) are in VisitorModals.tsx, loaded when a
// visitor first opens one: the modal, its focus trap and the scroll area stay out of the first paint (#16).

interface Who {
  name: string;
  email: string;
  company: string;
}

export function useWho() {
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

export function useSubmit(run: () => Promise<void>) {
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
