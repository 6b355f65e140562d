import { appendAuditEntry, sequenceChain, verifyInclusion } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

// An open console keeps appending to the chain while an auditor verifies it (AMBER and RED reads
// are audited): verification must not report a break for an entry written during the check.
describe('audit verification while the chain grows', () => {
  let t: TestRuntime;
  let lead: string;
  let ws: string;
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
  });
  afterAll(async () => {
    await t.rt.stop();
  });

  const readEntry = (n: number) =>
    appendAuditEntry(
      t.rt.deps,
      ws,
      { sub: 'x', orgId: 'vnm-a05', country: 'VNM' },
      { action: 'request.read', target: { type: 'workspace', id: `${ws}-${n}` }, markings: [] },
    );

  it('verifies the chain up to the checkpoint it read, while entries are queued and sequenced mid-check', async () => {
    const store = t.rt.store;
    const original = store.auditEntriesAfter.bind(store);
    let appended = 0;
    store.auditEntriesAfter = async (...args: Parameters<typeof store.auditEntriesAfter>) => {
      const page = await original(...args);
      if (appended < 3) {
        appended++;
        await readEntry(appended);
        await sequenceChain(t.rt.deps, ws);
      }
      return page;
    };
    try {
      const verify = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead);
      expect(appended).toBeGreaterThan(0);
      expect(verify.body).toMatchObject({ ok: true });
    } finally {
      store.auditEntriesAfter = original;
    }
    const after = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead);
    expect(after.body.ok).toBe(true);
  });

  it('stays correct with writers and audited readers running during every verification, and verifies incrementally from a checkpoint', async () => {
    let running = true;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; running; i++) {
        const r = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
          title: `T${w}.${i}`,
          assigneeOrgId: 'vnm-a05',
          dueAt: '2026-03-05T00:00:00.000Z',
          marking: { tlp: 'AMBER', releasableTo: 'members' },
        });
        expect(r.status).toBe(201);
        expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${r.body.id}`, lead)).status).toBe(200); // audited read
      }
    });
    const verdicts = [];
    let from = 0;
    for (let i = 0; i < 8; i++) {
      const v = await t.call('GET', `/v1/workspaces/${ws}/audit/verify?from=${from}`, lead);
      expect(v.status).toBe(200);
      verdicts.push(v.body);
      expect(v.body, JSON.stringify(v.body)).toMatchObject({ ok: true, from });
      from = v.body.checkpoint.treeSize;
    }
    running = false;
    await Promise.all(writers);
    expect(verdicts.every((v) => v.ok)).toBe(true);
    // The whole chain, and every entry's inclusion in the latest checkpoint.
    const whole = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead);
    expect(whole.body).toMatchObject({ ok: true, from: 0 });
    const size = whole.body.checkpoint.treeSize as number;
    for (const seq of [1, Math.ceil(size / 2), size]) {
      const proof = await t.call('GET', `/v1/workspaces/${ws}/audit/entries/${seq}/proof`, lead);
      expect(proof.status).toBe(200);
      const { entry, leafIndex, treeSize, auditPath, checkpoint } = proof.body;
      expect(entry.seq).toBe(seq);
      expect(verifyInclusion(entry.hash, leafIndex, treeSize, auditPath, checkpoint.rootHash)).toBe(true);
    }
  });

  it('answers 400 naming the field for a start that is not a checkpoint, and 404 for an entry beyond the chain', async () => {
    const bad = await t.call('GET', `/v1/workspaces/${ws}/audit/verify?from=999999`, lead);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/verify?from=-1`, lead)).status).toBe(400);
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/entries/999999/proof`, lead)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/entries/0/proof`, lead)).status).toBe(400);
  });
});
