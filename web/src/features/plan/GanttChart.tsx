import { Badge, Box, Group, SegmentedControl, Text } from '@mantine/core';
import { useElementSize, useMediaQuery, useMergedRef } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { Bar, DeadlineLines, type Deadlines, Legend, ROW } from './GanttParts.tsx';
import {
  addDays,
  type DragChange,
  dayIndex,
  type Forecast,
  formatDay,
  type Plan,
  type PlanTaskView,
  statusColour,
  statusLabel,
} from './model.ts';

// Gantt of the forecast: tasks grouped by finding, the critical chain in red, deadline lines of each
// finding (CAP grey, Evidence of Correction orange, closure red). Rows are virtualised so that a plan of
// thousands of tasks scrolls smoothly: only the rows in view are in the DOM.

const LABEL = 280;
const VIEW_HEIGHT = 520;

type Row =
  | { kind: 'group'; key: string; title: string; status?: keyof typeof statusColour; deadlines: Deadlines }
  | { kind: 'task'; key: string; task: PlanTaskView; deadlines: Deadlines }
  /** On a phone: the task's title on a line of its own, above its bar. */
  | { kind: 'caption'; key: string; task: PlanTaskView; deadlines: Deadlines };

export type { DragChange } from './model.ts';

export function GanttChart({
  plan,
  forecast,
  onDrag,
  onOpen,
}: {
  plan: Pick<Plan, 'tasks' | 'findings'>;
  forecast: Forecast;
  onDrag?: (change: DragChange) => void;
  onOpen?: (taskId: string) => void;
}) {
  const [zoom, setZoom] = useState('14');
  const [scrollTop, setScrollTop] = useState(0);
  const [drag, setDrag] = useState<{
    taskId: string;
    kind: DragChange['kind'];
    x0: number;
    dx: number;
  } | null>(null);
  const dayWidth = Number(zoom);
  const byTask = useMemo(() => new Map(forecast.tasks.map((t) => [t.id, t])), [forecast]);
  const findingStatus = useMemo(() => new Map(forecast.findings.map((f) => [f.id, f.status])), [forecast]);
  // On a phone (#19 item 5) there is no label column: it left the bars a sliver of the width and cut the
  // titles. Each title takes a line of its own, as wide as the chart's view, above a bar with the whole
  // width.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;

  const rows = useMemo(() => {
    const out: Row[] = [];
    const task = (t: PlanTaskView, deadlines: Deadlines) => {
      if (narrow) out.push({ kind: 'caption', key: `${t.id}:caption`, task: t, deadlines });
      out.push({ kind: 'task', key: t.id, task: t, deadlines });
    };
    const open = plan.tasks.filter((t) => byTask.has(t.id));
    for (const f of plan.findings) {
      const mine = open.filter((t) => t.finding?.id === f.id);
      if (mine.length === 0) continue;
      const deadlines = { cap: f.capDueOn, evidence: f.evidenceDueOn, close: f.closeByOn };
      out.push({
        kind: 'group',
        key: f.id,
        title: `${f.auditRef} ${f.ref} (${f.grade})`,
        status: findingStatus.get(f.id),
        deadlines,
      });
      for (const t of mine) task(t, deadlines);
    }
    const other = open.filter((t) => !t.finding || !plan.findings.some((f) => f.id === t.finding?.id));
    const none = { cap: null, evidence: null, close: null };
    if (other.length > 0) out.push({ kind: 'group', key: 'other', title: 'Other tasks', deadlines: none });
    for (const t of other) task(t, none);
    return out;
  }, [plan, byTask, findingStatus, narrow]);

  const lastDate = useMemo(() => {
    const dates = [
      forecast.finishOn,
      ...plan.findings.flatMap((f) => [f.capDueOn, f.evidenceDueOn, f.closeByOn]),
    ];
    return (
      dates
        .filter((d): d is string => !!d)
        .sort()
        .at(-1) ?? forecast.today
    );
  }, [forecast, plan]);
  const days = Math.max(14, dayIndex(forecast.today, lastDate) + 7);
  const width = days * dayWidth;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  const visible = rows.slice(first, first + Math.ceil(VIEW_HEIGHT / ROW) + 10);
  const x = (date: string) => dayIndex(forecast.today, date) * dayWidth;
  const ticks = Array.from({ length: Math.ceil(days / 7) }, (_, i) => addDays(forecast.today, i * 7));
  const scrollRef = useRef<HTMLElement>(null);
  const { ref: sizeRef, width: viewWidth } = useElementSize<HTMLElement>();
  const sectionRef = useMergedRef(scrollRef, sizeRef);
  const labelWidth = narrow ? 0 : LABEL;

  const endDrag = () => {
    if (drag && onDrag) {
      const d = Math.round(drag.dx / dayWidth);
      if (d !== 0) onDrag({ taskId: drag.taskId, kind: drag.kind, days: d });
    }
    setDrag(null);
  };

  return (
    <Box>
      <Group justify="space-between" mb="xs">
        <Group gap="md">
          <Legend colour="var(--mantine-color-red-6)" label="critical chain" />
          <Legend colour="var(--mantine-color-blue-5)" label="task" />
          <Legend colour="var(--mantine-color-gray-6)" label="CAP due" line />
          <Legend colour="var(--mantine-color-orange-6)" label="evidence due" line />
          <Legend colour="var(--mantine-color-red-8)" label="closure due" line />
        </Group>
        <SegmentedControl
          size="xs"
          value={zoom}
          onChange={setZoom}
          data={[
            { label: 'Weeks', value: '8' },
            { label: 'Days', value: '14' },
            { label: 'Detail', value: '24' },
          ]}
          aria-label="Zoom"
        />
      </Group>
      <section
        ref={sectionRef}
        style={{
          height: VIEW_HEIGHT,
          overflow: 'auto',
          position: 'relative',
          border: '1px solid var(--mantine-color-gray-3)',
        }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onPointerMove={(e) => drag && setDrag({ ...drag, dx: e.clientX - drag.x0 })}
        onPointerUp={endDrag}
        onPointerLeave={endDrag}
        data-testid="gantt"
        // Reachable by keyboard (2.1.1): focused, the chart scrolls with the arrow keys.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll
        tabIndex={0}
        aria-label="Gantt chart of the plan's tasks, by finding"
      >
        <div style={{ height: rows.length * ROW + ROW, width: labelWidth + width, position: 'relative' }}>
          <div
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 3,
              height: ROW,
              display: 'flex',
              background: 'var(--mantine-color-body)',
            }}
          >
            <div
              style={{
                width: labelWidth,
                flex: 'none',
                position: 'sticky',
                left: 0,
                background: 'var(--mantine-color-body)',
              }}
            />
            <div style={{ position: 'relative', width }}>
              {ticks.map((t) => (
                <Text key={t} size="xs" c="dimmed" style={{ position: 'absolute', left: x(t) + 2, top: 6 }}>
                  {formatDay(t)}
                </Text>
              ))}
            </div>
          </div>
          {visible.map((row, i) => (
            <div
              key={row.key}
              style={{
                position: 'absolute',
                top: ROW + (first + i) * ROW,
                height: ROW,
                display: 'flex',
                width: labelWidth + width,
              }}
            >
              {(!narrow || row.kind !== 'task') && (
                <div
                  style={{
                    width: narrow ? viewWidth || 320 : labelWidth,
                    flex: 'none',
                    position: 'sticky',
                    left: 0,
                    zIndex: 2,
                    background:
                      row.kind === 'group' && narrow
                        ? 'var(--mantine-color-gray-0)'
                        : 'var(--mantine-color-body)',
                    padding: narrow ? '1px 8px' : '4px 8px',
                    overflow: 'hidden',
                    whiteSpace: narrow ? 'normal' : 'nowrap',
                    textOverflow: 'ellipsis',
                    borderRight: narrow ? undefined : '1px solid var(--mantine-color-gray-3)',
                  }}
                >
                  {row.kind === 'group' ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" fw={600} truncate>
                        {row.title}
                      </Text>
                      {row.status && (
                        <Badge size="xs" color={statusColour[row.status]}>
                          {statusLabel[row.status]}
                        </Badge>
                      )}
                    </Group>
                  ) : narrow ? (
                    <Text
                      size="xs"
                      lh={1.2}
                      lineClamp={2}
                      title={row.task.title}
                      style={{ cursor: onOpen ? 'pointer' : undefined }}
                      onClick={() => onOpen?.(row.task.id)}
                    >
                      {row.task.title}
                    </Text>
                  ) : (
                    <Text
                      size="sm"
                      truncate
                      pl="sm"
                      title={row.task.title}
                      style={{ cursor: onOpen ? 'pointer' : undefined }}
                      onClick={() => onOpen?.(row.task.id)}
                    >
                      {row.task.title}
                    </Text>
                  )}
                </div>
              )}
              {!(narrow && row.kind !== 'task') && (
                <div
                  style={{
                    position: 'relative',
                    width,
                    background: row.kind === 'group' ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                >
                  <DeadlineLines deadlines={row.deadlines} x={x} />
                  {row.kind === 'task' && (
                    <Bar
                      task={row.task}
                      at={byTask.get(row.task.id)!}
                      x={x}
                      dayWidth={dayWidth}
                      shift={drag?.taskId === row.task.id ? drag : null}
                      onStart={
                        onDrag ? (kind, x0) => setDrag({ taskId: row.task.id, kind, x0, dx: 0 }) : undefined
                      }
                    />
                  )}
                </div>
              )}
            </div>
          ))}
        </div>
      </section>
      {onDrag && (
        <Text size="xs" c="dimmed" mt={4}>
          Drag a bar to move its start, or its right edge to change the estimate: the change goes into the
          what-if scenario, never straight into the plan.
        </Text>
      )}
    </Box>
  );
}
