import { type AuditEntry, type AuditView, verifyAuditExport } from '@taskforce/core';
import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAudit, LADDER_ORGS, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const DUE = '2026-03-05T00:00:00.000Z';
const STUB_KEYS = ['at', 'bodyDigest', 'chainId', 'hash', 'prevHash', 'sealed', 'seq', 'v'];
const request = (extra: Record<string, unknown> = {}) => ({
  providerOrgId: 'mekong-bank',
  type: 'production',
  legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
  description: 'Statements of the mule account',
  selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
  send: true,
  ...extra,
});

const isSealed = (e: AuditView): e is Extract<AuditView, { sealed: true }> => 'sealed' in e;

describe('the audit trail: each reader sees whole only the entries about what it may see, and all of it verifies', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let ccibAuditor: string;
  let ncaObserverAuditor: string;
  let usaPolicyAdmin: string;
  let ws: string;
  let redTask: string;
  let greenTask: string;
  /** FBI's request, releasable to the USA and Thailand only: the lead (VNM) may not see it. */
  let relToUsaTha: string;
  /** The lead's request, AMBER to all members. */
  let amber: string;

  const page = async (token: string): Promise<AuditView[]> => {
    const r = await t.call('GET', `/v1/workspaces/${ws}/audit?limit=100`, token);
    expect(r.status).toBe(200);
    expect(r.body.next).toBeUndefined();
    return r.body.items;
  };
  /** The chain as stored, once everything queued is sequenced. */
  const stored = async (chainId: string): Promise<AuditEntry[]> => (await settledAudit(t.rt.deps, chainId)).entries;
  /** The sequence numbers of the stored entries about the given records (as target, or among the ids of a list read). */
  const about = (entries: AuditEntry[], ...ids: string[]) =>
    entries
      .filter((e) => ids.includes(e.target.id) || ids.some((id) => (e.details?.ids as string[] | undefined)?.includes(id)))
      .map((e) => e.seq);
  const exportOf = async (token: string) => {
    const { job, file } = await exportAudit(t, ws, token);
    expect(job?.body).toMatchObject({ status: 'ready' });
    return file!;
  };

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t, LADDER_ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    ccibAuditor = await t.tokenFor('tha-ccib', 'THA', ['auditor']);
    ncaObserverAuditor = await t.tokenFor('gbr-nca', 'GBR', ['auditor']);
    usaPolicyAdmin = await t.tokenFor('usa-fbi', 'USA', ['policy_admin']);
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
    for (const [org, country, role] of [
      ['usa-fbi', 'USA', 'member'],
      ['tha-ccib', 'THA', 'member'],
      ['gbr-nca', 'GBR', 'observer'],
    ] as const) {
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: org, role })).status).toBe(201);
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/${org}/accept`, await t.tokenFor(org, country))).status).toBe(200);
    }

    const red = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Trace the wallet cluster',
      assigneeOrgId: 'usa-fbi',
      dueAt: DUE,
      marking: { tlp: 'RED', recipients: ['vnm-a05', 'usa-fbi'] },
    });
    expect(red.status).toBe(201);
    redTask = red.body.id;
    expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${redTask}`, fbi)).status).toBe(200); // task.read
    expect(
      (await t.call('PATCH', `/v1/workspaces/${ws}/tasks/${redTask}`, fbi, { status: 'accepted' }, { 'if-match': '"1"' })).status,
    ).toBe(200);
    const green = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Collect logs',
      assigneeOrgId: 'tha-ccib',
      dueAt: DUE,
    });
    greenTask = green.body.id;
    expect((await t.call('GET', `/v1/workspaces/${ws}/tasks`, lead)).status).toBe(200); // task.listed: the RED task

    const rel = await t.call(
      'POST',
      `/v1/workspaces/${ws}/requests`,
      fbi,
      request({ marking: { tlp: 'AMBER', releasableTo: ['USA', 'THA'] } }),
    );
    expect(rel.status).toBe(201);
    relToUsaTha = rel.body.id;
    const mine = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, request());
    expect(mine.status).toBe(201);
    amber = mine.body.id;
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests`, fbi)).body.items).toHaveLength(2); // request.listed: both
  });
  afterAll(() => t.rt.stop());

  it('gives a member auditor stubs for the entries about a RED task it is not a recipient of, and the rest whole', async () => {
    const entries = await stored(ws);
    const hidden = about(entries, redTask);
    expect(hidden.length).toBeGreaterThanOrEqual(4); // assigned, read, accepted, listed
    const view = await page(ccibAuditor);
    expect(view.map((e) => e.seq)).toEqual(entries.map((e) => e.seq));
    for (const e of view) {
      if (hidden.includes(e.seq)) {
        expect(isSealed(e), `entry ${e.seq}`).toBe(true);
        expect(Object.keys(e).sort()).toEqual(STUB_KEYS);
      } else {
        expect(e).toEqual(entries[e.seq - 1]);
      }
    }
    expect(JSON.stringify(view)).not.toContain(redTask);
    // Not about the RED task: the workspace's own entries, the GREEN task, both requests (for now).
    expect(view.filter((e) => !isSealed(e)).map((e) => (e as AuditEntry).action)).toEqual(
      expect.arrayContaining(['workspace.created', 'invitation.accepted', 'task.assigned', 'request.sent', 'request.listed']),
    );
    expect(about(entries, greenTask).every((seq) => !isSealed(view[seq - 1]!))).toBe(true);
  });

  it('gives the lead every entry it may see whole, and stubs for a request not releasable to its country', async () => {
    const entries = await stored(ws);
    const view = await page(lead);
    const hidden = about(entries, relToUsaTha); // request.sent, and FBI's list read of both requests
    expect(hidden.length).toBe(2);
    for (const e of view) expect(isSealed(e), `entry ${e.seq}`).toBe(hidden.includes(e.seq));
    expect(about(entries, redTask, greenTask, amber).filter((seq) => !hidden.includes(seq)).length).toBeGreaterThan(4);
  });

  it('seals, at read time, the entries about a request that a country policy set after they were written withholds', async () => {
    const before = await page(ccibAuditor);
    const entries = await stored(ws);
    const aboutRequest = about(entries, relToUsaTha);
    for (const seq of aboutRequest) expect(isSealed(before[seq - 1]!)).toBe(false);

    const policy = await t.call('PUT', '/v1/policies/USA', usaPolicyAdmin, { rules: [{ type: 'never_countries', countries: ['THA'] }] });
    expect(policy.status).toBe(201);

    const after = await page(ccibAuditor);
    for (const seq of aboutRequest) expect(isSealed(after[seq - 1]!), `entry ${seq}`).toBe(true);
    // The list read of both requests is sealed although the other one is still visible to CCIB.
    const listRead = entries.find((e) => e.action === 'request.listed')!;
    expect(listRead.details?.ids).toEqual(expect.arrayContaining([amber, relToUsaTha]));
    expect(isSealed(after[listRead.seq - 1]!)).toBe(true);
    expect(isSealed(after[about(entries, amber).find((s) => s !== listRead.seq)! - 1]!)).toBe(false);
    expect(JSON.stringify(after)).not.toContain(relToUsaTha);

    // The server still verifies the whole chain for this reader.
    const verify = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, ccibAuditor);
    expect(verify.body).toMatchObject({ ok: true, entries: entries.length, head: entries.at(-1)!.hash, from: 0 });
    expect(verify.body.checkpoint).toMatchObject({ treeSize: entries.length, lastHash: entries.at(-1)!.hash });
  });

  it("exports a member auditor's view, which verifies offline; any edit, deletion or reordering is detected", async () => {
    const jsonl = await exportOf(ccibAuditor);
    const all = jsonl.trimEnd().split('\n');
    // The last line is the signed checkpoint the entries are proven against.
    const trailer = all.at(-1)!;
    const lines = all.slice(0, -1);
    const view = lines.map((l) => JSON.parse(l) as AuditView);
    // The file ends with the job's request; its `audit.exported` entry, made once the file was, follows it in the chain.
    const chain = await stored(ws);
    const entries = chain.slice(0, -1);
    // The job counts every line of the file, its checkpoint included.
    expect(chain.at(-1)).toMatchObject({ action: 'audit.exported', details: { lines: all.length } });
    expect(view).toHaveLength(entries.length);
    expect(JSON.parse(trailer).checkpoint).toMatchObject({ chainId: ws, treeSize: entries.length, lastHash: entries.at(-1)!.hash });
    const keys = (await t.call('GET', '/v1/audit/keys', ccibAuditor)).body.keys;
    expect((view.at(-1) as AuditEntry).action).toBe('audit.export_requested');
    for (const seq of about(entries, redTask, relToUsaTha)) expect(isSealed(view[seq - 1]!)).toBe(true);
    expect(jsonl).not.toContain(redTask);
    expect(jsonl).not.toContain(relToUsaTha);

    const head = { seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash };
    expect(verifyAuditExport(jsonl, head)).toMatchObject({ ok: true, entries: entries.length, head: head.hash });
    expect(verifyAuditExport(jsonl, undefined, keys)).toMatchObject({ ok: true, entries: entries.length, head: head.hash });

    const firstWhole = view.findIndex((e) => !isSealed(e) && e.details && e.markings.length > 0);
    const firstStub = view.findIndex(isSealed);
    const withTrailer = (ls: string[], last = trailer) => [...ls, last].join('\n');
    const edit = (i: number, change: (e: Record<string, unknown>) => Record<string, unknown>) =>
      withTrailer(lines.map((l, n) => (n === i ? JSON.stringify(change(JSON.parse(l))) : l)));
    const checkpoint = JSON.parse(trailer).checkpoint;
    const tampered = {
      'a visible action': edit(firstWhole, (e) => ({ ...e, action: 'task.read' })),
      'a visible actor': edit(firstWhole, (e) => ({ ...e, actor: { sub: 'x', orgId: 'gbr-nca', country: 'GBR' } })),
      'a visible detail': edit(firstWhole, (e) => ({ ...e, details: { ...(e.details as object), forged: true } })),
      'a visible marking': edit(firstWhole, (e) => ({ ...e, markings: [] })),
      "a stub's time": edit(firstStub, (e) => ({ ...e, at: '2026-03-01T07:59:59.000Z' })),
      "a stub's body digest": edit(firstStub, (e) => ({ ...e, bodyDigest: 'f'.repeat(64) })),
      'a deleted line': withTrailer(lines.filter((_, n) => n !== firstStub)),
      'a deleted last line': withTrailer(lines.slice(0, -1)),
      'two lines swapped': withTrailer(lines.map((l, n) => (n === 1 ? lines[2]! : n === 2 ? lines[1]! : l))),
      'the checkpoint cut off': lines.join('\n'),
      'the checkpoint and the last line cut off, and a new checkpoint forged': withTrailer(
        lines.slice(0, -1),
        JSON.stringify({ checkpoint: { ...checkpoint, treeSize: checkpoint.treeSize - 1, lastHash: view.at(-2)!.hash } }),
      ),
      "the checkpoint's time edited": withTrailer(lines, JSON.stringify({ checkpoint: { ...checkpoint, at: '2026-01-01T00:00:00.000Z' } })),
    };
    for (const [what, text] of Object.entries(tampered)) expect(verifyAuditExport(text!, head, keys).ok, what).toBe(false);
  });

  it('lets an observer with the auditor role read and verify, with the same sealing', async () => {
    const entries = await stored(ws);
    const view = await page(ncaObserverAuditor);
    const hidden = about(entries, redTask, relToUsaTha);
    for (const e of view) expect(isSealed(e), `entry ${e.seq}`).toBe(hidden.includes(e.seq));
    expect(verifyAuditExport(await exportOf(ncaObserverAuditor))).toMatchObject({ ok: true });
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit`, fbi)).status).toBe(403);
  });

  it("seals the sweep's record of a dropped timer as its subject is sealed (a timer's id names its subject)", async () => {
    const closed = await t.call('GET', `/v1/workspaces/${ws}`, lead);
    expect(
      (await t.call('PATCH', `/v1/workspaces/${ws}`, lead, { status: 'closed' }, { 'if-match': `"${closed.body.version}"` })).status,
    ).toBe(200);
    t.clock.set(new Date('2026-03-20T00:00:00.000Z'));
    expect((await t.rt.sweep()).dropped).toBeGreaterThan(0);
    const dropped = (await stored(ws)).filter((e) => e.action === 'timer.dropped');
    const view = await page(ccibAuditor);
    for (const e of dropped) {
      const hidden = e.target.id.startsWith(redTask) || e.target.id.startsWith(relToUsaTha);
      expect(isSealed(view[e.seq - 1]!), e.target.id).toBe(hidden);
    }
    expect(dropped.filter((e) => e.target.id.startsWith(redTask)).length).toBeGreaterThan(0);
    expect(dropped.filter((e) => e.target.id.startsWith(greenTask)).length).toBeGreaterThan(0);
    expect(JSON.stringify(view)).not.toContain(redTask);
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, ccibAuditor)).body).toMatchObject({ ok: true });
  });
});

describe('audit entries hold references and field names, never free text', () => {
  let t: TestRuntime;

  beforeAll(async () => {
    t = await testRuntime();
  });
  afterAll(() => t.rt.stop());

  it('keeps every title, description, reason, question, answer, note, summary and message out of the trail', async () => {
    await seedOrgs(t, LADDER_ORGS);
    const lead = await t.tokenFor('vnm-a05', 'VNM');
    const ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
    const bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    const ok = async (r: Promise<{ status: number; body: { id?: string; version?: number } }>, status = 200) => {
      const out = await r;
      expect(out.status, JSON.stringify(out.body)).toBe(status);
      return out.body as { id: string; version: number };
    };

    const ws = (
      await ok(
        t.call('POST', '/v1/workspaces', lead, { title: 'ZQX workspace title', legalBasis: { code: 'UNCC', text: 'ZQX basis' } }),
        201,
      )
    ).id;
    await ok(t.call('PATCH', `/v1/workspaces/${ws}`, lead, { title: 'ZQX workspace retitled' }, { 'if-match': '"1"' }));
    await ok(t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'tha-ccib', message: 'ZQX invitation message' }), 201);
    await ok(t.call('POST', `/v1/workspaces/${ws}/invitations/tha-ccib/accept`, ccib));

    // Tasks: created, edited, declined by the assignee, cancelled by the lead.
    const task = await ok(
      t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'ZQX task title',
        description: 'ZQX task description',
        assigneeOrgId: 'tha-ccib',
        dueAt: DUE,
      }),
      201,
    );
    const path = `/v1/workspaces/${ws}/tasks/${task.id}`;
    await ok(t.call('PATCH', path, lead, { title: 'ZQX task retitled', description: 'ZQX task redescribed' }, { 'if-match': '"1"' }));
    await ok(t.call('PATCH', path, ccib, { status: 'declined', reason: 'ZQX decline reason' }, { 'if-match': '"2"' }));
    const other = await ok(
      t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'ZQX other', assigneeOrgId: 'tha-ccib', dueAt: DUE }),
      201,
    );
    await ok(
      t.call(
        'PATCH',
        `/v1/workspaces/${ws}/tasks/${other.id}`,
        lead,
        { status: 'cancelled', reason: 'ZQX cancel reason' },
        { 'if-match': '"1"' },
      ),
    );

    // Requests: clarified, answered with a detail, withdrawn with a reason; evidence registered.
    const reqBody = request({
      legalBasis: { code: 'BUDAPEST', text: 'ZQX legal text', reference: 'ZQX reference' },
      description: 'ZQX request description',
      selectors: [{ type: 'email', value: 'zqx.selector@example.com' }],
    });
    const r1 = await ok(t.call('POST', `/v1/workspaces/${ws}/requests`, lead, reqBody), 201);
    await ok(t.call('POST', `/v1/portal/requests/${r1.id}/acknowledge`, bank));
    await ok(t.call('POST', `/v1/portal/requests/${r1.id}/clarification`, bank, { question: 'ZQX clarification question' }));
    await ok(t.call('POST', `/v1/workspaces/${ws}/requests/${r1.id}/clarification-answer`, lead, { answer: 'ZQX clarification answer' }));
    await ok(
      t.call('POST', `/v1/portal/requests/${r1.id}/evidence`, bank, {
        fileName: 'zqx-statement.csv',
        size: 3,
        mediaType: 'text/csv',
        sha256: 'a'.repeat(64),
      }),
      201,
    );
    await ok(
      t.call('POST', `/v1/portal/requests/${r1.id}/response`, bank, {
        outcome: 'cannot_comply',
        reason: 'data_not_stored',
        detail: 'ZQX response detail',
      }),
    );
    const r2 = await ok(t.call('POST', `/v1/workspaces/${ws}/requests`, lead, reqBody), 201);
    await ok(t.call('POST', `/v1/workspaces/${ws}/requests/${r2.id}/withdraw`, lead, { reason: 'ZQX withdraw reason' }));
    await ok(t.call('GET', `/v1/workspaces/${ws}/requests/${r2.id}`, lead)); // an AMBER read

    // An incident, acknowledged and resolved with notes.
    await ok(
      t.call('PUT', '/v1/contacts/THA', ccib, {
        duty: { orgId: 'tha-ccib', people: [{ name: 'ZQX duty officer' }] },
        backup: { orgId: 'tha-dsi' },
        nationalLead: { orgId: 'tha-rtp' },
      }),
      201,
    );
    const inc = await ok(
      t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
        severity: 'high',
        type: 'ransomware',
        summary: 'ZQX incident summary',
        countries: ['THA'],
      }),
      201,
    );
    await ok(t.call('POST', `/v1/workspaces/${ws}/incidents/${inc.id}/acknowledge`, ccib, { note: 'ZQX acknowledge note' }));
    await ok(t.call('POST', `/v1/workspaces/${ws}/incidents/${inc.id}/resolve`, lead, { note: 'ZQX resolve note' }));
    await ok(t.call('PUT', '/v1/policies/VNM', await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']), { rules: [] }), 201);

    const trail = [...(await settledAudit(t.rt.deps, ws)).entries, ...(await settledAudit(t.rt.deps, 'platform')).entries];
    const actions = new Set(trail.map((e) => e.action));
    for (const a of [
      'workspace.created',
      'workspace.updated',
      'invitation.sent',
      'task.updated',
      'task.status_changed',
      'request.clarification_requested',
      'request.clarified',
      'evidence.registered',
      'request.responded',
      'request.withdrawn',
      'incident.raised',
      'incident.acknowledged',
      'incident.resolved',
      'contacts.set',
      'policy.set',
    ])
      expect(actions, a).toContain(a);
    for (const e of trail) expect(JSON.stringify(e), `${e.action} (${e.seq})`).not.toMatch(/zqx/i);
    // What changed is still named.
    const edit = trail.find((e) => e.action === 'task.updated')!;
    expect(edit.details).toEqual({ fields: ['title', 'description'] });
    const declined = trail.find((e) => e.action === 'task.status_changed' && e.target.id === task.id)!;
    expect(declined.details).toEqual({ fields: ['status', 'reason'], from: 'open', to: 'declined' });
  });
});
