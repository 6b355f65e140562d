import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import { canTransition } from '../kernel/machines';
import { type MarkingInput, markingFrom } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { type LoadedView, runCommand } from '../kernel/runner';
import type { KernelDeps, PageQuery, Write } from '../kernel/store';
import { sortReminders } from '../kernel/timers';
import { hasherOf, type MatchingDeps } from '../matching/hasher';
import { hashSelectors, indexRefs, indexWrites } from '../matching/index-writes';
import { markedItems, memberOf, requireOpen, visibleAcrossWorkspaces, visibleList, visibleRecord } from '../policies/access';
import { authorize, authorizeInView, verdict } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../workspaces/model';
import { isTerminalTask, taskTransitionActor, taskTransitions } from './machine';
import type { CreateTaskInput, Task, UpdateTaskInput } from './model';
import type { TaskQuery, TaskStore } from './ports';
import { taskAudit, taskEvent } from './shared';
import { allTaskTimerIds, DEFAULT_TASK_REMINDERS, taskTimers } from './timers';

export type TaskDeps = KernelDeps<TaskStore> & MatchingDeps;

/** Tasks coordinate the work of the agencies; unless marked otherwise they are TLP:GREEN. */
const TASK_DEFAULT_MARKING = { tlp: 'GREEN', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;

const timerWrites = (task: Task, now: Date): Write[] =>
  taskTimers(task, now).map((t) => ({ op: 'put', record: { kind: 'timer', value: t }, expect: 'any' }));

const clearTimers = (task: Task): Write[] =>
  allTaskTimerIds(task).map((id) => ({ op: 'delete', ref: { kind: 'timer', workspaceId: task.workspaceId, id }, expect: 'any' }));

const requireAssignable = (ws: Workspace, orgId: string) => {
  const m = memberOf(ws, orgId);
  if (!m) throw invalid('assigneeOrgId', `${orgId} is not a member of this workspace`);
  if (m.role === 'observer') throw invalid('assigneeOrgId', 'observers cannot be assigned tasks');
};

const isOverdue = (t: Task, now: Date): boolean => !isTerminalTask(t.status) && new Date(t.dueAt).getTime() < now.getTime();

/** A task as the API shows it: with whether it is overdue now. */
export const presentTask = (t: Task, now: Date) => ({ ...t, overdue: isOverdue(t, now) });

export async function createTask(deps: TaskDeps, ctx: CommandContext, workspaceId: string, input: CreateTaskInput) {
  const p = ctx.principal;
  const id = deps.ids.next();
  const hashed = hashSelectors(hasherOf(deps), input.selectors);
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, ...indexRefs(hashed)],
    retryOnRace: hashed.items.length > 0,
    authorize: (view) => authorizeInView('task.create', p, view, workspaceId),
    decide(view, now, { ws }) {
      requireOpen(ws, 'set tasks');
      requireAssignable(ws, input.assigneeOrgId);
      const marking = markingFrom(input.marking ?? TASK_DEFAULT_MARKING, p);
      const assignee = ws.members.find((m) => m.orgId === input.assigneeOrgId)!;
      if (
        !canSee(
          { orgId: assignee.orgId, orgKind: 'agency', country: assignee.country },
          ws,
          marking,
          view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET,
          now,
        )
      ) {
        throw invalid('marking', 'the assignee could not see a task marked this way (marking or policy)');
      }
      if (new Date(input.dueAt).getTime() <= now.getTime()) throw invalid('dueAt', 'the due time must be in the future');
      const at = now.toISOString();
      const task: Task = {
        workspaceId,
        id,
        title: input.title,
        description: input.description,
        assigneeOrgId: input.assigneeOrgId,
        dueAt: input.dueAt,
        priority: input.priority,
        status: 'open',
        reminders: sortReminders(input.reminders ?? DEFAULT_TASK_REMINDERS),
        marking,
        ...(input.selectors?.length ? { selectors: input.selectors } : {}),
        createdBy: { sub: p.sub, orgId: p.orgId },
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'task', value: task }, expect: 'absent' },
          ...timerWrites(task, now),
          ...indexWrites(view, hashed, { workspaceId, record: { type: 'task', id }, marking }, at),
        ],
        audit: taskAudit(task, 'task.assigned', { assignee: task.assigneeOrgId, dueAt: task.dueAt, priority: task.priority }),
        events: [
          taskEvent(task, 'task.assigned', [task.assigneeOrgId, ws.leadOrgId], {
            title: task.title,
            dueAt: task.dueAt,
            priority: task.priority,
          }),
        ],
        result: task,
        status: 201,
      };
    },
  });
}

/** The task as the caller may see it (the evaluator decides), or a 404. */
const visibleTask = (view: LoadedView, p: Principal, ws: Workspace, id: string, now: Date): Task => {
  const task = view.get({ kind: 'task', workspaceId: ws.id, id });
  if (!task || !canSee(p, ws, task.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now)) throw notFound('task');
  return task;
};

export async function getTask(deps: TaskDeps, p: Principal, workspaceId: string, id: string): Promise<Task> {
  authorize('task.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, { kind: 'task', workspaceId, id }, { kind: 'policies' }];
  return visibleRecord(deps, p, workspaceId, refs, 'task', (view, now) =>
    visibleTask(view, p, authorizeInView('task.read', p, view, workspaceId).ws, id, now),
  );
}

export async function listTasks(deps: TaskDeps, p: Principal, workspaceId: string, q: TaskQuery): Promise<Page<Task>> {
  authorize('task.read', p);
  const list = (pq: PageQuery) => deps.store.listTasks(workspaceId, { ...q, ...pq });
  return visibleList(deps, p, 'task.read', workspaceId, list(q), markedItems('task'), { limit: q.limit, list });
}

/** Open work assigned to the caller's organisation across all its workspaces, soonest due first. */
export const listMyTasks = async (deps: TaskDeps, p: Principal, q: { limit: number; cursor?: string }) => {
  authorize('task.mine', p);
  const list = (pq: PageQuery) => deps.store.listOpenTasksForAssignee(p.orgId, pq);
  return visibleAcrossWorkspaces(
    deps,
    p,
    list(q),
    { workspaceId: (t) => t.workspaceId, marking: (t) => t.marking },
    { limit: q.limit, list },
  );
};

export async function updateTask(
  deps: TaskDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: UpdateTaskInput,
  expectVersion: number,
) {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'task', workspaceId, id }, { kind: 'policies' }],
    authorize(view, now) {
      // Reading the task needs only membership; what the caller may change is decided below.
      const { ws, me } = authorizeInView('task.read', p, view, workspaceId);
      return { ws, me, task: visibleTask(view, p, ws, id, now) };
    },
    decide(_view, now, { ws, me, task }) {
      if (task.version !== expectVersion) throw staleVersion();
      requireOpen(ws, 'change tasks');
      const isLead = verdict('task.edit', p, me.role) === 'allow';
      const isAssignee = task.assigneeOrgId === p.orgId && verdict('task.progress', p, me.role) === 'allow';
      const events: EventDraft[] = [];
      const audience = [...new Set([task.assigneeOrgId, ws.leadOrgId])];
      let next: Task = { ...task, updatedAt: now.toISOString(), version: task.version + 1 };

      const edits = { title: input.title, description: input.description, dueAt: input.dueAt, priority: input.priority };
      const changed = Object.fromEntries(Object.entries(edits).filter(([, v]) => v !== undefined));
      if (Object.keys(changed).length > 0) {
        if (!isLead) throw forbidden('only an officer of the workspace lead may edit a task');
        if (isTerminalTask(task.status)) throw conflict(`a ${task.status} task cannot be edited`);
        if (input.dueAt && new Date(input.dueAt).getTime() <= now.getTime()) throw invalid('dueAt', 'the due time must be in the future');
        next = { ...next, ...changed };
        if (input.dueAt) delete next.escalatedAt;
        events.push(taskEvent(task, 'task.updated', audience, { title: next.title, ...changed }));
      }
      if (input.status && input.status !== task.status) {
        const who = taskTransitionActor[input.status];
        if ((who === 'assignee' && !isAssignee) || (who === 'lead' && !isLead) || who === 'none') {
          throw forbidden(
            who === 'lead'
              ? 'only an officer of the workspace lead may cancel a task'
              : 'only an officer of the assigned organisation may do that',
          );
        }
        if (!canTransition(taskTransitions, task.status, input.status))
          throw conflict(`a ${task.status} task cannot become ${input.status}`);
        if ((input.status === 'declined' || input.status === 'cancelled') && !input.reason)
          throw invalid('reason', `a reason is required to mark a task ${input.status}`);
        next = { ...next, status: input.status, ...(input.reason ? { statusReason: input.reason } : {}) };
        events.push(
          taskEvent(task, 'task.status_changed', audience, {
            title: next.title,
            from: task.status,
            to: input.status,
            ...(input.reason ? { reason: input.reason } : {}),
          }),
        );
      } else if (input.status === undefined && input.reason) {
        throw invalid('reason', 'a reason goes with a status change');
      }
      // Timers follow the task: cleared when it ends, re-planned when its deadline moves.
      const timers: Write[] = isTerminalTask(next.status)
        ? clearTimers(task)
        : input.dueAt
          ? [...clearTimers(task), ...timerWrites(next, now)]
          : [];
      const statusChanged = input.status !== undefined && input.status !== task.status;
      return {
        writes: [{ op: 'put', record: { kind: 'task', value: next }, expect: task.version }, ...dedupeTimerWrites(timers)],
        // The names of the fields set, and the values that are codes or times: never the
        // title, description or reason themselves (they stay in the task, under its marking).
        audit: taskAudit(task, statusChanged ? 'task.status_changed' : 'task.updated', {
          fields: Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : [k])),
          ...(input.dueAt ? { dueAt: input.dueAt } : {}),
          ...(input.priority ? { priority: input.priority } : {}),
          ...(statusChanged ? { from: task.status, to: input.status } : {}),
        }),
        events,
        result: next,
      };
    },
  });
}

/** A re-planned timer both deleted and put in one transaction must appear once: keep the put. */
const dedupeTimerWrites = (writes: Write[]): Write[] => {
  const puts = new Set(writes.flatMap((w) => (w.op === 'put' && w.record.kind === 'timer' ? [w.record.value.id] : [])));
  return writes.filter((w) => !(w.op === 'delete' && w.ref.kind === 'timer' && puts.has(w.ref.id)));
};
