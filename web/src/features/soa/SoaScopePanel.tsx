import { Button, Card, Group, List, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { IsmsScope, SoaVersion } from '../../../../src/contracts/isms-soa.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { soaApi } from './api.ts';

const lists = [
  ['locations', 'Locations'],
  ['businessUnits', 'Business units'],
  ['systems', 'Systems'],
  ['processes', 'Processes'],
  ['interfaces', 'Interfaces'],
  ['dependencies', 'Dependencies'],
] as const;

// Exclusions and requirements are edited one per line: "item: reason" and "kind: name — note".
const exclusionsText = (s: IsmsScope) => s.exclusions.map((x) => `${x.item}: ${x.reason}`).join('\n');
const requirementsText = (s: IsmsScope) =>
  s.requirements.map((r) => `${r.kind}: ${r.name}${r.note ? ` — ${r.note}` : ''}`).join('\n');

function parseExclusions(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const at = l.indexOf(':');
      return at < 0
        ? { item: l, reason: '' }
        : { item: l.slice(0, at).trim(), reason: l.slice(at + 1).trim() };
    });
}

function parseRequirements(text: string): IsmsScope['requirements'] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(legal|regulatory|contractual)\s*:\s*(.*)$/i.exec(l);
      const kind = (m?.[1]?.toLowerCase() ?? 'legal') as IsmsScope['requirements'][number]['kind'];
      const [name = '', note = ''] = (m?.[2] ?? l).split(' — ');
      return { kind, name: name.trim(), note: note.trim() };
    });
}

/** The ISMS scope (clause 4.3) carried by each SoA version: read-only once the version is approved. */
export function SoaScopePanel({ version, editable }: { version: SoaVersion; editable: boolean }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [s, setS] = useState(version.scope);
  const [excl, setExcl] = useState(exclusionsText(version.scope));
  const [reqs, setReqs] = useState(requirementsText(version.scope));
  useEffect(() => {
    setS(version.scope);
    setExcl(exclusionsText(version.scope));
    setReqs(requirementsText(version.scope));
  }, [version]);
  const save = useMutation({
    mutationFn: () =>
      soaApi.updateScope(
        { org: org.slug, version: version.number },
        {
          scope: { ...s, exclusions: parseExclusions(excl), requirements: parseRequirements(reqs) },
        },
      ),
    onSuccess: () => {
      void invalidate(qc, org.slug, 'soa');
      notifications.show({ color: 'teal', title: 'Scope saved', message: `in version ${version.number}` });
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Scope not saved', message: errorMessage(e) }),
  });
  if (!editable)
    return (
      <Card withBorder>
        <Stack gap="xs">
          <Text>{s.statement || 'No scope statement recorded.'}</Text>
          {lists.map(([k, label]) => (
            <Text key={k} size="sm">
              <b>{label}:</b> {s[k].join('; ') || '—'}
            </Text>
          ))}
          <Title order={3} size="h5">
            Exclusions
          </Title>
          <List size="sm">
            {s.exclusions.map((x) => (
              <List.Item key={x.item}>
                {x.item}: {x.reason}
              </List.Item>
            ))}
          </List>
          <Title order={3} size="h5">
            Legal, regulatory and contractual requirements
          </Title>
          <List size="sm">
            {s.requirements.map((r) => (
              <List.Item key={r.name}>
                {r.kind}: {r.name} {r.note && `— ${r.note}`}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Card>
    );
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Textarea
            label="Scope statement"
            value={s.statement}
            onChange={(e) => setS({ ...s, statement: e.currentTarget.value })}
            autosize
            minRows={3}
          />
          {lists.map(([k, label]) => (
            <TagsInput key={k} label={label} value={s[k]} onChange={(x) => setS({ ...s, [k]: x })} />
          ))}
          <Textarea
            label="Exclusions (one per line: item: reason)"
            value={excl}
            onChange={(e) => setExcl(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label="Requirements (one per line: legal|regulatory|contractual: name — note)"
            value={reqs}
            onChange={(e) => setReqs(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save scope
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
