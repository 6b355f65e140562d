import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, LADDER_ORGS, ladderMembers, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';
import { startReceiver } from '../support/webhook-receiver';

describe('urgent incidents through the API, with notifications', () => {
  let t: TestRuntime;
  let lead: string;
  let ccib: string;
  let dsi: string;
  let nca: string;
  let bank: string;
  let ws: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false, messaging: { retryDelaySeconds: () => 0 } });
    await seedOrgs(t, LADDER_ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
    dsi = await t.tokenFor('tha-dsi', 'THA', ['officer', 'duty_contact']);
    nca = await t.tokenFor('gbr-nca', 'GBR');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
    await joinAll(t, lead, ws, await ladderMembers(t));
  });
  afterAll(async () => {
    await receiver?.stop();
    await t.rt.stop();
  });

  it('registers a country ladder, with versions, and keeps it from private partners', async () => {
    const body = {
      duty: {
        orgId: 'tha-ccib',
        people: [{ name: 'Duty officer', phone: '+66 2 142 3555' }],
        channels: [{ kind: 'phone', address: '+66 2 142 3555' }],
      },
      backup: { orgId: 'tha-dsi' },
      nationalLead: { orgId: 'tha-rtp' },
    };
    const bad = await t.call('PUT', '/v1/contacts/THA', ccib, { ...body, backup: { orgId: 'usa-fbi' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('backup.orgId');
    const badPhone = await t.call('PUT', '/v1/contacts/THA', ccib, {
      ...body,
      duty: { orgId: 'tha-ccib', people: [{ name: 'x', phone: '12' }] },
    });
    expect(badPhone.body.errors[0].field).toBe('body.duty.people.0.phone');
    expect((await t.call('PUT', '/v1/contacts/THA', lead, body)).status).toBe(403);
    const put = await t.call('PUT', '/v1/contacts/THA', ccib, body);
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe('"1"');
    expect((await t.call('PUT', '/v1/contacts/THA', ccib, body)).status).toBe(428);
    expect((await t.call('PUT', '/v1/contacts/THA', ccib, body, { 'if-match': '"1"' })).status).toBe(200);
    expect((await t.call('GET', '/v1/contacts/THA', lead)).body).toMatchObject({
      country: 'THA',
      version: 2,
      backup: { orgId: 'tha-dsi' },
    });
    expect((await t.call('GET', '/v1/contacts/THA', bank)).status).toBe(404);
    expect((await t.call('GET', '/v1/contacts', lead)).body.items.map((c: { country: string }) => c.country)).toEqual(['THA']);
  });

  it('raises, pages, escalates to a signed webhook and the inbox, and stops on acknowledgement', async () => {
    await t.rt.pump(); // what the set-up emitted goes to the inboxes before the webhook exists
    const hook = await t.call('PUT', '/v1/notifications/webhook', dsi, { url: 'http://127.0.0.1:9/placeholder' });
    expect(hook.status).toBe(200);
    expect(hook.body.secret.value).toMatch(/^whsec_/);
    receiver = await startReceiver({ secrets: [hook.body.secret.value], clock: t.clock });
    await t.call('PUT', '/v1/notifications/webhook', dsi, { url: receiver.url });
    const view = await t.call('GET', '/v1/notifications/webhook', dsi);
    expect(view.body).toMatchObject({ url: receiver.url, secrets: [{ id: hook.body.secret.id }] });
    expect(JSON.stringify(view.body)).not.toContain('whsec_');

    const bad = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
      severity: 'urgent',
      type: 'ddos',
      summary: 'x',
      countries: ['THA'],
    });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.severity']);
    const noContacts = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
      severity: 'high',
      type: 'ddos',
      summary: 'x',
      countries: ['THA', 'USA'],
    });
    expect(noContacts.body.errors[0].field).toBe('countries.1');

    const raised = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
      severity: 'critical',
      type: 'ransomware',
      summary: 'Provincial hospital encrypted; ransom note names a BTC wallet',
      countries: ['THA'],
    });
    expect(raised.status).toBe(201);
    const id = raised.body.id;
    expect(raised.body.alerts).toEqual([
      expect.objectContaining({ country: 'THA', status: 'raised', level: 1, nextEscalationAt: '2026-03-01T08:15:00.000Z' }),
    ]);
    expect((await t.call('GET', `/v1/workspaces/${ws}/incidents/${id}`, nca)).status).toBe(404);

    await t.rt.pump();
    const ccibInbox = await t.call('GET', '/v1/notifications?pending=true', ccib);
    expect(
      ccibInbox.body.items.filter((n: { subject: { id: string } }) => n.subject.id === id).map((n: { type: string }) => n.type),
    ).toEqual(['incident.raised']);
    expect(receiver.state.application).toEqual([]);

    t.clock.advance(15 * 60_000);
    expect((await t.rt.sweep()).fired).toEqual([{ timerId: `${id}~esc~THA~1`, kind: 'incident.escalate' }]);
    await t.rt.pump();
    expect(receiver.state.application.map((a) => a.type)).toEqual(['incident.escalated']);
    expect(receiver.state.application[0]!.body).toMatchObject({ recipient: 'tha-dsi', data: { level: 2, country: 'THA' } });
    const dsiInbox = (await t.call('GET', '/v1/notifications', dsi)).body.items;
    expect(dsiInbox.find((n: { type: string }) => n.type === 'incident.escalated').webhook.status).toBe('delivered');

    const ack = await t.call('POST', `/v1/workspaces/${ws}/incidents/${id}/acknowledge`, dsi, { note: 'on it' });
    expect(ack.status).toBe(200);
    expect(ack.body.alerts[0]).toMatchObject({ status: 'acknowledged', acknowledgedBy: { orgId: 'tha-dsi' } });
    expect((await t.call('POST', `/v1/workspaces/${ws}/incidents/${id}/acknowledge`, dsi, {})).status).toBe(409);
    t.clock.advance(3 * 3600_000);
    expect((await t.rt.sweep()).fired).toEqual([]);
    await t.rt.pump();
    const incident = (await t.call('GET', `/v1/workspaces/${ws}/incidents/${id}`, lead)).body;
    expect(incident.timeline.map((e: { what: string; level?: number }) => `${e.what}${e.level ?? ''}`)).toEqual([
      'raised',
      'notified1',
      'escalated2',
      'acknowledged2',
    ]);
    expect((await t.call('GET', `/v1/workspaces/${ws}/incidents`, lead)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);

    // The raiser hears of the acknowledgement; acknowledging a notification takes it off the pending list.
    const leadInbox = (await t.call('GET', '/v1/notifications?pending=true', lead)).body.items;
    const ackNote = leadInbox.find((n: { type: string }) => n.type === 'incident.acknowledged');
    expect(ackNote.data).toMatchObject({ country: 'THA', by: 'tha-dsi' });
    expect((await t.call('POST', `/v1/notifications/${ackNote.id}/acknowledge`, lead)).body.acknowledgedAt).toBeDefined();
    expect((await t.call('GET', '/v1/notifications?pending=true', lead)).body.items.map((n: { id: string }) => n.id)).not.toContain(
      ackNote.id,
    );
    expect((await t.call('GET', `/v1/notifications/${ackNote.id}`, ccib)).status).toBe(404);

    const resolved = await t.call('POST', `/v1/workspaces/${ws}/incidents/${id}/resolve`, lead, { note: 'decryptor found' });
    expect(resolved.body.status).toBe('resolved');
  });

  it('asks the evaluator again on every inbox read: a policy tightened after delivery hides what it forbids', async () => {
    const fbi = await t.tokenFor('usa-fbi', 'USA');
    const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Trace the wallet',
      assigneeOrgId: 'usa-fbi',
      dueAt: '2026-03-09T08:00:00.000Z',
    });
    expect(task.status).toBe(201);
    await t.rt.pump();
    const about = async () =>
      ((await t.call('GET', '/v1/notifications?limit=100', fbi)).body.items as { id: string; subject: { id: string } }[]).filter(
        (n) => n.subject.id === task.body.id,
      );
    const [note] = await about();
    expect(note).toBeDefined();
    expect(note).not.toHaveProperty('access');
    expect((await t.call('GET', `/v1/notifications/${note!.id}`, fbi)).status).toBe(200);
    // What reached a webhook never carried the marking's REL TO list either.
    expect(receiver.state.application.every((a) => !('access' in a.body))).toBe(true);

    const vnmPolicy = await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']);
    const policy = await t.call('PUT', '/v1/policies/VNM', vnmPolicy, { rules: [{ type: 'never_countries', countries: ['USA'] }] });
    expect(policy.status).toBe(201);
    expect(await about()).toEqual([]);
    expect((await t.call('GET', `/v1/notifications/${note!.id}`, fbi)).status).toBe(404);
    expect((await t.call('POST', `/v1/notifications/${note!.id}/acknowledge`, fbi)).status).toBe(404);

    await t.call('PUT', '/v1/policies/VNM', vnmPolicy, { rules: [] }, { 'if-match': `"${policy.body.version}"` });
    expect(await about()).toHaveLength(1);
  });

  it('lets the lead tune the ladder, and documents the routes', async () => {
    expect((await t.call('GET', `/v1/workspaces/${ws}/incident-settings`, lead)).body).toMatchObject({
      ackDeadlines: { critical: 'PT15M', high: 'PT1H', medium: 'PT4H' },
      repeats: 1,
    });
    const bad = await t.call('PUT', `/v1/workspaces/${ws}/incident-settings`, lead, { ackDeadlines: { critical: 'PT10S' } });
    expect(bad.body.errors[0].field).toBe('body.ackDeadlines.critical');
    expect((await t.call('PUT', `/v1/workspaces/${ws}/incident-settings`, ccib, { repeats: 2 })).status).toBe(403);
    const set = await t.call('PUT', `/v1/workspaces/${ws}/incident-settings`, lead, { ackDeadlines: { critical: 'PT5M' }, repeats: 2 });
    expect(set.body).toMatchObject({ ackDeadlines: { critical: 'PT5M', high: 'PT1H' }, repeats: 2, version: 1 });
    const doc = await t.call('GET', '/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/contacts/{country}',
        '/v1/workspaces/{workspaceId}/incidents',
        '/v1/workspaces/{workspaceId}/incidents/{incidentId}/acknowledge',
        '/v1/notifications',
        '/v1/notifications/webhook/secrets',
      ]),
    );
  });
});
