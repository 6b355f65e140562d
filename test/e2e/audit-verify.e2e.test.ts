import { appendAuditEntry } from '@taskforce/core';
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

  it('verifies the chain up to the head it read, while an entry is appended mid-check', async () => {
    const store = t.rt.store;
    const original = store.listAudit.bind(store);
    let appended = false;
    store.listAudit = async (...args: Parameters<typeof store.listAudit>) => {
      const page = await original(...args);
      if (!appended) {
        appended = true;
        await appendAuditEntry(
          t.rt.deps,
          ws,
          { sub: 'x', orgId: 'vnm-a05', country: 'VNM' },
          {
            action: 'request.read',
            target: { type: 'workspace', id: ws },
            markings: [],
          },
        );
      }
      return page;
    };
    try {
      const verify = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead);
      expect(appended).toBe(true);
      expect(verify.body).toMatchObject({ ok: true });
    } finally {
      store.listAudit = original;
    }
    const after = await t.call('GET', `/v1/workspaces/${ws}/audit/verify`, lead);
    expect(after.body.ok).toBe(true);
  });
});
