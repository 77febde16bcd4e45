import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { AuthCard } from './AuthCard.tsx';
import { accountApi } from './api.ts';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await accountApi.requestPasswordReset(email);
      setSent(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <AuthCard title="Reset your password" subtitle="We mail a link that is valid for one hour.">
      {sent ? (
        <Alert color="teal">If an account exists for {email}, a reset link is on its way.</Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            {error && <Alert color="red">{error}</Alert>}
            <TextInput
              label="Email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
            />
            <Button type="submit">Send reset link</Button>
          </Stack>
        </form>
      )}
      <Text size="sm">
        <Anchor component={Link} to="/sign-in">
          Back to sign-in
        </Anchor>
      </Text>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(
    params.get('error') ? 'This reset link is invalid or has expired.' : null,
  );
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await accountApi.resetPassword({ newPassword: password, token });
      setDone(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <AuthCard title="Choose a new password">
      {done ? (
        <Alert color="teal">
          Your password is changed and your other sessions are ended.{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            {error && <Alert color="red">{error}</Alert>}
            <PasswordInput
              label="New password"
              description="12 characters or more"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
            />
            <Button type="submit" disabled={!token}>
              Change password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
