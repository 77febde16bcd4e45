import { Group, Text } from '@mantine/core';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { type DragChange, type Forecast, formatDay, type PlanTaskView } from './model.ts';

export const ROW = 30;
export type Deadlines = { cap: string | null; evidence: string | null; close: string | null };

export function Bar({
  task,
  at,
  x,
  dayWidth,
  shift,
  onStart,
}: {
  task: PlanTaskView;
  at: Forecast['tasks'][number];
  x: (d: string) => number;
  dayWidth: number;
  shift: { kind: DragChange['kind']; dx: number } | null;
  onStart?: (kind: DragChange['kind'], x0: number) => void;
}) {
  const left = x(at.startOn) + (shift?.kind === 'start' ? shift.dx : 0);
  const w =
    Math.max(4, x(at.finishOn) - x(at.startOn) + dayWidth) + (shift?.kind === 'estimate' ? shift.dx : 0);
  const colour = at.critical
    ? 'var(--mantine-color-red-6)'
    : at.marginDays !== null && at.marginDays < 0
      ? 'var(--mantine-color-orange-5)'
      : 'var(--mantine-color-blue-5)';
  const label = `${task.title}: ${formatDay(at.startOn)} – ${formatDay(at.finishOn)}, ${plural(at.durationDays, 'working day')}${task.owner ? `, ${task.owner.name}` : ''}${at.critical ? ', on the critical chain' : ''}`;
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      data-critical={at.critical ? 'true' : 'false'}
      onPointerDown={(e) => onStart?.('start', e.clientX)}
      style={{
        position: 'absolute',
        left,
        top: 6,
        height: ROW - 12,
        width: Math.max(4, w),
        background: colour,
        borderRadius: 4,
        cursor: onStart ? 'grab' : undefined,
        touchAction: 'none',
      }}
    >
      {onStart && (
        <div
          onPointerDown={(e) => {
            e.stopPropagation();
            onStart('estimate', e.clientX);
          }}
          style={{ position: 'absolute', right: 0, top: 0, bottom: 0, width: 6, cursor: 'ew-resize' }}
        />
      )}
    </div>
  );
}

export function DeadlineLines({ deadlines, x }: { deadlines: Deadlines; x: (d: string) => number }) {
  const lines = [
    [deadlines.cap, 'var(--mantine-color-gray-6)'],
    [deadlines.evidence, 'var(--mantine-color-orange-6)'],
    [deadlines.close, 'var(--mantine-color-red-8)'],
  ] as const;
  return (
    <>
      {lines.map(([d, c]) =>
        d && x(d) >= 0 ? (
          <div
            key={c}
            style={{ position: 'absolute', left: x(d), top: 0, bottom: 0, borderLeft: `2px dashed ${c}` }}
          />
        ) : null,
      )}
    </>
  );
}

export function Legend({ colour, label, line }: { colour: string; label: string; line?: boolean }) {
  return (
    <Group gap={4}>
      <div
        style={
          line
            ? { width: 0, height: 12, borderLeft: `2px dashed ${colour}` }
            : { width: 12, height: 8, background: colour, borderRadius: 2 }
        }
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
