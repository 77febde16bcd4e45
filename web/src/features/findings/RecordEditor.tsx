import {
  ActionIcon,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { invalidateFindingWork } from '../../api/keys.ts';
import { findingsApi } from './api.ts';
import type { FindingDetail } from './finding-types.ts';

/** Clause 10.2 a) correction, b) root cause, expected effect and d) effectiveness review. */
export function RecordEditor({
  org,
  finding,
  editable,
}: {
  org: string;
  finding: FindingDetail;
  editable: boolean;
}) {
  const qc = useQueryClient();
  const [r, setR] = useState(finding.record);
  const save = useMutation({
    mutationFn: () =>
      findingsApi.updateRecord(
        { org, findingId: finding.id },
        {
          correction: r.correction,
          rootCause: r.rootCause,
          expectedEffect: r.expectedEffect,
          effectiveness: r.effectiveness,
        },
      ),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Record saved' });
      void invalidateFindingWork(qc, org);
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) }),
  });
  const c = r.correction;
  const rc = r.rootCause;
  const ef = r.effectiveness;
  const setWhy = (i: number, patch: Partial<(typeof rc.whys)[number]>) =>
    setR({ ...r, rootCause: { ...rc, whys: rc.whys.map((x, j) => (j === i ? { ...x, ...patch } : x)) } });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Corrective action record
      </Title>
      <Stack gap="md">
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
          <Text fw={600} size="sm">
            Correction (containment now)
          </Text>
          <Textarea
            label="What was done"
            autosize
            minRows={2}
            value={c.what}
            onChange={(e) => setR({ ...r, correction: { ...c, what: e.currentTarget.value } })}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="By whom"
              value={c.who}
              onChange={(e) => setR({ ...r, correction: { ...c, who: e.currentTarget.value } })}
            />
            <TextInput
              label="On"
              type="date"
              value={c.on ?? ''}
              onChange={(e) => setR({ ...r, correction: { ...c, on: e.currentTarget.value || null } })}
            />
          </SimpleGrid>
          <Text fw={600} size="sm" mt="md">
            Root cause analysis
          </Text>
          <SegmentedControl
            aria-label="Method"
            data={[
              { value: 'five_whys', label: '5 whys' },
              { value: 'cause_categories', label: 'Cause categories' },
            ]}
            value={rc.method}
            onChange={(m) => setR({ ...r, rootCause: { ...rc, method: m as typeof rc.method } })}
          />
          {rc.method === 'five_whys' ? (
            <Stack gap={6} mt="xs">
              {rc.whys.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a why is identified by its place in the chain ("Why 2")
                <Group key={`why-${i}`} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={`Why ${i + 1}?`}
                    value={w.question}
                    onChange={(e) => setWhy(i, { question: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    label="Because"
                    value={w.answer}
                    onChange={(e) => setWhy(i, { answer: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove why ${i + 1}`}
                    onClick={() =>
                      setR({ ...r, rootCause: { ...rc, whys: rc.whys.filter((_, j) => j !== i) } })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  setR({ ...r, rootCause: { ...rc, whys: [...rc.whys, { question: '', answer: '' }] } })
                }
                disabled={rc.whys.length >= 10}
                w="fit-content"
              >
                Add a why
              </Button>
            </Stack>
          ) : (
            <Stack gap={6} mt="xs">
              {rc.categories.map((k, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position while edited
                <Group key={`cat-${i}`} align="flex-end" wrap="nowrap">
                  <Select
                    label="Category"
                    data={['people', 'process', 'technology', 'supplier', 'environment', 'governance']}
                    value={k.category}
                    onChange={(v) =>
                      v &&
                      setR({
                        ...r,
                        rootCause: {
                          ...rc,
                          categories: rc.categories.map((x, j) =>
                            j === i ? { ...x, category: v as typeof k.category } : x,
                          ),
                        },
                      })
                    }
                    w={160}
                  />
                  <TextInput
                    label="Cause"
                    value={k.cause}
                    onChange={(e) =>
                      setR({
                        ...r,
                        rootCause: {
                          ...rc,
                          categories: rc.categories.map((x, j) =>
                            j === i ? { ...x, cause: e.currentTarget.value } : x,
                          ),
                        },
                      })
                    }
                    style={{ flex: 1 }}
                  />
                </Group>
              ))}
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  setR({
                    ...r,
                    rootCause: { ...rc, categories: [...rc.categories, { category: 'process', cause: '' }] },
                  })
                }
                w="fit-content"
              >
                Add a cause
              </Button>
            </Stack>
          )}
          <Textarea
            label="Root cause statement"
            autosize
            minRows={2}
            value={rc.statement}
            onChange={(e) => setR({ ...r, rootCause: { ...rc, statement: e.currentTarget.value } })}
            mt="xs"
          />
          <Textarea
            label="Expected effect of the corrective actions"
            autosize
            minRows={2}
            value={r.expectedEffect}
            onChange={(e) => setR({ ...r, expectedEffect: e.currentTarget.value })}
            mt="md"
          />
          <Textarea
            label="Effectiveness criteria (10.2 d)"
            description="How the review of effectiveness will judge the corrective action; the review itself is its own record below"
            autosize
            minRows={2}
            value={ef.criteria}
            onChange={(e) => setR({ ...r, effectiveness: { ...ef, criteria: e.currentTarget.value } })}
            mt="md"
          />
        </fieldset>
        {editable && (
          <Group justify="flex-end">
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              Save record
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
