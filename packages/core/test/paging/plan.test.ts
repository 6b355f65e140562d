import { describe, expect, it } from 'vitest';
import {
  type CountryContactsInput,
  createRoster,
  DomainError,
  escalateIncidentNow,
  getIncident,
  listIncidentPages,
  MAX_TEAM_PAGES,
  onCall,
  type PersonPage,
  type RosterInput,
  raiseIncident,
  repageIncident,
  setCountryContacts,
  sweepDue,
  type UserAdmin,
  type UserProfile,
} from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { principal, taskforce, world } from '../world';

const MIN = 60_000;
const lead = principal('vnm-a05', 'VNM');
const duty = (orgId: string, sub = `${orgId}-duty`) => ({ ...principal(orgId, 'THA', ['officer', 'duty_contact']), sub });

/** A user directory of duty contacts (and one disabled user), enough for ladders and rosters. */
const directory = (people: [sub: string, orgId: string, status?: UserProfile['status']][]): UserAdmin => {
  const users = new Map(
    people.map(([sub, orgId, status]) => [
      sub,
      {
        sub,
        email: `${sub}@example.org`,
        name: `Person ${sub}`,
        orgId,
        roles: ['officer', 'duty_contact'],
        status: status ?? 'active',
        mfa: true,
        source: 'local',
        createdAt: '2026-01-01T00:00:00.000Z',
      } satisfies UserProfile,
    ]),
  );
  const no = () => Promise.reject(new Error('not in this directory'));
  return {
    get: async (sub) => users.get(sub),
    list: async ({ orgId }) => ({ items: [...users.values()].filter((u) => !orgId || u.orgId === orgId) }),
    create: no,
    setRoles: no,
    setStatus: no,
    resetMfa: no,
  };
};

const rung = (orgId: string, extra: { rosterId?: string; personSub?: string } = {}) => ({ orgId, people: [], channels: [], ...extra });

const dailyRoster = (members: string[], start = '2026-02-01'): RosterInput => ({
  name: 'CCIB night and day',
  timeZone: 'Asia/Bangkok',
  layers: [{ name: 'Everyone', rotation: { kind: 'daily' }, start, handover: '08:00', members, restrictions: [] }],
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'done',
    (e) => (e instanceof DomainError ? `${e.code}${e.field ? ` ${e.field}` : ''}` : String(e)),
  );

/** Thailand with a roster at its duty agency, a named backup, an organisation-only national lead, and a workspace led by Viet Nam. */
const setUp = async (opts: { rosterStart?: string; members?: string[] } = {}) => {
  const base = await world([
    ['vnm-a05', 'VNM'],
    ['tha-ccib', 'THA'],
    ['tha-dsi', 'THA'],
    ['tha-rtp', 'THA'],
  ]);
  const members = opts.members ?? ['tha-ccib-ann', 'tha-ccib-bee'];
  const users = directory([
    ...members.map((sub): [string, string] => [sub, 'tha-ccib']),
    ['tha-dsi-dao', 'tha-dsi'],
    ['tha-dsi-off', 'tha-dsi', 'disabled'],
    ['tha-ccib-duty', 'tha-ccib'],
  ]);
  const deps: MemoryDeps = { ...base, users };
  const roster = (await createRoster(deps, { principal: duty('tha-ccib') }, 'tha-ccib', dailyRoster(members, opts.rosterStart))).result;
  const ladder: CountryContactsInput = {
    duty: rung('tha-ccib', { rosterId: roster.id }),
    backup: rung('tha-dsi', { personSub: 'tha-dsi-dao' }),
    nationalLead: rung('tha-rtp'),
  };
  await setCountryContacts(deps, { principal: duty('tha-ccib') }, 'THA', ladder, undefined);
  const ws = await taskforce(
    deps,
    lead,
    ['tha-ccib', 'tha-dsi', 'tha-rtp'].map((orgId) => principal(orgId, 'THA')),
  );
  const raise = async () =>
    (
      await raiseIncident(deps, { principal: lead }, ws.id, {
        severity: 'critical',
        type: 'ransomware',
        summary: 'Hospital',
        countries: ['THA'],
      })
    ).result;
  return { deps, ws, roster, ladder, raise };
};

const pagesOf = async (deps: MemoryDeps, workspaceId: string, incidentId: string): Promise<PersonPage[]> =>
  (await deps.alerts.listPages(workspaceId, incidentId, { limit: 100 })).items;

const pagedEvents = async (deps: MemoryDeps, workspaceId: string) =>
  (await deps.store.listEvents(workspaceId, { limit: 100 })).items.filter((e) => e.type === 'incident.paged');

describe('a ladder rung naming people', () => {
  it('takes a roster of the rung’s organisation or an active user of it, never both, and names the field otherwise', async () => {
    const { deps, roster, ladder } = await setUp();
    const set = (change: Partial<CountryContactsInput>) =>
      code(setCountryContacts(deps, { principal: duty('tha-ccib') }, 'THA', { ...ladder, ...change }, 1));
    expect(await set({ duty: rung('tha-ccib', { rosterId: 'no-such-roster' }) })).toBe('validation duty.rosterId');
    // A roster of another organisation is not one of this rung's.
    expect(await set({ backup: rung('tha-dsi', { rosterId: roster.id }) })).toBe('validation backup.rosterId');
    expect(await set({ duty: rung('tha-ccib', { rosterId: roster.id, personSub: 'tha-ccib-ann' }) })).toBe('validation duty.personSub');
    expect(await set({ backup: rung('tha-dsi', { personSub: 'tha-ccib-ann' }) })).toBe('validation backup.personSub');
    expect(await set({ backup: rung('tha-dsi', { personSub: 'tha-dsi-off' }) })).toBe('validation backup.personSub');
    expect(await set({ backup: rung('tha-dsi', { personSub: 'nobody-at-all' }) })).toBe('validation backup.personSub');
    expect(await set({})).toBe('done');
  });

  it('cannot name a person where there is no user directory', async () => {
    const { deps, ladder } = await setUp();
    const { users: _none, ...without } = deps;
    expect(await code(setCountryContacts(without, { principal: duty('tha-ccib') }, 'THA', ladder, 1))).toBe('unavailable');
  });
});

describe('a level that fires pages the people its rung names', () => {
  it('pages the roster’s on-call person when raised, in the raise transaction, with an incident.paged event that carries no content', async () => {
    const { deps, ws, roster, raise } = await setUp();
    const inc = await raise();
    const pages = await pagesOf(deps, ws.id, inc.id);
    const expected = onCall(roster, new Date(inc.raisedAt))!.sub;
    expect(pages).toEqual([
      expect.objectContaining({
        sub: expected,
        orgId: 'tha-ccib',
        country: 'THA',
        step: 0,
        level: 1,
        round: 1,
        reason: 'on_call',
        rosterId: roster.id,
        status: 'queued',
        attempts: [],
        expiresAt: new Date(Date.parse(inc.raisedAt) + 15 * MIN).toISOString(),
      }),
    ]);
    const [event] = await pagedEvents(deps, ws.id);
    expect(event).toMatchObject({
      audience: [],
      workspaceId: ws.id,
      data: { incidentId: inc.id, country: 'THA', level: 1, round: 1, pageIds: [pages[0]!.id] },
    });
    expect(event!.marking).toBeUndefined();
    expect(inc.timeline.find((e) => e.what === 'notified')).toMatchObject({ people: 1 });
  });

  it('pages the named backup at level 2 and nobody on their phone for an organisation-only national lead', async () => {
    const { deps, ws, raise } = await setUp();
    const inc = await raise();
    const t0 = Date.parse(inc.raisedAt);
    deps.clock.set(new Date(t0 + 15 * MIN));
    await sweepDue(deps);
    const level2 = (await pagesOf(deps, ws.id, inc.id)).filter((p) => p.level === 2);
    expect(level2).toEqual([
      expect.objectContaining({
        sub: 'tha-dsi-dao',
        orgId: 'tha-dsi',
        reason: 'named',
        step: 1,
        expiresAt: new Date(t0 + 30 * MIN).toISOString(),
      }),
    ]);
    deps.clock.set(new Date(t0 + 30 * MIN));
    await sweepDue(deps);
    expect((await pagesOf(deps, ws.id, inc.id)).filter((p) => p.level === 3)).toEqual([]);
    const after = await getIncident(deps, lead, ws.id, inc.id);
    expect(after.alerts[0]).toMatchObject({ level: 3 });
    expect(after.timeline.filter((e) => e.what === 'escalated').map((e) => e.people)).toEqual([1, 0]);
    expect((await pagedEvents(deps, ws.id)).map((e) => e.data.level)).toEqual([1, 2]);
  });

  it('says on the timeline when nobody is on call on the roster, and pages nobody', async () => {
    const { deps, ws, roster, raise } = await setUp({ rosterStart: '2027-01-01' });
    const inc = await raise();
    expect(await pagesOf(deps, ws.id, inc.id)).toEqual([]);
    expect(inc.timeline).toContainEqual(expect.objectContaining({ what: 'nobody_on_call', country: 'THA', level: 1, rosterId: roster.id }));
    expect(await pagedEvents(deps, ws.id)).toEqual([]);
  });
});

describe('the console’s hands on the ladder', () => {
  it('re-pages the current level and the whole team (bounded), as the ladder’s contacts, the raiser or the lead', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `tha-ccib-m${String(i).padStart(2, '0')}`);
    const { deps, ws, raise } = await setUp({ members: many });
    const inc = await raise();
    const again = await repageIncident(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, { country: 'THA', scope: 'level' });
    expect(again.result).toEqual([
      expect.objectContaining({ reason: 'repage', level: 1, requestedBy: { sub: 'tha-ccib-duty', orgId: 'tha-ccib' } }),
    ]);
    const team = await repageIncident(deps, { principal: lead }, ws.id, inc.id, { country: 'THA', scope: 'team' });
    expect(team.result).toHaveLength(MAX_TEAM_PAGES);
    expect(new Set(team.result.map((p) => p.sub)).size).toBe(MAX_TEAM_PAGES);
    expect(team.result.every((p) => p.reason === 'team')).toBe(true);
    const timeline = (await getIncident(deps, lead, ws.id, inc.id)).timeline.map((e) => e.what);
    expect(timeline).toEqual(expect.arrayContaining(['repaged', 'team_paged']));
    // A Thai agency not on the ladder, a member of the workspace: refused; an outsider finds no incident.
    await taskforceMember(deps, ws.id, 'tha-pol');
    expect(await code(repageIncident(deps, { principal: duty('tha-pol') }, ws.id, inc.id, { country: 'THA', scope: 'level' }))).toBe(
      'forbidden',
    );
    expect(
      await code(repageIncident(deps, { principal: principal('gbr-nca', 'GBR') }, ws.id, inc.id, { country: 'THA', scope: 'level' })),
    ).toBe('not_found');
    expect(await code(listIncidentPages(deps, principal('gbr-nca', 'GBR'), ws.id, inc.id, { limit: 10 }))).toBe('not_found');
  });

  it('escalates now: the next level fires at once, later deadlines count from now, the old timer is gone (a stale one is dropped)', async () => {
    const { deps, ws, raise } = await setUp();
    const inc = await raise();
    const t0 = Date.parse(inc.raisedAt);
    deps.clock.set(new Date(t0 + 5 * MIN));
    const moved = (await escalateIncidentNow(deps, { principal: lead }, ws.id, inc.id, { country: 'THA' })).result;
    expect(moved.alerts[0]).toMatchObject({ level: 2, step: 1, nextEscalationAt: new Date(t0 + 20 * MIN).toISOString() });
    expect(moved.timeline.at(-1)).toMatchObject({ what: 'escalated', level: 2, by: 'vnm-a05' });
    expect((await pagesOf(deps, ws.id, inc.id)).filter((p) => p.level === 2)).toEqual([
      expect.objectContaining({ sub: 'tha-dsi-dao', expiresAt: new Date(t0 + 20 * MIN).toISOString() }),
    ]);
    // The level-2 deadline of the raise passes: nothing fires (that timer was replaced).
    deps.clock.set(new Date(t0 + 15 * MIN));
    expect((await sweepDue(deps)).fired).toEqual([]);
    deps.clock.set(new Date(t0 + 20 * MIN));
    await sweepDue(deps);
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]).toMatchObject({
      level: 3,
      nextEscalationAt: new Date(t0 + 35 * MIN).toISOString(),
    });
  });

  it('lists the trail with names, and never an address, a secret hash or a message id', async () => {
    const { deps, ws, raise } = await setUp();
    const inc = await raise();
    const [page] = await pagesOf(deps, ws.id, inc.id);
    await deps.store.commit({
      audit: {
        chainId: ws.id,
        id: 'x',
        at: inc.raisedAt,
        actor: { sub: 's', orgId: 'tha-ccib', kind: 'system' },
        action: 't',
        target: { type: 'page', id: 'x' },
        details: {},
        markings: [],
      } as never,
      events: [],
      writes: [
        {
          op: 'put',
          record: {
            kind: 'page',
            value: {
              ...page!,
              status: 'sent',
              attempts: [
                {
                  n: 1,
                  methodId: 'm-1',
                  channel: 'email',
                  at: inc.raisedAt,
                  status: 'sent',
                  messageId: 'ses-1',
                  ackSecretHash: 'f'.repeat(64),
                },
              ],
            },
          },
          expect: 'any',
        },
      ],
    });
    const trail = await listIncidentPages(deps, lead, ws.id, inc.id, { limit: 10 });
    expect(trail.items).toEqual([
      expect.objectContaining({
        name: `Person ${page!.sub}`,
        status: 'sent',
        attempts: [{ n: 1, channel: 'email', status: 'sent', at: inc.raisedAt }],
      }),
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/ses-1|ffff|m-1|example\.org/);
  });
});

/** Registers a Thai agency off the ladder and makes it a member of the workspace. */
async function taskforceMember(deps: MemoryDeps, workspaceId: string, orgId: string) {
  const { registerOrganisation, invite, respondToInvitation } = await import('../../src/index');
  await registerOrganisation(
    deps,
    { principal: principal('platform', 'ZZZ', ['admin'], 'international') },
    { id: orgId, name: orgId, kind: 'agency', country: 'THA' },
  );
  await invite(deps, { principal: lead }, workspaceId, { orgId, role: 'member' });
  await respondToInvitation(deps, { principal: principal(orgId, 'THA') }, workspaceId, orgId, 'accepted');
}
