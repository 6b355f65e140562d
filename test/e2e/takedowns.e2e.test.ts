import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  { id: 'chatwave', name: 'ChatWave', kind: 'provider', country: 'SGP', sector: 'tech' },
  { id: 'tiktalk', name: 'TikTalk', kind: 'provider', country: 'SGP', sector: 'tech' },
] as const;

const BASIS = { code: 'NATIONAL', text: 'Decree 147/2024/ND-CP, art. 23' } as const;
const item = (n: number) => ({
  kind: 'account',
  service: 'chatwave',
  value: `@recruiter_${n}`,
  note: n % 100 === 0 ? 'runs the job ads' : undefined,
});
const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const answer = (ns: number[], status: string, reason?: string) => ({
  answers: ns.map((n) => ({ n, status, ...(reason ? { reason } : {}) })),
});

describe('takedown requests on the local engines', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let chatwave: string;
  let tiktalk: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t, ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    chatwave = await t.tokenFor('chatwave', 'SGP', ['responder'], 'provider');
    tiktalk = await t.tokenFor('tiktalk', 'SGP', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi)).status).toBe(200);
  });
  afterAll(async () => {
    await t.rt.stop();
  });

  const create = (body: Record<string, unknown>, token = lead) =>
    t.call('POST', `/v1/workspaces/${ws}/takedowns`, token, {
      providerOrgId: 'chatwave',
      legalBasis: BASIS,
      description: 'Recruiters of the scam compound',
      ...body,
    });

  it('goes only to tech and telecom companies', async () => {
    const r = await create({ providerOrgId: 'mekong-bank', items: [item(1)] });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('providerOrgId');
  });

  it('names the malformed line and field of a CSV list, and stores nothing', async () => {
    const csv = 'kind,service,value,note\naccount,chatwave,@a\nprofile,chatwave,@b\n';
    const r = await create({ csv });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].field).toBe('csv[line 3].kind');
    expect(r.body.detail).toContain('line 3');
    const bad = await create({ csv: 'url,web,not a url' });
    expect(bad.body.errors[0].field).toBe('csv[line 1].value');
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests`, lead)).body.items).toHaveLength(0);
    // The same reading as a text/csv preview: counts and duplicates, nothing stored.
    const res = await fetch(`${t.rt.url}/v1/workspaces/${ws}/takedowns/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lead}`, 'content-type': 'text/csv' },
      body: 'https://chatwave.example/g/jobs\naccount,chatwave,@A\naccount,chatwave,@a\n',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 3, total: 2, duplicates: 1, duplicateOf: [{ at: 'line 3', sameAs: 2 }] });
    const broken = await fetch(`${t.rt.url}/v1/workspaces/${ws}/takedowns/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${lead}`, 'content-type': 'text/csv' },
      body: 'account,chatwave\n',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('csv[line 1]');
  });

  it('a takedown of 1,000 items answered in batches: counts right after each batch, the outcome at the end', async () => {
    // 1,000 items, ten of them sent twice (with other case and an @): collapsed and counted.
    const list = [...items(1, 1000).map(item), ...items(1, 10).map((n) => ({ ...item(n), value: `@RECRUITER_${n}` }))];
    const created = await create({ items: list });
    expect(created.status).toBe(201);
    expect(created.body.intake).toMatchObject({ received: 1010, total: 1000, duplicates: 10 });
    const id = created.body.request.id;
    expect(created.body.request).toMatchObject({
      type: 'takedown',
      status: 'sent',
      clock: { rule: 'takedown', dueAt: '2026-03-02T08:00:00.000Z' },
    });

    const agencyProgress = async () => (await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/takedown`, fbi)).body;
    expect(await agencyProgress()).toMatchObject({ total: 1000, answered: 0, counts: { pending: 1000 } });

    // Answers go to an acknowledged takedown; the generic answer does not apply.
    expect((await t.call('POST', `/v1/portal/requests/${id}/takedown/answers`, chatwave, answer([1], 'removed'))).status).toBe(409);
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, chatwave)).status).toBe(200);
    expect((await t.call('POST', `/v1/portal/requests/${id}/response`, chatwave, { outcome: 'fulfilled' })).status).toBe(409);

    const batch = (body: unknown, key?: string) =>
      t.call('POST', `/v1/portal/requests/${id}/takedown/answers`, chatwave, body, key ? { 'idempotency-key': key } : {});
    let r = await batch(answer(items(1, 400), 'removed'), 'batch-0001');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ changed: 400, unchanged: 0, progress: { answered: 400, counts: { pending: 600, removed: 400 } } });
    expect(await agencyProgress()).toMatchObject({ answered: 400, counts: { pending: 600, removed: 400, restricted: 0 } });
    // The same batch again (same key): the first answer, nothing written twice.
    const replay = await batch(answer(items(1, 400), 'removed'), 'batch-0001');
    expect(replay.body).toEqual(r.body);

    r = await batch(answer(items(401, 700), 'restricted'));
    expect(await agencyProgress()).toMatchObject({ answered: 700, counts: { pending: 300, removed: 400, restricted: 300 } });
    r = await batch(answer(items(701, 900), 'not_found'));
    expect(await agencyProgress()).toMatchObject({ answered: 900, counts: { pending: 100, not_found: 200 } });

    // Answering again the same way changes nothing; another answer needs a reason of its own.
    r = await batch(answer([1, 2], 'removed'));
    expect(r.body).toMatchObject({ changed: 0, unchanged: 2 });
    const noReason = await batch(answer([1], 'restricted'));
    expect(noReason.status).toBe(409);
    expect(await agencyProgress()).toMatchObject({ counts: { removed: 400, restricted: 300 } });
    r = await batch(answer([1], 'refused', 'Account belongs to a journalist; court order needed'));
    expect(r.status).toBe(200);
    expect(await agencyProgress()).toMatchObject({ counts: { pending: 100, removed: 399, refused: 1 } });
    // A refusal needs a reason; unknown items are named.
    expect((await batch(answer([950], 'refused'))).body.errors[0].field).toBe('body.answers.0.reason');
    const unknown = await batch(answer([1001], 'removed'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('answers.0.n');

    // The last batch completes it, through the state machine.
    r = await batch(answer(items(901, 1000), 'refused', 'Satire, not recruitment'));
    expect(r.body.progress).toMatchObject({
      status: 'partially_fulfilled',
      answered: 1000,
      counts: { pending: 0, removed: 399, restricted: 300, not_found: 200, refused: 101 },
    });
    const done = (await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, lead)).body;
    expect(done.status).toBe('partially_fulfilled');
    expect(done.outcome.detail).toBe('399 removed, 300 restricted, 200 not found, 101 refused');
    expect((await batch(answer([2], 'refused', 'changed our mind'))).status).toBe(409);

    // The items, filtered and paged: every refused one, once, in order.
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 40; i++) {
      const page = await t.call(
        'GET',
        `/v1/workspaces/${ws}/requests/${id}/takedown/items?status=refused&limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        lead,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(40);
      for (const it of page.body.items) expect(it.status).toBe('refused');
      seen.push(...page.body.items.map((it: { n: number }) => it.n));
      cursor = page.body.next;
      if (!cursor) break;
    }
    expect(seen).toEqual([1, ...items(901, 1000)]);
    const first = (await t.call('GET', `/v1/portal/requests/${id}/takedown/items?limit=3`, chatwave)).body.items;
    expect(first[0]).toMatchObject({
      n: 1,
      kind: 'account',
      value: '@recruiter_1',
      status: 'refused',
      reason: 'Account belongs to a journalist; court order needed',
      changes: 1,
    });

    // The audit trail has the batches with their counts, never the items.
    await t.rt.pump();
    const audit = await t.call('GET', `/v1/workspaces/${ws}/audit?limit=100`, lead);
    const batches = audit.body.items.filter((e: { action?: string }) => e.action === 'takedown.batch_answered');
    expect(batches.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(audit.body)).not.toContain('recruiter_');
  });

  it('a partner never sees another partner’s takedown', async () => {
    const created = await create({ items: [item(1), item(2)] });
    const id = created.body.request.id;
    for (const path of [`/v1/portal/requests/${id}/takedown`, `/v1/portal/requests/${id}/takedown/items`, `/v1/portal/requests/${id}`])
      expect((await t.call('GET', path, tiktalk)).status).toBe(404);
    expect((await t.call('POST', `/v1/portal/requests/${id}/takedown/answers`, tiktalk, answer([1], 'removed'))).status).toBe(404);
    expect((await t.call('GET', '/v1/portal/requests', tiktalk)).body.items).toHaveLength(0);
    // An agency learns nothing through the partner's side, nor a partner through the agencies'.
    expect((await t.call('GET', `/v1/portal/requests/${id}/takedown`, lead)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/takedown/items`, chatwave)).status).toBe(404);
    // The addressee does see it, and can finish it: all removed → fulfilled.
    expect((await t.call('GET', `/v1/portal/requests/${id}/takedown`, chatwave)).body).toMatchObject({ total: 2, counts: { pending: 2 } });
    await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, chatwave);
    const r = await t.call('POST', `/v1/portal/requests/${id}/takedown/answers`, chatwave, {
      answers: [
        { n: 1, status: 'removed' },
        { n: 2, status: 'restricted' },
      ],
    });
    expect(r.body.progress.status).toBe('fulfilled');
  });

  it('items never reach a member the marking leaves out', async () => {
    const created = await create({
      items: [item(1)],
      legalBasis: { code: 'EU-TCO', text: 'Removal order, Regulation (EU) 2021/784 art. 3' },
      marking: { tlp: 'RED', recipients: ['vnm-a05', 'chatwave'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.request.clock).toMatchObject({ rule: 'takedown-eu-tco', dueAt: '2026-03-01T09:00:00.000Z' });
    const id = created.body.request.id;
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/takedown`, fbi)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/takedown/items`, fbi)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/takedown/items`, lead)).body.items).toHaveLength(1);
    // Nothing answered: all not found → cannot comply.
    await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, chatwave);
    const r = await t.call('POST', `/v1/portal/requests/${id}/takedown/answers`, chatwave, answer([1], 'not_found'));
    expect(r.body.progress.status).toBe('cannot_comply');
  });
});
