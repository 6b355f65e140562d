import { describe, expect, it } from 'vitest';
import {
  canonicalSelector,
  checkSelectors,
  createRequest,
  createTask,
  DomainError,
  type MatchHolder,
  type Principal,
  type ReindexReport,
  raiseIncident,
  reindexSelectors,
  reindexSelectorsAs,
  type Selector,
  type SelectorHasher,
  selectorHasherFromSecrets,
  setCountryContacts,
} from '../../src/index';
import { type MemoryDeps, settledAudit } from '../../testing';
import { DAY, principal, taskforce, world } from '../world';

const vnm = principal('vnm-a05', 'VNM');
const tha = principal('tha-ccib', 'THA');
const gbr = principal('gbr-nca', 'GBR');
const admin = principal('platform', 'ZZZ', ['admin'], 'international');
const WALLET: Selector = { type: 'wallet_address', chain: 'ethereum', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' };
const PHONE: Selector = { type: 'phone', value: '+84912345678' };
const IBAN: Selector = { type: 'iban', value: 'GB33BUKB20201555555555' };
const EMAIL: Selector = { type: 'email', value: 'recruiter@example.com' };
const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);

const check = (deps: MemoryDeps, selectors: Selector[]) => checkSelectors(deps, { principal: gbr }, selectors);

/** The holders of a selector under a key, as a check reads them. */
const item = async (deps: MemoryDeps, hasher: SelectorHasher, keyId: string, s: Selector): Promise<{ owners: MatchHolder[] }> => ({
  owners: (await deps.store.matchHolders([{ keyId, hmac: hasher.hash(keyId, canonicalSelector(s)) }]))[0]!,
});

/** Every page from the start, as the command line runs it; the sum of the reports. */
const reindexAll = async (deps: MemoryDeps, limit: number) => {
  const total = { pages: 0, records: 0, selectors: 0, added: 0 };
  let cursor: string | undefined;
  do {
    const page: ReindexReport = await reindexSelectors(deps, { limit, ...(cursor ? { cursor } : {}) });
    total.pages++;
    total.records += page.records;
    total.selectors += page.selectors;
    total.added += page.added;
    cursor = page.next;
  } while (cursor && total.pages < 500);
  return total;
};

/**
 * Under key A: a task (wallet, phone), a request (wallet, iban) and an incident (email), in
 * Viet Nam's workspace. Then the rotation's step 1: B current, A previous, and one more task
 * (phone) written under B already.
 */
const rotated = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['tha-ccib', 'THA'],
    ['gbr-nca', 'GBR'],
    ['bank-x', 'SGP', 'bank'],
  ]);
  deps.selectorHasher = selectorHasherFromSecrets(KEY_A);
  await setCountryContacts(
    deps,
    { principal: principal('tha-ccib', 'THA', ['officer', 'duty_contact']) },
    'THA',
    {
      duty: { orgId: 'tha-ccib', people: [], channels: [] },
      backup: { orgId: 'tha-ccib', people: [], channels: [] },
      nationalLead: { orgId: 'tha-ccib', people: [], channels: [] },
    },
    undefined,
  );
  const ws = await taskforce(deps, vnm, [tha]);
  const task = (p: Principal, selectors: Selector[]) =>
    createTask(deps, { principal: p }, ws.id, {
      title: 't',
      description: '',
      assigneeOrgId: 'tha-ccib',
      dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
      priority: 'normal',
      marking: { tlp: 'AMBER', releasableTo: 'members', caveats: ['ORCON'] },
      selectors,
    });
  await task(vnm, [WALLET, PHONE]);
  await createRequest(deps, { principal: vnm }, ws.id, {
    providerOrgId: 'bank-x',
    type: 'production',
    legalBasis: { code: 'MLAT', text: 'treaty' },
    urgency: 'standard',
    description: 'wallet holder',
    selectors: [WALLET, IBAN],
    send: false,
  });
  await raiseIncident(deps, { principal: vnm }, ws.id, {
    severity: 'critical',
    type: 'ransomware',
    summary: 'the note names a mailbox',
    countries: ['THA'],
    selectors: [EMAIL],
  });
  const a = deps.selectorHasher;
  deps.selectorHasher = selectorHasherFromSecrets(KEY_B, [KEY_A]);
  await task(vnm, [PHONE]);
  return { deps, ws, a, keyA: a.keyIds[0]!, keyB: deps.selectorHasher.keyIds[0]! };
};

describe('re-indexing selectors under the current key (a rotation, step 2)', () => {
  it('adds every record to the new key’s items, so that with the old key dropped every hit is still found', async () => {
    const { deps, a, keyA, keyB } = await rotated();
    const all = [WALLET, PHONE, IBAN, EMAIL];
    // Before: dropping A would lose what only A indexed.
    const onlyB = { ...deps, selectorHasher: selectorHasherFromSecrets(KEY_B) };
    expect((await check(onlyB, all)).results.map((r) => r.hit)).toEqual([false, true, false, false]);

    // Small pages: the walk is bounded and resumes from each page's cursor.
    const total = await reindexAll(deps, 3);
    expect(total.pages).toBeGreaterThan(1);
    expect(total).toMatchObject({ records: 4, selectors: 6, added: 5 });

    const b = deps.selectorHasher!;
    // The new items hold the same holders the old ones did (the same marking, organisation and time).
    for (const s of [WALLET, IBAN, EMAIL]) {
      const [old, now] = [await item(deps, a, keyA, s), await item(deps, b, keyB, s)];
      // The same holders but for the key and hash they are filed under.
      const byId = (e: { owners: MatchHolder[] }) =>
        e.owners.map(({ keyId: _k, hmac: _h, ...o }) => o).sort((x, y) => (x.record.id < y.record.id ? -1 : 1));
      expect(byId(now)).toEqual(byId(old));
    }
    // The phone's new item had the second task already: the first is added beside it, once each.
    const phone = await item(deps, b, keyB, PHONE);
    expect(phone?.owners.map((o) => o.record.type)).toEqual(['task', 'task']);
    expect(new Set(phone?.owners.map((o) => o.record.id)).size).toBe(2);

    // Step 3: A dropped, every selector is still a hit, naming Viet Nam under the marking it gave.
    deps.selectorHasher = selectorHasherFromSecrets(KEY_B);
    const out = await check(deps, all);
    expect(out.results.map((r) => r.hit)).toEqual([true, true, true, true]);
    expect(out.results[0]!.contacts).toContainEqual({
      orgId: 'vnm-a05',
      name: 'VNM-A05',
      country: 'VNM',
      tlp: 'AMBER',
      caveats: ['ORCON'],
    });
  });

  it('adds nothing the second time: a holder already there is left alone', async () => {
    const { deps, keyB } = await rotated();
    await reindexAll(deps, 2);
    const b = deps.selectorHasher!;
    const after = await Promise.all([WALLET, PHONE, IBAN, EMAIL].map((s) => item(deps, b, keyB, s)));
    const again = await reindexAll(deps, 2);
    expect(again).toMatchObject({ records: 4, selectors: 6, added: 0 });
    expect(await Promise.all([WALLET, PHONE, IBAN, EMAIL].map((s) => item(deps, b, keyB, s)))).toEqual(after);
  });

  it('audits each page on the platform chain with counts only, never a selector or its hash', async () => {
    const { deps, keyB } = await rotated();
    const report = await reindexSelectorsAs(deps, admin, { limit: 100 });
    expect(report).toEqual({ records: 4, selectors: 6, added: 5 });
    const { entries, verification } = await settledAudit(deps, 'platform');
    expect(verification.ok).toBe(true);
    const ours = entries.filter((e) => e.action.startsWith('matching.reindex'));
    expect(ours.map((e) => e.action)).toEqual(['matching.reindex.written', 'matching.reindexed']);
    expect(ours[1]).toMatchObject({
      actor: { sub: admin.sub, orgId: 'platform' },
      target: { type: 'matching_index', id: keyB },
      details: { records: 4, selectors: 6, added: 5, more: false },
    });
    const text = JSON.stringify(ours);
    const b = deps.selectorHasher!;
    for (const s of [WALLET, PHONE, IBAN, EMAIL]) {
      expect(text).not.toContain(s.value);
      expect(text).not.toContain(b.hash(keyB, canonicalSelector(s)));
    }
  });

  it('is for the platform’s administrators only', async () => {
    const { deps } = await rotated();
    for (const p of [
      vnm,
      principal('vnm-a05', 'VNM', ['officer', 'duty_contact']),
      principal('bank-x', 'SGP', ['responder'], 'provider'),
    ]) {
      const err = await reindexSelectorsAs(deps, p, {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(['forbidden', 'not_found']).toContain((err as DomainError).code);
    }
  });

  it('keeps a holder a create added meanwhile: the commit that lost the race reads again', async () => {
    const { deps, ws, keyB } = await rotated();
    const b = deps.selectorHasher!;
    const commit = deps.store.commit.bind(deps.store);
    let raced = false;
    deps.store.commit = async (c) => {
      // Just before the re-index writes the wallet's new item, a create names the wallet under B.
      if (!raced && c.audit.action === 'matching.reindex.written') {
        raced = true;
        await createTask(deps, { principal: vnm }, ws.id, {
          title: 'late',
          description: '',
          assigneeOrgId: 'tha-ccib',
          dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
          priority: 'normal',
          selectors: [WALLET],
        });
      }
      return commit(c);
    };
    const report = await reindexSelectors(deps, { limit: 100 });
    expect(raced).toBe(true);
    expect(report.added).toBe(5);
    // The request and the first task re-indexed, and the late task: three holders of the wallet.
    expect((await item(deps, b, keyB, WALLET))?.owners.map((o) => o.record.type).sort()).toEqual(['request', 'task', 'task']);
  });
});
