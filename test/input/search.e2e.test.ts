/**
 * Hostile queries to search: what a person may type (or a script may send) is a 400 naming the
 * field, or an answer; never a 500, never a hint of what the caller may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

describe('hostile input to search', () => {
  let t: TestRuntime;
  let lead: string;
  let ws: string;
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Sen', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const made = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Trace the wallet (.*) of Nguyễn',
      assigneeOrgId: 'vnm-a05',
      dueAt: due,
    });
    expect(made.status).toBe(201);
  });
  afterAll(() => t.rt.stop());

  const get = async (query: string) => {
    const res = await fetch(`${t.rt.url}/v1/search?${query}`, { headers: { authorization: `Bearer ${lead}` } });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: text ? JSON.parse(text) : undefined };
  };
  const names = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  it.each([
    ['no q', ''],
    ['one character', 'q=a'],
    ['201 characters', `q=${'a'.repeat(201)}`],
    ['10,000 characters', `q=${'ng'.repeat(5000)}`],
    ['only bidi controls and zero-width joiners', `q=${encodeURIComponent('\u202e\u202d\u200f\u200d\u2066')}`],
    ['only spaces', `q=${encodeURIComponent('     ')}`],
    ['q twice', 'q=ab&q=cd'],
  ])('refuses %s, naming query.q', async (_what, query) => {
    const r = await get(query);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/problem\+json/);
    expect(names(r.body)).toContain('query.q');
  });

  it.each([
    ['kinds', 'kinds=task,bogus', 'query.kinds'],
    ['kinds', 'kinds=TASK', 'query.kinds'],
    ['kinds', `kinds=${'task,'.repeat(40)}task`, 'query.kinds'],
    ['workspaceId', 'workspaceId=..%2F..%2Fetc', 'query.workspaceId'],
    ['limit', 'limit=51', 'query.limit'],
    ['limit', 'limit=0', 'query.limit'],
    ['cursor', 'cursor=not-a-cursor', 'query.cursor'],
  ])('refuses a bad %s, naming it', async (_what, query, field) => {
    const r = await get(`q=wallet&${query}`);
    expect(r.status).toBe(400);
    expect(names(r.body).some((f) => f === field || `query.${f}` === field)).toBe(true);
  });

  it('reads regular-expression characters, markup, NUL and lone surrogates as text', async () => {
    expect((await get(`q=${encodeURIComponent('(.*)')}`)).body.items).toHaveLength(1);
    for (const q of ['^.+$', '<script>alert(1)</script>', 'a\u0000b', "'; DROP TABLE--", '%%', '\\u0000']) {
      const r = await get(`q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBeLessThan(500);
      if (r.status === 200) expect(r.body.items, q).toEqual([]);
    }
    // Bytes that are not UTF-8 at all, and a lone surrogate as a browser would encode it.
    expect((await get('q=%FF%FE%FD')).status).toBeLessThan(500);
    expect((await get('q=%ED%A0%80ab')).status).toBeLessThan(500);
  });

  it('finds the toned text from a query without tones, and a workspace it is not in is a 404', async () => {
    const r = await get('q=NGUYEN');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { kind: string }) => i.kind)).toEqual(['task']);
    const other = await t.tokenFor('gbr-nca', 'GBR');
    const res = await fetch(`${t.rt.url}/v1/search?q=wallet&workspaceId=${ws}`, { headers: { authorization: `Bearer ${other}` } });
    expect(res.status).toBe(404);
  });
});
