import { Alert, Center, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { Role } from '../../../src/vocabulary/roles.ts';
import { errorMessage } from '../api/client.ts';
import { useMe } from '../session.ts';

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" wrap="wrap">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" maw={720}>
            {description}
          </Text>
        )}
      </div>
      {actions}
    </Group>
  );
}

export function EmptyState({ title, hint }: { title: string; hint: string }) {
  return (
    <Center py="xl">
      <Stack align="center" gap={4}>
        <IconInbox size={32} color="var(--mantine-color-gray-5)" aria-hidden />
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={420}>
          {hint}
        </Text>
      </Stack>
    </Center>
  );
}

export function Loading() {
  return (
    <Center py="xl">
      <Loader aria-label="Loading" />
    </Center>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <Alert color="red" title="Something went wrong">
      {errorMessage(error)}
    </Alert>
  );
}

export function Pager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (p: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="flex-end" mt="sm">
      <Pagination
        value={page}
        onChange={onChange}
        total={pages}
        size="sm"
        aria-label="Pages"
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
      />
    </Group>
  );
}

/** The pager under a list the server pages (`page`, `pageSize`, `total` of `paged(...)`). */
export function ListPager({
  data,
  page,
  onChange,
}: {
  data: { pageSize: number; total: number } | undefined;
  page: number;
  onChange: (p: number) => void;
}) {
  return data ? <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={onChange} /> : null;
}

/** The organisation in the address and the signed-in person's role in it. */
export function useOrg(): { slug: string; name: string; role: Role; limited: boolean } {
  const { org } = useParams({ strict: false }) as { org: string };
  const me = useMe();
  const found = me.data?.organisations.find((o) => o.slug === org);
  return {
    slug: org,
    name: found?.name ?? org,
    role: found?.role ?? 'viewer',
    limited: found?.limited ?? false,
  };
}

export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
