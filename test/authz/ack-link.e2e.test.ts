import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackWorld } from '../support/ack-link';
import { type TestRuntime, testRuntime } from '../support/runtime';

/**
 * The acknowledge link (`/ack/<token>`) is public: it is how a person acts without signing in, so
 * the permission table has no row of its own for it; what authorises the one action is the link
 * (its secret, bound to one page of one person) and then the permission table's
 * `incident.acknowledge` for THAT person, as the console's button asks it. A bearer token or a
 * session cookie sent along counts for nothing: it never acts as its holder, never revives a dead
 * link. A secret opens only its own page; a person who may no longer acknowledge cannot.
 */
describe('authorisation: the acknowledge link acts only as the person paged, only through its own page', () => {
  let t: TestRuntime;
  let w: Awaited<ReturnType<typeof ackWorld>>;
  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    w = await ackWorld(t);
  });
  afterAll(() => t.rt.stop());

  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(t.rt.url + path, { method: 'POST', headers, redirect: 'manual' }).then(async (r) => ({ status: r.status, text: await r.text() }));
  const alertOf = async (id: string) => (await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${id}`, w.lead)).body.alerts[0];

  it('acts as the page person whatever bearer token comes with it, and a token revives no dead link', async () => {
    const inc = await w.raise();
    const { token } = await w.page(inc.id);
    const admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
    for (const bearer of [admin, w.lead, w.ccib])
      expect((await post(`/ack/${token.slice(0, -43)}${'B'.repeat(43)}`, { authorization: `Bearer ${bearer}` })).status).toBe(404);
    expect((await alertOf(inc.id)).status).toBe('raised');
    expect((await post(`/ack/${token}`, { authorization: `Bearer ${w.lead}` })).status).toBe(200);
    expect(await alertOf(inc.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: { sub: w.duty.sub, orgId: 'tha-ccib' } });
  });

  it("opens only its own page: another page's id, another incident's, another workspace's", async () => {
    const one = await w.raise('one');
    const two = await w.raise('two');
    const a = await w.page(one.id);
    const b = await w.page(two.id);
    const secretA = a.token.slice(-43);
    for (const forged of [
      `${w.ws}.${two.id}.${b.page.id}.${secretA}`,
      `${w.ws}.${one.id}.${b.page.id}.${secretA}`,
      `${w.ws}.${two.id}.${a.page.id}.${secretA}`,
      `vnm-other-ws.${one.id}.${a.page.id}.${secretA}`,
    ])
      expect((await post(`/ack/${forged}`)).status).toBe(404);
    expect((await alertOf(one.id)).status).toBe('raised');
    expect((await alertOf(two.id)).status).toBe('raised');
  });

  it('no longer works for a person who was disabled, lost the duty role, or belongs to no ladder organisation', async () => {
    const inc = await w.raise('three');
    const { token } = await w.page(inc.id);
    await t.rt.users.setStatus(w.duty.sub, 'disabled');
    expect((await post(`/ack/${token}`)).status).toBe(404);
    await t.rt.users.setStatus(w.duty.sub, 'active');
    await t.rt.users.setRoles(w.duty.sub, ['officer']);
    expect((await post(`/ack/${token}`)).status).toBe(404);
    await t.rt.users.setRoles(w.duty.sub, ['officer', 'duty_contact']);
    const fbi = await t.rt.users.create({
      email: 'agent@fbi.example',
      name: 'Agent',
      orgId: 'usa-fbi',
      roles: ['officer', 'duty_contact'],
    });
    const foreign = await w.page(inc.id, { sub: fbi.sub });
    expect((await post(`/ack/${foreign.token}`)).status).toBe(404);
    expect((await alertOf(inc.id)).status).toBe('raised');
    // Restored, the person's own link works again.
    expect((await post(`/ack/${token}`)).status).toBe(200);
  });
});
