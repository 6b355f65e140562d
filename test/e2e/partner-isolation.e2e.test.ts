import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EU_PRESERVATION, productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';
import { startReceiver } from '../support/webhook-receiver';

const DAY = 86_400_000;
const TITLE = 'Operation Jade Lotus';
const WITHDRAW_REASON = 'Suspect arrested in Bangkok; devices seized';
const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
  { id: 'tha-ccib', name: 'CCIB', kind: 'agency', country: 'THA' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  { id: 'chatwave', name: 'ChatWave', kind: 'provider', country: 'SGP', sector: 'tech' },
] as const;

const production = productionRequest('KYC file and statements of the mule account');

/** Keys that name the workspace, its members or the people acting; none may reach a partner. */
const FORBIDDEN_KEYS = new Set([
  'workspaceId',
  'workspaceTitle',
  'members',
  'leadOrgId',
  'actorOrgId',
  'requestedBy',
  'uploadedBy',
  'askedBy',
  'providerOrgId',
  'access',
  'marking',
]);

const keysIn = (x: unknown, found: string[] = []): string[] => {
  if (Array.isArray(x)) for (const v of x) keysIn(v, found);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      if (FORBIDDEN_KEYS.has(k)) found.push(k);
      keysIn(v, found);
    }
  return found;
};

describe('a private partner learns the request and its requesting agency, and nothing of the workspace', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let bank: string;
  let chatwave: string;
  let ws: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  /** Every payload the bank obtained: each portal and inbox response, and (at the end) each webhook body. */
  const obtained: { what: string; payload: unknown }[] = [];

  const asBank = async (method: string, path: string, body?: unknown) => {
    const r = await t.call(method, path, bank, body);
    obtained.push({ what: `${method} ${path} → ${r.status}`, payload: { body: r.body, location: r.headers.get('location') } });
    return r;
  };
  const uploadAsBank = async (path: string, content: Uint8Array) => {
    const res = await fetch(t.rt.url + path, {
      method: 'PUT',
      headers: { authorization: `Bearer ${bank}`, 'content-type': 'application/octet-stream' },
      body: content,
    });
    const body = await res.json();
    obtained.push({ what: `PUT ${path} → ${res.status}`, payload: body });
    return { status: res.status, body };
  };

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false, messaging: { retryDelaySeconds: () => 0 } });
    await seedOrgs(t, ORGS);
    // Officers with identities of their own, so that any trace of them shows.
    lead = await t.rt.token({ sub: 'lead.nguyen@a05.example', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
    fbi = await t.rt.token({ sub: 'agent.smith@fbi.example', orgId: 'usa-fbi', orgKind: 'agency', country: 'USA', roles: ['officer'] });
    const ccib = await t.rt.token({
      sub: 'insp.somchai@ccib.example',
      orgId: 'tha-ccib',
      orgKind: 'agency',
      country: 'THA',
      roles: ['officer'],
    });
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    chatwave = await t.tokenFor('chatwave', 'SGP', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: TITLE, legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    for (const [org, token] of [
      ['usa-fbi', fbi],
      ['tha-ccib', ccib],
    ] as const) {
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: org })).status).toBe(201);
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/${org}/accept`, token)).status).toBe(200);
    }
    await t.rt.pump();
    const hook = await t.call('PUT', '/v1/notifications/webhook', bank, { url: 'http://127.0.0.1:9/placeholder' });
    expect(hook.status).toBe(200);
    receiver = await startReceiver({ secrets: [hook.body.secret.value], clock: t.clock });
    expect((await t.call('PUT', '/v1/notifications/webhook', bank, { url: receiver.url })).status).toBe(200);
  });
  afterAll(async () => {
    await receiver?.stop();
    await t.rt.stop();
  });

  it('through a whole request life cycle, in every portal response, inbox item and webhook body', async () => {
    // The FBI asks; the lead (another member) answers clarifications, extends and withdraws.
    const r1 = (await t.call('POST', `/v1/workspaces/${ws}/requests`, fbi, production)).body;
    const r2 = (
      await t.call('POST', `/v1/workspaces/${ws}/requests`, fbi, {
        ...production,
        ...EU_PRESERVATION,
      })
    ).body;
    const r3 = (await t.call('POST', `/v1/workspaces/${ws}/requests`, fbi, { ...production, type: 'subscriber_info' })).body;
    // Another partner's request, in the same workspace.
    const other = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...production, providerOrgId: 'chatwave' });
    expect(other.status).toBe(201);
    await t.rt.pump();

    expect((await asBank('GET', '/v1/portal/requests')).body.items).toHaveLength(3);
    expect((await asBank('GET', `/v1/portal/requests/${r1.id}`)).body.requestingAgency).toEqual({ orgId: 'usa-fbi', country: 'USA' });
    expect((await asBank('POST', `/v1/portal/requests/${r1.id}/acknowledge`)).status).toBe(200);
    expect((await asBank('POST', `/v1/portal/requests/${r1.id}/clarification`, { question: 'Which account holder?' })).status).toBe(200);
    await t.rt.pump();
    const answer = await t.call('POST', `/v1/workspaces/${ws}/requests/${r1.id}/clarification-answer`, lead, { answer: 'The second one' });
    expect(answer.status).toBe(200);
    await t.rt.pump();
    expect((await asBank('GET', `/v1/portal/requests/${r1.id}`)).body.clarifications).toEqual([
      expect.objectContaining({ question: 'Which account holder?', answer: 'The second one' }),
    ]);

    const content = Buffer.from('date,amount\n2026-02-01,9800\n');
    const registered = await asBank('POST', `/v1/portal/requests/${r1.id}/evidence`, {
      fileName: 'statement.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(registered.status).toBe(201);
    expect((await asBank('GET', `/v1/portal/requests/${r1.id}/evidence`)).body.items).toHaveLength(1);
    expect((await uploadAsBank(registered.headers.get('location')!, content)).status).toBe(200);
    expect((await asBank('GET', `/v1/portal/requests/${r1.id}/evidence`)).body.items[0].content).toBe('stored');
    expect((await asBank('POST', `/v1/portal/requests/${r1.id}/response`, { outcome: 'fulfilled', detail: 'Attached' })).status).toBe(200);
    // A refusal is a partner-facing payload too.
    expect((await asBank('POST', `/v1/portal/requests/${r1.id}/acknowledge`)).status).toBe(409);

    expect((await asBank('POST', `/v1/portal/requests/${r2.id}/acknowledge`)).status).toBe(200);
    expect((await asBank('POST', `/v1/portal/requests/${r2.id}/response`, { outcome: 'preserved' })).status).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${r2.id}/extend`, lead)).status).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${r2.id}/withdraw`, lead, { reason: WITHDRAW_REASON })).status).toBe(200);
    await t.rt.pump();
    expect((await asBank('GET', `/v1/portal/requests/${r2.id}`)).body.status).toBe('withdrawn');

    // The third (and ChatWave's) run towards their deadline: each partner is reminded three days before.
    t.clock.advance(7 * DAY + 60_000);
    expect((await t.rt.sweep()).fired.map((f) => f.kind)).toEqual(['request.reminder', 'request.reminder']);
    await t.rt.pump();
    expect((await asBank('GET', `/v1/portal/requests/${r3.id}`)).body.status).toBe('sent');

    // The directory: the bank finds itself, and no agency or other partner.
    expect((await asBank('GET', '/v1/organisations')).body.items.map((o: { id: string }) => o.id)).toEqual(['mekong-bank']);
    expect((await asBank('GET', '/v1/organisations/mekong-bank')).status).toBe(200);
    for (const id of ['vnm-a05', 'tha-ccib', 'chatwave']) expect((await asBank('GET', `/v1/organisations/${id}`)).status).toBe(404);

    // The inbox: the list, each item, and an acknowledgement; then every webhook body, as the receiver got it.
    const inbox = await asBank('GET', '/v1/notifications?limit=100');
    const items = inbox.body.items as { id: string; type: string; subject: { id: string } }[];
    for (const n of items) expect((await asBank('GET', `/v1/notifications/${n.id}`)).status).toBe(200);
    expect((await asBank('POST', `/v1/notifications/${items[0]!.id}/acknowledge`)).status).toBe(200);
    expect(receiver.state.rejected).toBe(0);
    for (const a of receiver.state.application) obtained.push({ what: `webhook ${a.type}`, payload: a.body });

    const forbiddenValues = [
      ws,
      TITLE,
      'vnm-a05',
      'tha-ccib',
      'chatwave',
      'lead.nguyen@a05.example',
      'agent.smith@fbi.example',
      'insp.somchai@ccib.example',
      WITHDRAW_REASON,
    ];
    const leaks = obtained.flatMap(({ what, payload }) => {
      const text = JSON.stringify(payload);
      return [...forbiddenValues.filter((v) => text.includes(v)), ...keysIn(payload)].map((leak) => `${what}: ${leak}`);
    });
    expect(leaks).toEqual([]);

    // And it did hear of every step of its own requests, by inbox and by webhook alike.
    expect(new Set(items.map((n) => n.type))).toEqual(
      new Set([
        'request.sent',
        'request.acknowledged',
        'request.clarification_requested',
        'request.clarified',
        'evidence.registered',
        'evidence.uploaded',
        'request.responded',
        'request.extended',
        'request.withdrawn',
        'request.reminder',
      ]),
    );
    expect(items.every((n) => [r1.id, r2.id, r3.id].includes(n.subject.id))).toBe(true);
    expect(receiver.state.application.map((a) => a.id).sort()).toEqual(items.map((n) => n.id).sort());
    // The clarification answer is for the partner, and reaches it.
    expect(items.find((n) => n.type === 'request.clarified')).toMatchObject({
      requestingAgency: { orgId: 'usa-fbi', country: 'USA' },
      data: { answer: 'The second one', status: 'acknowledged' },
    });
    expect(obtained.length).toBeGreaterThan(40);
  });

  it('shows another partner none of it', async () => {
    const seen = await t.call('GET', '/v1/portal/requests', chatwave);
    expect(seen.body.items).toHaveLength(1);
    expect(JSON.stringify(seen.body)).not.toContain('mekong-bank');
    expect(JSON.stringify(seen.body)).not.toContain(ws);
    const inbox = await t.call('GET', '/v1/notifications', chatwave);
    expect(inbox.body.items.map((n: { type: string }) => n.type)).toEqual(['request.sent', 'request.reminder']);
    expect(JSON.stringify(inbox.body)).not.toContain(ws);
    expect(JSON.stringify(inbox.body)).not.toContain('mekong-bank');
  });
});
