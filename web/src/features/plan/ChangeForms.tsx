import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useState } from 'react';
import type { Plan, PlanChange } from './model.ts';

// Forms that add changes to a what-if scenario. "Add a person" can name a member who is not in the plan
// yet or a placeholder (someone to hire or contract); the tasks they take over become owner changes.

export function ChangeForms({
  plan,
  people,
  onAdd,
}: {
  plan: Plan;
  people: { id: string; name: string }[];
  onAdd: (c: PlanChange[]) => void;
}) {
  const [kind, setKind] = useState('add_person');
  const tasks = plan.tasks
    .filter((t) => t.status !== 'done')
    .map((t) => ({ value: t.id, label: t.finding ? `${t.finding.ref}: ${t.title}` : t.title }));
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={setKind}
        data={[
          { value: 'add_person', label: 'Add a person' },
          { value: 'owner', label: 'Reassign' },
          { value: 'estimate', label: 'Estimate' },
          { value: 'capacity', label: 'Capacity' },
          { value: 'start', label: 'Start date' },
          { value: 'dependency', label: 'Dependency' },
        ]}
      />
      {kind === 'add_person' && <AddPerson plan={plan} tasks={tasks} onAdd={onAdd} />}
      {kind === 'owner' && (
        <Pick
          tasks={tasks}
          people={people}
          onAdd={(taskId, ownerId) => onAdd([{ kind: 'owner', taskId, ownerId }])}
        />
      )}
      {kind === 'estimate' && (
        <TaskNumber
          tasks={tasks}
          label="New effort (working days)"
          onAdd={(taskId, n) => onAdd([{ kind: 'estimate', taskId, effortDays: n }])}
        />
      )}
      {kind === 'capacity' && (
        <PersonShare
          people={people}
          onAdd={(personId, share) => onAdd([{ kind: 'capacity', personId, share }])}
        />
      )}
      {kind === 'start' && (
        <StartDate
          tasks={tasks}
          onAdd={(taskId, d) => onAdd([{ kind: 'start', taskId, earliestStart: d }])}
        />
      )}
      {kind === 'dependency' && <Dependency tasks={tasks} plan={plan} onAdd={onAdd} />}
    </Stack>
  );
}

type Options = { value: string; label: string }[];

function AddPerson({ plan, tasks, onAdd }: { plan: Plan; tasks: Options; onAdd: (c: PlanChange[]) => void }) {
  const [name, setName] = useState('');
  const [share, setShare] = useState<number | string>(100);
  const [takes, setTakes] = useState<string[]>([]);
  const [member, setMember] = useState<string | null>(null);
  const inPlan = new Set(plan.people.map((p) => p.id));
  const add = () => {
    const personId = member ?? `placeholder:${name.trim().toLowerCase().replace(/\W+/g, '-')}`;
    onAdd([
      { kind: 'add_person', personId, name: name.trim() || 'New person', share: Number(share) / 100 },
      ...takes.map((taskId) => ({ kind: 'owner' as const, taskId, ownerId: personId })),
    ]);
    setName('');
    setTakes([]);
  };
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label="Name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        placeholder="e.g. Contract engineer"
        w={200}
      />
      <Select
        label="Or a member"
        value={member}
        onChange={(v) => {
          setMember(v);
          if (v) setName(plan.people.find((p) => p.id === v)?.name ?? name);
        }}
        clearable
        w={180}
        data={plan.people
          .filter((p) => !inPlan.has(p.id) || !p.configured)
          .map((p) => ({ value: p.id, label: p.name }))}
      />
      <NumberInput
        label="Share of a day (%)"
        value={share}
        onChange={setShare}
        min={5}
        max={100}
        suffix="%"
        w={110}
      />
      <MultiSelect label="Takes over" data={tasks} value={takes} onChange={setTakes} searchable w={360} />
      <Button onClick={add} disabled={!name.trim() && !member}>
        Add to scenario
      </Button>
    </Group>
  );
}

function Pick({
  tasks,
  people,
  onAdd,
}: {
  tasks: Options;
  people: { id: string; name: string }[];
  onAdd: (taskId: string, ownerId: string | null) => void;
}) {
  const [task, setTask] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  return (
    <Group align="flex-end">
      <Select label="Task" data={tasks} value={task} onChange={setTask} searchable w={360} />
      <Select
        label="New owner"
        data={people.map((p) => ({ value: p.id, label: p.name }))}
        value={owner}
        onChange={setOwner}
        w={220}
      />
      <Button disabled={!task || !owner} onClick={() => task && onAdd(task, owner)}>
        Add to scenario
      </Button>
    </Group>
  );
}

function TaskNumber({
  tasks,
  label,
  onAdd,
}: {
  tasks: Options;
  label: string;
  onAdd: (taskId: string, n: number) => void;
}) {
  const [task, setTask] = useState<string | null>(null);
  const [n, setN] = useState<number | string>(1);
  return (
    <Group align="flex-end">
      <Select label="Task" data={tasks} value={task} onChange={setTask} searchable w={360} />
      <NumberInput label={label} value={n} onChange={setN} min={0} max={1000} step={0.5} w={190} />
      <Button disabled={!task} onClick={() => task && onAdd(task, Number(n))}>
        Add to scenario
      </Button>
    </Group>
  );
}

function PersonShare({
  people,
  onAdd,
}: {
  people: { id: string; name: string }[];
  onAdd: (id: string, share: number) => void;
}) {
  const [person, setPerson] = useState<string | null>(null);
  const [share, setShare] = useState<number | string>(100);
  return (
    <Group align="flex-end">
      <Select
        label="Person"
        data={people.map((p) => ({ value: p.id, label: p.name }))}
        value={person}
        onChange={setPerson}
        w={220}
      />
      <NumberInput
        label="Share of a day (%)"
        value={share}
        onChange={setShare}
        min={5}
        max={100}
        suffix="%"
        w={120}
      />
      <Button disabled={!person} onClick={() => person && onAdd(person, Number(share) / 100)}>
        Add to scenario
      </Button>
    </Group>
  );
}

function StartDate({ tasks, onAdd }: { tasks: Options; onAdd: (taskId: string, d: string | null) => void }) {
  const [task, setTask] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(null);
  return (
    <Group align="flex-end">
      <Select label="Task" data={tasks} value={task} onChange={setTask} searchable w={360} />
      <DatePickerInput
        label="Not before"
        value={date}
        onChange={(v) => setDate(v as string | null)}
        clearable
        w={160}
      />
      <Button disabled={!task} onClick={() => task && onAdd(task, date)}>
        Add to scenario
      </Button>
    </Group>
  );
}

function Dependency({
  tasks,
  plan,
  onAdd,
}: {
  tasks: Options;
  plan: Plan;
  onAdd: (c: PlanChange[]) => void;
}) {
  const [pred, setPred] = useState<string | null>(null);
  const [succ, setSucc] = useState<string | null>(null);
  const exists = plan.dependencies.some((d) => d.predecessorId === pred && d.successorId === succ);
  return (
    <Group align="flex-end">
      <Select label="First" data={tasks} value={pred} onChange={setPred} searchable w={300} />
      <Select label="Then" data={tasks} value={succ} onChange={setSucc} searchable w={300} />
      <Button
        disabled={!pred || !succ}
        onClick={() =>
          pred &&
          succ &&
          onAdd([
            exists
              ? { kind: 'remove_dependency', predecessorId: pred, successorId: succ }
              : { kind: 'add_dependency', predecessorId: pred, successorId: succ, lagDays: 0 },
          ])
        }
      >
        {exists ? 'Remove the dependency' : 'Add the dependency'}
      </Button>
    </Group>
  );
}
