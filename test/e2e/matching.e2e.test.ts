import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const DAY = 86_400_000;
const TITLE = 'Operation Jade Lotus';
const TASK_TITLE = 'Trace the recruiter wallet';
const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const PHONE = '+84912345678';
const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'tha-ccib', name: 'CCIB', kind: 'agency', country: 'THA' },
  { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' },
  { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
] as const;

describe('hit/no-hit matching across workspaces, on the local engines', () => {
  let t: TestRuntime;
  let vnm: string;
  let gbr: string;
  let usa: string;
  let ws: string;
  let taskId: string;
  let requestId: string;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false, messaging: { retryDelaySeconds: () => 0 } });
    await seedOrgs(t, ORGS);
    vnm = await t.tokenFor('vnm-a05', 'VNM');
    gbr = await t.tokenFor('gbr-nca', 'GBR');
    usa = await t.tokenFor('usa-fbi', 'USA');
    const tha = await t.tokenFor('tha-ccib', 'THA');
    ws = (await t.call('POST', '/v1/workspaces', vnm, { title: TITLE, legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, vnm, { orgId: 'tha-ccib' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/tha-ccib/accept`, tha)).status).toBe(200);
    const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, vnm, {
      title: TASK_TITLE,
      assigneeOrgId: 'tha-ccib',
      dueAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString(),
      marking: { tlp: 'AMBER', caveats: ['ORCON'] },
      selectors: [
        { type: 'wallet_address', chain: 'ethereum', value: WALLET.toLowerCase() },
        { type: 'phone', value: PHONE },
      ],
    });
    expect(task.status).toBe(201);
    taskId = task.body.id;
    const request = await t.call('POST', `/v1/workspaces/${ws}/requests`, vnm, productionRequest('KYC file of the mule account'));
    expect(request.status).toBe(201);
    requestId = request.body.id;
    await t.rt.pump();
  });
  afterAll(async () => {
    await t?.rt.stop();
  });

  /** Everything of the owner's side that must never reach the checker. */
  const secrets = () => [ws, taskId, requestId, TITLE, TASK_TITLE, 'tha-ccib', WALLET.slice(2, 12).toLowerCase(), '84912345678', 'GB82'];
  const expectNothingOfTheOwner = (payload: unknown) => {
    const text = JSON.stringify(payload).toLowerCase();
    for (const s of secrets()) expect(text, `leaks ${s}`).not.toContain(s.toLowerCase());
  };

  it('answers a hit with the agency to contact and the marking, never the workspace, the record or its selectors', async () => {
    const check = await t.call('POST', '/v1/matching/checks', gbr, {
      selectors: [
        { type: 'wallet_address', chain: 'ethereum', value: WALLET.toUpperCase().replace('0X', '0x') },
        { type: 'iban', value: 'gb82west12345698765432' },
        { type: 'phone', value: '+447700900123' },
      ],
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ selectors: 3, hits: 2 });
    expect(check.body.results).toEqual([
      {
        index: 0,
        type: 'wallet_address',
        hit: true,
        heldByYou: false,
        contacts: [{ orgId: 'vnm-a05', name: 'A05', country: 'VNM', tlp: 'AMBER', caveats: ['ORCON'] }],
      },
      {
        index: 1,
        type: 'iban',
        hit: true,
        heldByYou: false,
        contacts: [{ orgId: 'vnm-a05', name: 'A05', country: 'VNM', tlp: 'AMBER', caveats: [] }],
      },
      { index: 2, type: 'phone', hit: false, heldByYou: false, contacts: [] },
    ]);
    expectNothingOfTheOwner(check.body);

    await t.rt.pump();
    // The checker hears nothing of it; what it can read holds nothing of the other side.
    const mine = await t.call('GET', '/v1/notifications?limit=100', gbr);
    expect(mine.status).toBe(200);
    expect(mine.body.items.filter((n: { type: string }) => n.type === 'selector.matched')).toEqual([]);
    expectNothingOfTheOwner(mine.body);
    // The workspace's audit is not the checker's to read: it is not a member.
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit`, gbr)).status).toBe(404);
  });

  it('tells the owning agency which of its records matched, and who checked', async () => {
    await t.rt.pump();
    const inbox = await t.call('GET', '/v1/notifications?limit=100', vnm);
    const matched = inbox.body.items.filter((n: { type: string }) => n.type === 'selector.matched');
    expect(matched.map((n: { subject: unknown }) => n.subject)).toEqual(
      expect.arrayContaining([
        { type: 'task', id: taskId },
        { type: 'request', id: requestId },
      ]),
    );
    const onTask = matched.find((n: { subject: { id: string } }) => n.subject.id === taskId);
    expect(onTask).toMatchObject({
      workspaceId: ws,
      tlp: 'AMBER',
      data: { selectorTypes: ['wallet_address'], checkedBy: { orgId: 'gbr-nca', country: 'GBR' } },
    });
    // The member that did not originate the record is not told.
    const tha = await t.tokenFor('tha-ccib', 'THA');
    const theirs = await t.call('GET', '/v1/notifications?limit=100', tha);
    expect(theirs.body.items.filter((n: { type: string }) => n.type === 'selector.matched')).toEqual([]);
    // The owner's audit trail holds the match, never the selector's value.
    const audit = await t.call('GET', `/v1/workspaces/${ws}/audit?limit=100`, vnm);
    const entries = audit.body.items.filter((e: { action?: string }) => e.action === 'selector.matched');
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries).toLowerCase()).not.toContain(WALLET.slice(2, 12).toLowerCase());
  });

  it("names the platform as the actor on the owner's chain and in its notice, never the checking officer", async () => {
    const officer = JSON.parse(Buffer.from(gbr.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string };
    const audit = await t.call('GET', `/v1/workspaces/${ws}/audit?limit=100`, vnm);
    const entries = audit.body.items.filter((e: { action?: string }) => e.action === 'selector.matched');
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toMatchObject({ actor: { sub: 'system:matching' }, details: { checkedBy: { orgId: 'gbr-nca' } } });
    const inbox = await t.call('GET', '/v1/notifications?limit=100', vnm);
    const matched = inbox.body.items.filter((n: { type: string }) => n.type === 'selector.matched');
    for (const n of matched) expect(n.actorOrgId).toBe('system');
    expect(JSON.stringify([entries, matched])).not.toContain(officer.sub);
  });

  it("answers no hit where the owner's country policy excludes its selectors from matching", async () => {
    const admin = await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']);
    const set = await t.call('PUT', '/v1/policies/VNM', admin, { rules: [{ type: 'no_matching', towards: ['USA'] }] });
    expect(set.status).toBe(201);
    const selectors = [{ type: 'wallet_address', chain: 'ethereum', value: WALLET }];
    const fromUsa = await t.call('POST', '/v1/matching/checks', usa, { selectors });
    expect(fromUsa.status).toBe(200);
    expect(fromUsa.body.results).toEqual([{ index: 0, type: 'wallet_address', hit: false, heldByYou: false, contacts: [] }]);
    expect((await t.call('POST', '/v1/matching/checks', gbr, { selectors })).body.hits).toBe(1);
  });

  it("says the checker's own holdings are its own, not a hit", async () => {
    const own = await t.call('POST', '/v1/matching/checks', vnm, { selectors: [{ type: 'phone', value: PHONE }] });
    expect(own.body.results[0]).toMatchObject({ hit: false, heldByYou: true, contacts: [] });
  });

  it('takes CSV, and answers a malformed row with a 400 naming the row and the field', async () => {
    const csv = async (body: string) => {
      const res = await fetch(`${t.rt.url}/v1/matching/checks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gbr}`, 'content-type': 'text/csv' },
        body,
      });
      // biome-ignore lint/suspicious/noExplicitAny: tests read replies ad hoc
      return { status: res.status, body: (await res.json()) as any };
    };
    const ok = await csv(`type,value,chain\nwallet_address,${WALLET.toLowerCase()},ethereum\nphone,+447700900123,\n`);
    expect(ok.status).toBe(200);
    expect(ok.body.results.map((r: { hit: boolean }) => r.hit)).toEqual([true, false]);
    const bad = await csv('type,value\nphone,+447700900123\nphone,07700 900123\n');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.row.2.value', message: expect.stringContaining('row 2') }]);
    const hostile = await csv('type,value,secret\nphone,+1\n');
    expect(hostile.status).toBe(400);
    expect(hostile.body.errors[0].field).toBe('body.header.2');
  });

  it('refuses hostile or malformed JSON naming the field, and is not there for a private partner', async () => {
    const tooMany = Array.from({ length: 501 }, () => ({ type: 'phone', value: PHONE }));
    const big = await t.call('POST', '/v1/matching/checks', gbr, { selectors: tooMany });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].field).toBe('body.selectors');
    const kind = await t.call('POST', '/v1/matching/checks', gbr, { selectors: [{ type: 'password', value: 'x' }] });
    expect(kind.status).toBe(400);
    expect(kind.body.errors[0].field).toMatch(/^body\.selectors\.0/);
    const extra = await t.call('POST', '/v1/matching/checks', gbr, { selectors: [{ type: 'phone', value: PHONE, owner: 'x' }] });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('body.selectors.0.owner');
    const notJson = await fetch(`${t.rt.url}/v1/matching/checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gbr}`, 'content-type': 'application/xml' },
      body: '<x/>',
    });
    expect(notJson.status).toBe(415);
    const bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    expect((await t.call('POST', '/v1/matching/checks', bank, { selectors: [{ type: 'phone', value: PHONE }] })).status).toBe(404);
  });
});
