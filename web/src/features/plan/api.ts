import { z } from 'zod';
import {
  calendarFeed,
  type commentInput,
  createdFeed,
  type feedInput,
  taskComment,
} from '../../../../src/contracts/collaboration.ts';
import {
  type capacityInput,
  type dependencyInput,
  plan,
  scenario,
  scenarioComparison,
  type scenarioInput,
  type scenarioUpdate,
  type taskInput,
  type taskUpdate,
  type teamInput,
  type teamUpdate,
  type timeOffInput,
} from '../../../../src/contracts/planning.ts';
import { request } from '../../api/client.ts';
import { featureKeys } from '../../api/keys.ts';

export const planKeys = featureKeys('plan');
export const feedKeys = featureKeys('calendar-feeds');
type Person = { org: string; userId: string };
const auditQuery = (audit: string | null) => (audit ? { audit } : {});

export const planApi = {
  plan: (org: string, audit: string | null) =>
    request('GET', '/api/v1/orgs/:org/plan', { params: { org }, query: auditQuery(audit), response: plan }),
  createTask: (org: string, body: z.input<typeof taskInput>) =>
    request('POST', '/api/v1/orgs/:org/plan/tasks', {
      params: { org },
      body,
      response: z.object({ id: z.string() }),
    }),
  updateTask: (org: string, taskId: string, body: z.input<typeof taskUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/plan/tasks/:taskId', { params: { org, taskId }, body }),
  addDependency: (org: string, body: z.input<typeof dependencyInput>) =>
    request('POST', '/api/v1/orgs/:org/plan/dependencies', { params: { org }, body }),
  removeDependency: (org: string, dependencyId: string) =>
    request('DELETE', '/api/v1/orgs/:org/plan/dependencies/:dependencyId', { params: { org, dependencyId } }),
  setCapacity: (p: Person, body: z.input<typeof capacityInput>) =>
    request('PUT', '/api/v1/orgs/:org/plan/people/:userId/capacity', { params: p, body }),
  addTimeOff: (p: Person, body: z.input<typeof timeOffInput>) =>
    request('POST', '/api/v1/orgs/:org/plan/people/:userId/time-off', { params: p, body }),
  removeTimeOff: (p: Person & { timeOffId: string }) =>
    request('DELETE', '/api/v1/orgs/:org/plan/people/:userId/time-off/:timeOffId', { params: p }),
  addTeam: (org: string, body: z.input<typeof teamInput>) =>
    request('POST', '/api/v1/orgs/:org/plan/teams', { params: { org }, body }),
  updateTeam: (org: string, teamId: string, body: z.input<typeof teamUpdate>) =>
    request('PUT', '/api/v1/orgs/:org/plan/teams/:teamId', { params: { org, teamId }, body }),
  removeTeam: (org: string, teamId: string) =>
    request('DELETE', '/api/v1/orgs/:org/plan/teams/:teamId', { params: { org, teamId } }),
  scenarios: (org: string) =>
    request('GET', '/api/v1/orgs/:org/plan/scenarios', {
      params: { org },
      response: z.object({ items: z.array(scenario) }),
    }),
  createScenario: (org: string, body: z.input<typeof scenarioInput>) =>
    request('POST', '/api/v1/orgs/:org/plan/scenarios', { params: { org }, body, response: scenario }),
  updateScenario: (org: string, scenarioId: string, body: z.input<typeof scenarioUpdate>) =>
    request('PATCH', '/api/v1/orgs/:org/plan/scenarios/:scenarioId', { params: { org, scenarioId }, body }),
  comparison: (org: string, scenarioId: string, audit: string | null) =>
    request('GET', '/api/v1/orgs/:org/plan/scenarios/:scenarioId/comparison', {
      params: { org, scenarioId },
      query: auditQuery(audit),
      response: scenarioComparison,
    }),
  settleScenario: (org: string, scenarioId: string, verb: 'apply' | 'discard') =>
    request('POST', '/api/v1/orgs/:org/plan/scenarios/:scenarioId/:verb', {
      params: { org, scenarioId, verb },
      body: {},
    }),
  comments: (org: string, taskId: string) =>
    request('GET', '/api/v1/orgs/:org/plan/tasks/:taskId/comments', {
      params: { org, taskId },
      response: z.object({ items: z.array(taskComment) }),
    }),
  comment: (org: string, taskId: string, body: z.input<typeof commentInput>) =>
    request('POST', '/api/v1/orgs/:org/plan/tasks/:taskId/comments', { params: { org, taskId }, body }),
  feeds: (org: string) =>
    request('GET', '/api/v1/orgs/:org/calendar-feeds', {
      params: { org },
      response: z.object({ items: z.array(calendarFeed) }),
    }),
  createFeed: (org: string, body: z.input<typeof feedInput>) =>
    request('POST', '/api/v1/orgs/:org/calendar-feeds', { params: { org }, body, response: createdFeed }),
  removeFeed: (org: string, feedId: string) =>
    request('DELETE', '/api/v1/orgs/:org/calendar-feeds/:feedId', { params: { org, feedId } }),
};
