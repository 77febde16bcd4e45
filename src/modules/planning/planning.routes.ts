import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import {
  capacityInput,
  dependency,
  dependencyInput,
  plan,
  planQuery,
  scenario,
  scenarioComparison,
  scenarioInput,
  scenarioUpdate,
  taskInput,
  taskUpdate,
  timeOffInput,
} from '../../contracts/planning.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as people from './people.service.ts';
import { getPlan } from './plan.service.ts';
import * as scenarios from './scenarios.service.ts';
import * as tasks from './tasks.service.ts';

// The remediation planner's API (routes are thin: validate, call one use-case, present).
export function planningRoutes(app: ZodApp) {
  const tags = ['remediation planner'];
  const base = '/api/v1/orgs/:org/plan';
  const task = orgParams.extend({ taskId: id });
  const person = orgParams.extend({ userId: id });
  const one = orgParams.extend({ scenarioId: id });
  const ok = { 204: z.null() };

  app.get(
    base,
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'The plan and its forecast against the deadlines',
        params: orgParams,
        querystring: planQuery,
        response: { 200: plan },
      },
    },
    async (req) => getPlan(req.query, orgCtx(req)),
  );
  app.post(
    `${base}/tasks`,
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags,
        summary: 'Add a free task (not a corrective action)',
        params: orgParams,
        body: taskInput,
        response: { 201: z.object({ id }) },
      },
    },
    async (req, reply) => reply.status(201).send(await tasks.createTask(req.body, orgCtx(req))),
  );
  app.patch(
    `${base}/tasks/:taskId`,
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags,
        summary: 'Change a task’s estimate, owner, start, due date or status',
        params: task,
        body: taskUpdate,
        response: ok,
      },
    },
    async (req, reply) => {
      await tasks.updateTask({ ...req.body, taskId: req.params.taskId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.delete(
    `${base}/tasks/:taskId`,
    {
      config: { policy: 'plan.edit' },
      schema: { tags, summary: 'Remove a free task', params: task, response: ok },
    },
    async (req, reply) => {
      await tasks.deleteTask(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/dependencies`,
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags,
        summary: 'Finish-to-start dependency (a cycle is refused and named)',
        params: orgParams,
        body: dependencyInput,
        response: { 201: dependency },
      },
    },
    async (req, reply) => reply.status(201).send(await tasks.addDependency(req.body, orgCtx(req))),
  );
  app.delete(
    `${base}/dependencies/:dependencyId`,
    {
      config: { policy: 'plan.edit' },
      schema: {
        tags,
        summary: 'Remove a dependency',
        params: orgParams.extend({ dependencyId: id }),
        response: ok,
      },
    },
    async (req, reply) => {
      await tasks.removeDependency(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.put(
    `${base}/people/:userId/capacity`,
    {
      config: { policy: 'plan.manage' },
      schema: {
        tags,
        summary: 'A person’s share of a working day and working weekdays',
        params: person,
        body: capacityInput,
        response: ok,
      },
    },
    async (req, reply) => {
      await people.setCapacity({ ...req.body, userId: req.params.userId }, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.post(
    `${base}/people/:userId/time-off`,
    {
      config: { policy: 'plan.manage' },
      schema: {
        tags,
        summary: 'Time off (inclusive dates)',
        params: person,
        body: timeOffInput,
        response: { 201: z.object({ id, from: z.string(), to: z.string(), reason: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await people.addTimeOff({ ...req.body, userId: req.params.userId }, orgCtx(req))),
  );
  app.delete(
    `${base}/people/:userId/time-off/:timeOffId`,
    {
      config: { policy: 'plan.manage' },
      schema: { tags, summary: 'Remove time off', params: person.extend({ timeOffId: id }), response: ok },
    },
    async (req, reply) => {
      await people.removeTimeOff(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/scenarios`,
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'What-if scenarios',
        params: orgParams,
        response: { 200: z.object({ items: z.array(scenario) }) },
      },
    },
    async (req) => scenarios.listScenarios({}, orgCtx(req)),
  );
  app.post(
    `${base}/scenarios`,
    {
      config: { policy: 'plan.manage' },
      schema: {
        tags,
        summary: 'Start a what-if scenario',
        params: orgParams,
        body: scenarioInput,
        response: { 201: scenario },
      },
    },
    async (req, reply) => reply.status(201).send(await scenarios.createScenario(req.body, orgCtx(req))),
  );
  app.patch(
    `${base}/scenarios/:scenarioId`,
    {
      config: { policy: 'plan.manage' },
      schema: {
        tags,
        summary: 'Rename a scenario or change its list of changes',
        params: one,
        body: scenarioUpdate,
        response: { 200: scenario },
      },
    },
    async (req) => scenarios.updateScenario({ ...req.body, scenarioId: req.params.scenarioId }, orgCtx(req)),
  );
  app.get(
    `${base}/scenarios/:scenarioId/comparison`,
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'The scenario’s forecast beside the current one',
        params: one,
        querystring: planQuery,
        response: { 200: scenarioComparison },
      },
    },
    async (req) =>
      scenarios.compareScenario({ ...req.query, scenarioId: req.params.scenarioId }, orgCtx(req)),
  );
  for (const verb of ['apply', 'discard'] as const)
    app.post(
      `${base}/scenarios/:scenarioId/${verb}`,
      {
        config: { policy: 'plan.manage' },
        schema: {
          tags,
          summary:
            verb === 'apply'
              ? 'Write the scenario’s changes into the plan (all or nothing)'
              : 'Discard the scenario',
          params: one,
          response: { 200: scenario },
        },
      },
      async (req) =>
        verb === 'apply'
          ? scenarios.applyScenario(req.params, orgCtx(req))
          : scenarios.discardScenario(req.params, orgCtx(req)),
    );
}
