import { createHash } from 'node:crypto';
import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EU_PRESERVATION, exportAudit, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const production = {
  providerOrgId: 'mekong-bank',
  type: 'production',
  legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18', reference: 'VNM-A05/2026/114' },
  description: 'Account holder, KYC file and transactions of the mule account',
  selectors: [
    { type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' },
    { type: 'ip_address', value: '203.0.113.7', observedAt: '2026-02-27T21:14:05+07:00', timeZone: 'Asia/Bangkok' },
  ],
  period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' },
};

describe('data requests to private partners, end to end', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let bank: string;
  let chatwave: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    const admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
    await t.call('POST', '/v1/organisations', admin, {
      id: 'chatwave',
      name: 'ChatWave',
      kind: 'provider',
      country: 'SGP',
      sector: 'tech',
    });
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    chatwave = await t.tokenFor('chatwave', 'SGP', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi)).status).toBe(200);
  });
  afterAll(() => t.rt.stop());

  it('refuses bad selectors and contradictory requests with 400 naming the field', async () => {
    const badIban = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...production,
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 33' }],
    });
    expect(badIban.status).toBe(400);
    expect(badIban.body.errors).toContainEqual({ field: 'body.selectors.0.value', message: expect.stringContaining('mod-97') });

    const ipWithoutZone = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...production,
      selectors: [{ type: 'ip_address', value: '203.0.113.7', observedAt: '2026-02-27T21:14:05+07:00' }],
    });
    expect(ipWithoutZone.status).toBe(400);
    expect(ipWithoutZone.body.errors.map((e: { field: string }) => e.field)).toContain('body.selectors.0.timeZone');

    const badImei = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...production,
      selectors: [{ type: 'imei', value: '490154203237519' }],
    });
    expect(badImei.body.errors[0]).toMatchObject({ field: 'body.selectors.0.value', message: expect.stringContaining('Luhn') });

    const emergency = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...production, type: 'emergency_disclosure' });
    expect(emergency.status).toBe(400);
    expect(emergency.body.errors[0].field).toBe('body.urgency');

    const red = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...production, marking: { tlp: 'RED' } });
    expect(red.status).toBe(400);
    expect(red.body.errors[0]).toMatchObject({
      field: 'body.marking.recipients',
      message: 'TLP:RED must name its recipient organisations',
    });

    const notProvider = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...production, providerOrgId: 'usa-fbi' });
    expect(notProvider.status).toBe(400);
    expect(notProvider.body.errors[0].field).toBe('providerOrgId');

    // REL TO the agencies' own countries: the Thai bank could never read it.
    const relTo = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...production,
      marking: { tlp: 'AMBER', releasableTo: ['VNM', 'USA'] },
    });
    expect(relTo.status).toBe(400);
    expect(relTo.body.errors[0].field).toBe('marking');
  });

  it('runs a production request through acknowledgement, clarification and fulfilment with evidence', async () => {
    const created = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, production);
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ status: 'sent', clock: { rule: 'production' } });
    const sentAt = t.clock.now().getTime();
    expect(new Date(created.body.clock.dueAt).getTime() - sentAt).toBe(10 * DAY);

    // Only the addressee sees it, and only what it needs.
    const inbox = await t.call('GET', '/v1/portal/requests', bank);
    expect(inbox.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const seen = await t.call('GET', `/v1/portal/requests/${id}`, bank);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('workspaceId');
    expect(seen.body).not.toHaveProperty('requestedBy');
    expect(seen.body.requestingAgency).toEqual({ orgId: 'vnm-a05', country: 'VNM' });
    expect((await t.call('GET', '/v1/portal/requests', chatwave)).body.items).toEqual([]);
    expect((await t.call('GET', `/v1/portal/requests/${id}`, chatwave)).status).toBe(404);
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, chatwave)).status).toBe(404);
    expect((await t.call('GET', `/v1/portal/requests/${id}`, lead)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, bank)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests`, bank)).status).toBe(404);

    // Evidence before acknowledgement is refused; then acknowledge.
    expect(
      (
        await t.call('POST', `/v1/portal/requests/${id}/evidence`, bank, {
          fileName: 'a.csv',
          size: 1,
          mediaType: 'text/csv',
          sha256: 'a'.repeat(64),
        })
      ).status,
    ).toBe(409);
    const ack = await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank);
    expect(ack.body.status).toBe('acknowledged');
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(409);

    // A clarification stops the clock for as long as the agency takes to answer.
    const asked = await t.call('POST', `/v1/portal/requests/${id}/clarification`, bank, { question: 'Which of the two account holders?' });
    expect(asked.body).toMatchObject({ status: 'clarification_requested', clock: { paused: true } });
    t.clock.advance(2 * DAY);
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/clarification-answer`, fbi, { answer: 'x' })).status).toBe(403);
    const answered = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/clarification-answer`, lead, {
      answer: 'The second, born 1991',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('acknowledged');
    expect(new Date(answered.body.clock.dueAt).getTime() - sentAt).toBe(12 * DAY);

    // Fulfilled needs stored evidence whose content matches its registered digest.
    expect((await t.call('POST', `/v1/portal/requests/${id}/response`, bank, { outcome: 'fulfilled' })).status).toBe(400);
    const content = Buffer.from('date,amount,counterparty\n2026-02-01,9800,TH12...\n');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const registered = await t.call('POST', `/v1/portal/requests/${id}/evidence`, bank, {
      fileName: 'statement.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256,
    });
    expect(registered.status).toBe(201);
    expect(registered.body.content).toBe('pending');
    const put = (body: Uint8Array) =>
      fetch(`${t.rt.url}${registered.headers.get('location')}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${bank}`, 'content-type': 'application/octet-stream' },
        body,
      });
    const tampered = Buffer.from(content);
    tampered[0] = 0x44;
    const refused = await put(tampered);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body');
    const stored = await put(content);
    expect(stored.status).toBe(200);
    expect(((await stored.json()) as { content: string }).content).toBe('stored');

    const done = await t.call('POST', `/v1/portal/requests/${id}/response`, bank, { outcome: 'fulfilled', detail: 'Statement attached' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('fulfilled');

    // The agencies download it: a custody event, and the bytes are the ones registered.
    const evidence = await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/evidence`, fbi);
    expect(evidence.body.items).toHaveLength(1);
    const download = await fetch(`${t.rt.url}/v1/workspaces/${ws}/requests/${id}/evidence/${registered.body.id}/content`, {
      headers: { authorization: `Bearer ${fbi}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('x-content-sha256')).toBe(sha256);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
    const exported = await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/export`, lead);
    expect(exported.body.evidence[0]).toMatchObject({ sha256, content: 'stored' });

    // Every step is in the chain, the chain verifies, and it exports as JSON Lines.
    const auditFile = await exportAudit(t, ws, lead);
    expect(auditFile.download?.headers.get('content-type')).toContain('application/jsonl');
    const lines = auditFile.file!.trim().split('\n');
    // The last line is the signed checkpoint the entries are proven against.
    expect(JSON.parse(lines.pop()!)).toMatchObject({ checkpoint: { chainId: ws } });
    const entries = lines.map((l) => JSON.parse(l) as { action: string; actor: { orgId: string } });
    const actions = entries.map((e) => e.action);
    for (const a of [
      'request.sent',
      'request.read',
      'request.acknowledged',
      'request.clarification_requested',
      'request.clarified',
      'evidence.registered',
      'evidence.uploaded',
      'request.responded',
      'evidence.downloaded',
      'request.exported',
    ])
      expect(actions).toContain(a);
    // The export's own entry follows the file it describes: requested before, made after.
    expect(actions.at(-1)).toBe('audit.export_requested');
    expect(actions).not.toContain('audit.exported');
    expect((await settledAudit(t.rt.deps, ws)).entries.at(-1)).toMatchObject({
      action: 'audit.exported',
      // The file's lines: the entries and the checkpoint they are proven against.
      details: { exportId: auditFile.job!.body.id, lines: entries.length + 1, sha256: auditFile.job!.body.sha256 },
    });
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead)).body).toMatchObject({ ok: true });
    expect((await t.call('POST', `/v1/workspaces/${ws}/audit/exports`, fbi)).status).toBe(403);
  });

  it('expires an unanswered emergency request after 8 hours, with reminders before', async () => {
    const created = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...production,
      type: 'emergency_disclosure',
      urgency: 'emergency',
      description: 'Threat to life: live location of the account holder',
    });
    // A second officer of the agency, signed in with MFA, co-signs it: then it is sent and its clock starts.
    expect(created.body.status).toBe('awaiting_cosign');
    const cosigner = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer'], sub: 'vnm-a05-second', amr: ['pwd', 'otp'] });
    const cosigned = await t.call('POST', `/v1/workspaces/${ws}/requests/${created.body.id}/cosign`, cosigner, { decision: 'approve' });
    expect(cosigned.body.clock).toMatchObject({ rule: 'emergency', reminders: ['PT2H', 'PT30M'] });
    const id = created.body.id;
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(200);

    t.clock.advance(6 * HOUR);
    const first = await t.rt.sweep();
    expect(first.fired.map((f) => f.kind)).toEqual(['request.reminder']);
    t.clock.advance(2 * HOUR - 1000);
    const second = await t.rt.sweep();
    expect(second.fired.map((f) => f.kind)).toEqual(['request.reminder']);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, lead)).body.status).toBe('acknowledged');

    t.clock.advance(1000);
    const expiry = await t.rt.sweep();
    expect(expiry.fired.map((f) => f.kind)).toEqual(['request.expiry']);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, lead)).body.status).toBe('expired');
    expect((await t.call('POST', `/v1/portal/requests/${id}/response`, bank, { outcome: 'fulfilled' })).status).toBe(409);
    expect((await t.rt.sweep()).fired).toEqual([]);

    const events = await t.rt.store.listEvents(ws, { limit: 100 });
    const expired = events.items.find((e) => e.type === 'request.expired' && e.subject.id === id);
    expect(expired?.audience.sort()).toEqual(['mekong-bank', 'vnm-a05']);
    expect(expired?.addressees).toEqual(['mekong-bank']);
  });

  it('answers cannot comply with an Annex III reason, and extends an EU preservation once', async () => {
    const r1 = (await t.call('POST', `/v1/workspaces/${ws}/requests`, fbi, { ...production, type: 'subscriber_info' })).body;
    await t.call('POST', `/v1/portal/requests/${r1.id}/acknowledge`, bank);
    const badReason = await t.call('POST', `/v1/portal/requests/${r1.id}/response`, bank, { outcome: 'cannot_comply', reason: 'busy' });
    expect(badReason.status).toBe(400);
    expect(badReason.body.errors[0].field).toBe('body.reason');
    const cc = await t.call('POST', `/v1/portal/requests/${r1.id}/response`, bank, { outcome: 'cannot_comply', reason: 'data_not_stored' });
    expect(cc.body).toMatchObject({ status: 'cannot_comply', outcome: { reason: 'data_not_stored' } });

    const p = (
      await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
        ...production,
        ...EU_PRESERVATION,
      })
    ).body;
    expect(p.clock.rule).toBe('eu-preservation');
    await t.call('POST', `/v1/portal/requests/${p.id}/acknowledge`, bank);
    expect((await t.call('POST', `/v1/portal/requests/${p.id}/response`, bank, { outcome: 'fulfilled' })).status).toBe(400);
    expect((await t.call('POST', `/v1/portal/requests/${p.id}/response`, bank, { outcome: 'preserved' })).body.status).toBe('preserved');
    const extended = await t.call('POST', `/v1/workspaces/${ws}/requests/${p.id}/extend`, lead, { reason: 'The court sits next week' });
    expect(new Date(extended.body.clock.dueAt).getTime() - new Date(p.clock.dueAt).getTime()).toBe(30 * DAY);
    // The reason is audited with the extension.
    const entries: { action: string; target?: { id: string }; details?: { reason?: string } }[] = [];
    for (let cursor = ''; ; ) {
      const page = await t.call(
        'GET',
        `/v1/workspaces/${ws}/audit?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        lead,
      );
      entries.push(...page.body.items);
      if (!page.body.next) break;
      cursor = page.body.next;
    }
    expect(entries.find((e) => e.action === 'request.extended' && e.target?.id === p.id)?.details?.reason).toBe('The court sits next week');
    const again = await t.call('POST', `/v1/workspaces/${ws}/requests/${p.id}/extend`, lead);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('once');
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/requests/${p.id}/withdraw`, lead, { reason: 'Suspect charged; data seized' })).body
        .status,
    ).toBe('withdrawn');
  });

  it('lets a country policy hide its requests from a partner sector', async () => {
    const admin = await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']);
    const r = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...production, marking: { tlp: 'GREEN' } })).body;
    expect((await t.call('GET', `/v1/portal/requests/${r.id}`, bank)).status).toBe(200);
    const set = await t.call('PUT', '/v1/policies/VNM', admin, { rules: [{ type: 'never_countries', countries: ['THA'] }] });
    expect(set.status).toBe(201);
    expect((await t.call('PUT', '/v1/policies/USA', admin, { rules: [] })).status).toBe(403);
    expect((await t.call('GET', `/v1/portal/requests/${r.id}`, bank)).status).toBe(404);
    expect((await t.call('GET', '/v1/portal/requests', bank)).body.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
    // A stale policy write is a 409; the right version replaces it.
    expect((await t.call('PUT', '/v1/policies/VNM', admin, { rules: [] }, { 'if-match': '"7"' })).status).toBe(409);
    expect((await t.call('PUT', '/v1/policies/VNM', admin, { rules: [] }, { 'if-match': '"1"' })).status).toBe(200);
    expect((await t.call('GET', `/v1/portal/requests/${r.id}`, bank)).status).toBe(200);
  });
});
