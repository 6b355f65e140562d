import { createDeliveryHandler, createFanoutHandler, drainQueue, relayOutbox } from '@taskforce/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, LADDER_ORGS, ladderMembers, productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';
import { startReceiver } from '../support/webhook-receiver';

const MINUTE = 60_000;
const ORGS = [...LADDER_ORGS, { id: 'sgp-spf', name: 'SPF', kind: 'agency', country: 'SGP' }];
const production = productionRequest('KYC file of the mule account');

type Item = { id: string; type: string; workspaceId?: string };

describe('organisations that left a workspace, or never joined it, hear nothing more of it', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let ccib: string;
  let dsi: string;
  let nca: string;
  let spf: string;
  let ws: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  /** What the inbox API shows an organisation about the workspace. */
  const inboxAbout = async (token: string): Promise<Item[]> =>
    ((await t.call('GET', '/v1/notifications?limit=100', token)).body.items as Item[]).filter((n) => n.workspaceId === ws);
  /** Everything fan-out ever put in an organisation's inbox, read from the store. */
  const stored = async (orgId: string) => (await t.rt.deps.alerts!.listNotifications(orgId, { limit: 100 })).items;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false, messaging: { retryDelaySeconds: () => 0 } });
    await seedOrgs(t, ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
    dsi = await t.tokenFor('tha-dsi', 'THA', ['officer', 'duty_contact']);
    nca = await t.tokenFor('gbr-nca', 'GBR');
    spf = await t.tokenFor('sgp-spf', 'SGP');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
    await joinAll(t, lead, ws, await ladderMembers(t));
    const contacts = await t.call('PUT', '/v1/contacts/THA', ccib, {
      duty: { orgId: 'tha-ccib' },
      backup: { orgId: 'tha-dsi' },
      nationalLead: { orgId: 'tha-rtp' },
    });
    expect(contacts.status).toBe(201);
    await t.rt.pump();
    const hook = await t.call('PUT', '/v1/notifications/webhook', fbi, { url: 'http://127.0.0.1:9/placeholder' });
    receiver = await startReceiver({ secrets: [hook.body.secret.value], clock: t.clock });
    expect((await t.call('PUT', '/v1/notifications/webhook', fbi, { url: receiver.url })).status).toBe(200);
  });
  afterAll(async () => {
    await receiver?.stop();
    await t.rt.stop();
  });

  it('a removed member: nothing new by inbox or webhook, and what it heard before is hidden', async () => {
    // While a member, the FBI is given a task, drafts a request, and raises an incident.
    const due = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'Trace wallet', assigneeOrgId: 'usa-fbi', dueAt: due })).status,
    ).toBe(201);
    const draft = (await t.call('POST', `/v1/workspaces/${ws}/requests`, fbi, { ...production, send: false })).body;
    expect(draft.status).toBe('draft');
    const incident = await t.call('POST', `/v1/workspaces/${ws}/incidents`, fbi, {
      severity: 'critical',
      type: 'ransomware',
      summary: 'Hospital encrypted',
      countries: ['THA'],
    });
    expect(incident.status).toBe(201);
    await t.rt.pump();
    const before = await inboxAbout(fbi);
    expect(before.map((n) => n.type)).toEqual(expect.arrayContaining(['task.assigned', 'incident.raised']));
    expect(receiver.state.application.map((a) => a.type).sort()).toEqual(['incident.raised', 'task.assigned']);
    const storedBefore = (await stored('usa-fbi')).length;

    // The lead removes the FBI.
    expect((await t.call('DELETE', `/v1/workspaces/${ws}/members/usa-fbi`, lead)).status).toBe(200);

    // Then: a task for someone else, a new incident, the FBI's draft sent by the lead (the FBI is
    // its requesting agency), and the FBI's own incident escalating (the FBI raised it).
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'Seize server', assigneeOrgId: 'tha-ccib', dueAt: due })).status,
    ).toBe(201);
    expect(
      (
        await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
          severity: 'high',
          type: 'ddos',
          summary: 'Exchange under DDoS',
          countries: ['THA'],
        })
      ).status,
    ).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${draft.id}/send`, lead)).status).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await t.rt.sweep()).fired.map((f) => f.kind)).toContain('incident.escalate');
    await t.rt.pump();

    // Fan-out sent the FBI nothing (not even its removal), the webhook was not called ...
    expect((await stored('usa-fbi')).length).toBe(storedBefore);
    expect(receiver.state.application.map((a) => a.type).sort()).toEqual(['incident.raised', 'task.assigned']);
    expect(receiver.state.requests).toBe(2);
    // ... and the inbox no longer shows what it heard while a member.
    expect(await inboxAbout(fbi)).toEqual([]);
    for (const n of before) expect((await t.call('GET', `/v1/notifications/${n.id}`, fbi)).status).toBe(404);
    expect((await t.call('POST', `/v1/notifications/${before[0]!.id}/acknowledge`, fbi)).status).toBe(404);

    // The members still hear of all of it.
    expect((await inboxAbout(ccib)).map((n) => n.type)).toEqual(
      expect.arrayContaining(['member.removed', 'task.assigned', 'incident.raised']),
    );
    expect((await inboxAbout(dsi)).map((n) => n.type)).toContain('incident.escalated');
    expect((await inboxAbout(lead)).map((n) => n.type)).toEqual(expect.arrayContaining(['request.sent', 'incident.escalated']));
  });

  it('an invitee that declined, or whose invitation was revoked: nothing more, and the invitation is hidden', async () => {
    for (const org of ['gbr-nca', 'sgp-spf'])
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: org })).status).toBe(201);
    await t.rt.pump();
    // While the invitation is pending, the invitee sees it.
    expect((await inboxAbout(nca)).map((n) => n.type)).toEqual(['invitation.sent']);
    expect((await inboxAbout(spf)).map((n) => n.type)).toEqual(['invitation.sent']);
    const ncaBefore = (await stored('gbr-nca')).length;
    const spfBefore = (await stored('sgp-spf')).length;

    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/gbr-nca/decline`, nca)).status).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/sgp-spf/revoke`, lead)).status).toBe(200);
    await t.rt.pump();

    expect((await stored('gbr-nca')).length).toBe(ncaBefore);
    expect((await stored('sgp-spf')).length).toBe(spfBefore);
    expect(await inboxAbout(nca)).toEqual([]);
    expect(await inboxAbout(spf)).toEqual([]);
    // The lead hears both answers.
    expect((await inboxAbout(lead)).map((n) => n.type)).toEqual(expect.arrayContaining(['invitation.declined', 'invitation.revoked']));

    // Invited again and accepted: a member, who sees the workspace's news again (the first invitation included).
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'gbr-nca' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/gbr-nca/accept`, nca)).status).toBe(200);
    await t.rt.pump();
    expect((await inboxAbout(nca)).map((n) => n.type).sort()).toEqual(['invitation.accepted', 'invitation.sent', 'invitation.sent']);
  });

  it('a notification fanned out just before its recipient left is never posted, and its inbox hides it', async () => {
    // The Royal Thai Police wants pushes; a task is set for it and fanned out (into its inbox, its post queued) ...
    const rtp = await t.tokenFor('tha-rtp', 'THA');
    const hook = await t.call('PUT', '/v1/notifications/webhook', rtp, { url: 'http://127.0.0.1:9/placeholder' });
    const rtpReceiver = await startReceiver({ secrets: [hook.body.secret.value], clock: t.clock });
    try {
      expect((await t.call('PUT', '/v1/notifications/webhook', rtp, { url: rtpReceiver.url })).status).toBe(200);
      await t.rt.pump();
      const storedBefore = new Set((await stored('tha-rtp')).map((n) => n.id));
      const due = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
      expect(
        (await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'Raid the compound', assigneeOrgId: 'tha-rtp', dueAt: due }))
          .status,
      ).toBe(201);
      const { messaging } = t.rt;
      await relayOutbox(messaging);
      await drainQueue(messaging.sqs, messaging.queues.events, createFanoutHandler(messaging));
      // ... and before delivery runs, the lead removes it from the workspace.
      expect((await t.call('DELETE', `/v1/workspaces/${ws}/members/tha-rtp`, lead)).status).toBe(200);
      const outcomes: string[] = [];
      await drainQueue(
        messaging.sqs,
        messaging.queues.delivery,
        createDeliveryHandler(messaging, (_id, o) => outcomes.push(o)),
      );
      expect(outcomes).toContain('withheld');
      expect(rtpReceiver.state.requests).toBe(0);
      // Fan-out stored it while the police were a member; the inbox asks again, and hides it.
      const kept = (await stored('tha-rtp')).filter((n) => !storedBefore.has(n.id));
      expect(kept.map((n) => n.type)).toEqual(['task.assigned']);
      expect(kept[0]!.webhook).toMatchObject({ status: 'failed' });
      expect(kept[0]!.webhook?.nextAttemptAt).toBeUndefined();
      expect((await inboxAbout(rtp)).map((n) => n.id)).not.toContain(kept[0]!.id);
    } finally {
      await rtpReceiver.stop();
    }
  });
});
