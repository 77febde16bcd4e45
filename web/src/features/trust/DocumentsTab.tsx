import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import {
  trustAccessLevelLabels,
  trustAccessLevels,
  trustCategories,
  trustCategoryLabels,
  type trustDocument,
} from '../../../../src/contracts/trust.ts';
import { ApiError, del, errorMessage, get, patch, post } from '../../api/client.ts';
import { ErrorNote, Loading } from '../../components/common.tsx';

type Doc = z.infer<typeof trustDocument>;
const levelOptions = trustAccessLevels.map((l) => ({ value: l, label: trustAccessLevelLabels[l] }));
const categoryOptions = trustCategories.map((c) => ({ value: c, label: trustCategoryLabels[c] }));

export function DocumentsTab({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const base = `/api/v1/orgs/${slug}/trust/documents`;
  const docs = useQuery({
    queryKey: ['trust', slug, 'documents'],
    queryFn: () => get<{ items: Doc[] }>(base),
  });
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [level, setLevel] = useState('public');
  const [category, setCategory] = useState('policy');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['trust', slug] });
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) });
    }
  };
  async function uploadDoc(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    const form = new FormData();
    form.set('title', title);
    form.set('description', description);
    form.set('accessLevel', level);
    form.set('category', category);
    form.set('file', file);
    const res = await fetch(base, { method: 'POST', body: form, credentials: 'same-origin' });
    if (!res.ok) return setError(new ApiError(res.status, await res.json()).message);
    setFile(null);
    setTitle('');
    setDescription('');
    await refresh();
  }
  if (docs.isLoading) return <Loading />;
  if (docs.isError) return <ErrorNote error={docs.error} />;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Document</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th>Access level</Table.Th>
              <Table.Th>File</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {docs.data?.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{trustCategoryLabels[d.category]}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Access level of ${d.title}`}
                    data={levelOptions}
                    value={d.accessLevel}
                    disabled={!canEdit}
                    onChange={(e) =>
                      act(() => patch(`${base}/${d.id}`, { accessLevel: e.currentTarget.value }))
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor size="xs" href={`${base}/${d.id}/file`}>
                    {d.source === 'soa_summary' ? 'Generated from the approved SoA' : d.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {canEdit && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${d.title}`}
                      onClick={() => act(() => del(`${base}/${d.id}`))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canEdit && (
        <Card withBorder mt="md">
          <Title order={3} size="h5" mb="xs">
            Add a document
          </Title>
          <form onSubmit={uploadDoc}>
            <Group align="end" wrap="wrap">
              <TextInput
                label="Title"
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
              />
              <TextInput
                label="Description (shown to visitors)"
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              <NativeSelect
                label="Category"
                data={categoryOptions}
                value={category}
                onChange={(e) => setCategory(e.currentTarget.value)}
              />
              <NativeSelect
                label="Access level"
                data={levelOptions}
                value={level}
                onChange={(e) => setLevel(e.currentTarget.value)}
              />
              <FileInput label="File" value={file} onChange={setFile} w={220} clearable required />
              <Button type="submit" disabled={!file || !title}>
                Upload
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  act(() =>
                    post(`${base}/generated`, {
                      source: 'soa_summary',
                      title: 'Statement of Applicability summary',
                      accessLevel: 'nda',
                    }),
                  )
                }
              >
                Add SoA summary
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              After NDA and On request documents must be PDFs: every download is watermarked with the viewer’s
              email and time.
            </Text>
            {error && (
              <Alert color="red" mt="xs">
                {error}
              </Alert>
            )}
          </form>
        </Card>
      )}
    </>
  );
}
