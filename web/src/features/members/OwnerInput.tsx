import { Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { memberQueries } from './api.ts';

/**
 * The owner of a finding, an action or a task: a member chosen by name. Guests (external auditors) own
 * nothing, so they are not offered; without the right to read the member list, an email address.
 */
export function OwnerInput({
  label = 'Owner',
  value,
  onChange,
  error,
}: {
  label?: string;
  value: string;
  onChange: (email: string) => void;
  error?: ReactNode;
}) {
  const org = useOrg();
  const members = useQuery({
    ...memberQueries.list(org.slug, { page: 1, pageSize: 200 }),
    enabled: can.readMembers(org.role),
  });
  if (!members.data)
    return (
      <TextInput
        label={`${label} (email)`}
        type="email"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
      />
    );
  const data = members.data.items
    .filter((m) => m.role !== 'external_auditor')
    .map((m) => ({ value: m.email, label: `${m.name} (${m.email})` }));
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={label}
      placeholder="not assigned"
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      error={error}
      searchable
      clearable
    />
  );
}
