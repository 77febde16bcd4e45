import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { setupRequest } from '../../../../src/contracts/foundation.ts';
import { errorMessage } from '../../api/client.ts';
import { contractResolver, showServerErrors } from '../../components/form.ts';
import { AuthCard } from './AuthCard.tsx';
import { accountApi } from './api.ts';

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);

export function SetupPage() {
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organisationName: '', organisationSlug: '' },
    validate: contractResolver(setupRequest),
    onValuesChange: (v, old) => {
      // The slug follows the name until someone edits it.
      if (
        v.organisationName !== old.organisationName &&
        old.organisationSlug === slugify(old.organisationName)
      )
        form.setFieldValue('organisationSlug', slugify(v.organisationName));
    },
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const qc = useQueryClient();
  async function submit(v: typeof form.values) {
    setBusy(true);
    setError(null);
    try {
      await accountApi.setup(v);
      await accountApi.signIn({ email: v.email, password: v.password });
      qc.clear();
      // First run ends on the next steps (#19 item 3): scope and SoA, first audit, the report, people.
      await navigate({ to: '/o/$org/next-steps', params: { org: v.organisationSlug } });
    } catch (err) {
      showServerErrors(form, err);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <AuthCard title="Set up closeloop" subtitle="Create the first administrator and your organisation.">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          {error && <Alert color="red">{error}</Alert>}
          <TextInput label="Your name" {...form.getInputProps('name')} required />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} required />
          <PasswordInput
            label="Password"
            description="12 characters or more"
            {...form.getInputProps('password')}
            required
          />
          <TextInput label="Organisation name" {...form.getInputProps('organisationName')} required />
          <TextInput
            label="Short name (slug)"
            description="Used in addresses, e.g. /o/acme"
            {...form.getInputProps('organisationSlug')}
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
