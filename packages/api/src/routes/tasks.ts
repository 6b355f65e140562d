import { createTask, type Deps, getTask, listMyTasks, listTasks, presentTask, updateTask } from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, expectedVersion, IdempotencyHeaders, IfMatchHeaders, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { TaskParams, WorkspaceParams } from '../params';
import {
  CreateTaskBody,
  commandErrorResponses,
  errorResponses,
  json,
  jsonBody,
  TaskListQuery,
  TaskPage,
  TaskSchema,
  UpdateTaskBody,
} from '../schemas';

const tags = ['Tasks'];

export const taskRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const now = () => deps.clock.now();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/tasks',
      tags,
      summary: 'Set a task for a member agency, with a deadline (lead)',
      request: { params: WorkspaceParams, headers: IdempotencyHeaders, body: jsonBody(CreateTaskBody) },
      responses: { 201: json(TaskSchema, 'Set'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId } = c.req.valid('param');
      const out = await createTask(deps, commandContext(c, body), workspaceId, body);
      c.header('ETag', etag(out.result.version));
      c.header('Location', `/v1/workspaces/${workspaceId}/tasks/${out.result.id}`);
      return c.json(presentTask(out.result, now()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/tasks',
      tags,
      summary:
        "A workspace's tasks, oldest first; `overdue=true` for what is late, `status` and `assigneeOrgId` to narrow; filtered lists come soonest due first",
      request: { params: WorkspaceParams, query: z.extend(PageQuerySchema, TaskListQuery.shape) },
      responses: { 200: json(TaskPage, 'A page of tasks'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor, status, overdue, assigneeOrgId } = c.req.valid('query');
      const at = now();
      const page = await listTasks(deps, c.get('principal'), c.req.valid('param').workspaceId, {
        limit,
        ...(cursor ? { cursor } : {}),
        ...(status ? { status } : {}),
        ...(assigneeOrgId ? { assigneeOrgId } : {}),
        ...(overdue === 'true' ? { overdueAt: at.toISOString() } : {}),
      });
      return c.json({ ...page, items: page.items.map((t) => presentTask(t, at)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/tasks/{taskId}',
      tags,
      summary: 'One task',
      request: { params: TaskParams },
      responses: { 200: json(TaskSchema, 'The task'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, taskId } = c.req.valid('param');
      const task = await getTask(deps, c.get('principal'), workspaceId, taskId);
      c.header('ETag', etag(task.version));
      return c.json(presentTask(task, now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/workspaces/{workspaceId}/tasks/{taskId}',
      tags,
      summary: 'Move a task along (assignee: accepted, in_progress, done, declined; lead: cancelled) or edit it (lead)',
      request: { params: TaskParams, headers: IfMatchHeaders, body: jsonBody(UpdateTaskBody) },
      responses: { 200: json(TaskSchema, 'Changed'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId, taskId } = c.req.valid('param');
      const out = await updateTask(deps, commandContext(c, body), workspaceId, taskId, body, expectedVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(presentTask(out.result, now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tasks',
      tags,
      summary: 'Live tasks assigned to your organisation across its workspaces, soonest due first',
      request: { query: PageQuerySchema },
      responses: { 200: json(TaskPage, 'A page of tasks'), ...errorResponses },
    }),
    async (c) => {
      const at = now();
      const page = await listMyTasks(deps, c.get('principal'), c.req.valid('query'));
      return c.json({ ...page, items: page.items.map((t) => presentTask(t, at)) }, 200);
    },
  );
  return app;
};
