import { Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import {
  type Framework,
  type overrideInput,
  relationships,
  sourceLabel,
} from '../../../../src/contracts/isms-crosswalks.ts';
import { errorMessage } from '../../api/client.ts';
import { useOrg } from '../../components/common.tsx';
import { crosswalkKeys, crosswalkQueries, crosswalksApi } from './api.ts';

/** An admin's corrections to the shipped mapping; each is kept beside the shipped row, never over it. */
export function MappingOverrides({ framework, editable }: { framework: Framework; editable: boolean }) {
  const org = useOrg();
  const qc = useQueryClient();
  const one = { org: org.slug, framework };
  const list = useQuery(crosswalkQueries.overrides(one));
  const [v, setV] = useState({
    from: '',
    fromKind: 'annex_a',
    to: '',
    relationship: 'intersect',
    reason: '',
  });
  const refresh = () => qc.invalidateQueries({ queryKey: crosswalkKeys.detail(org.slug, framework) });
  const save = useMutation({
    mutationFn: () =>
      crosswalksApi.saveOverride(one, {
        ...v,
        relationship: v.relationship === 'remove' ? null : v.relationship,
      } as z.input<typeof overrideInput>),
    onSuccess: () => {
      setV({ ...v, reason: '' });
      void refresh();
    },
    onError: (e) =>
      notifications.show({ color: 'red', title: 'Correction not saved', message: errorMessage(e) }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => crosswalksApi.removeOverride({ ...one, overrideId: id }),
    onSuccess: () => void refresh(),
    onError: (e) => notifications.show({ color: 'red', title: 'Not withdrawn', message: errorMessage(e) }),
  });
  return (
    <Stack>
      <Table aria-label="Mapping corrections">
        <Table.Tbody>
          {list.data?.length === 0 && (
            <Table.Tr>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  No corrections: the shipped mapping applies as is.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {list.data?.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                {sourceLabel(o)} → {o.to}
              </Table.Td>
              <Table.Td>{o.relationship ?? 'removed'}</Table.Td>
              <Table.Td>{o.reason}</Table.Td>
              <Table.Td>{o.createdBy}</Table.Td>
              {editable && (
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(o.id)}>
                    Withdraw
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Group align="flex-end">
            <Select
              label="Source"
              data={[
                { value: 'annex_a', label: 'Annex A control' },
                { value: 'clause', label: 'Clause' },
                { value: 'own_control', label: 'Own control (your mapping)' },
              ]}
              value={v.fromKind}
              onChange={(k) => k && setV({ ...v, fromKind: k })}
              allowDeselect={false}
              w={190}
            />
            <TextInput
              label="Id"
              placeholder="8.8"
              value={v.from}
              onChange={(e) => setV({ ...v, from: e.currentTarget.value })}
              w={80}
              required
            />
            <TextInput
              label="Target"
              placeholder={framework === 'soc2' ? 'CC7.1' : 'DE.CM-01'}
              value={v.to}
              onChange={(e) => setV({ ...v, to: e.currentTarget.value })}
              w={110}
              required
            />
            <Select
              label="Relationship"
              data={[...relationships, 'remove']}
              value={v.relationship}
              onChange={(r) => r && setV({ ...v, relationship: r })}
              allowDeselect={false}
              w={130}
            />
            <TextInput
              label="Why"
              value={v.reason}
              onChange={(e) => setV({ ...v, reason: e.currentTarget.value })}
              w={280}
              required
            />
            <Button type="submit" loading={save.isPending}>
              Save correction
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
