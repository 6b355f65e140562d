import { verifyChain } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

describe('the API on the embedded runtime', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let ccib: string;
  let nca: string;
  let bank: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    ccib = await t.tokenFor('tha-ccib', 'THA');
    nca = await t.tokenFor('gbr-nca', 'GBR');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    const created = await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } });
    expect(created.status).toBe(201);
    ws = created.body.id;
    await joinAll(t, lead, ws, [
      ['usa-fbi', fbi],
      ['tha-ccib', ccib],
    ]);
  });
  afterAll(() => t.rt.stop());

  describe('authentication', () => {
    it('refuses a request without a token, or with a forged one, as problem+json', async () => {
      const none = await t.call('GET', '/v1/workspaces');
      expect(none.status).toBe(401);
      expect(none.headers.get('content-type')).toBe('application/problem+json');
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const forged = await t.call('GET', '/v1/workspaces', `${lead.slice(0, -4)}AAAA`);
      expect(forged.status).toBe(401);
    });

    it('takes the principal from the token only', async () => {
      const me = await t.call('GET', '/v1/me', fbi);
      expect(me.body).toMatchObject({ orgId: 'usa-fbi', country: 'USA', roles: ['officer'] });
      // A body cannot name someone else as lead: unknown fields are rejected.
      const r = await t.call('POST', '/v1/workspaces', fbi, { title: 'x', legalBasis: { code: 'MLAT', text: 'y' }, leadOrgId: 'vnm-a05' });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'body.leadOrgId', message: 'is not a field of this request' }]);
    });
  });

  describe('visibility', () => {
    it('gives a non-member the same 404 as for a workspace that does not exist', async () => {
      for (const path of [
        `/v1/workspaces/${ws}`,
        `/v1/workspaces/${ws}/tasks`,
        `/v1/workspaces/${ws}/members`,
        `/v1/workspaces/${ws}/invitations`,
        `/v1/workspaces/${ws}/audit`,
      ]) {
        const hidden = await t.call('GET', path, nca);
        const missing = await t.call('GET', path.replace(ws, '01zzzzzzzzzzzzzzzzzzzzzzzz'), nca);
        expect(hidden.status, path).toBe(404);
        expect(missing.status).toBe(404);
        expect({ ...hidden.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
      }
    });

    it('keeps private partners out of workspaces', async () => {
      expect((await t.call('GET', `/v1/workspaces/${ws}`, bank)).status).toBe(404);
      expect((await t.call('POST', '/v1/workspaces', bank, { title: 'x', legalBasis: { code: 'MLAT', text: 'y' } })).status).toBe(404);
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'mekong-bank' })).body.errors[0].field).toBe('orgId');
    });

    it('lists only the workspaces of the caller', async () => {
      expect((await t.call('GET', '/v1/workspaces', fbi)).body.items.map((m: { workspaceId: string }) => m.workspaceId)).toContain(ws);
      expect((await t.call('GET', '/v1/workspaces', nca)).body.items).toEqual([]);
    });
  });

  describe('bad input', () => {
    it('names the field in the body', async () => {
      const r = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'T',
        assigneeOrgId: 'usa-fbi',
        dueAt: '2026-03-05 10:00',
      });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect(r.body.type).toMatch(/validation$/);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.dueAt']);
    });

    it('names the field in the query and headers', async () => {
      expect((await t.call('GET', `/v1/workspaces/${ws}/tasks?limit=1000`, lead)).body.errors[0].field).toBe('query.limit');
      const r = await t.call(
        'POST',
        '/v1/workspaces',
        lead,
        { title: 'x', legalBasis: { code: 'MLAT', text: 'y' } },
        { 'idempotency-key': 'no' },
      );
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('Idempotency-Key');
    });

    it('rejects malformed JSON and a deadline in the past', async () => {
      const res = await fetch(`${t.rt.url}/v1/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${lead}`, 'content-type': 'application/json' },
        body: '{"title":',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: unknown }).errors).toEqual([{ field: 'body', message: 'is not well-formed JSON' }]);
      const past = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'T',
        assigneeOrgId: 'usa-fbi',
        dueAt: '2020-01-01T00:00:00Z',
      });
      expect(past.body.errors[0].field).toBe('dueAt');
    });

    it('rejects a cursor from another list', async () => {
      const r = await t.call('GET', `/v1/workspaces/${ws}/tasks?cursor=eyJwayI6IldTI290aGVyIn0`, lead);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('query.cursor');
    });
  });

  describe('versions and idempotency', () => {
    it('answers a stale If-Match with 409 and a missing one with 428', async () => {
      const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'Trace',
        assigneeOrgId: 'usa-fbi',
        dueAt: '2026-03-04T00:00:00Z',
      });
      expect(task.headers.get('etag')).toBe('"1"');
      const path = `/v1/workspaces/${ws}/tasks/${task.body.id}`;
      expect((await t.call('PATCH', path, fbi, { status: 'accepted' }, { 'if-match': '"1"' })).status).toBe(200);
      const stale = await t.call('PATCH', path, fbi, { status: 'in_progress' }, { 'if-match': '"1"' });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toMatch(/stale-version$/);
      expect((await t.call('PATCH', path, fbi, { status: 'in_progress' })).status).toBe(428);
      expect((await t.call('PATCH', path, fbi, { status: 'in_progress' }, { 'if-match': '"2"' })).body.status).toBe('in_progress');
    });

    it('replays the first result for a repeated Idempotency-Key, and refuses it for another request', async () => {
      const key = { 'idempotency-key': 'create-ws-0001' };
      const body = { title: 'Op Replay', legalBasis: { code: 'MLAT', text: 'MLAT 2026/9' } };
      const first = await t.call('POST', '/v1/workspaces', lead, body, key);
      const again = await t.call('POST', '/v1/workspaces', lead, body, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      const mine = await t.call('GET', '/v1/workspaces?limit=100', lead);
      expect(mine.body.items.filter((m: { title: string }) => m.title === 'Op Replay')).toHaveLength(1);
      const other = await t.call('POST', '/v1/workspaces', lead, { ...body, title: 'Op Other' }, key);
      expect(other.status).toBe(422);
    });

    it('keeps concurrent replays of one key to a single write', async () => {
      const key = { 'idempotency-key': 'concurrent-0001' };
      const body = { title: 'Op Twice', legalBasis: { code: 'MLAT', text: 'x' } };
      const replies = await Promise.all([1, 2, 3].map(() => t.call('POST', '/v1/workspaces', lead, body, key)));
      expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    });
  });

  describe('tasks, deadlines and escalation', () => {
    it('reminds the assignee, then escalates an overdue task to the lead, once', async () => {
      const due = new Date(t.clock.now().getTime() + 3 * 3600_000).toISOString();
      const created = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'Mule accounts',
        assigneeOrgId: 'tha-ccib',
        dueAt: due,
        priority: 'critical',
        reminders: ['PT1H'],
      });
      const path = `/v1/workspaces/${ws}/tasks/${created.body.id}`;
      t.clock.advance(2 * 3600_000 + 1);
      const r1 = await t.rt.sweep();
      expect(r1.fired).toEqual([{ timerId: `${created.body.id}~remind~PT1H`, kind: 'task.reminder' }]);
      expect(
        (await t.call('GET', `/v1/workspaces/${ws}/tasks?overdue=true`, lead)).body.items.map((x: { id: string }) => x.id),
      ).not.toContain(created.body.id);
      t.clock.advance(3600_000);
      const [a, b] = await Promise.all([t.rt.sweep(), t.rt.sweep()]);
      expect([...a.fired, ...b.fired].filter((f) => f.timerId.startsWith(created.body.id))).toEqual([
        { timerId: `${created.body.id}~overdue`, kind: 'task.overdue' },
      ]);
      const task = await t.call('GET', path, ccib);
      expect(task.body.overdue).toBe(true);
      expect(task.body.escalatedAt).toBe(t.clock.now().toISOString());
      const overdue = await t.call('GET', `/v1/workspaces/${ws}/tasks?overdue=true`, lead);
      expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(created.body.id);
      // Done work is no longer overdue.
      await t.call('PATCH', path, ccib, { status: 'accepted' }, { 'if-match': `"${task.body.version}"` });
      await t.call('PATCH', path, ccib, { status: 'in_progress' }, { 'if-match': `"${task.body.version + 1}"` });
      const done = await t.call('PATCH', path, ccib, { status: 'done' }, { 'if-match': `"${task.body.version + 2}"` });
      expect(done.body).toMatchObject({ status: 'done', overdue: false });
      expect(
        (await t.call('GET', `/v1/workspaces/${ws}/tasks?overdue=true`, lead)).body.items.map((x: { id: string }) => x.id),
      ).not.toContain(created.body.id);
    });

    it("lists one assignee's tasks, alone or with status and overdue, and refuses an assignee that is not an id", async () => {
      const due = new Date(t.clock.now().getTime() + 3600_000).toISOString();
      const made: string[] = [];
      for (const assigneeOrgId of ['usa-fbi', 'tha-ccib', 'usa-fbi'])
        made.push((await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'By whom', assigneeOrgId, dueAt: due })).body.id);
      const ids = async (query: string) =>
        (await t.call('GET', `/v1/workspaces/${ws}/tasks?${query}`, lead)).body.items.map((x: { id: string }) => x.id) as string[];
      // Due at the same time: in id order, which within one millisecond is not creation order.
      expect((await ids('assigneeOrgId=usa-fbi&limit=100')).filter((id) => made.includes(id))).toEqual([made[0], made[2]].sort());
      expect(await ids('assigneeOrgId=usa-fbi&overdue=true&limit=100')).not.toContain(made[0]);
      t.clock.advance(3600_000 + 1);
      const late = await ids('assigneeOrgId=usa-fbi&overdue=true&status=open&limit=100');
      expect(late).toEqual(expect.arrayContaining([made[0], made[2]]));
      expect(late).not.toContain(made[1]);
      for (const bad of ['Not%20an%20id', 'x', 'a'.repeat(65)]) {
        const r = await t.call('GET', `/v1/workspaces/${ws}/tasks?assigneeOrgId=${bad}`, lead);
        expect(r.status).toBe(400);
        expect(r.body.errors[0].field).toBe('query.assigneeOrgId');
      }
    });

    it('enforces who may move a task', async () => {
      const created = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'Who',
        assigneeOrgId: 'usa-fbi',
        dueAt: '2027-01-01T00:00:00Z',
      });
      const path = `/v1/workspaces/${ws}/tasks/${created.body.id}`;
      expect((await t.call('PATCH', path, ccib, { status: 'accepted' }, { 'if-match': '"1"' })).status).toBe(403);
      expect(
        (await t.call('POST', `/v1/workspaces/${ws}/tasks`, fbi, { title: 'x', assigneeOrgId: 'usa-fbi', dueAt: '2027-01-01T00:00:00Z' }))
          .status,
      ).toBe(403);
      const declined = await t.call('PATCH', path, fbi, { status: 'declined' }, { 'if-match': '"1"' });
      expect(declined.body.errors[0].field).toBe('reason');
      expect((await t.call('PATCH', path, fbi, { status: 'done' }, { 'if-match': '"1"' })).status).toBe(409);
    });

    it('pages through tasks with a bounded page size', async () => {
      const ids = new Set<string>();
      let next: string | undefined;
      let pages = 0;
      do {
        const r = await t.call('GET', `/v1/workspaces/${ws}/tasks?limit=2${next ? `&cursor=${next}` : ''}`, ccib);
        expect(r.body.items.length).toBeLessThanOrEqual(2);
        for (const item of r.body.items) ids.add(item.id);
        next = r.body.next;
        pages++;
      } while (next);
      expect(ids.size).toBeGreaterThanOrEqual(3);
      expect(pages).toBeGreaterThanOrEqual(2);
    });
  });

  describe('audit trail', () => {
    it('verifies the chain and exposes it to the lead only', async () => {
      const verify = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead);
      expect(verify.body.ok).toBe(true);
      expect(verify.body.entries).toBeGreaterThan(5);
      const page = await t.call('GET', `/v1/workspaces/${ws}/audit?limit=100`, lead);
      expect(verifyChain(page.body.items).ok).toBe(true);
      expect((await t.call('GET', `/v1/workspaces/${ws}/audit`, fbi)).status).toBe(403);
    });
  });

  describe('documentation', () => {
    it('serves OpenAPI 3.1 and the interactive docs', async () => {
      const doc = await t.call('GET', '/openapi.json');
      expect(doc.body.openapi).toBe('3.1.0');
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/v1/workspaces', '/v1/workspaces/{workspaceId}/tasks/{taskId}']),
      );
      expect(doc.body.components.schemas.Task).toBeDefined();
      expect((await fetch(`${t.rt.url}/docs`)).status).toBe(200);
    });
  });
});
