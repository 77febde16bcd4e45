import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import type {
  climateDetermination,
  contextIssue,
  interestedParty,
} from '../../../../src/contracts/isms-context.ts';

// The forms of the context page: the climate-change determination (4.1, Amd 1:2024), a new issue (4.1)
// and a new interested party with its requirements and climate-related requirements (4.2 NOTE 2).

type Climate = z.input<typeof climateDetermination>;
type Issue = z.input<typeof contextIssue>;
type Party = z.input<typeof interestedParty>;

const today = () => new Date().toISOString().slice(0, 10);
const answerOf = (relevant: boolean | null) => (relevant === null ? 'open' : relevant ? 'yes' : 'no');

export function ClimateForm({
  climate,
  pending,
  onSave,
}: {
  climate: Climate;
  pending: boolean;
  onSave: (c: Climate) => Promise<unknown>;
}) {
  const [answer, setAnswer] = useState(answerOf(climate.relevant));
  const [statement, setStatement] = useState(climate.statement ?? '');
  const [on, setOn] = useState(climate.determinedOn ?? today());
  return (
    <Stack gap="xs" mt="sm">
      <Radio.Group label="Is climate change a relevant issue?" value={answer} onChange={setAnswer}>
        <Group mt={4}>
          <Radio value="yes" label="Relevant" />
          <Radio value="no" label="Not relevant" />
          <Radio value="open" label="Not determined yet" />
        </Group>
      </Radio.Group>
      <Textarea
        label="Why (the determination)"
        value={statement}
        onChange={(e) => setStatement(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <TextInput
        label="Determined on"
        type="date"
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
      />
      <Group>
        <Button
          loading={pending}
          onClick={() =>
            void onSave({
              relevant: answer === 'open' ? null : answer === 'yes',
              statement,
              determinedOn: answer === 'open' ? null : on || null,
            }).catch(() => undefined)
          }
        >
          Save determination
        </Button>
      </Group>
    </Stack>
  );
}

export function AddIssueForm({
  pending,
  onAdd,
}: {
  pending: boolean;
  onAdd: (i: Issue) => Promise<unknown>;
}) {
  const [kind, setKind] = useState<'external' | 'internal'>('external');
  const [text, setText] = useState('');
  const [climate, setClimate] = useState(false);
  const add = () =>
    onAdd({ kind, text, climate, recordedOn: today() }).then(
      () => {
        setText('');
        setClimate(false);
      },
      () => undefined,
    );
  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end" grow>
        <NativeSelect
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value === 'internal' ? 'internal' : 'external')}
          data={[
            { value: 'external', label: 'External' },
            { value: 'internal', label: 'Internal' },
          ]}
        />
        <TextInput label="New issue" value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </Group>
      <Checkbox
        label="Part of the climate-change determination"
        checked={climate}
        onChange={(e) => setClimate(e.currentTarget.checked)}
      />
      <Group>
        <Button variant="default" loading={pending} disabled={text.trim() === ''} onClick={() => void add()}>
          Add issue
        </Button>
      </Group>
    </Stack>
  );
}

export function AddPartyForm({
  pending,
  onAdd,
}: {
  pending: boolean;
  onAdd: (p: Party) => Promise<unknown>;
}) {
  const [name, setName] = useState('');
  const [requirements, setRequirements] = useState('');
  const [climateRequirements, setClimateRequirements] = useState('');
  const add = () =>
    onAdd({ name, requirements, climateRequirements, recordedOn: today() }).then(
      () => {
        setName('');
        setRequirements('');
        setClimateRequirements('');
      },
      () => undefined,
    );
  return (
    <Stack gap="xs" mt="sm">
      <TextInput label="New interested party" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Textarea
        label="Their requirements"
        value={requirements}
        onChange={(e) => setRequirements(e.currentTarget.value)}
        autosize
      />
      <Textarea
        label="Their climate-related requirements"
        value={climateRequirements}
        onChange={(e) => setClimateRequirements(e.currentTarget.value)}
        autosize
      />
      <Group>
        <Button variant="default" loading={pending} disabled={name.trim() === ''} onClick={() => void add()}>
          Add party
        </Button>
      </Group>
    </Stack>
  );
}
