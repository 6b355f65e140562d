/**
 * Hostile input to threads, beyond what the schema-driven suite derives: a message over 8,000
 * characters, bidi override and isolate controls, 10,000 mentions, too many attachments, a wider
 * marking than the thread's, mentions of organisations outside it, a reply to another thread's
 * message, and a conditional GET with a garbage ETag. Each is a 400 naming the field (or a plain
 * answer), never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

describe('hostile input to threads', () => {
  let t: TestRuntime;
  let lead: string;
  let bank: string;
  let T: string;
  let portal: string;
  let general: string;
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    const ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Q', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    await joinAll(t, lead, ws, [['usa-fbi', await t.tokenFor('usa-fbi', 'USA')]]);
    const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Trace',
      assigneeOrgId: 'usa-fbi',
      dueAt: '2030-01-01T00:00:00Z',
      marking: { tlp: 'AMBER' },
    });
    const request = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, productionRequest('Statements'));
    T = `/v1/workspaces/${ws}/threads/task/${task.body.id}/messages`;
    general = `/v1/workspaces/${ws}/threads/channel/general/messages`;
    portal = `/v1/portal/requests/${request.body.id}/messages`;
  }, 120_000);
  afterAll(() => t?.rt.stop());

  const field = async (path: string, token: string, body: unknown) => {
    const r = await t.call('POST', path, token, body);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    return (r.body.errors as { field: string }[]).map((e) => e.field);
  };

  it('refuses a huge message, bidi controls, 10,000 mentions and 11 attachments, naming the field', async () => {
    expect(await field(T, lead, { text: 'x'.repeat(8001) })).toEqual(['body.text']);
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(await field(T, lead, { text: `invoice${c}fdp.exe` })).toEqual(['body.text']);
      expect(await field(portal, bank, { text: `invoice${c}fdp.exe` })).toEqual(['body.text']);
    }
    const many = Array.from({ length: 10_000 }, () => 'usa-fbi');
    expect(await field(T, lead, { text: 'all of you', mentions: { orgs: many } })).toContain('body.mentions.orgs');
    // 10,000 people do not fit in the 256 KiB a body may hold: a 413 naming the body; 51 are a 400 naming the list.
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ sub: `u${i}`, orgId: 'usa-fbi' }));
    const huge = await t.call('POST', T, lead, { text: 'all of you', mentions: { people: people(10_000) } });
    expect([huge.status, huge.body.errors[0].field]).toEqual([413, 'body']);
    expect(await field(T, lead, { text: 'all of you', mentions: { people: people(51) } })).toContain('body.mentions.people');
    const attachments = Array.from({ length: 11 }, (_, i) => `evidence-${i}`);
    expect(await field(T, lead, { text: 'files', attachments })).toEqual(['body.attachments']);
    expect(await field(T, lead, { text: ' \n\t ' })).toEqual(['body.text']);
  });

  it('refuses a wider marking, an outsider named, and a reply from another thread, naming the field', async () => {
    expect(await field(T, lead, { text: 'x', marking: { tlp: 'GREEN' } })).toEqual(['body.marking.tlp']);
    expect(await field(T, lead, { text: 'x', mentions: { orgs: ['usa-fbi', 'gbr-nca'] } })).toEqual(['body.mentions.orgs.1']);
    expect(await field(T, lead, { text: 'x', mentions: { people: [{ sub: 'someone', orgId: 'mekong-bank' }] } })).toEqual([
      'body.mentions.people.0.orgId',
    ]);
    const elsewhere = await t.call('POST', general, lead, { text: 'hello' });
    expect(elsewhere.status).toBe(201);
    expect(await field(T, lead, { text: 'x', replyTo: elsewhere.body.id })).toEqual(['body.replyTo']);
    // The partner may name only the requesting agency on its thread.
    expect(await field(portal, bank, { text: 'x', mentions: { orgs: ['usa-fbi'] } })).toEqual(['body.mentions.orgs.0']);
  });

  it('answers a conditional GET with a garbage or huge ETag plainly, and 304 only for its own tag', async () => {
    for (const tag of ['*', '"', 'W/"x"', '\u00ff'.repeat(100)]) {
      const r = await t.call('GET', T, lead, undefined, { 'if-none-match': tag });
      expect(r.status).toBe(200);
    }
    expect((await t.call('GET', T, lead, undefined, { 'if-none-match': 'x'.repeat(201) })).status).toBe(400);
    const first = await t.call('GET', T, lead);
    const again = await t.call('GET', T, lead, undefined, { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });
});
