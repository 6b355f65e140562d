import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { selectorHasherFromSecrets } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const DAY = 86_400_000;
const WALLET = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
const PHONE = '+84912345678';
const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);
const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'tha-ccib', name: 'CCIB', kind: 'agency', country: 'THA' },
  { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
] as const;
const REINDEX = '/v1/admin/matching/reindex';

describe('the matching key rotation’s re-index, through the admin route on the local engines', () => {
  let t: TestRuntime;
  let vnm: string;
  let gbr: string;
  let admin: string;
  let ws: string;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false, selectorHasher: selectorHasherFromSecrets(KEY_A) });
    await seedOrgs(t, ORGS);
    vnm = await t.tokenFor('vnm-a05', 'VNM');
    gbr = await t.tokenFor('gbr-nca', 'GBR');
    admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
    ws = (await t.call('POST', '/v1/workspaces', vnm, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    const tha = await t.tokenFor('tha-ccib', 'THA');
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, vnm, { orgId: 'tha-ccib' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/tha-ccib/accept`, tha)).status).toBe(200);
    for (const selectors of [[{ type: 'wallet_address', chain: 'ethereum', value: WALLET }], [{ type: 'phone', value: PHONE }]]) {
      const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, vnm, {
        title: 'Trace it',
        assigneeOrgId: 'tha-ccib',
        dueAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString(),
        selectors,
      });
      expect(task.status).toBe(201);
      ids.push(task.body.id);
    }
    const request = await t.call('POST', `/v1/workspaces/${ws}/requests`, vnm, productionRequest('KYC file of the mule account'));
    expect(request.status).toBe(201);
    ids.push(request.body.id);
    // Step 1 of the rotation: B current, A still consulted.
    t.rt.deps.selectorHasher = selectorHasherFromSecrets(KEY_B, [KEY_A]);
  });
  afterAll(async () => {
    await t?.rt.stop();
  });

  const SELECTORS = [
    { type: 'wallet_address', chain: 'ethereum', value: WALLET },
    { type: 'phone', value: PHONE },
    { type: 'iban', value: 'GB82WEST12345698765432' },
  ];
  const hits = async () =>
    (await t.call('POST', '/v1/matching/checks', gbr, { selectors: SELECTORS })).body.results.map((r: { hit: boolean }) => r.hit);

  /** Every page, as an operator would call it, and the sum of what each said. */
  const reindexAll = async (limit: number) => {
    const total = { pages: 0, records: 0, selectors: 0, added: 0 };
    let next: string | undefined;
    do {
      const r = await t.call('POST', `${REINDEX}?limit=${limit}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, admin);
      expect(r.status).toBe(200);
      // Counts and a sealed cursor only: no selector, no workspace, no record.
      const text = JSON.stringify(r.body);
      for (const s of [WALLET, PHONE.slice(1), 'GB82', ws, ...ids]) expect(text).not.toContain(s);
      total.pages++;
      total.records += r.body.records;
      total.selectors += r.body.selectors;
      total.added += r.body.added;
      next = r.body.next;
    } while (next && total.pages < 200);
    return total;
  };

  it('refuses anyone but the platform’s administrators, as the permissions table says', async () => {
    const partner = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    for (const token of [vnm, gbr, partner]) expect((await t.call('POST', REINDEX, token)).status).toBe(403);
    expect((await t.call('POST', REINDEX)).status).toBe(401);
  });

  it('answers a cursor that is not its own, or a bad limit, with a 400 naming the field', async () => {
    const tasks = await t.call('GET', `/v1/workspaces/${ws}/tasks?limit=1`, vnm);
    expect(tasks.body.next).toBeDefined();
    for (const cursor of [
      'not-a-cursor',
      tasks.body.next,
      Buffer.from('{"l":"selector-holders","k":{"pk":"x","sk":"y"}}').toString('base64url'),
    ]) {
      const r = await t.call('POST', `${REINDEX}?cursor=${encodeURIComponent(cursor)}`, admin);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['query.cursor']);
    }
    for (const limit of ['0', '101', 'x']) {
      const r = await t.call('POST', `${REINDEX}?limit=${limit}`, admin);
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('query.limit');
    }
  });

  it('re-indexes page by page so that, the old key dropped, every hit is still found; a second run adds nothing', async () => {
    const total = await reindexAll(3);
    expect(total.pages).toBeGreaterThan(1);
    expect(total).toMatchObject({ records: 3, selectors: 3, added: 3 });
    expect(await reindexAll(50)).toMatchObject({ records: 3, selectors: 3, added: 0 });

    t.rt.deps.selectorHasher = selectorHasherFromSecrets(KEY_B);
    expect(await hits()).toEqual([true, true, true]);
    // Without the re-index, dropping A would have lost them all: a key that indexed nothing finds nothing.
    t.rt.deps.selectorHasher = selectorHasherFromSecrets('c'.repeat(40));
    expect(await hits()).toEqual([false, false, false]);
    t.rt.deps.selectorHasher = selectorHasherFromSecrets(KEY_B, [KEY_A]);
  });

  it('runs from the command line against the same table, printing counts only', async () => {
    const { stdout } = await promisify(execFile)(
      'pnpm',
      ['-s', 'reindex-selectors', '--dynamo', inject('dynamoEndpoint'), '--table', t.rt.store.tableName, '--limit', '2'],
      { env: { ...process.env, MATCHING_KEYS: JSON.stringify({ current: KEY_B, previous: [KEY_A] }) } },
    );
    expect(stdout).toContain('3 record(s), 3 selector(s), 0 holder(s) added');
    for (const s of [WALLET, PHONE.slice(1), 'GB82']) expect(stdout).not.toContain(s);
  });
});
