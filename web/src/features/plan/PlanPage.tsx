import { Button, Card, Drawer, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { planApi } from './api.ts';
import { CalendarFeedsButton } from './CalendarFeedsButton.tsx';
import { DependencyGraph } from './DependencyGraph.tsx';
import { FreeTaskForm } from './FreeTaskForm.tsx';
import { GanttChart } from './GanttChart.tsx';
import { createScenario, type DragChange, type Plan, usePlan, useScenarioChanges } from './model.ts';
import { RiskSummary } from './RiskSummary.tsx';
import { TaskBoard } from './TaskBoard.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';
import { TaskList } from './TaskList.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { WorkloadView } from './WorkloadView.tsx';

/** The remediation planner: when each finding closes, whether the deadlines hold, and what would change it. */
export function PlanPage() {
  const org = useOrg();
  const search = useSearch({ strict: false }) as { task?: string; tab?: string };
  const navigate = useNavigate();
  const [audit, setAudit] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>(search.tab ?? 'gantt');
  const [taskId, setTaskId] = useState<string | null>(search.task ?? null);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const plan = usePlan(org.slug, audit);
  const changes = useScenarioChanges(org.slug);
  const [adding, add] = useDisclosure(false);
  const canAdd = can.editPlan(org.role);
  const auditRefs = [...new Set((plan.data?.findings ?? []).map((f) => f.auditRef))];

  // A drag on the main Gantt goes into the chosen scenario (or a new one), never into the plan itself.
  const onDrag = async (d: DragChange) => {
    try {
      let id = scenarioId;
      if (!id) {
        id = (await createScenario(org.slug, 'Changes from the Gantt')).id;
        setScenarioId(id);
      }
      const { items } = await planApi.scenarios(org.slug);
      const current = items.find((s) => s.id === id)!;
      const task = plan.data!.tasks.find((t) => t.id === d.taskId)!;
      const at = plan.data!.forecast.tasks.find((t) => t.id === d.taskId)!;
      const share = plan.data!.people.find((p) => p.id === task.owner?.id)?.share ?? 1;
      const change =
        d.kind === 'start'
          ? {
              kind: 'start' as const,
              taskId: task.id,
              earliestStart: new Date(Date.parse(`${at.startOn}T00:00:00Z`) + d.days * 86_400_000)
                .toISOString()
                .slice(0, 10),
            }
          : {
              kind: 'estimate' as const,
              taskId: task.id,
              effortDays: Math.max(0, Math.round((task.effortDays + d.days * share) * 2) / 2),
            };
      await changes.mutateAsync({ scenarioId: id, changes: [...current.changes, change] });
      setTab('what-if');
      notifications.show({ message: 'Added to the what-if scenario: compare before applying.' });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  return (
    <>
      <PageHeader
        title="Remediation plan"
        description="Tasks, dependencies and people's capacity, scheduled against the certification body's deadlines."
        actions={
          <Group>
            <Select
              aria-label="Audit"
              placeholder="All audits"
              value={audit}
              onChange={setAudit}
              data={auditRefs}
              clearable
              w={180}
            />
            <CalendarFeedsButton org={org.slug} />
            {canAdd && plan.data && <Button onClick={add.open}>Add a free task</Button>}
          </Group>
        }
      />
      {plan.isLoading && <Loading />}
      {plan.error && <ErrorNote error={plan.error} />}
      {plan.data && (
        <>
          <RiskSummary forecast={plan.data.forecast} />
          <Tabs
            value={tab}
            onChange={(t) => {
              setTab(t);
              navigate({ to: '.', search: {} as never });
            }}
            keepMounted={false}
          >
            <Tabs.List mb="sm">
              <Tabs.Tab value="gantt">Gantt</Tabs.Tab>
              <Tabs.Tab value="list">List</Tabs.Tab>
              <Tabs.Tab value="board">Board</Tabs.Tab>
              <Tabs.Tab value="workload">Workload</Tabs.Tab>
              <Tabs.Tab value="graph">Dependencies</Tabs.Tab>
              <Tabs.Tab value="what-if">What-if</Tabs.Tab>
            </Tabs.List>
            <Card withBorder>
              <Tabs.Panel value="gantt">
                <PlanGantt
                  {...(canAdd ? { onAdd: add.open } : {})}
                  plan={plan.data}
                  onOpen={setTaskId}
                  onDrag={can.manageFindings(org.role) ? onDrag : undefined}
                />
              </Tabs.Panel>
              <Tabs.Panel value="list">
                <TaskList plan={plan.data} forecast={plan.data.forecast} onOpen={setTaskId} />
              </Tabs.Panel>
              <Tabs.Panel value="board">
                <TaskBoard
                  org={org.slug}
                  plan={plan.data}
                  forecast={plan.data.forecast}
                  canEdit={can.workOnFindings(org.role)}
                  onOpen={setTaskId}
                />
              </Tabs.Panel>
              <Tabs.Panel value="workload">
                <WorkloadView
                  org={org.slug}
                  plan={plan.data}
                  forecast={plan.data.forecast}
                  canManage={can.manageFindings(org.role)}
                />
              </Tabs.Panel>
              <Tabs.Panel value="graph">
                <DependencyGraph plan={plan.data} forecast={plan.data.forecast} onOpen={setTaskId} />
              </Tabs.Panel>
              <Tabs.Panel value="what-if">
                <WhatIfPanel
                  org={org.slug}
                  plan={plan.data}
                  audit={audit}
                  scenarioId={scenarioId}
                  setScenarioId={setScenarioId}
                  canManage={can.manageFindings(org.role)}
                />
              </Tabs.Panel>
            </Card>
          </Tabs>
          <TaskDrawer
            org={org.slug}
            plan={plan.data}
            forecast={plan.data.forecast}
            taskId={taskId}
            onClose={() => setTaskId(null)}
            canEdit={can.workOnFindings(org.role)}
            canComment={can.commentOnTasks(org.role)}
          />
          <Drawer opened={adding} onClose={add.close} title="Add a free task" position="right" size="md">
            <FreeTaskForm org={org.slug} plan={plan.data} onDone={add.close} />
          </Drawer>
        </>
      )}
    </>
  );
}

function PlanGantt({
  plan,
  onOpen,
  onDrag,
  onAdd,
}: {
  plan: Plan;
  onOpen: (id: string) => void;
  onDrag?: (d: DragChange) => void;
  onAdd?: () => void;
}) {
  if (plan.forecast.tasks.length === 0)
    return (
      <Stack align="flex-start" gap="xs">
        <Text>No open task: add corrective actions to the findings, or a free task here.</Text>
        {onAdd && (
          <Button variant="light" onClick={onAdd}>
            Add a free task
          </Button>
        )}
      </Stack>
    );
  return <GanttChart plan={plan} forecast={plan.forecast} onOpen={onOpen} {...(onDrag ? { onDrag } : {})} />;
}
