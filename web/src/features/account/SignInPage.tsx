import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { AuthCard } from './AuthCard.tsx';
import { signInApi } from './sign-in-api.ts';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();

  const redirectTarget = () => {
    const redirect = new URLSearchParams(window.location.search).get('redirect');
    return redirect?.startsWith('/') ? redirect : '/';
  };
  async function done() {
    qc.clear();
    await navigate({ to: redirectTarget() });
  }
  async function signInSso() {
    setError(null);
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
      setError('Enter your work email first: its domain finds your company account.');
      return;
    }
    setBusy(true);
    try {
      const res = await signInApi.signInSso({ email, callbackURL: redirectTarget() });
      window.location.assign(res.url);
    } catch {
      setError('No company account is set up for this email domain: sign in with your password.');
      setBusy(false);
    }
  }
  async function signIn(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await signInApi.signIn({ email, password });
      if (res.twoFactorRedirect) setStep('totp');
      else await done();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  async function verify(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInApi.verifyTotp(code);
      await done();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  if (step === 'totp') {
    return (
      <AuthCard title="Second factor" subtitle="Enter the 6-digit code from your authenticator app.">
        <form onSubmit={verify}>
          <Stack gap="sm">
            {error && <Alert color="red">{error}</Alert>}
            <TextInput
              label="Authentication code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              autoFocus
            />
            <Button type="submit" loading={busy} disabled={code.length !== 6}>
              Verify
            </Button>
          </Stack>
        </form>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Sign in">
      <form onSubmit={signIn}>
        <Stack gap="sm">
          {error && <Alert color="red">{error}</Alert>}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={busy}>
            Sign in
          </Button>
          <Button type="button" variant="default" onClick={signInSso} disabled={busy}>
            Sign in with your company account
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/forgot-password">
              Forgot your password?
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
