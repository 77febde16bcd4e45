import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Image,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { sessionKeys } from '../../api/keys.ts';
import { useMe } from '../../session.ts';
import { accountApi } from './api.ts';

/** Account security: TOTP second factor (RFC 6238) and password change. */
export function SecurityPanel() {
  const me = useMe();
  const qc = useQueryClient();
  const [password, setPassword] = useState('');
  const [enrol, setEnrol] = useState<{
    uri: string;
    secret: string;
    qr: string;
    backupCodes: string[];
  } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pw, setPw] = useState({ current: '', next: '' });
  const enabled = me.data?.user.twoFactorEnabled ?? false;

  async function start() {
    setError(null);
    try {
      const res = await accountApi.enableTwoFactor(password);
      const secret = new URL(res.totpURI).searchParams.get('secret') ?? '';
      setEnrol({
        uri: res.totpURI,
        secret,
        backupCodes: res.backupCodes,
        qr: await QRCode.toDataURL(res.totpURI, { margin: 1, width: 200 }),
      });
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function confirm() {
    setError(null);
    try {
      await accountApi.verifyTotp(code);
      setEnrol(null);
      setPassword('');
      setCode('');
      notifications.show({ color: 'teal', message: 'Second factor is on' });
      await qc.invalidateQueries({ queryKey: sessionKeys.me });
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function disable() {
    setError(null);
    try {
      await accountApi.disableTwoFactor(password);
      setPassword('');
      notifications.show({ message: 'Second factor is off' });
      await qc.invalidateQueries({ queryKey: sessionKeys.me });
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function changePassword(e: React.FormEvent) {
    e.preventDefault();
    try {
      await accountApi.changePassword({
        currentPassword: pw.current,
        newPassword: pw.next,
        revokeOtherSessions: true,
      });
      setPw({ current: '', next: '' });
      notifications.show({ color: 'teal', message: 'Password changed; your other sessions are ended' });
    } catch (err) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(err) });
    }
  }

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Second factor (TOTP)
          </Title>
          <Badge color={enabled ? 'teal' : 'gray'}>{enabled ? 'on' : 'off'}</Badge>
        </Group>
        {error && (
          <Alert color="red" mb="sm">
            {error}
          </Alert>
        )}
        {enrol ? (
          <Stack gap="sm">
            <Text size="sm">
              Scan this code with your authenticator app, or type the secret. Then enter the 6-digit code it
              shows.
            </Text>
            <Image src={enrol.qr} alt="QR code for your authenticator app" w={200} h={200} />
            <Text size="sm">
              Secret: <Code data-testid="totp-secret">{enrol.secret}</Code>
            </Text>
            <Text size="sm" fw={600}>
              Backup codes (keep them somewhere safe; each works once):
            </Text>
            <Code block>{enrol.backupCodes.join('\n')}</Code>
            <TextInput
              label="Code from your authenticator app"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
            />
            <Button onClick={confirm} disabled={code.length !== 6}>
              Turn on
            </Button>
          </Stack>
        ) : (
          <Stack gap="sm">
            <PasswordInput
              label="Current password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
            />
            {enabled ? (
              <Button color="red" variant="light" onClick={disable} disabled={!password}>
                Turn off second factor
              </Button>
            ) : (
              <Button onClick={start} disabled={!password}>
                Set up second factor
              </Button>
            )}
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Password
        </Title>
        <form onSubmit={changePassword}>
          <Stack gap="sm">
            <PasswordInput
              label="Current password"
              value={pw.current}
              onChange={(e) => setPw({ ...pw, current: e.currentTarget.value })}
              autoComplete="current-password"
              required
            />
            <PasswordInput
              label="New password"
              description="12 characters or more"
              value={pw.next}
              onChange={(e) => setPw({ ...pw, next: e.currentTarget.value })}
              autoComplete="new-password"
              required
            />
            <Button type="submit">Change password</Button>
          </Stack>
        </form>
      </Card>
    </SimpleGrid>
  );
}
