/**
 * List cursors as callers hold them: sealed, bound to the caller and the list, opaque. The
 * store's own cursor (its query's last key) names the record a page stopped on, which the caller
 * may not be allowed to see, and for a partner's inbox the workspace; none of that may leave the API.
 */
import { CURSOR_REFUSED, type CursorKeys, generateCursorKeys } from '@taskforce/api';
import { seedPage } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, ORGS, type Reply, type TestRuntime, testRuntime } from '../support/runtime';
import { realLookingBundle } from '../support/stix-bundle';

const START = '2026-03-01T08:00:00.000Z';
const HIDDEN_FROM_THAILAND = { tlp: 'AMBER', releasableTo: ['VNM', 'USA'] };
/** Task visibility for Thailand, in creation (and so in list) order: the first one hidden. */
const PATTERN = ['hidden', 'visible', 'hidden', 'hidden', 'visible', 'visible', 'hidden', 'visible', 'visible'] as const;

const request = (description: string) => ({
  providerOrgId: 'mekong-bank',
  type: 'subscriber_info',
  legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
  description,
  selectors: [{ type: 'email', value: 'mule@example.com' }],
});

/** Every way one might try to read a cursor: as it is, and as base64url, base64 and URL-encoded text. */
const readings = (cursor: string): string[] => [
  cursor,
  decodeURIComponent(cursor),
  Buffer.from(cursor, 'base64url').toString('latin1'),
  Buffer.from(cursor, 'base64').toString('latin1'),
  Buffer.from(cursor, 'base64url').toString('utf8'),
];

/** The longest run of printable ASCII in the cursor's bytes: random bytes give a few (24 in a row: odds about 1 in 10^10). */
const longestPrintableRun = (cursor: string): number => {
  let best = 0;
  let run = 0;
  for (const b of Buffer.from(cursor, 'base64url')) {
    run = b >= 0x20 && b < 0x7f ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
};

const expectOpaque = (cursor: string, secrets: string[]) => {
  expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  for (const text of readings(cursor)) {
    // Structural markers as they would appear in a key's JSON: a bare `gsi` turns up in random base64 now and then.
    for (const s of [...secrets, 'WS#', 'TASK#', 'REQ#', 'ORG#', '"pk"', '"sk"', '"gsi']) expect(text).not.toContain(s);
    expect(() => JSON.parse(text)).toThrow();
  }
  expect(longestPrintableRun(cursor)).toBeLessThan(24);
};

const expectRefused = (r: Reply) => {
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toBe('application/problem+json');
  expect(r.body.errors).toEqual([{ field: 'query.cursor', message: CURSOR_REFUSED }]);
};

describe('list cursors', () => {
  const keys: CursorKeys = generateCursorKeys();
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let ccib: string;
  let nca: string;
  let bank: string;
  let ws: string;
  let ws2: string;
  let incident: string | undefined;
  const tasks: { id: string; visible: boolean }[] = [];
  const requests: string[] = [];
  let takedown: string;
  let chatwave: string;
  /** A message of the general channel edited twice. */
  let edited = '';

  beforeAll(async () => {
    t = await testRuntime(START, { workers: false, cursorKeys: keys });
    const admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
    for (const org of [
      ...ORGS,
      { id: 'tha-dsi', name: 'DSI', kind: 'agency', country: 'THA' },
      { id: 'tha-rtp', name: 'RTP', kind: 'agency', country: 'THA' },
      { id: 'vnm-c50', name: 'C50', kind: 'agency', country: 'VNM' },
      { id: 'vnm-mps', name: 'MPS', kind: 'agency', country: 'VNM' },
      { id: 'chatwave', name: 'ChatWave', kind: 'provider', country: 'SGP', sector: 'tech' },
    ])
      expect((await t.call('POST', '/v1/organisations', admin, org)).status).toBe(201);
    lead = await t.tokenFor('vnm-a05', 'VNM', ['officer', 'duty_contact']);
    fbi = await t.tokenFor('usa-fbi', 'USA');
    ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
    nca = await t.tokenFor('gbr-nca', 'GBR');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    // Two countries' policies (with no rules): the policy list has a second page.
    for (const [orgId, country] of [
      ['vnm-a05', 'VNM'],
      ['usa-fbi', 'USA'],
    ] as const)
      expect(
        (await t.call('PUT', `/v1/policies/${country}`, await t.tokenFor(orgId, country, ['policy_admin']), { rules: [] })).status,
      ).toBe(201);

    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    ws2 = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Second', legalBasis: { code: 'MLAT', text: 'x' } })).body.id;
    await joinAll(t, lead, ws, [
      ['usa-fbi', fbi],
      ['tha-ccib', ccib],
    ]);
    for (const w of [ws, ws2])
      expect((await t.call('POST', `/v1/workspaces/${w}/invitations`, lead, { orgId: 'gbr-nca' })).status).toBe(201);

    for (const [i, v] of PATTERN.entries()) {
      t.clock.advance(1000); // ids are ordered by time: one task a second keeps list order the creation order
      const r = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: `Task ${i}`,
        assigneeOrgId: v === 'hidden' ? 'usa-fbi' : 'tha-ccib',
        dueAt: '2026-04-01T00:00:00Z',
        ...(v === 'hidden' ? { marking: HIDDEN_FROM_THAILAND } : {}),
      });
      expect(r.status).toBe(201);
      tasks.push({ id: r.body.id, visible: v === 'visible' });
    }

    for (const d of ['First account', 'Second account']) {
      const r = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, request(d));
      expect(r.status).toBe(201);
      requests.push(r.body.id);
    }
    expect((await t.call('POST', `/v1/portal/requests/${requests[0]}/acknowledge`, bank)).status).toBe(200);
    // A takedown of two items: its item pages have a second page.
    chatwave = await t.tokenFor('chatwave', 'SGP', ['responder'], 'provider');
    const td = await t.call('POST', `/v1/workspaces/${ws}/takedowns`, lead, {
      providerOrgId: 'chatwave',
      legalBasis: { code: 'NATIONAL', text: 'order' },
      description: 'Recruiters',
      items: [
        { kind: 'account', service: 'chatwave', value: '@first' },
        { kind: 'account', service: 'chatwave', value: '@second' },
      ],
    });
    expect(td.status).toBe(201);
    takedown = td.body.request.id;
    for (const name of ['a.csv', 'b.csv'])
      expect(
        (
          await t.call('POST', `/v1/portal/requests/${requests[0]}/evidence`, bank, {
            fileName: name,
            size: 1,
            mediaType: 'text/csv',
            sha256: 'a'.repeat(64),
          })
        ).status,
      ).toBe(201);

    // Two evidence files of any size the bank started on the same request: a second page for both sides' lists.
    for (const name of ['c.bin', 'd.bin'])
      expect(
        (
          await t.call('POST', `/v1/portal/requests/${requests[0]}/files`, bank, {
            fileName: name,
            size: 10,
            mediaType: 'application/octet-stream',
            partSize: 8 * 1024 * 1024,
          })
        ).status,
      ).toBe(201);

    const ladder = (duty: string, backup: string, nationalLead: string) => ({
      duty: { orgId: duty, people: [{ name: 'Duty officer', phone: '+66 2 142 3555' }] },
      backup: { orgId: backup },
      nationalLead: { orgId: nationalLead },
    });
    expect((await t.call('PUT', '/v1/contacts/THA', ccib, ladder('tha-ccib', 'tha-dsi', 'tha-rtp'))).status).toBe(201);
    expect((await t.call('PUT', '/v1/contacts/VNM', lead, ladder('vnm-a05', 'vnm-c50', 'vnm-mps'))).status).toBe(201);
    for (const summary of ['Hospital encrypted', 'Exchange drained']) {
      const raised = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
        severity: 'high',
        type: 'ransomware',
        summary,
        countries: ['THA'],
      });
      expect(raised.status).toBe(201);
      incident ??= raised.body.id as string;
    }
    // Two people paged for the first incident, so that its delivery trail has a second page.
    for (const sub of ['tha-ccib-duty-1', 'tha-ccib-duty-2'])
      await seedPage(t.rt.deps, {
        workspaceId: ws,
        incidentId: incident!,
        sub,
        orgId: 'tha-ccib',
        country: 'THA',
        expiresAt: new Date(Date.parse(START) + 3_600_000).toISOString(),
      });
    // Threads: a channel besides general, two messages in general (one edited twice, so it has two revisions), two on the request's thread.
    expect((await t.call('POST', `/v1/workspaces/${ws}/channels`, lead, { name: 'Wallets' })).status).toBe(201);
    const general = `/v1/workspaces/${ws}/threads/channel/general/messages`;
    for (const text of ['Morning brief', 'Evening brief']) {
      t.clock.advance(1000);
      const posted = await t.call('POST', general, lead, { text });
      expect(posted.status).toBe(201);
      edited = posted.body.id;
    }
    for (const [version, text] of [
      [1, 'Evening brief at 18:00'],
      [2, 'Evening brief at 19:00'],
    ] as const)
      expect((await t.call('PATCH', `${general}/${edited}`, lead, { text }, { 'if-match': `"${version}"` })).status).toBe(200);
    for (const text of ['Which period?', 'And the IP logs?']) {
      t.clock.advance(1000);
      expect((await t.call('POST', `/v1/portal/requests/${requests[0]}/messages`, bank, { text })).status).toBe(201);
    }
    await t.rt.pump();
  });
  afterAll(() => t.rt.stop());

  const page = (path: string, token: string, limit: number, cursor?: string, method = 'GET') =>
    t.call(method, `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);

  const walk = async (path: string, token: string, limit: number) => {
    const ids: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const r = await page(path, token, limit, next);
      expect(r.status).toBe(200);
      ids.push(...r.body.items.map((i: { id: string }) => i.id));
      next = r.body.next;
      if (next) expectOpaque(next, [ws, ...tasks.map((x) => x.id)]);
      pages++;
    } while (next);
    return { ids, pages };
  };

  it('do not name the record a page stopped on, nor the hidden one it read past', async () => {
    const [hidden, shown] = [tasks[0]!, tasks[1]!];
    expect([hidden.visible, shown.visible]).toEqual([false, true]);
    const first = await page(`/v1/workspaces/${ws}/tasks`, ccib, 1);
    expect(first.status).toBe(200);
    // The store's first page held the hidden task only: the page is filled from the next one.
    expect(first.body.items.map((x: { id: string }) => x.id)).toEqual([shown.id]);
    expectOpaque(first.body.next, [hidden.id, hidden.id.slice(-12), shown.id, shown.id.slice(-12), ws]);
    // The same page asked twice: the cursors share nothing but their length.
    const again = (await page(`/v1/workspaces/${ws}/tasks`, ccib, 1)).body.next as string;
    expect(again).not.toBe(first.body.next);
    expect(again.length).toBe(first.body.next.length);
    const a = Buffer.from(first.body.next, 'base64url');
    const b = Buffer.from(again, 'base64url');
    for (let i = 0; i + 6 <= a.length; i++) expect(b.includes(a.subarray(i, i + 6))).toBe(false);
  });

  it("do not carry the workspace in a partner's inbox", async () => {
    const first = await page('/v1/portal/requests', bank, 1);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expectOpaque(first.body.next, [ws, ws.slice(-12), ...requests]);
    const all = await walk('/v1/portal/requests', bank, 1);
    expect(all.ids.sort()).toEqual([...requests].sort());
  });

  it('page through every visible item exactly once', async () => {
    const visible = tasks.filter((x) => x.visible).map((x) => x.id);
    for (const limit of [1, 2, 3]) {
      const { ids, pages } = await walk(`/v1/workspaces/${ws}/tasks`, ccib, limit);
      expect(ids).toEqual(visible);
      // Pages the evaluator thinned are filled: no page is spent on what the caller may not see (the
      // unfiltered list may end on one empty page without a next, when its last page ended the store's list exactly).
      expect(pages).toBeLessThanOrEqual(Math.ceil(visible.length / limit) + 1);
    }
    expect((await walk(`/v1/workspaces/${ws}/tasks?status=open`, ccib, 2)).ids).toEqual(visible);
    expect((await walk(`/v1/workspaces/${ws}/tasks?assigneeOrgId=tha-ccib`, ccib, 2)).ids).toEqual(visible);
    expect((await walk(`/v1/workspaces/${ws}/tasks?assigneeOrgId=tha-ccib&status=open`, ccib, 2)).ids).toEqual(visible);
    expect(await walk(`/v1/workspaces/${ws}/tasks?assigneeOrgId=usa-fbi`, ccib, 2)).toEqual({ ids: [], pages: 1 });
    expect((await walk(`/v1/workspaces/${ws}/tasks`, lead, 2)).ids).toEqual(tasks.map((x) => x.id));
    expect((await walk('/v1/tasks', ccib, 2)).ids.sort()).toEqual([...visible].sort());
  });

  it('page through every search hit the caller may see exactly once, newest first, whatever the page size', async () => {
    const visible = tasks
      .filter((x) => x.visible)
      .map((x) => x.id)
      .reverse();
    for (const limit of [1, 2, 3]) expect((await walk('/v1/search?q=task', ccib, limit)).ids).toEqual(visible);
    expect((await walk('/v1/search?q=task', lead, 2)).ids).toEqual(tasks.map((x) => x.id).reverse());
    // The count is of what the caller sees, on every page.
    const first = await page('/v1/search?q=task', ccib, 1);
    expect(first.body.counts).toEqual({ message: 0, task: visible.length, request: 0, incident: 0 });
    const second = await page('/v1/search?q=task', ccib, 1, first.body.next);
    expect(second.body.counts).toEqual(first.body.counts);
    // A cursor is bound to the query: another query, or other kinds, refuse it.
    expectRefused(await page('/v1/search?q=tasks', ccib, 1, first.body.next));
    expectRefused(await page('/v1/search?q=task&kinds=task', ccib, 1, first.body.next));
  });

  it("refuse another caller's cursor, another list's, a tampered, truncated, oversized or malformed one, alike", async () => {
    const tasksOf = (w: string) => `/v1/workspaces/${w}/tasks`;
    const mine = (await page(tasksOf(ws), ccib, 1)).body.next as string;
    const leads = (await page(tasksOf(ws), lead, 1)).body.next as string;
    expect((await page(tasksOf(ws), ccib, 1, mine)).status).toBe(200);
    const bytes = Buffer.from(mine, 'base64url');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
    // The store's own cursor for the same place, as the API used to hand it out.
    const raw = Buffer.from(JSON.stringify({ pk: `WS#${ws}`, sk: `TASK#${tasks[0]!.id}` })).toString('base64url');

    // Bound to the organisation and subject, not to the token: a new token of the same officer opens it.
    expect((await page(tasksOf(ws), await t.tokenFor('tha-ccib', 'THA', ['officer']), 1, mine)).status).toBe(200);

    const refusals = [
      await page(tasksOf(ws), fbi, 1, mine), // another organisation
      await page(
        tasksOf(ws),
        await t.rt.token({ orgId: 'tha-ccib', orgKind: 'agency', country: 'THA', roles: ['officer'], sub: 'tha-ccib-analyst' }),
        1,
        mine,
      ), // another officer of it
      await page(`/v1/workspaces/${ws}/requests`, ccib, 1, mine), // another list
      await page(`${tasksOf(ws)}?status=open`, ccib, 1, mine), // the same list, filtered
      await page(`${tasksOf(ws)}?overdue=true`, ccib, 1, mine),
      await page(`${tasksOf(ws)}?assigneeOrgId=tha-ccib`, ccib, 1, mine),
      await page(
        `${tasksOf(ws)}?assigneeOrgId=tha-ccib&status=open`,
        ccib,
        1,
        (await page(`${tasksOf(ws)}?status=open`, ccib, 1)).body.next,
      ),
      await page(tasksOf(ws2), lead, 1, leads), // the same list of another workspace
      await page(tasksOf(ws), ccib, 1, flipped.toString('base64url')),
      await page(tasksOf(ws), ccib, 1, mine.slice(0, -4)),
      await page(tasksOf(ws), ccib, 1, mine.slice(0, 20)),
      await page(tasksOf(ws), ccib, 1, 'A'.repeat(3 * 1024)),
      await page(tasksOf(ws), ccib, 1, '%%% not base64 %%%'),
      await page(tasksOf(ws), ccib, 1, raw),
    ];
    for (const r of refusals) expectRefused(r);
    // Whatever the reason, the answer is the same: nothing hints at what is inside.
    const bodies = new Set(refusals.map((r) => JSON.stringify({ ...r.body, requestId: undefined })));
    expect(bodies.size).toBe(1);
  });

  it('open after a key rotation, and not under another deployment key', async () => {
    const cursor = (await page(`/v1/workspaces/${ws}/tasks`, ccib, 2)).body.next as string;
    const now = t.clock.now().toISOString();
    const rotated = await testRuntime(now, {
      workers: false,
      tableName: t.rt.store.tableName,
      cursorKeys: { current: generateCursorKeys().current, previous: [keys.current] },
    });
    const other = await testRuntime(now, { workers: false, tableName: t.rt.store.tableName, cursorKeys: generateCursorKeys() });
    try {
      const path = `/v1/workspaces/${ws}/tasks?limit=2&cursor=${cursor}`;
      const opened = await rotated.call('GET', path, await rotated.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']));
      expect(opened.status).toBe(200);
      expect(opened.body.items).toEqual((await t.call('GET', path, ccib)).body.items);
      expectRefused(await other.call('GET', path, await other.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact'])));
    } finally {
      await rotated.rt.stop();
      await other.rt.stop();
    }
  });

  it('expire a day after they were issued', async () => {
    const cursor = (await page(`/v1/workspaces/${ws}/tasks`, ccib, 2)).body.next as string;
    t.clock.advance(23 * 3_600_000);
    expect((await page(`/v1/workspaces/${ws}/tasks`, ccib, 2, cursor)).status).toBe(200);
    t.clock.advance(3_600_000 + 1);
    expectRefused(await page(`/v1/workspaces/${ws}/tasks`, ccib, 2, cursor));
  });

  it('are sealed on every list route of the OpenAPI document', async () => {
    type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, unknown> }> };
    const doc = (await t.call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    // A route whose page has a `next` must take a `cursor`: that is what routes its cursors through the seal.
    const schemaOf = (op: Operation) => {
      const s = (op.responses['200']?.content?.['application/json'] as { schema?: { $ref?: string; properties?: object } })?.schema;
      return s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s;
    };
    const paged: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const takesCursor = (op.parameters ?? []).some((p) => p.name === 'cursor' && p.in === 'query');
        // A page's `next` is its cursor, a string (a roster's `next` is the next person on call, an object).
        const next = (schemaOf(op)?.properties as Record<string, { type?: string }> | undefined)?.next;
        const hasNext = next?.type === 'string';
        expect(takesCursor, `${method} ${path}`).toBe(hasNext);
        if (takesCursor) paged.push(`${method} ${path}`);
      }

    // Who lists what in this world; a new list route must be added here, so it is checked too.
    const callers: Record<string, [token: string, stranger: string]> = {
      'get /v1/organisations': [lead, fbi],
      'get /v1/policies': [lead, fbi],
      'get /v1/workspaces': [lead, fbi],
      'get /v1/invitations': [nca, lead],
      'get /v1/workspaces/{workspaceId}/invitations': [lead, fbi],
      'get /v1/workspaces/{workspaceId}/tasks': [lead, fbi],
      'get /v1/tasks': [ccib, fbi],
      'get /v1/workspaces/{workspaceId}/audit': [lead, ccib],
      'get /v1/workspaces/{workspaceId}/requests': [lead, fbi],
      'get /v1/workspaces/{workspaceId}/requests/{requestId}/evidence': [lead, fbi],
      'get /v1/portal/requests': [bank, lead],
      'get /v1/portal/requests/{requestId}/evidence': [bank, lead],
      'get /v1/workspaces/{workspaceId}/{parentKind}/{parentId}/files': [lead, fbi],
      'get /v1/portal/requests/{requestId}/files': [bank, lead],
      'get /v1/contacts': [lead, ccib],
      'get /v1/workspaces/{workspaceId}/incidents': [lead, fbi],
      'get /v1/workspaces/{workspaceId}/incidents/{incidentId}/pages': [lead, fbi],
      'get /v1/notifications': [ccib, lead],
      'get /v1/workspaces/{workspaceId}/transfers': [lead, fbi],
      'get /v1/workspaces/{workspaceId}/requests/{requestId}/takedown/items': [lead, fbi],
      'get /v1/portal/requests/{requestId}/takedown/items': [chatwave, lead],
      // A page of the matching key rotation's re-index: a POST, its cursor a table key until sealed.
      'post /v1/admin/matching/reindex': [await t.tokenFor('platform', 'ZZZ', ['admin'], 'international'), lead],
      // The platform's administrators list users; an officer is refused.
      'get /v1/admin/users': [await t.tokenFor('platform', 'ZZZ', ['admin'], 'international'), lead],
      // Search: its cursor is the last hit's place in the ranking (workspace and record ids) until sealed.
      'get /v1/search': [lead, fbi],
      // Threads: the workspace's channels, the general channel's messages and a message's revisions; the partner's request thread.
      'get /v1/workspaces/{workspaceId}/channels': [lead, fbi],
      'get /v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages': [lead, fbi],
      'get /v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/revisions': [lead, fbi],
      'get /v1/portal/requests/{requestId}/messages': [bank, lead],
      // Intelligence imported from a STIX bundle.
      'get /v1/workspaces/{workspaceId}/stix-imports/records': [lead, fbi],
    };
    expect(paged.sort()).toEqual(Object.keys(callers).sort());

    // Two release requests about the lead's tasks, so that its list of them has a second page.
    for (const task of tasks.filter((x) => !x.visible).slice(0, 2)) {
      const asked = await t.call('POST', `/v1/workspaces/${ws}/transfers`, fbi, {
        record: { type: 'task', id: task.id },
        destination: { country: 'THA' },
        purpose: 'Thailand holds the account',
      });
      expect(asked.status).toBe(201);
    }
    // A STIX bundle imported, so that the list of imported records has a second page.
    const bundle = realLookingBundle();
    const preview = await t.call('POST', `/v1/workspaces/${ws}/stix-imports/preview`, lead, bundle);
    expect(preview.status).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${ws}/stix-imports?digest=${preview.body.digest}`, lead, bundle)).status).toBe(201);
    // Two users in the directory, so that its list has a second page; their addresses stay out of cursors.
    for (const who of ['an', 'binh']) {
      await t.rt.deps.users!.create({ email: `${who}@vnm-a05.example`, name: who, orgId: 'vnm-a05', roles: ['officer'] });
    }
    const secrets = [ws, ws2, ...requests, takedown, ...tasks.map((x) => x.id), 'vnm-a05', 'tha-ccib', 'mekong-bank', '@vnm-a05.example'];
    for (const route of paged) {
      const [token, stranger] = callers[route]!;
      const [method] = route.split(' ') as [string];
      const path = route
        .slice(method.length + 1)
        .replace('{workspaceId}', ws)
        .replace('{incidentId}', incident!)
        .replace('{requestId}', route.includes('/takedown/') ? takedown : requests[0]!)
        .replace('{kind}', 'channel')
        .replace('{threadId}', 'general')
        .replace('{messageId}', edited)
        .replace(/^\/v1\/search$/, '/v1/search?q=task')
        .replace('{parentKind}', 'requests')
        .replace('{parentId}', requests[0]!);
      const verb = method.toUpperCase();
      const first = await page(path, token, 1, undefined, verb);
      expect(first.status, route).toBe(200);
      expect(typeof first.body.next, route).toBe('string');
      expectOpaque(first.body.next, secrets);
      expect((await page(path, token, 1, first.body.next, verb)).status, route).toBe(200);
      expectRefused(await page(path, stranger, 1, first.body.next, verb));
    }
  });

  // TAXII's `next` (packages/api/src/routes/taxii.ts) is sealed like every cursor: opaque, the caller's own, this list's only.
  it('seals the TAXII next token: opaque, bound to the caller and to the list', async () => {
    const taxii = (path: string, token: string) => t.call('GET', path, token, undefined, { accept: 'application/taxii+json;version=2.1' });
    const col = (await taxii('/taxii2/api/collections/', lead)).body.collections.find((c: { title: string }) => c.title === 'Op Lotus').id;
    for (const list of ['objects', 'manifest']) {
      const path = `/taxii2/api/collections/${col}/${list}/?limit=1`;
      const first = await taxii(path, lead);
      expect(first.status).toBe(200);
      expect(first.body.more).toBe(true);
      expectOpaque(first.body.next, [ws, ...tasks.map((x) => x.id), 'vnm-a05', 'note--', 'date_added']);
      expect((await taxii(`${path}&next=${encodeURIComponent(first.body.next)}`, lead)).status).toBe(200);
      const stranger = await taxii(`${path}&next=${encodeURIComponent(first.body.next)}`, fbi);
      expect(stranger.status).toBe(400);
      expect(stranger.headers.get('content-type')).toBe('application/taxii+json;version=2.1');
      expect(stranger.body.details.errors).toEqual([{ field: 'query.next', message: 'the next token is not valid for this list' }]);
    }
  });
});
