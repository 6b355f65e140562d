import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const DAY = 24 * 3_600_000;

type Item = { type: string; workspaceId?: string; subject: { type: string; id: string } };

/**
 * Onward transfer on the local engines: Vietnam's A05 leads and originates a task marked AMBER
 * REL TO VNM, GBR; the UK's NCA asks to release it to Thailand; the FBI is a member that is
 * neither party. Refused, asked again, approved.
 */
describe('onward transfer of a record (UNCC art. 36(3), ORCON), end to end', () => {
  let t: TestRuntime;
  let vnm: string;
  let gbr: string;
  let tha: string;
  let fbi: string;
  let thaAuditor: string;
  let ws: string;
  let task: { id: string; version: number };

  const inbox = async (token: string) =>
    ((await t.call('GET', '/v1/notifications?limit=100', token)).body.items as Item[]).filter(
      (n) => n.workspaceId === ws && n.type.startsWith('transfer.'),
    );

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    vnm = await t.tokenFor('vnm-a05', 'VNM');
    gbr = await t.tokenFor('gbr-nca', 'GBR');
    tha = await t.tokenFor('tha-ccib', 'THA');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    thaAuditor = await t.tokenFor('tha-ccib', 'THA', ['auditor']);
    ws = (await t.call('POST', '/v1/workspaces', vnm, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    await joinAll(t, vnm, ws, [
      ['gbr-nca', gbr],
      ['tha-ccib', tha],
      ['usa-fbi', fbi],
    ]);
    const created = await t.call('POST', `/v1/workspaces/${ws}/tasks`, vnm, {
      title: 'Trace the mule wallet',
      assigneeOrgId: 'gbr-nca',
      dueAt: new Date(t.clock.now().getTime() + 2 * DAY).toISOString(),
      marking: { tlp: 'AMBER', releasableTo: ['GBR'], caveats: ['ORCON'] },
    });
    expect(created.status).toBe(201);
    task = created.body;
  });
  afterAll(() => t.rt.stop());

  it('refuses hostile input: unknown record and a record the caller may not see are 404, a bad country code a 400 naming the field', async () => {
    const ask = (id: string, destination: object = { country: 'THA' }) => ({ record: { type: 'task', id }, destination, purpose: 'p' });
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, ask('no-such-task'))).status).toBe(404);
    // Thailand may not see the task: asking about it is a 404, as for one that does not exist.
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers`, tha, ask(task.id, { country: 'USA' }))).status).toBe(404);
    const badCountry = await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, ask(task.id, { country: 'th' }));
    expect(badCountry.status).toBe(400);
    expect(badCountry.body.errors.map((e: { field: string }) => e.field)).toContain('body.destination.country');
    const both = await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, ask(task.id, { country: 'THA', orgId: 'tha-ccib' }));
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe('body.destination.country');
    const badType = await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, {
      ...ask(task.id),
      record: { type: 'evidence', id: task.id },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].field).toBe('body.record.type');
    // Already releasable to the UK: a 409 that says so.
    const already = await t.call('POST', `/v1/workspaces/${ws}/transfers`, vnm, ask(task.id, { country: 'GBR' }));
    expect(already.status).toBe(409);
    expect(already.body.detail).toContain('already releasable');
    expect((await t.call('GET', `/v1/workspaces/${ws}/transfers/no-such-transfer`, gbr)).status).toBe(404);
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers/no-such-transfer/approve`, vnm)).status).toBe(404);
  });

  it('refused, then asked again and approved: Thailand sees the task only after the approval, and only the parties hear of it', async () => {
    const body = {
      record: { type: 'task', id: task.id },
      destination: { country: 'THA' },
      purpose: 'The exchange account is held in Thailand',
    };
    const first = await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, body, { 'idempotency-key': 'ask-tha-0001' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', destination: { country: 'THA' }, originator: { orgId: 'vnm-a05' } });
    expect(first.body.policyNote).toContain('cannot override');
    // The same key replays the first answer; a second open request for the same destination is a 409.
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, body, { 'idempotency-key': 'ask-tha-0001' })).body.id).toBe(
      first.body.id,
    );
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, body)).status).toBe(409);

    // The destination and the bystander learn nothing of the request.
    expect((await t.call('GET', `/v1/workspaces/${ws}/transfers/${first.body.id}`, tha)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/transfers`, fbi)).body.items).toEqual([]);
    expect((await t.call('GET', `/v1/workspaces/${ws}/transfers?status=pending`, vnm)).body.items.map((x: { id: string }) => x.id)).toEqual(
      [first.body.id],
    );
    // The asker may not decide; the originator refuses with a reason.
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers/${first.body.id}/approve`, gbr)).status).toBe(403);
    const noReason = await t.call('POST', `/v1/workspaces/${ws}/transfers/${first.body.id}/refuse`, vnm, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.reason');
    const refused = await t.call(
      'POST',
      `/v1/workspaces/${ws}/transfers/${first.body.id}/refuse`,
      vnm,
      { reason: 'Not before the arrests' },
      { 'if-match': '"1"' },
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'Not before the arrests' });
    const afterRefusal = await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, vnm);
    expect(afterRefusal.body.marking.releasableTo).toEqual(['VNM', 'GBR']);
    expect(afterRefusal.body.version).toBe(task.version);
    expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, tha)).status).toBe(404);

    // Asked again, later: approved. A stale If-Match is a 409 and changes nothing.
    const second = await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, body);
    expect(second.status).toBe(201);
    expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, tha)).status).toBe(404);
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/transfers/${second.body.id}/approve`, vnm, undefined, { 'if-match': '"5"' })).status,
    ).toBe(409);
    const approved = await t.call('POST', `/v1/workspaces/${ws}/transfers/${second.body.id}/approve`, vnm, undefined, {
      'if-match': '"1"',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.release).toEqual({
      from: { releasableTo: ['VNM', 'GBR'] },
      to: { releasableTo: ['VNM', 'GBR', 'THA'] },
      recordVersion: task.version + 1,
    });
    const seen = await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, tha);
    expect(seen.status).toBe(200);
    expect(seen.body.marking).toMatchObject({ releasableTo: ['VNM', 'GBR', 'THA'], caveats: ['ORCON'] });
    expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, fbi)).status).toBe(404);
    // Decided once only.
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers/${second.body.id}/withdraw`, gbr)).status).toBe(409);

    // The marking's history: only the approval changes it, and says from what to what.
    const entries = (await settledAudit(t.rt.deps, ws)).entries.filter((e) => e.action.startsWith('transfer.'));
    expect(entries.map((e) => e.action)).toEqual(['transfer.requested', 'transfer.refused', 'transfer.requested', 'transfer.approved']);
    expect(entries.filter((e) => e.details?.release).map((e) => e.action)).toEqual(['transfer.approved']);
    for (const e of entries) expect(e.details).toMatchObject({ record: { type: 'task', id: task.id }, destination: { country: 'THA' } });
    // Held under the marking the task had: Thailand's auditor finds these entries sealed.
    const thaView = (await t.call('GET', `/v1/workspaces/${ws}/audit?limit=100`, thaAuditor)).body.items as {
      seq: number;
      sealed?: true;
    }[];
    for (const e of entries) expect(thaView.find((v) => v.seq === e.seq)).toMatchObject({ sealed: true });

    // Notifications: the asker and the originator hear every step; Thailand only of the release, the FBI nothing.
    await t.rt.pump();
    const types = async (token: string) => (await inbox(token)).map((n) => n.type).sort();
    expect(await types(gbr)).toEqual(['transfer.approved', 'transfer.refused', 'transfer.requested', 'transfer.requested']);
    expect(await types(vnm)).toEqual(['transfer.approved', 'transfer.refused', 'transfer.requested', 'transfer.requested']);
    expect(await types(tha)).toEqual(['transfer.released']);
    expect(await types(fbi)).toEqual([]);
  });

  it('a pending request is withdrawn by its asker only', async () => {
    const asked = await t.call('POST', `/v1/workspaces/${ws}/transfers`, gbr, {
      record: { type: 'task', id: task.id },
      destination: { country: 'USA' },
      purpose: 'The FBI traces the US exchange',
    });
    expect(asked.status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/transfers/${asked.body.id}/withdraw`, vnm)).status).toBe(403);
    const withdrawn = await t.call('POST', `/v1/workspaces/${ws}/transfers/${asked.body.id}/withdraw`, gbr);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, fbi)).status).toBe(404);
  });
});
