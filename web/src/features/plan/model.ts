import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  forecast as forecastSchema,
  PlanChange,
  plan as planSchema,
  planTask,
  scenarioComparison,
  scenario as scenarioSchema,
} from '../../../../src/contracts/planning.ts';
import { planApi, planKeys } from './api.ts';

export type Plan = z.infer<typeof planSchema>;
export type PlanTaskView = z.infer<typeof planTask>;
export type Forecast = z.infer<typeof forecastSchema>;
export type TaskForecast = Forecast['tasks'][number];
export type Scenario = z.infer<typeof scenarioSchema>;
export type Comparison = z.infer<typeof scenarioComparison>;
export type { PlanChange };
/** A bar dragged on the Gantt chart: its start moved or its estimate stretched, in days. */
export type DragChange = { taskId: string; kind: 'start' | 'estimate'; days: number };

export function usePlan(org: string, audit: string | null) {
  return useQuery({
    queryKey: planKeys.list(org, { audit }),
    queryFn: () => planApi.plan(org, audit),
  });
}

export function useScenarios(org: string) {
  return useQuery({
    queryKey: planKeys.part(org, 'scenarios'),
    queryFn: () => planApi.scenarios(org),
  });
}

export function useComparison(org: string, scenarioId: string | null, audit: string | null) {
  return useQuery({
    enabled: scenarioId !== null,
    queryKey: planKeys.part(org, 'scenarios', scenarioId, 'comparison', audit),
    queryFn: () => planApi.comparison(org, scenarioId ?? '', audit),
  });
}

/** Any change to the plan invalidates the plan, its scenarios and their comparisons. */
export function usePlanMutation<T>(org: string, fn: (input: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: planKeys.all(org) }),
  });
}

export function useScenarioChanges(org: string) {
  return usePlanMutation(org, (input: { scenarioId: string; changes: PlanChange[] }) =>
    planApi.updateScenario(org, input.scenarioId, { changes: input.changes }),
  );
}

export const createScenario = (org: string, name: string, changes: PlanChange[] = []) =>
  planApi.createScenario(org, { name, changes });

export const dayMs = 86_400_000;
export const dayIndex = (from: string, date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
// One formatter for the whole planner: building an Intl formatter per call is costly at thousands of rows.
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
export const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

export const statusColour = { on_track: 'teal', at_risk: 'red', no_open_tasks: 'gray' } as const;
export const statusLabel = {
  on_track: 'on track',
  at_risk: 'at risk',
  no_open_tasks: 'no open tasks',
} as const;
export const deadlineLabel = { cap: 'CAP', evidence: 'Evidence of Correction', close: 'closure' } as const;
