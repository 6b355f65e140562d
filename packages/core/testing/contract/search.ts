import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/index';
import { AT, type ContractContext, evidence, incident, put, request, task } from './fixtures';

const message = (workspaceId: string, threadId: string, id: string): Message => ({
  workspaceId,
  thread: { kind: 'task', id: threadId },
  id,
  author: { sub: 'vnm-user', orgId: 'vnm-a05' },
  text: `message ${id}`,
  marking: { originator: { orgId: 'vnm-a05', country: 'VNM' }, tlp: 'GREEN', releasableTo: 'members', caveats: [] },
  mentions: { orgs: [], people: [] },
  attachments: [],
  createdAt: AT,
  version: 1,
});

export const searchCases = (t: ContractContext): void => {
  describe('search candidates', () => {
    it("reads one workspace's records of one kind, in key order, and nothing else of its partition", async () => {
      await t.commit('ws-1', [
        put({ kind: 'task', value: task('ws-1', 'task-b') }),
        put({ kind: 'task', value: task('ws-1', 'task-a') }),
        put({ kind: 'request', value: request('ws-1', 'req-a', 'mekong-bank', true) }),
        put({ kind: 'evidence', value: evidence('ws-1', 'req-a', 'ev-1') }),
        put({ kind: 'incident', value: incident('ws-1', 'inc-a') }),
        put({ kind: 'message', value: message('ws-1', 'task-b', 'msg-2') }),
        put({ kind: 'message', value: message('ws-1', 'task-a', 'msg-3') }),
        put({ kind: 'message', value: message('ws-1', 'task-a', 'msg-1') }),
      ]);
      await t.commit('ws-2', [
        put({ kind: 'task', value: task('ws-2', 'task-z') }),
        put({ kind: 'message', value: message('ws-2', 'task-z', 'msg-9') }),
      ]);
      const ids = async (kind: 'task' | 'request' | 'incident' | 'message', max = 100) => {
        const r = await t.store.searchCandidates('ws-1', kind, max);
        return { ids: r.items.map((x) => x.id), truncated: r.truncated };
      };
      expect(await ids('task')).toEqual({ ids: ['task-a', 'task-b'], truncated: false });
      expect(await ids('request')).toEqual({ ids: ['req-a'], truncated: false });
      expect(await ids('incident')).toEqual({ ids: ['inc-a'], truncated: false });
      expect(await ids('message')).toEqual({ ids: ['msg-1', 'msg-3', 'msg-2'], truncated: false });
      expect((await t.store.searchCandidates('ws-1', 'message', 3)).items[0]).toMatchObject({
        text: 'message msg-1',
        thread: { id: 'task-a' },
      });
    });

    it('stops at the bound it is given and says there is more', async () => {
      await t.commit(
        'ws-1',
        ['m-01', 'm-02', 'm-03', 'm-04', 'm-05'].map((id) => put({ kind: 'message', value: message('ws-1', 'task-a', id) })),
      );
      const r = await t.store.searchCandidates('ws-1', 'message', 3);
      expect(r.items.map((m) => m.id)).toEqual(['m-01', 'm-02', 'm-03']);
      expect(r.truncated).toBe(true);
      expect((await t.store.searchCandidates('ws-1', 'message', 5)).truncated).toBe(false);
      expect((await t.store.searchCandidates('ws-none', 'message', 5)).items).toEqual([]);
    });
  });
};
