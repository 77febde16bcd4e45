import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import {
  type faqItem,
  type framework,
  frameworkStatuses,
  frameworkStatusLabels,
} from '../../../../src/contracts/trust.ts';

type Framework = z.infer<typeof framework>;
type Faq = z.infer<typeof faqItem>;

export function FrameworksEditor({
  value,
  onChange,
}: {
  value: Framework[];
  onChange: (v: Framework[]) => void;
}) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Frameworks
      </Title>
      {value.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position while edited
        <Group key={`fw-${i}`} mb={4} wrap="nowrap">
          <TextInput
            aria-label="Framework"
            value={f.name}
            onChange={(e) =>
              onChange(value.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))
            }
          />
          <NativeSelect
            aria-label="Framework status"
            value={f.status}
            onChange={(e) =>
              onChange(
                value.map((x, j) =>
                  j === i ? { ...x, status: e.currentTarget.value as typeof f.status } : x,
                ),
              )
            }
            data={frameworkStatuses.map((s) => ({ value: s, label: frameworkStatusLabels[s] }))}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove ${f.name}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        size="xs"
        variant="default"
        onClick={() => onChange([...value, { name: '', status: 'in_progress', note: '' }])}
      >
        Add framework
      </Button>
    </Card>
  );
}

export function FaqEditor({ value, onChange }: { value: Faq[]; onChange: (v: Faq[]) => void }) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        FAQ
      </Title>
      {value.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position while edited
        <Stack key={`faq-${i}`} gap={4} mb="sm">
          <TextInput
            aria-label={`Question ${i + 1}`}
            value={f.question}
            onChange={(e) =>
              onChange(value.map((x, j) => (j === i ? { ...x, question: e.currentTarget.value } : x)))
            }
          />
          <Textarea
            aria-label={`Answer ${i + 1}`}
            autosize
            value={f.answer}
            onChange={(e) =>
              onChange(value.map((x, j) => (j === i ? { ...x, answer: e.currentTarget.value } : x)))
            }
          />
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove question
          </Button>
        </Stack>
      ))}
      <Button size="xs" variant="default" onClick={() => onChange([...value, { question: '', answer: '' }])}>
        Add question
      </Button>
    </Card>
  );
}
