import { z } from 'zod';
import { commentInput, taskComment } from '../../contracts/collaboration.ts';
import { id, orgParams } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { commentOnTask, readTaskConversation } from './conversations.service.ts';

export function conversationsRoutes(app: ZodApp) {
  const tags = ['remediation planner'];
  const params = orgParams.extend({ taskId: id });
  app.get(
    '/api/v1/orgs/:org/plan/tasks/:taskId/comments',
    {
      config: { policy: 'plan.read' },
      schema: {
        tags,
        summary: 'A task’s conversation (reading it marks it read)',
        params,
        response: { 200: z.object({ items: z.array(taskComment) }) },
      },
    },
    async (req) => readTaskConversation(req.params, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/plan/tasks/:taskId/comments',
    {
      config: { policy: 'task.comment' },
      schema: {
        tags,
        summary: 'Comment on a task; @mentions notify by mail',
        params,
        body: commentInput,
        response: { 201: z.object({ id }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await commentOnTask({ ...req.body, taskId: req.params.taskId }, orgCtx(req))),
  );
}
