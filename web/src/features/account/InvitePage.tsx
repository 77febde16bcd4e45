import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { roleLabels } from '../../../../src/vocabulary/roles.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useMe } from '../../session.ts';
import { AuthCard } from './AuthCard.tsx';
import { accountApi } from './api.ts';

export function InvitePage() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => accountApi.previewInvitation(token),
    retry: false,
  });
  const me = useMe();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();

  async function accept(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const body = preview.data?.accountExists ? { token } : { token, name, password };
      const res = await accountApi.acceptInvitation(body);
      if (!me.data) await accountApi.signIn({ email: preview.data?.email ?? '', password });
      qc.clear();
      // The organisation's home sends each role to its work (nav.ts).
      await navigate({ to: '/o/$org', params: { org: res.organisation.slug } });
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setError(errorMessage(err));
    }
  }

  if (preview.isLoading || me.isLoading)
    return (
      <AuthCard title="Invitation">
        <Loader aria-label="Loading" />
      </AuthCard>
    );
  if (preview.isError || !preview.data) {
    return (
      <AuthCard title="Invitation">
        <Alert color="red">
          This invitation link is unknown, already used, revoked or expired. Ask for a new one.
        </Alert>
      </AuthCard>
    );
  }
  const inv = preview.data;
  const signedInAsOther = me.data && me.data.user.email !== inv.email;
  return (
    <AuthCard
      title={`Join ${inv.organisationName}`}
      subtitle={`as ${roleLabels[inv.role]}, invited at ${inv.email}`}
    >
      {error && <Alert color="red">{error}</Alert>}
      {inv.accountExists && !me.data ? (
        <Text size="sm">
          You already have an account.{' '}
          <Anchor href={`/sign-in?redirect=${encodeURIComponent(`/invite?token=${token}`)}`}>
            Sign in as {inv.email}
          </Anchor>{' '}
          and open this link again.
        </Text>
      ) : signedInAsOther ? (
        <Alert color="yellow">
          You are signed in as {me.data?.user.email}. Sign out, then open this link again.
        </Alert>
      ) : (
        <form onSubmit={accept}>
          <Stack gap="sm">
            {!inv.accountExists && (
              <>
                <TextInput
                  label="Your name"
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                  required
                />
                <PasswordInput
                  label="Choose a password"
                  description="12 characters or more"
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors.password}
                  required
                />
              </>
            )}
            <Button type="submit">Accept invitation</Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
