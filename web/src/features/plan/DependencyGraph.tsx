import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Forecast, Plan } from './model.ts';

// Dependency graph: tasks in layers by their longest chain of predecessors (left to right), arrows from
// predecessor to successor, the critical chain in red. Isolated tasks are left out to keep it readable.

const W = 190;
const H = 44;
const GX = 60;
const GY = 14;

export function DependencyGraph({
  plan,
  forecast,
  onOpen,
}: {
  plan: Plan;
  forecast: Forecast;
  onOpen: (id: string) => void;
}) {
  const layout = useMemo(() => {
    const critical = new Set(forecast.criticalPath);
    const linked = new Set(plan.dependencies.flatMap((d) => [d.predecessorId, d.successorId]));
    const tasks = plan.tasks.filter((t) => linked.has(t.id) || critical.has(t.id));
    const preds = new Map(
      tasks.map((t) => [
        t.id,
        plan.dependencies.filter((d) => d.successorId === t.id).map((d) => d.predecessorId),
      ]),
    );
    const layer = new Map<string, number>();
    const depth = (id: string, seen = new Set<string>()): number => {
      if (layer.has(id)) return layer.get(id)!;
      if (seen.has(id)) return 0;
      seen.add(id);
      const l = Math.max(-1, ...(preds.get(id) ?? []).map((p) => depth(p, seen))) + 1;
      layer.set(id, l);
      return l;
    };
    for (const t of tasks) depth(t.id);
    const columns = new Map<number, string[]>();
    for (const t of tasks) columns.set(layer.get(t.id)!, [...(columns.get(layer.get(t.id)!) ?? []), t.id]);
    const pos = new Map<string, { x: number; y: number }>();
    for (const [l, ids] of columns)
      for (const [i, id] of ids.entries()) pos.set(id, { x: 10 + l * (W + GX), y: 10 + i * (H + GY) });
    const width = 20 + columns.size * (W + GX);
    const height = 20 + Math.max(1, ...[...columns.values()].map((c) => c.length)) * (H + GY);
    return { tasks, pos, width, height, critical };
  }, [plan, forecast]);
  if (layout.tasks.length === 0)
    return <Text c="dimmed">No dependencies yet: add one from a task’s panel.</Text>;
  return (
    <div style={{ overflow: 'auto', maxHeight: 560, border: '1px solid var(--mantine-color-gray-3)' }}>
      <svg width={layout.width} height={layout.height} role="img" aria-label="Dependency graph">
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="10"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#868e96" />
          </marker>
        </defs>
        {plan.dependencies.map((d) => {
          const a = layout.pos.get(d.predecessorId);
          const b = layout.pos.get(d.successorId);
          if (!a || !b) return null;
          const hot = layout.critical.has(d.predecessorId) && layout.critical.has(d.successorId);
          return (
            <path
              key={d.id}
              d={`M${a.x + W},${a.y + H / 2} C${a.x + W + GX / 2},${a.y + H / 2} ${b.x - GX / 2},${b.y + H / 2} ${b.x},${b.y + H / 2}`}
              fill="none"
              stroke={hot ? '#e03131' : '#adb5bd'}
              strokeWidth={hot ? 2.5 : 1.5}
              markerEnd="url(#arrow)"
            />
          );
        })}
        {layout.tasks.map((t) => {
          const p = layout.pos.get(t.id)!;
          const hot = layout.critical.has(t.id);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it is keyboard reachable
            <g
              key={t.id}
              transform={`translate(${p.x},${p.y})`}
              onClick={() => onOpen(t.id)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(t.id)}
              role="button"
              tabIndex={0}
              style={{ cursor: 'pointer' }}
            >
              <rect
                width={W}
                height={H}
                rx={6}
                fill={hot ? '#fff5f5' : '#f8f9fa'}
                stroke={hot ? '#e03131' : '#ced4da'}
              />
              <text x={8} y={18} fontSize={12} fontWeight={600}>
                {(t.finding?.ref ?? 'task').slice(0, 12)}
              </text>
              <text x={8} y={34} fontSize={11}>
                {t.title.length > 30 ? `${t.title.slice(0, 29)}…` : t.title}
              </text>
              <title>{t.title}</title>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
