import { MemoryUserAdmin, type UserProfile } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

/**
 * CCIB's 24/7 roster through the API on the local engines: a weekly rotation of two duty contacts
 * in Asia/Bangkok, who is on call and next, an override that wins, the week's shifts, each
 * person's calendar feed, and what others (and bad input) get.
 */
const person = (sub: string, name: string, roles: UserProfile['roles'], orgId = 'tha-ccib'): UserProfile => ({
  sub,
  email: `${sub}@ccib.example`,
  name,
  orgId,
  roles,
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-03-01T00:00:00.000Z',
});

describe('24/7 rosters, end to end', () => {
  let t: TestRuntime;
  let somchai: string;
  let fbi: string;
  let lead: string;
  const R = '/v1/organisations/tha-ccib/rosters';
  const roster = {
    name: 'CCIB 24/7',
    timeZone: 'Asia/Bangkok',
    // Monday 2 March 2026 at 00:00 in Bangkok is 1 March 17:00 UTC.
    layers: [
      { name: 'Weeks', rotation: { kind: 'weekly' }, start: '2026-03-02', handover: '00:00', members: ['ccib-somchai', 'ccib-anong'] },
    ],
  };

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z');
    await seedOrgs(t);
    t.rt.deps.users = new MemoryUserAdmin({
      seed: [
        person('ccib-somchai', 'Somchai P.', ['officer', 'duty_contact']),
        person('ccib-anong', 'Anong S.', ['officer', 'duty_contact']),
        person('ccib-clerk', 'Clerk', ['officer']),
        person('fbi-duty', 'FBI duty', ['officer', 'duty_contact'], 'usa-fbi'),
      ],
    });
    somchai = await t.rt.token({ orgId: 'tha-ccib', roles: ['officer', 'duty_contact'], sub: 'ccib-somchai' });
    fbi = await t.rt.token({ orgId: 'usa-fbi', roles: ['officer', 'duty_contact'], sub: 'fbi-duty' });
    lead = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer'], sub: 'a05-lead' });
  }, 120_000);
  afterAll(() => t?.rt.stop());

  it('refuses what cannot stand on a roster, naming the field', async () => {
    const bad = async (body: unknown) => (await t.call('POST', R, somchai, body)).body.errors?.[0]?.field;
    expect(await bad({ ...roster, timeZone: 'Asia/Atlantis' })).toBe('body.timeZone');
    expect(await bad({ ...roster, layers: [] })).toBe('body.layers');
    expect(await bad({ ...roster, layers: [{ ...roster.layers[0], members: [] }] })).toBe('body.layers.0.members');
    expect(await bad({ ...roster, layers: [{ ...roster.layers[0], members: ['ccib-somchai', 'ccib-clerk'] }] })).toBe(
      'body.layers.0.members.1',
    );
    expect(await bad({ ...roster, layers: [{ ...roster.layers[0], members: ['fbi-duty'] }] })).toBe('body.layers.0.members.0');
    expect(await bad({ ...roster, layers: [{ ...roster.layers[0], rotation: { kind: 'custom' } }] })).toBe('body.layers.0.rotation.hours');
  });

  it('says who is on call now and next, lets an override win, and lists the shifts', async () => {
    const made = await t.call('POST', R, somchai, roster);
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect(made.headers.get('location')).toBe(`${R}/${id}`);

    const before = await t.call('GET', `${R}/${id}/oncall`, somchai);
    expect(before.status).toBe(200);
    // 1 March 08:00 UTC: the first shift starts at 17:00 UTC.
    expect(before.body.now).toBeNull();
    expect(before.body.next).toMatchObject({
      sub: 'ccib-somchai',
      name: 'Somchai P.',
      from: '2026-03-01T17:00:00.000Z',
      to: '2026-03-08T17:00:00.000Z',
    });

    const at = (iso: string) => t.call('GET', `${R}/${id}/oncall?at=${iso}`, somchai);
    expect((await at('2026-03-05T00:00:00.000Z')).body.now).toMatchObject({ sub: 'ccib-somchai', until: '2026-03-08T17:00:00.000Z' });
    expect((await at('2026-03-09T00:00:00.000Z')).body.now).toMatchObject({ sub: 'ccib-anong', name: 'Anong S.' });

    const cover = await t.call('POST', `${R}/${id}/overrides`, somchai, {
      sub: 'ccib-anong',
      from: '2026-03-04T12:00:00.000Z',
      to: '2026-03-05T12:00:00.000Z',
    });
    expect(cover.status).toBe(201);
    expect((await at('2026-03-05T00:00:00.000Z')).body.now).toMatchObject({
      sub: 'ccib-anong',
      until: '2026-03-05T12:00:00.000Z',
      source: { override: cover.body.overrides[0].id },
    });
    const week = await t.call('GET', `${R}/${id}/shifts?from=2026-03-02T00:00:00.000Z&days=7`, somchai);
    expect(week.body.items.map((s: { sub: string; from: string }) => [s.sub, s.from])).toEqual([
      ['ccib-somchai', '2026-03-02T00:00:00.000Z'],
      ['ccib-anong', '2026-03-04T12:00:00.000Z'],
      ['ccib-somchai', '2026-03-05T12:00:00.000Z'],
      ['ccib-anong', '2026-03-08T17:00:00.000Z'],
    ]);

    // Somchai's calendar: UTC times, a UID per shift that does not change between fetches.
    const ics = await fetch(`${t.rt.url}/v1/me/shifts.ics`, { headers: { authorization: `Bearer ${somchai}` } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('DTSTART:20260301T170000Z\r\nDTEND:20260304T120000Z');
    expect(text).toContain(`UID:${id}-20260301T170000Z-ccib-somchai@taskforce`);
    expect(text).toContain('SUMMARY:On call: CCIB 24/7');
    const again = await (await fetch(`${t.rt.url}/v1/me/shifts.ics`, { headers: { authorization: `Bearer ${somchai}` } })).text();
    expect(again.match(/UID:.*/g)).toEqual(text.match(/UID:.*/g));

    // Nobody outside CCIB learns that the roster exists.
    expect((await t.call('GET', `${R}/${id}`, fbi)).status).toBe(404);
    expect((await t.call('GET', `${R}/${id}/oncall`, lead)).status).toBe(404);
    expect((await t.call('GET', '/v1/organisations/tha-ccib/duty-contacts', fbi)).status).toBe(404);

    // Replacing needs the version read; the audit trail and the people to pick from.
    const replaced = await t.call('PUT', `${R}/${id}`, somchai, { ...roster, name: 'CCIB desk' });
    expect(replaced.status).toBe(428);
    const ok = await t.call('PUT', `${R}/${id}`, somchai, { ...roster, name: 'CCIB desk' }, { 'if-match': made.headers.get('etag')! });
    expect(ok.status).toBe(409);
    const fresh = await t.call('GET', `${R}/${id}`, somchai);
    const saved = await t.call('PUT', `${R}/${id}`, somchai, { ...roster, name: 'CCIB desk' }, { 'if-match': fresh.headers.get('etag')! });
    expect(saved.status).toBe(200);
    expect(saved.body.overrides).toHaveLength(1);
    const people = await t.call('GET', '/v1/organisations/tha-ccib/duty-contacts', somchai);
    expect(people.body.items).toEqual([
      { sub: 'ccib-anong', name: 'Anong S.' },
      { sub: 'ccib-somchai', name: 'Somchai P.' },
    ]);
    expect((await t.call('DELETE', `${R}/${id}`, somchai)).status).toBe(204);
    expect((await t.call('GET', R, somchai)).body.items).toEqual([]);
  });

  it("serves a person's shifts at a secret calendar address without a token, until it is rotated or revoked", async () => {
    const made = await t.call('POST', R, somchai, roster);
    const id = made.body.id as string;
    const feed = (path: string, headers: Record<string, string> = {}) => fetch(`${t.rt.url}${path}`, { headers });
    expect((await t.call('GET', '/v1/me/calendar-feed', somchai)).body).toEqual({ active: false, createdAt: null });

    const issued = await t.call('POST', '/v1/me/calendar-feed', somchai);
    expect(issued.status).toBe(201);
    const path = issued.body.path as string;
    expect(path).toMatch(/^\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await t.call('GET', '/v1/me/calendar-feed', somchai)).body).toMatchObject({ active: true });

    // The same calendar as /v1/me/shifts.ics, with no Authorization header at all.
    const open = await feed(path);
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toContain('text/calendar');
    const text = await open.text();
    const mine = await (await feed('/v1/me/shifts.ics', { authorization: `Bearer ${somchai}` })).text();
    expect(text).toBe(mine);
    expect(text).toContain(`UID:${id}-20260301T170000Z-ccib-somchai@taskforce`);

    // Only the hash is kept: the secret is in no stored record.
    const secret = path.slice('/v1/calendar/'.length, -'.ics'.length);
    const stored = await t.rt.deps.store.get({ kind: 'calendarFeed', sub: 'ccib-somchai' });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);

    // Rotating ends the old address at once; revoking ends the new one.
    const rotated = await t.call('POST', '/v1/me/calendar-feed', somchai);
    expect(rotated.body.path).not.toBe(path);
    expect((await feed(path)).status).toBe(404);
    expect((await feed(rotated.body.path)).status).toBe(200);
    expect((await t.call('DELETE', '/v1/me/calendar-feed', somchai)).status).toBe(204);
    expect((await feed(rotated.body.path)).status).toBe(404);
    expect((await t.call('DELETE', '/v1/me/calendar-feed', somchai)).status).toBe(404);

    // Unknown is 404 (problem+json); not an address at all is a 400 naming the field; no 500 either way.
    const unknown = await t.call('GET', `/v1/calendar/${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const bad = await t.call('GET', '/v1/calendar/not-a-secret.ics');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('path.feed');

    // An officer who is not a duty contact has no calendar to give away; another organisation finds nothing of CCIB.
    const clerk = await t.rt.token({ orgId: 'tha-ccib', roles: ['officer'], sub: 'ccib-clerk' });
    expect((await t.call('POST', '/v1/me/calendar-feed', clerk)).status).toBe(403);
    const fbiFeed = await t.call('POST', '/v1/me/calendar-feed', fbi);
    expect(fbiFeed.status).toBe(201);
    expect(await (await feed(fbiFeed.body.path)).text()).not.toContain('CCIB');

    // An owner who stops being a duty contact: their address stops answering.
    const anong = await t.rt.token({ orgId: 'tha-ccib', roles: ['officer', 'duty_contact'], sub: 'ccib-anong' });
    const hers = (await t.call('POST', '/v1/me/calendar-feed', anong)).body.path as string;
    expect((await feed(hers)).status).toBe(200);
    await (t.rt.deps.users as MemoryUserAdmin).setRoles('ccib-anong', ['officer']);
    expect((await feed(hers)).status).toBe(404);

    // Guessing is bounded: after 30 misses within a minute from one address, 429 with Retry-After, before any read.
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 30; i++) expect((await feed(`/v1/calendar/${String(i).padStart(43, 'B')}.ics`, from)).status).toBe(404);
    const refused = await feed(rotated.body.path, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await feed(fbiFeed.body.path, { 'x-forwarded-for': '203.0.113.10' })).status).toBe(200);
    expect((await t.call('DELETE', `${R}/${id}`, somchai)).status).toBe(204);
  });
});
