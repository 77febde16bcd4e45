import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { trustDocument, trustGrant, trustLink } from '../../../../src/contracts/trust.ts';
import { del, errorMessage, get, post } from '../../api/client.ts';

type Grant = z.infer<typeof trustGrant>;
type Link = z.infer<typeof trustLink>;
type Doc = z.infer<typeof trustDocument>;

const until = (iso: string | null) => (iso ? iso.slice(0, 10) : 'no expiry');
const state = (x: { live: boolean; revokedAt: string | null }) =>
  x.revokedAt ? (
    <Badge color="gray">revoked</Badge>
  ) : x.live ? (
    <Badge color="teal">live</Badge>
  ) : (
    <Badge color="red">expired</Badge>
  );

/** Grants (person or company, one document or all, expiry, optional invitation) and direct share links. */
export function AccessTab({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const base = `/api/v1/orgs/${slug}/trust`;
  const grants = useQuery({
    queryKey: ['trust', slug, 'grants'],
    queryFn: () => get<{ items: Grant[] }>(`${base}/grants`),
  });
  const links = useQuery({
    queryKey: ['trust', slug, 'links'],
    queryFn: () => get<{ items: Link[] }>(`${base}/links`),
  });
  const docs = useQuery({
    queryKey: ['trust', slug, 'documents'],
    queryFn: () => get<{ items: Doc[] }>(`${base}/documents`),
  });
  const docOptions = [
    { value: '', label: 'All documents' },
    ...(docs.data?.items
      .filter((d) => d.accessLevel !== 'private')
      .map((d) => ({ value: d.id, label: d.title })) ?? []),
  ];
  const [g, setG] = useState({
    subjectKind: 'email',
    subject: '',
    documentId: '',
    expiresOn: '',
    invite: true,
  });
  const [l, setL] = useState({ label: '', documentId: '', expiresOn: '', passcode: '' });
  const [created, setCreated] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      notifications.show({ color: 'teal', message: ok });
      await qc.invalidateQueries({ queryKey: ['trust', slug] });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not done', message: errorMessage(e) });
    }
  };
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          Grants
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Tbody>
              {grants.data?.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <Text size="sm">
                      {x.subjectKind === 'domain' ? `Everyone at ${x.subject}` : x.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {x.documentTitle ?? 'All documents'} · until {until(x.expiresAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{state(x)}</Table.Td>
                  <Table.Td>
                    {canEdit && x.live && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => run(() => del(`${base}/grants/${x.id}`), 'Grant revoked')}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canEdit && (
          <Group align="end" mt="sm" wrap="wrap">
            <NativeSelect
              label="Who"
              data={[
                { value: 'email', label: 'A person' },
                { value: 'domain', label: 'A company (domain)' },
              ]}
              value={g.subjectKind}
              onChange={(e) => setG({ ...g, subjectKind: e.currentTarget.value })}
            />
            <TextInput
              label={g.subjectKind === 'email' ? 'Email' : 'Domain'}
              value={g.subject}
              onChange={(e) => setG({ ...g, subject: e.currentTarget.value })}
            />
            <NativeSelect
              label="Grant document"
              data={docOptions}
              value={g.documentId}
              onChange={(e) => setG({ ...g, documentId: e.currentTarget.value })}
            />
            <TextInput
              label="Grant expires on"
              type="date"
              value={g.expiresOn}
              onChange={(e) => setG({ ...g, expiresOn: e.currentTarget.value })}
            />
            {g.subjectKind === 'email' && (
              <Checkbox
                label="Email a sign-in link"
                checked={g.invite}
                onChange={(e) => setG({ ...g, invite: e.currentTarget.checked })}
              />
            )}
            <Button
              onClick={() =>
                run(
                  () =>
                    post(`${base}/grants`, {
                      subjectKind: g.subjectKind,
                      subject: g.subject,
                      documentId: g.documentId || null,
                      expiresOn: g.expiresOn || null,
                      invite: g.subjectKind === 'email' && g.invite,
                    }),
                  'Access granted',
                )
              }
            >
              Grant access
            </Button>
          </Group>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          Share links
        </Title>
        {created && (
          <Alert color="teal" mb="sm" title="Copy the link now: it is not shown again">
            <Group wrap="nowrap">
              <Code style={{ wordBreak: 'break-all' }} data-testid="created-link">
                {created}
              </Code>
              <CopyButton value={created}>
                {({ copy, copied }) => (
                  <Button size="xs" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Tbody>
              {links.data?.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <Text size="sm">{x.label}</Text>
                    <Text size="xs" c="dimmed">
                      {x.documentTitle ?? 'All documents'} · until {until(x.expiresAt)}
                      {x.hasPasscode ? ' · passcode' : ''}
                      {x.lastUsedAt ? ` · last used ${x.lastUsedAt.slice(0, 10)}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{state(x)}</Table.Td>
                  <Table.Td>
                    {canEdit && x.live && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Revoke link ${x.label}`}
                        onClick={() => run(() => del(`${base}/links/${x.id}`), 'Link revoked')}
                      >
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {canEdit && (
          <Group align="end" mt="sm" wrap="wrap">
            <TextInput
              label="Label"
              value={l.label}
              onChange={(e) => setL({ ...l, label: e.currentTarget.value })}
            />
            <NativeSelect
              label="Link document"
              data={docOptions}
              value={l.documentId}
              onChange={(e) => setL({ ...l, documentId: e.currentTarget.value })}
            />
            <TextInput
              label="Link expires on"
              type="date"
              value={l.expiresOn}
              onChange={(e) => setL({ ...l, expiresOn: e.currentTarget.value })}
            />
            <PasswordInput
              label="Passcode (optional)"
              value={l.passcode}
              onChange={(e) => setL({ ...l, passcode: e.currentTarget.value })}
            />
            <Button
              onClick={() =>
                run(async () => {
                  const r = await post<{ url: string }>(`${base}/links`, {
                    label: l.label,
                    documentId: l.documentId || null,
                    expiresOn: l.expiresOn || null,
                    passcode: l.passcode || null,
                  });
                  setCreated(r.url);
                }, 'Link created')
              }
            >
              Create link
            </Button>
          </Group>
        )}
      </Card>
    </SimpleGrid>
  );
}
