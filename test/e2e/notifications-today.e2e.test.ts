import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, LADDER_ORGS, ladderMembers, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

type Note = { id: string; type: string; at: string; actorOrgId?: string; acknowledgedAt?: string };

/** What a lead's Today reads of the inbox: newest first, others' actions only, page by page, and "mark all read". */
describe("the inbox as a lead's Today reads it", () => {
  let t: TestRuntime;
  let lead: string;
  let ccib: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t, LADDER_ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
    await joinAll(t, lead, ws, await ladderMembers(t));
    await t.call('PUT', '/v1/contacts/THA', ccib, {
      duty: { orgId: 'tha-ccib' },
      backup: { orgId: 'tha-dsi' },
      nationalLead: { orgId: 'tha-rtp' },
    });
    // A critical incident nobody acknowledges: the sweep escalates it up Thailand's ladder.
    const raised = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
      severity: 'critical',
      type: 'ransomware',
      summary: 'Hospital encrypted',
      countries: ['THA'],
    });
    expect(raised.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      t.clock.advance(15 * 60_000);
      await t.rt.sweep();
    }
    await t.rt.pump();
  });
  afterAll(async () => {
    await t.rt.stop();
  });

  const all = async (query: string): Promise<Note[]> => {
    const out: Note[] = [];
    let cursor = '';
    for (let i = 0; i < 50; i++) {
      const page = await t.call('GET', `/v1/notifications?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, lead);
      expect(page.status).toBe(200);
      out.push(...page.body.items);
      if (!page.body.next) break;
      cursor = page.body.next;
    }
    return out;
  };

  it('lists newest first with a cursor, and leaves out what the caller did itself but not what the sweep did', async () => {
    const oldest = await all('pending=true&limit=100');
    const newest = await all('pending=true&order=newest&limit=2');
    expect(newest.map((n) => n.id)).toEqual([...oldest].reverse().map((n) => n.id));
    expect(oldest.some((n) => n.actorOrgId === 'vnm-a05')).toBe(true);

    const others = await all('pending=true&order=newest&others=true&limit=3');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((n) => n.actorOrgId !== 'vnm-a05')).toBe(true);
    expect(others.filter((n) => n.type === 'incident.escalated').length).toBe(2);
    expect(others[0]!.type).toBe('incident.escalated');

    expect((await t.call('GET', '/v1/notifications?order=sideways', lead)).status).toBe(400);
  });

  it('marks all read in bounded batches, only what was received up to the time given', async () => {
    const pending = await all('pending=true&limit=100');
    const cut = pending[Math.floor(pending.length / 2)]!.at;
    const bad = await t.call('POST', '/v1/notifications/all/acknowledge', lead, { until: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('until');

    const first = await t.call('POST', '/v1/notifications/all/acknowledge', lead, { until: cut });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ acknowledged: pending.filter((n) => n.at <= cut).length, more: false });
    const left = await all('pending=true&limit=100');
    expect(left.map((n) => n.id)).toEqual(pending.filter((n) => n.at > cut).map((n) => n.id));

    const rest = await t.call('POST', '/v1/notifications/all/acknowledge', lead);
    expect(rest.body).toEqual({ acknowledged: left.length, more: false });
    expect(await all('pending=true&limit=100')).toEqual([]);
    // Acknowledged, not deleted: the inbox still holds them, each with its acknowledgement time.
    const inbox = await all('limit=100');
    expect(inbox.length).toBe(pending.length);
    expect(inbox.every((n) => n.acknowledgedAt)).toBe(true);
  });
});
