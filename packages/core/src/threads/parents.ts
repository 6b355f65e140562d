import { notFound } from '../kernel/errors';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import type { LoadedView } from '../kernel/runner';
import { EMPTY_POLICY_SET, type PolicySet } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { DataRequest } from '../requests/request';
import type { Workspace } from '../workspaces/model';
import { type Channel, GENERAL_CHANNEL, type Message, type ThreadKind, threadKey } from './model';

/** A thread as a command or read names it. */
export interface ThreadRef {
  workspaceId: string;
  kind: ThreadKind;
  id: string;
}

/** The channel every workspace has: nobody created it, its lead originates it, TLP:GREEN to every member. */
export const generalChannel = (ws: Workspace): Channel => ({
  workspaceId: ws.id,
  id: GENERAL_CHANNEL,
  name: GENERAL_CHANNEL,
  marking: {
    tlp: 'GREEN',
    releasableTo: 'members',
    caveats: [],
    originator: { orgId: ws.leadOrgId, country: ws.members.find((m) => m.orgId === ws.leadOrgId)?.country ?? 'ZZZ' },
  },
  createdBy: { sub: 'platform', orgId: ws.leadOrgId },
  createdAt: ws.createdAt,
  version: 1,
});

/** What must be read to judge a thread: its parent record. */
export const parentRefs = (t: ThreadRef): RecordRef[] => {
  switch (t.kind) {
    case 'channel':
      return t.id === GENERAL_CHANNEL ? [] : [{ kind: 'threadChannel', workspaceId: t.workspaceId, id: t.id }];
    case 'task':
      return [{ kind: 'task', workspaceId: t.workspaceId, id: t.id }];
    case 'incident':
      return [{ kind: 'incident', workspaceId: t.workspaceId, id: t.id }];
    case 'request':
      return [{ kind: 'request', workspaceId: t.workspaceId, id: t.id }];
  }
};

/** A thread's parent as loaded: its marking, and for a request thread the request (who may talk on it). */
export interface Parent {
  key: string;
  marking: Marking;
  request?: DataRequest;
}

const parentOf = (view: LoadedView, ws: Workspace, t: ThreadRef): Parent | undefined => {
  const key = threadKey(t.kind, t.id);
  switch (t.kind) {
    case 'channel': {
      const c = t.id === GENERAL_CHANNEL ? generalChannel(ws) : view.get({ kind: 'threadChannel', workspaceId: ws.id, id: t.id });
      return c && { key, marking: c.marking };
    }
    case 'task': {
      const r = view.get({ kind: 'task', workspaceId: ws.id, id: t.id });
      return r && { key, marking: r.marking };
    }
    case 'incident': {
      const r = view.get({ kind: 'incident', workspaceId: ws.id, id: t.id });
      return r && { key, marking: r.marking };
    }
    case 'request': {
      const r = view.get({ kind: 'request', workspaceId: ws.id, id: t.id });
      return r && { key, marking: r.marking, request: r };
    }
  }
};

export const policiesIn = (view: LoadedView): PolicySet => view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;

/** Who may take part in a thread: for an organisation as it stands in the workspace. */
type Viewer = Pick<Principal, 'orgId' | 'orgKind' | 'country'>;

/**
 * Whether a viewer may see the thread itself: its parent, by the evaluator; and a request's
 * thread only for the requesting agency (an agency) or the partner it is addressed to, once sent
 * (a partner). The lead and the other members do not see a request's thread.
 */
const seesThread = (v: Viewer, ws: Workspace, parent: Parent, policies: PolicySet, now: Date): boolean => {
  const r = parent.request;
  if (v.orgKind === 'provider') {
    if (!r || r.providerOrgId !== v.orgId || !r.sentAt) return false;
    return canSee(v, ws, parent.marking, policies, now, { addressee: true });
  }
  if (r && r.requestedBy.orgId !== v.orgId) return false;
  return ws.members.some((m) => m.orgId === v.orgId) && canSee(v, ws, parent.marking, policies, now);
};

/** Whether a viewer may see one message: the thread, and the message's own (narrower) marking, by the evaluator. */
export const seesMessage = (v: Viewer, ws: Workspace, parent: Parent, m: Pick<Message, 'marking'>, policies: PolicySet, now: Date) =>
  seesThread(v, ws, parent, policies, now) && canSee(v, ws, m.marking, policies, now, { addressee: v.orgKind === 'provider' });

/** The thread's parent as the caller may see it, or a 404 that says nothing of whether it exists. */
export const visibleParent = (view: LoadedView, v: Viewer, ws: Workspace, t: ThreadRef, now: Date): Parent => {
  const parent = parentOf(view, ws, t);
  if (!parent || !seesThread(v, ws, parent, policiesIn(view), now)) throw notFound('thread');
  return parent;
};
