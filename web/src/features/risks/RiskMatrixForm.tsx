import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RiskMatrixDto } from '../../../../src/contracts/isms-risks.ts';
import { errorMessage } from '../../api/client.ts';
import { invalidate } from '../../api/keys.ts';
import { useOrg } from '../../components/common.tsx';
import { risksApi } from './api.ts';

const colours = ['green', 'lime', 'yellow', 'orange', 'red', 'grape'];

/**
 * The organisation's risk acceptance criteria (6.1.2 a): scales, bands and the acceptance threshold.
 * The server refuses a matrix that would leave a recorded rating outside it, and says which.
 */
export function RiskMatrixForm({ matrix, onDone }: { matrix: RiskMatrixDto; onDone: () => void }) {
  const org = useOrg();
  const qc = useQueryClient();
  const [m, setM] = useState(matrix);
  const top = m.likelihood.length * m.impact.length;
  const save = useMutation({
    mutationFn: () => risksApi.saveMatrix(org.slug, m),
    onSuccess: () => {
      void invalidate(qc, org.slug, 'risks');
      onDone();
    },
    onError: (e) => notifications.show({ color: 'red', title: 'Matrix not saved', message: errorMessage(e) }),
  });
  const setBand = (i: number, patch: Partial<RiskMatrixDto['bands'][number]>) =>
    setM({ ...m, bands: m.bands.map((b, n) => (n === i ? { ...b, ...patch } : b)) });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <TagsInput
          label="Likelihood levels, lowest first"
          value={m.likelihood}
          onChange={(x) => setM({ ...m, likelihood: x })}
        />
        <TagsInput
          label="Impact levels, lowest first"
          value={m.impact}
          onChange={(x) => setM({ ...m, impact: x })}
        />
        <Text size="sm">
          Bands by score (likelihood × impact, highest {top}); the last band ends at {top}.
        </Text>
        {m.bands.map((b, i) => (
          <Group key={b.key} align="flex-end" wrap="nowrap">
            <TextInput
              label="Band"
              value={b.label}
              onChange={(e) => setBand(i, { label: e.currentTarget.value })}
              w={140}
            />
            <NumberInput
              label="Up to score"
              min={1}
              max={top}
              value={b.max}
              onChange={(n) => setBand(i, { max: Number(n) || 1 })}
              w={110}
            />
            <Select
              label="Colour"
              data={colours}
              value={b.colour}
              onChange={(c) => c && setBand(i, { colour: c })}
              w={110}
              allowDeselect={false}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove band ${b.label}`}
              onClick={() => setM({ ...m, bands: m.bands.filter((_, n) => n !== i) })}
              disabled={m.bands.length === 1}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          onClick={() =>
            setM({
              ...m,
              bands: [
                ...m.bands,
                { key: crypto.randomUUID().slice(0, 8), label: 'New band', max: top, colour: 'red' },
              ],
            })
          }
        >
          Add band
        </Button>
        <NumberInput
          label="Acceptable up to score"
          description="Residual risks above it need a treatment other than retain, or the owner's explicit acceptance"
          min={1}
          max={top}
          value={m.acceptableMax}
          onChange={(n) => setM({ ...m, acceptableMax: Number(n) || 1 })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save matrix
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
