import { ActionIcon, Badge, Button, Card, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { organisationSettings } from '../../../../src/contracts/foundation.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { invalidate, sessionKeys } from '../../api/keys.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { SecurityPanel } from '../account/SecurityPanel.tsx';
import { settingsApi, settingsQueries } from './api.ts';
import { DeadlinePoliciesPanel } from './DeadlinePoliciesPanel.tsx';

type Settings = z.infer<typeof organisationSettings>;

export function SettingsPage() {
  const org = useOrg();
  const qc = useQueryClient();
  const settings = useQuery(settingsQueries.settings(org.slug));
  const [draft, setDraft] = useState<Settings | null>(null);
  const [holiday, setHoliday] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (s: Settings) => settingsApi.saveSettings(org.slug, s),
    onSuccess: () => {
      setErrors({});
      notifications.show({ color: 'teal', message: 'Settings saved' });
      void invalidate(qc, org.slug, 'settings');
      void qc.invalidateQueries({ queryKey: sessionKeys.me });
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors());
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
    },
  });
  const editable = can.updateOrganisation(org.role);

  return (
    <>
      <PageHeader title="Settings" description="Your organisation and your own account." />
      <Stack gap="lg">
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Organisation
          </Title>
          {settings.isLoading || !draft ? (
            settings.isError ? (
              <ErrorNote error={settings.error} />
            ) : (
              <Loading />
            )
          ) : (
            <Stack gap="sm" maw={520}>
              <TextInput
                label="Name"
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
                error={errors.name}
                disabled={!editable}
              />
              <TextInput
                label="Time zone"
                description="IANA name, e.g. Europe/Paris"
                value={draft.timezone}
                onChange={(e) => setDraft({ ...draft, timezone: e.currentTarget.value })}
                disabled={!editable}
              />
              <NumberInput
                label="Systemic major warning"
                description="Open minor nonconformities on one requirement or process in one audit cycle that raise the warning"
                min={2}
                max={20}
                value={draft.systemicMinorThreshold}
                onChange={(v) => setDraft({ ...draft, systemicMinorThreshold: Number(v) || 2 })}
                disabled={!editable}
              />
              <TextInput
                label="Deadline reminders"
                description="Days before a deadline when its owner is reminded, comma separated (empty: none)"
                value={draft.reminderDaysBefore.join(', ')}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    reminderDaysBefore: e.currentTarget.value
                      .split(',')
                      .map((x) => Number.parseInt(x.trim(), 10))
                      .filter((n) => Number.isInteger(n) && n >= 0)
                      .slice(0, 5),
                  })
                }
                error={errors.reminderDaysBefore}
                disabled={!editable}
              />
              <NumberInput
                label="Daily digest from (UTC hour)"
                min={0}
                max={23}
                value={draft.digestHourUtc}
                onChange={(v) => setDraft({ ...draft, digestHourUtc: Number(v) || 0 })}
                disabled={!editable}
              />
              <div>
                <TextInput
                  label="Holidays"
                  description="Skipped when deadlines count working days"
                  type="date"
                  value={holiday}
                  onChange={(e) => setHoliday(e.currentTarget.value)}
                  disabled={!editable}
                  rightSectionWidth={70}
                  rightSection={
                    <Button
                      size="compact-xs"
                      disabled={!holiday || !editable}
                      onClick={() => {
                        setDraft({ ...draft, holidays: [...new Set([...draft.holidays, holiday])].sort() });
                        setHoliday('');
                      }}
                    >
                      Add
                    </Button>
                  }
                />
                <Group gap={6} mt="xs">
                  {draft.holidays.map((h) => (
                    <Badge
                      key={h}
                      variant="light"
                      rightSection={
                        editable && (
                          <ActionIcon
                            size="xs"
                            variant="transparent"
                            aria-label={`Remove holiday ${h}`}
                            onClick={() =>
                              setDraft({ ...draft, holidays: draft.holidays.filter((x) => x !== h) })
                            }
                          >
                            <IconX size={10} />
                          </ActionIcon>
                        )
                      }
                    >
                      {h}
                    </Badge>
                  ))}
                </Group>
              </div>
              {editable && (
                <Group>
                  <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
                    Save organisation settings
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Card>
        <DeadlinePoliciesPanel org={org.slug} editable={org.role === 'admin'} />
        <SecurityPanel />
      </Stack>
    </>
  );
}
