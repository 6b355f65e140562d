import { MemoryUserAdmin, type UserProfile } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, LADDER_ORGS, ladderMembers, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

/**
 * A ladder level pages people, through the API on the local engines: Thailand's duty rung names
 * CCIB's roster, its backup a named DSI officer; raising pages the on-call person, "escalate now"
 * pages the backup at once, re-page and "page the whole team" write new pages, and the trail lists
 * them by name, without an address. Who may not read the incident finds none.
 */
const person = (sub: string, name: string, orgId: string): UserProfile => ({
  sub,
  email: `${sub}@example.org`,
  name,
  orgId,
  roles: ['officer', 'duty_contact'],
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-03-01T00:00:00.000Z',
});

describe('paging people from the ladder, end to end', () => {
  let t: TestRuntime;
  let lead: string;
  let ccib: string;
  let fbi: string;
  let nca: string;
  let ws: string;
  let incident: string;
  let roster: string;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t, LADDER_ORGS);
    t.rt.deps.users = new MemoryUserAdmin({
      seed: [
        person('ccib-somchai', 'Somchai P.', 'tha-ccib'),
        person('ccib-anong', 'Anong S.', 'tha-ccib'),
        person('dsi-kanya', 'Kanya R.', 'tha-dsi'),
      ],
    });
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ccib = await t.rt.token({ orgId: 'tha-ccib', roles: ['officer', 'duty_contact'], sub: 'ccib-somchai' });
    fbi = await t.tokenFor('usa-fbi', 'USA');
    nca = await t.tokenFor('gbr-nca', 'GBR');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
    await joinAll(t, lead, ws, await ladderMembers(t));
    roster = (
      await t.call('POST', '/v1/organisations/tha-ccib/rosters', ccib, {
        name: 'CCIB 24/7',
        timeZone: 'Asia/Bangkok',
        layers: [
          { name: 'Days', rotation: { kind: 'daily' }, start: '2026-02-01', handover: '08:00', members: ['ccib-somchai', 'ccib-anong'] },
        ],
      })
    ).body.id;
  }, 120_000);
  afterAll(() => t?.rt.stop());

  it('lets a rung name a roster of its organisation or one of its people, and names the field otherwise', async () => {
    const ladder = {
      duty: { orgId: 'tha-ccib', rosterId: roster },
      backup: { orgId: 'tha-dsi', personSub: 'dsi-kanya' },
      nationalLead: { orgId: 'tha-rtp' },
    };
    const field = async (body: unknown) => (await t.call('PUT', '/v1/contacts/THA', ccib, body)).body.errors?.[0]?.field;
    expect(await field({ ...ladder, duty: { orgId: 'tha-ccib', rosterId: 'no-such-roster' } })).toBe('duty.rosterId');
    expect(await field({ ...ladder, backup: { orgId: 'tha-dsi', personSub: 'ccib-anong' } })).toBe('backup.personSub');
    expect(await field({ ...ladder, duty: { orgId: 'tha-ccib', rosterId: roster, personSub: 'ccib-anong' } })).toBe('duty.personSub');
    expect((await t.call('PUT', '/v1/contacts/THA', ccib, ladder)).status).toBe(201);
  });

  it('pages the on-call person when raised, the named backup on "escalate now", and lists the trail by name', async () => {
    const raised = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
      severity: 'critical',
      type: 'ransomware',
      summary: 'Hospital network encrypted',
      countries: ['THA'],
      marking: { tlp: 'AMBER' },
    });
    expect(raised.status).toBe(201);
    incident = raised.body.id;
    const trail = async (who = lead) => t.call('GET', `/v1/workspaces/${ws}/incidents/${incident}/pages?limit=1`, who);
    const first = await trail();
    expect(first.status).toBe(200);
    // 1 March 08:00 UTC is 15:00 in Bangkok: the shift that began at 08:00 local on 1 March.
    expect(first.body.items).toEqual([
      expect.objectContaining({
        name: expect.any(String),
        orgId: 'tha-ccib',
        level: 1,
        round: 1,
        reason: 'on_call',
        status: 'queued',
        attempts: [],
      }),
    ]);
    expect(JSON.stringify(first.body)).not.toMatch(/example\.org/);

    t.clock.advance(5 * 60_000);
    const moved = await t.call('POST', `/v1/workspaces/${ws}/incidents/${incident}/escalate`, ccib, { country: 'THA' });
    expect(moved.status).toBe(200);
    expect(moved.body.alerts[0]).toMatchObject({ level: 2, nextEscalationAt: '2026-03-01T08:20:00.000Z' });
    // The trail, a page at a time with the cursor.
    const second = await t.call(
      'GET',
      `/v1/workspaces/${ws}/incidents/${incident}/pages?limit=1&cursor=${encodeURIComponent(first.body.next)}`,
      lead,
    );
    expect(second.body.items).toEqual([
      expect.objectContaining({ name: 'Kanya R.', level: 2, reason: 'named', expiresAt: '2026-03-01T08:20:00.000Z' }),
    ]);
  });

  it('re-pages the level and the whole team, as the ladder, the raiser or the lead; refuses others; hides the incident from outsiders', async () => {
    const repage = (who: string, scope: string) =>
      t.call('POST', `/v1/workspaces/${ws}/incidents/${incident}/pages`, who, { country: 'THA', scope });
    t.clock.advance(60_000);
    const level = await repage(lead, 'level');
    expect(level.status).toBe(201);
    expect(level.body.items).toEqual([expect.objectContaining({ name: 'Kanya R.', reason: 'repage', level: 2 })]);
    t.clock.advance(60_000);
    const team = await repage(ccib, 'team');
    expect(team.status).toBe(201);
    expect(team.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['Anong S.', 'Somchai P.']);
    // The FBI is a member, not on Thailand's ladder: refused. The NCA is no member: no such incident.
    expect((await repage(fbi, 'level')).status).toBe(403);
    expect((await t.call('POST', `/v1/workspaces/${ws}/incidents/${incident}/escalate`, fbi, { country: 'THA' })).status).toBe(403);
    expect((await repage(nca, 'level')).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/incidents/${incident}/pages`, nca)).status).toBe(404);
    const bad = await repage(lead, 'everyone');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.scope');
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/incidents/${incident}/pages`, lead, { country: 'FRA', scope: 'level' })).body.errors[0]
        .field,
    ).toBe('country');
    const all = await t.call('GET', `/v1/workspaces/${ws}/incidents/${incident}/pages`, lead);
    expect(all.body.items.map((p: { reason: string }) => p.reason)).toEqual(['on_call', 'named', 'repage', 'team', 'team']);
    // Once Thailand acknowledged, there is nothing to page or escalate.
    expect((await t.call('POST', `/v1/workspaces/${ws}/incidents/${incident}/acknowledge`, ccib, {})).status).toBe(200);
    expect((await repage(lead, 'level')).status).toBe(409);
  });
});
