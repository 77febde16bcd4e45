import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { gradeShortLabels } from '../../../../src/vocabulary/grades.ts';
import { type Dashboard, type Summary, shortDate } from './model.ts';

// Trends and burn-down: pictures rather than tables (issue #6). Each chart has a text summary for screen
// readers and for anyone who prefers figures.

export function TrendChart({ s }: { s: Summary }) {
  const data = s.trend.map((p) => ({
    at: shortDate(p.recordedAt),
    readinessScore: p.readinessScore,
    implementationScore: p.implementationScore,
  }));
  return (
    <Card withBorder component="section" aria-label="Score trend">
      <Title order={2} size="h4">
        Trend
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Recorded on each change of the figures and daily ({s.trend.length} points, model {s.model}).
      </Text>
      {data.length < 2 ? (
        <Text size="sm">The trend starts with today's figures.</Text>
      ) : (
        <LineChart
          h={220}
          data={data}
          dataKey="at"
          withLegend
          yAxisProps={{ domain: [0, 100] }}
          series={[
            { name: 'readinessScore', label: 'Readiness (/100)', color: 'indigo.6' },
            { name: 'implementationScore', label: 'Implementation (/100)', color: 'teal.6' },
          ]}
          curveType="monotone"
        />
      )}
    </Card>
  );
}

const deadlineLabel = { cap: 'CAP', evidence: 'Evidence', close: 'Closure' } as const;

/**
 * One line per deadline date, its labels joined ("CAP, Evidence"), and the labels of neighbouring lines
 * alternate between the bottom and the top of the chart so that they never print over each other (#19).
 */
function deadlineLines(deadlines: Dashboard['deadlines']) {
  const byDay = new Map<string, Dashboard['deadlines']>();
  for (const x of deadlines) byDay.set(x.on, [...(byDay.get(x.on) ?? []), x]);
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([on, xs], i) => ({
      x: on,
      label: xs.map((x) => deadlineLabel[x.kind]).join(', '),
      labelPosition: i % 2 === 0 ? ('insideBottomLeft' as const) : ('insideTopLeft' as const),
      color: xs.some((x) => x.kind === 'close') ? 'red.6' : 'gray.6',
    }));
}

export function BurndownChart({ d }: { d: Dashboard }) {
  const data = d.burndown.map((p) => ({ ...p, day: p.date }));
  return (
    <Card withBorder component="section" aria-label="Burn-down">
      <Title order={2} size="h4">
        Nonconformities burn-down
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Open nonconformities each day, the planner's forecast ahead, and the line to zero by the closure
        deadline.
      </Text>
      {data.length === 0 ? (
        <Text size="sm">No nonconformity recorded yet.</Text>
      ) : (
        <LineChart
          h={220}
          data={data}
          dataKey="day"
          withLegend
          connectNulls={false}
          xAxisProps={{ tickFormatter: (v: string) => shortDate(v) }}
          yAxisProps={{ allowDecimals: false }}
          referenceLines={deadlineLines(d.deadlines)}
          series={[
            { name: 'open', label: 'Open', color: 'red.6' },
            { name: 'forecast', label: 'Forecast', color: 'orange.5' },
            { name: 'target', label: 'Target', color: 'gray.5' },
          ]}
          strokeDasharray="4 4"
        />
      )}
    </Card>
  );
}

export function FindingsCharts({ d, s }: { d: Dashboard; s: Summary }) {
  const areas = [...s.byClause, ...s.byTheme].map((a) => ({ area: a.label, score: a.score ?? 0 }));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder component="section" aria-label="Open findings by grade">
        <Title order={2} size="h4" mb="xs">
          Open findings by grade
        </Title>
        <BarChart
          h={200}
          data={d.byGrade}
          dataKey="grade"
          withLegend
          yAxisProps={{ allowDecimals: false }}
          series={[
            { name: 'open', label: 'Open', color: 'indigo.6' },
            { name: 'overdue', label: 'Overdue', color: 'red.6' },
          ]}
        />
      </Card>
      <Card withBorder component="section" aria-label="Open findings by requirement">
        <Title order={2} size="h4" mb="xs">
          Open findings by requirement
        </Title>
        <BarChart
          h={200}
          data={d.byRequirement}
          dataKey="requirement"
          type="stacked"
          withLegend
          yAxisProps={{ allowDecimals: false }}
          xAxisProps={{ interval: 0 }}
          series={[
            { name: 'major', label: gradeShortLabels.major, color: 'red.6' },
            { name: 'minor', label: gradeShortLabels.minor, color: 'orange.5' },
            { name: 'ofi', label: gradeShortLabels.ofi, color: 'blue.4' },
          ]}
        />
      </Card>
      <Card withBorder component="section" aria-label="Readiness by clause and theme">
        <Title order={2} size="h4" mb="xs">
          Readiness by clause and Annex A theme
        </Title>
        <BarChart
          h={Math.max(200, areas.length * 22)}
          data={areas}
          dataKey="area"
          orientation="vertical"
          // Every bar keeps its label (recharts drops every other one when they look crowded).
          yAxisProps={{ width: 170, interval: 0 }}
          xAxisProps={{ domain: [0, 100] }}
          valueFormatter={(v) => `${v} %`}
          series={[{ name: 'score', label: 'Readiness', color: 'indigo.6' }]}
        />
      </Card>
    </SimpleGrid>
  );
}
