import { describe, expect, it } from 'vitest';
import type { Channel, Marking, Message, MessageRevision } from '../../src/index';
import { AT, type ContractContext, put, walk } from './fixtures';

const MARKING: Marking = { tlp: 'GREEN', releasableTo: 'members', caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };

const message = (workspaceId: string, thread: Message['thread'], id: string): Message => ({
  workspaceId,
  thread,
  id,
  author: { sub: 'vnm-a05-user', orgId: 'vnm-a05' },
  text: `text of ${id}`,
  marking: MARKING,
  mentions: { orgs: [], people: [] },
  attachments: [],
  createdAt: AT,
  version: 1,
});
const revision = (workspaceId: string, threadKey: string, messageId: string, n: number): MessageRevision => ({
  workspaceId,
  threadKey,
  messageId,
  n,
  text: `revision ${n}`,
  marking: MARKING,
  at: AT,
  prev: '',
  hash: `h${n}`,
});
const channel = (workspaceId: string, id: string): Channel => ({
  workspaceId,
  id,
  name: id,
  marking: MARKING,
  createdBy: { sub: 'vnm-a05-user', orgId: 'vnm-a05' },
  createdAt: AT,
  version: 1,
});

export const threadCases = (t: ContractContext): void => {
  describe('threads', () => {
    it("lists one thread's messages newest first across pages, nothing of another thread, channel or revision", async () => {
      const task = { kind: 'task' as const, id: 'task-1' };
      const ids = ['01msg-0003', '01msg-0001', '01msg-0005', '01msg-0002', '01msg-0004'];
      await t.commit('ws-1', [
        ...ids.map((id) => put({ kind: 'message', value: message('ws-1', task, id) })),
        // The same prefix but another thread (task-10 after task-1), another workspace, a channel, revisions.
        put({ kind: 'message', value: message('ws-1', { kind: 'task', id: 'task-10' }, '01msg-0009') }),
        put({ kind: 'message', value: message('ws-2', task, '01msg-0008') }),
        put({ kind: 'threadChannel', value: channel('ws-1', 'wallets') }),
        put({ kind: 'messageRevision', value: revision('ws-1', 'task:task-1', '01msg-0001', 1) }),
      ]);
      const listed = await walk((q) => t.store.listMessages('ws-1', 'task:task-1', q));
      expect(listed.map((m) => m.id)).toEqual([...ids].sort().reverse());
      expect((await walk((q) => t.store.listMessages('ws-1', 'task:task-10', q))).map((m) => m.id)).toEqual(['01msg-0009']);
    });

    it("lists a workspace's channels oldest first and a message's revisions in order, past nine", async () => {
      await t.commit('ws-1', [
        ...['ch-b', 'ch-a', 'ch-c'].map((id) => put({ kind: 'threadChannel', value: channel('ws-1', id) })),
        put({ kind: 'threadChannel', value: channel('ws-2', 'ch-z') }),
        ...[3, 1, 12, 2, 10, 11].map((n) => put({ kind: 'messageRevision', value: revision('ws-1', 'channel:general', '01msg-0001', n) })),
        put({ kind: 'messageRevision', value: revision('ws-1', 'channel:general', '01msg-0002', 1) }),
      ]);
      expect((await walk((q) => t.store.listChannels('ws-1', q))).map((c) => c.id)).toEqual(['ch-a', 'ch-b', 'ch-c']);
      const revs = await walk((q) => t.store.listRevisions('ws-1', 'channel:general', '01msg-0001', q));
      expect(revs.map((r) => r.n)).toEqual([1, 2, 3, 10, 11, 12]);
    });
  });
};
