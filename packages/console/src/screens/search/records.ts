import { all, api, ok, type Schemas, session } from '../../api/client';
import { enumLabel } from '../../i18n';

/** A record the caller may see, as the deadlines timeline shows it. */
export interface Visible {
  kind: 'workspace' | 'task' | 'request' | 'incident';
  id: string;
  /** Where the record opens (hash route parts). */
  to: string[];
  title: string;
  /** A data request's type: its title reads with it. */
  requestType?: string;
  workspaceTitle?: string;
  status: string;
  /** Deadlines on the record (a task's due time, a request's legal clock, an incident's acknowledgement deadline per country). */
  clocks: { at: string; paused?: boolean; note?: string }[];
}

const CLOSED_TASK = new Set(['done', 'declined', 'cancelled']);

/**
 * Everything the caller may see, read through the list routes the caller may already call: the API's
 * policy evaluator has filtered each list, so nothing here can show (or count) a hidden record.
 * An agency reads its workspaces and their tasks, requests and incidents; a private partner reads the
 * requests addressed to it. A list the caller may not call is left out, not an error.
 */
export async function loadVisible(): Promise<Visible[]> {
  const me = session.value?.me;
  if (!me) return [];
  if (me.orgKind === 'provider') {
    const qs = await all((cursor) => ok(api().GET('/v1/portal/requests', { params: { query: { cursor } } })));
    return qs.map((q) => request(q as unknown as Schemas['DataRequest'], ['inbox', q.id]));
  }
  const ms = await all((cursor) => ok(api().GET('/v1/workspaces', { params: { query: { cursor } } })));
  const per = await Promise.all(
    ms.map(async (m) => {
      const path = { workspaceId: m.workspaceId };
      const list = <T>(p: Promise<T[]>) => p.catch(() => [] as T[]);
      const [tasks, requests, incidents] = await Promise.all([
        list(all((cursor) => ok(api().GET('/v1/workspaces/{workspaceId}/tasks', { params: { path, query: { cursor } } })), 10)),
        list(all((cursor) => ok(api().GET('/v1/workspaces/{workspaceId}/requests', { params: { path, query: { cursor } } })), 10)),
        list(all((cursor) => ok(api().GET('/v1/workspaces/{workspaceId}/incidents', { params: { path, query: { cursor } } })), 10)),
      ]);
      const ws: Visible = {
        kind: 'workspace',
        id: m.workspaceId,
        to: ['w', m.workspaceId],
        title: m.title,
        status: m.status,
        clocks: [],
      };
      const within = (v: Visible): Visible => ({ ...v, workspaceTitle: m.title });
      return [
        ws,
        ...tasks.map((x) =>
          within({
            kind: 'task',
            id: x.id,
            to: ['w', m.workspaceId, 'tasks', x.id],
            title: x.title,
            status: x.status,
            clocks: CLOSED_TASK.has(x.status) ? [] : [{ at: x.dueAt }],
          }),
        ),
        ...requests.map((q) => within(request(q, ['w', m.workspaceId, 'requests', q.id]))),
        ...incidents.map((i) =>
          within({
            kind: 'incident',
            id: i.id,
            to: ['w', m.workspaceId, 'incidents', i.id],
            title: i.summary,
            status: i.status,
            clocks: i.alerts
              .filter((a) => a.status === 'raised' && a.nextEscalationAt)
              .map((a) => ({ at: a.nextEscalationAt as string, note: a.country })),
          }),
        ),
      ];
    }),
  );
  return per.flat();
}

const OPEN_REQUEST = new Set(['sent', 'acknowledged', 'clarification_requested', 'preserved', 'frozen']);

function request(q: Schemas['DataRequest'], to: string[]): Visible {
  return {
    kind: 'request',
    id: q.id,
    to,
    title: q.description,
    requestType: q.type,
    status: q.status,
    clocks: q.clock && OPEN_REQUEST.has(q.status) ? [{ at: q.clock.dueAt, paused: Boolean(q.clock.pausedAt) }] : [],
  };
}

/** What a record is called in a list, in the language shown: its title (a data request: its type, then its description). */
export const titleOf = (r: Visible): string => (r.requestType ? `${enumLabel('requestType', r.requestType)}: ${r.title}` : r.title);
