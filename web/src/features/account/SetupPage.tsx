import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError, post } from '../../api.ts';
import { AuthCard } from './AuthCard.tsx';

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);

export function SetupPage() {
  const [v, setV] = useState({
    name: '',
    email: '',
    password: '',
    organisationName: '',
    organisationSlug: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setV((old) => ({
      ...old,
      [k]: value,
      ...(k === 'organisationName' && old.organisationSlug === slugify(old.organisationName)
        ? { organisationSlug: slugify(value) }
        : {}),
    }));
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/v1/setup', v);
      await post('/api/auth/sign-in/email', { email: v.email, password: v.password });
      qc.clear();
      await navigate({ to: '/o/$org/members', params: { org: v.organisationSlug } });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <AuthCard title="Set up closeloop" subtitle="Create the first administrator and your organisation.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="Your name" value={v.name} onChange={set('name')} error={errors.name} required />
          <TextInput
            label="Email"
            type="email"
            value={v.email}
            onChange={set('email')}
            error={errors.email}
            required
          />
          <PasswordInput
            label="Password"
            description="12 characters or more"
            value={v.password}
            onChange={set('password')}
            error={errors.password}
            required
          />
          <TextInput
            label="Organisation name"
            value={v.organisationName}
            onChange={set('organisationName')}
            error={errors.organisationName}
            required
          />
          <TextInput
            label="Short name (slug)"
            description="Used in addresses, e.g. /o/acme"
            value={v.organisationSlug}
            onChange={set('organisationSlug')}
            error={errors.organisationSlug}
            required
          />
          <Button type="submit" loading={busy}>
            Create administrator and organisation
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
