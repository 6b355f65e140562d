import { describe, expect, it } from 'vitest';
import {
  ACK_LINK_REPLAY_MS,
  acknowledgeFromLink,
  acknowledgeIncident,
  getIncident,
  newAckSecret,
  pageReferenceCode,
  resolveIncident,
  type UserProfile,
  viewAckLink,
} from '../../src/index';
import { MemoryUserAdmin } from '../../src/users/memory';
import { seedPage, settledAudit } from '../../testing';
import { principal } from '../world';
import { lead, MIN, thailandIncident } from './thailand';

const SUB = 'tha-ccib-duty';
const person = (over: Partial<UserProfile> = {}): UserProfile => ({
  sub: SUB,
  email: 'duty@ccib.example',
  name: 'Duty officer',
  orgId: 'tha-ccib',
  roles: ['officer', 'duty_contact'],
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

/** Thailand's incident, its duty officer in the directory, and a page to them sent with one link (what the pager does). */
const setUp = async (user: Partial<UserProfile> = {}) => {
  const w = await thailandIncident('Hospital ransomware');
  const users = new MemoryUserAdmin({ seed: [person(user)] });
  const deps = { ...w.deps, users };
  const { page, token, secret } = await seedPage(deps, {
    workspaceId: w.ws.id,
    incidentId: w.inc.id,
    id: 'page-1',
    country: 'THA',
    sub: SUB,
    orgId: 'tha-ccib',
    expiresAt: new Date(w.t0 + 15 * MIN).toISOString(),
  });
  const readPage = () => deps.store.get({ kind: 'page', workspaceId: w.ws.id, incidentId: w.inc.id, id: page.id });
  return { ...w, deps, users, token, secret, readPage };
};

describe('acknowledging from the message link', () => {
  it('shows what needs the person without changing anything, then acknowledges as them in one transaction', async () => {
    const { deps, ws, inc, token, readPage } = await setUp();
    const view = await viewAckLink(deps, token);
    expect(view).toEqual({
      state: 'open',
      workspaceId: ws.id,
      incidentId: inc.id,
      shortRef: pageReferenceCode(inc.id),
      country: 'THA',
      level: 1,
      severity: 'critical',
      expiresAt: (await readPage())!.expiresAt,
    });
    // No summary, no marking: nothing of the incident's content.
    expect(JSON.stringify(view)).not.toContain('Hospital');
    // Viewing (a mail scanner's prefetch) twice changes nothing.
    await viewAckLink(deps, token);
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]!.status).toBe('raised');
    expect((await readPage())!.ackUsedAt).toBeUndefined();

    deps.clock.advance(3 * MIN);
    const done = await acknowledgeFromLink(deps, token);
    expect(done).toMatchObject({ state: 'acknowledged', byOrgId: 'tha-ccib', byOrgName: 'THA-CCIB', country: 'THA', level: 1 });
    const alert = (await getIncident(deps, lead, ws.id, inc.id)).alerts[0]!;
    expect(alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: { sub: SUB, orgId: 'tha-ccib' } });
    expect(alert.nextEscalationAt).toBeUndefined();
    expect(await readPage()).toMatchObject({ status: 'acknowledged', ackUsedAt: deps.clock.now().toISOString(), version: 2 });
    const entry = (await settledAudit(deps, ws.id)).entries.find((e) => e.action === 'incident.acknowledged')!;
    expect(entry.actor).toEqual({ sub: SUB, orgId: 'tha-ccib', country: 'THA' });
    expect(entry.details).toMatchObject({ country: 'THA', level: 1, via: 'message_link', pageId: 'page-1' });
    // The escalation stopped: nothing fires at the deadline.
    deps.clock.set(new Date(Date.parse(alert.acknowledgedAt!) + 20 * MIN));
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]!.level).toBe(1);
  });

  it('is single use: a double-click hears "already acknowledged"; later, and on GET, the link no longer works', async () => {
    const { deps, token } = await setUp();
    expect((await acknowledgeFromLink(deps, token)).state).toBe('acknowledged');
    expect(await acknowledgeFromLink(deps, token)).toMatchObject({ state: 'already', byOrgId: 'tha-ccib' });
    expect(await viewAckLink(deps, token)).toEqual({ state: 'dead' });
    deps.clock.advance(ACK_LINK_REPLAY_MS);
    expect(await acknowledgeFromLink(deps, token)).toEqual({ state: 'dead' });
  });

  it('no longer works after the page expires (the level deadline)', async () => {
    const { deps, token, t0, ws, inc } = await setUp();
    deps.clock.set(new Date(t0 + 15 * MIN));
    expect(await viewAckLink(deps, token)).toEqual({ state: 'dead' });
    expect(await acknowledgeFromLink(deps, token)).toEqual({ state: 'dead' });
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]!.status).toBe('raised');
  });

  it('refuses a wrong secret, another page, a malformed token: all the same dead link, nothing written', async () => {
    const { deps, token, ws, inc, readPage } = await setUp();
    const wrong = `${token.slice(0, -43)}${newAckSecret().secret}`;
    const otherPage = token.replace('.page-1.', '.page-2.');
    for (const t of [wrong, otherPage, 'nonsense', `${token}x`, token.replaceAll('.', '/'), `${'a'.repeat(5000)}`, 'ñ.ñ.ñ.ñ']) {
      expect(await viewAckLink(deps, t)).toEqual({ state: 'dead' });
      expect(await acknowledgeFromLink(deps, t)).toEqual({ state: 'dead' });
    }
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]!.status).toBe('raised');
    expect((await readPage())!.ackUsedAt).toBeUndefined();
  });

  it('works only while the person is an active user, of the page organisation, who may acknowledge for the country', async () => {
    for (const who of [{ status: 'disabled' as const }, { orgId: 'tha-dsi' }, { roles: ['officer' as const] }]) {
      const { deps, token } = await setUp(who);
      expect(await viewAckLink(deps, token), JSON.stringify(who)).toEqual({ state: 'dead' });
      expect(await acknowledgeFromLink(deps, token), JSON.stringify(who)).toEqual({ state: 'dead' });
    }
    // A person no longer in the directory.
    const { deps, token, users } = await setUp();
    await users.setStatus(SUB, 'disabled');
    expect(await acknowledgeFromLink(deps, token)).toEqual({ state: 'dead' });
  });

  it('says who already acknowledged (by organisation) and marks the link used', async () => {
    const { deps, ws, inc, token, readPage } = await setUp();
    const other = { ...principal('tha-ccib', 'THA', ['officer', 'duty_contact']), sub: 'someone-else' };
    await acknowledgeIncident(deps, { principal: other }, ws.id, inc.id, {});
    expect(await viewAckLink(deps, token)).toMatchObject({ state: 'already', byOrgName: 'THA-CCIB' });
    expect(await acknowledgeFromLink(deps, token)).toMatchObject({ state: 'already', byOrgId: 'tha-ccib' });
    expect((await readPage())!.ackUsedAt).toBeDefined();
    expect((await readPage())!.status).toBe('sent');
    const alert = (await getIncident(deps, lead, ws.id, inc.id)).alerts[0]!;
    expect(alert.acknowledgedBy!.sub).toBe('someone-else');
    const entry = (await settledAudit(deps, ws.id)).entries.find((e) => e.action === 'incident.ack_link_used')!;
    expect(entry.actor.sub).toBe(SUB);
    expect(entry.details).toMatchObject({ outcome: 'already_acknowledged', by: 'tha-ccib', via: 'message_link' });
  });

  it('no longer works once the country is resolved', async () => {
    const { deps, ws, inc, token } = await setUp();
    await resolveIncident(deps, { principal: lead }, ws.id, inc.id, {});
    expect(await viewAckLink(deps, token)).toEqual({ state: 'dead' });
    expect(await acknowledgeFromLink(deps, token)).toEqual({ state: 'dead' });
  });
});
