import { describe, expect, it } from 'vitest';
import {
  type Commit,
  checkSelectors,
  createRequest,
  createTask,
  DomainError,
  type Principal,
  raiseIncident,
  type Selector,
  selectorHasherFromSecrets,
  setCountryContacts,
  setCountryPolicy,
} from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { DAY, principal, taskforce, world } from '../world';

const vnm = principal('vnm-a05', 'VNM');
const tha = principal('tha-ccib', 'THA');
const gbr = principal('gbr-nca', 'GBR');
const usa = principal('usa-fbi', 'USA');
const WALLET: Selector = { type: 'wallet_address', chain: 'ethereum', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' };
const PHONE: Selector = { type: 'phone', value: '+84912345678' };

/** Commits as the store received them. */
const recordCommits = (deps: MemoryDeps): Commit[] => {
  const commits: Commit[] = [];
  const commit = deps.store.commit.bind(deps.store);
  deps.store.commit = async (c) => {
    commits.push(structuredClone(c));
    return commit(c);
  };
  return commits;
};

/** Viet Nam's workspace (with Thailand) holds a task naming the wallet; Britain and the USA run their own. */
const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['tha-ccib', 'THA'],
    ['gbr-nca', 'GBR'],
    ['usa-fbi', 'USA'],
    ['bank-x', 'SGP', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm, [tha], { title: 'Op Lotus (secret title)', legalBasis: { code: 'UNCC', text: 'art. 47' } });
  const task = (
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 'Trace the recruiter wallet',
      description: '',
      assigneeOrgId: 'tha-ccib',
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority: 'high',
      marking: { tlp: 'AMBER', releasableTo: 'members', caveats: ['ORCON'] },
      selectors: [{ ...WALLET, value: WALLET.value.toLowerCase() }],
    })
  ).result;
  return { deps, ws, task };
};

const check = (deps: MemoryDeps, p: Principal, selectors: Selector[]) => checkSelectors(deps, { principal: p }, selectors);

describe('hit/no-hit matching on the in-memory store', () => {
  it('indexes a task’s selectors in its own transaction, as a keyed hash with no trace of the value', async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
    ]);
    const ws = await taskforce(deps, vnm, [tha]);
    const commits = recordCommits(deps);
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 't',
      description: '',
      assigneeOrgId: 'tha-ccib',
      dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
      priority: 'normal',
      selectors: [WALLET, PHONE, { ...WALLET, value: WALLET.value.toUpperCase().replace('0X', '0x') }],
    });
    expect(commits).toHaveLength(1);
    const index = commits[0]!.writes.filter((w) => w.op === 'put' && w.record.kind === 'match_holder');
    // The wallet typed twice is one selector.
    expect(index).toHaveLength(2);
    const text = JSON.stringify(index);
    expect(text).not.toMatch(/5aaeb6053f3e94c9b9a09f33669435e7ef1beaed/i);
    expect(text).not.toContain('84912345678');
  });

  it('answers a hit with the agency to contact and the marking, and nothing of the workspace or the record', async () => {
    const { deps, ws, task } = await setUp();
    const commits = recordCommits(deps);
    const out = await check(deps, gbr, [WALLET, PHONE]);
    expect(out.hits).toBe(1);
    expect(out.results).toEqual([
      {
        index: 0,
        type: 'wallet_address',
        hit: true,
        heldByYou: false,
        contacts: [{ orgId: 'vnm-a05', name: 'VNM-A05', country: 'VNM', tlp: 'AMBER', caveats: ['ORCON'] }],
      },
      { index: 1, type: 'phone', hit: false, heldByYou: false, contacts: [] },
    ]);
    const text = JSON.stringify(out);
    for (const secret of [ws.id, task.id, 'Op Lotus', 'Trace the recruiter', 'tha-ccib']) expect(text).not.toContain(secret);

    // The checker's trace: the platform chain, counts only.
    const mine = commits.filter((c) => c.audit.chainId === 'platform');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.audit).toMatchObject({ action: 'matching.checked', details: { selectors: 2, hits: 1 } });
    expect(mine[0]!.events).toEqual([]);
    for (const secret of [ws.id, task.id, '5aaeb', '84912345678']) expect(JSON.stringify(mine)).not.toContain(secret);

    // The owner's: its workspace's chain, and an event for the owning agency only, marked like its task.
    const theirs = commits.filter((c) => c.audit.chainId === ws.id);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.audit).toMatchObject({ action: 'selector.matched', target: { type: 'task', id: task.id } });
    expect(theirs[0]!.events).toEqual([
      expect.objectContaining({
        type: 'selector.matched',
        workspaceId: ws.id,
        subject: { type: 'task', id: task.id },
        audience: ['vnm-a05'],
        marking: task.marking,
        data: expect.objectContaining({
          selectorTypes: ['wallet_address'],
          checkedBy: { orgId: 'gbr-nca', name: 'GBR-NCA', country: 'GBR' },
        }),
      }),
    ]);
    expect(JSON.stringify(theirs)).not.toMatch(/5aaeb6053f3e94c9b9a09f33669435e7ef1beaed/i);
  });

  it('is never a hit against the checker itself: its own holdings are said to be its own, and nobody is notified', async () => {
    const { deps } = await setUp();
    const commits = recordCommits(deps);
    const out = await check(deps, vnm, [WALLET]);
    expect(out.results[0]).toMatchObject({ hit: false, heldByYou: true, contacts: [] });
    expect(commits.filter((c) => c.audit.chainId !== 'platform')).toEqual([]);
  });

  it('answers no hit where the owner’s country policy excludes its selectors from matching, for all or towards listed countries', async () => {
    const { deps } = await setUp();
    const admin = principal('vnm-a05', 'VNM', ['policy_admin']);
    const v1 = await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'no_matching', towards: ['USA'] }] }, undefined);
    expect((await check(deps, usa, [WALLET])).results[0]).toMatchObject({ hit: false, contacts: [] });
    expect((await check(deps, gbr, [WALLET])).results[0]).toMatchObject({ hit: true });
    await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'no_matching' }] }, v1.result.version);
    const commits = recordCommits(deps);
    expect((await check(deps, gbr, [WALLET])).results[0]).toMatchObject({ hit: false, contacts: [] });
    // An excluded holder hears nothing either.
    expect(commits.filter((c) => c.audit.chainId !== 'platform')).toEqual([]);
  });

  it('applies the country rules too: a country that never shares with the checker does not tell it it holds the selector', async () => {
    const { deps } = await setUp();
    const admin = principal('vnm-a05', 'VNM', ['policy_admin']);
    await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'never_countries', countries: ['GBR'] }] }, undefined);
    expect((await check(deps, gbr, [WALLET])).results[0]!.hit).toBe(false);
    expect((await check(deps, usa, [WALLET])).results[0]!.hit).toBe(true);
  });

  it('answers no hit for a record under embargo until the embargo ends', async () => {
    const { deps, ws } = await setUp();
    const until = new Date(deps.clock.now().getTime() + DAY).toISOString();
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 'Embargoed lead',
      description: '',
      assigneeOrgId: 'vnm-a05',
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority: 'normal',
      marking: { tlp: 'AMBER', releasableTo: 'members', caveats: [], embargoUntil: until },
      selectors: [PHONE],
    });
    expect((await check(deps, gbr, [PHONE])).results[0]).toMatchObject({ hit: false, contacts: [] });
    deps.clock.advance(DAY + 1000);
    expect((await check(deps, gbr, [PHONE])).results[0]).toMatchObject({ hit: true });
  });

  it('tells the owner who matched only as far as its policy says', async () => {
    const { deps } = await setUp();
    const admin = principal('vnm-a05', 'VNM', ['policy_admin']);
    const v1 = await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'match_notice', tell: 'nobody' }] }, undefined);
    let commits = recordCommits(deps);
    await check(deps, gbr, [WALLET]);
    let notice = commits.find((c) => c.audit.chainId !== 'platform')!;
    expect(notice.events[0]!.data.checkedBy).toBeUndefined();
    expect(JSON.stringify(notice)).not.toContain('gbr');
    await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'match_notice', tell: 'country' }] }, v1.result.version);
    commits = recordCommits(deps);
    await check(deps, gbr, [WALLET]);
    notice = commits.find((c) => c.audit.chainId !== 'platform')!;
    expect(notice.events[0]!.data.checkedBy).toEqual({ country: 'GBR' });
    expect(JSON.stringify(notice)).not.toContain('gbr-nca');
  });

  it('is for agency officers only: a private partner finds nothing there', async () => {
    const { deps } = await setUp();
    await expect(check(deps, principal('bank-x', 'SGP', ['responder'], 'provider'), [WALLET])).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'not_found',
    );
    await expect(check(deps, principal('gbr-nca', 'GBR', ['auditor']), [WALLET])).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'forbidden',
    );
  });

  it('indexes the selectors of data requests too, and lists every holder of a selector', async () => {
    const { deps } = await setUp();
    const ws2 = await taskforce(deps, usa, [], { title: 'Op Heron', legalBasis: { code: 'MLAT', text: 'treaty' } });
    await createRequest(deps, { principal: usa }, ws2.id, {
      providerOrgId: 'bank-x',
      type: 'production',
      legalBasis: { code: 'MLAT', text: 'treaty' },
      urgency: 'standard',
      description: 'wallet holder',
      selectors: [WALLET],
      send: false,
    });
    const out = await check(deps, gbr, [WALLET]);
    expect(out.results[0]!.contacts.map((c) => c.orgId).sort()).toEqual(['usa-fbi', 'vnm-a05']);
  });

  it('finds what was indexed under the previous key while a rotation runs, and writes under the new one', async () => {
    const { deps } = await setUp();
    // setUp indexed under the process's key; rotate to a new one that keeps it as previous.
    const before = await check(deps, gbr, [WALLET]);
    expect(before.hits).toBe(1);
    const old = deps.selectorHasher;
    expect(old).toBeUndefined();
    const KEY_NEW = 'n'.repeat(40);
    const KEY_OLD = 'o'.repeat(40);
    const d2 = await world([
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
      ['gbr-nca', 'GBR'],
    ]);
    d2.selectorHasher = selectorHasherFromSecrets(KEY_OLD);
    const ws = await taskforce(d2, vnm, [tha]);
    const task = (input: Selector[]) =>
      createTask(d2, { principal: vnm }, ws.id, {
        title: 't',
        description: '',
        assigneeOrgId: 'tha-ccib',
        dueAt: new Date(d2.clock.now().getTime() + DAY).toISOString(),
        priority: 'normal',
        selectors: input,
      });
    await task([WALLET]);
    d2.selectorHasher = selectorHasherFromSecrets(KEY_NEW, [KEY_OLD]);
    await task([PHONE]);
    expect((await check(d2, gbr, [WALLET, PHONE])).hits).toBe(2);
    // Once the old key is dropped (after the re-index), only what was written under the new one matches.
    d2.selectorHasher = selectorHasherFromSecrets(KEY_NEW);
    expect((await check(d2, gbr, [WALLET, PHONE])).results.map((r) => r.hit)).toEqual([false, true]);
  });

  it('keeps both holders when two records naming the same selector are created at once, neither retrying', async () => {
    const { deps } = await setUp();
    const ws1 = await taskforce(deps, vnm, [tha]);
    const ws2 = await taskforce(deps, gbr, [], { title: 'Op Kite', legalBasis: { code: 'MLAT', text: 'treaty' } });
    const newTask = (p: Principal, workspaceId: string, assignee: string) =>
      createTask(deps, { principal: p }, workspaceId, {
        title: 't',
        description: '',
        assigneeOrgId: assignee,
        dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
        priority: 'normal',
        selectors: [PHONE],
      });
    // The first create has read what it needs; the second creates and commits before the first commits.
    const commits = recordCommits(deps);
    const load = deps.store.load.bind(deps.store);
    let raced = false;
    deps.store.load = async (req) => {
      const out = await load(req);
      if (!raced && req.refs.some((r) => r.kind === 'workspace' && r.id === ws1.id)) {
        raced = true;
        await newTask(gbr, ws2.id, 'gbr-nca');
      }
      return out;
    };
    await newTask(vnm, ws1.id, 'tha-ccib');
    expect(raced).toBe(true);
    // One transaction each: nothing shared was read or rewritten, so nothing had to be tried again.
    expect(commits.filter((c) => c.audit.action === 'task.assigned')).toHaveLength(2);
    const out = await check(deps, usa, [PHONE]);
    expect(out.results[0]!.contacts.map((c) => c.orgId).sort()).toEqual(['gbr-nca', 'vnm-a05']);
  });
});

describe('incidents index their selectors too', () => {
  it('makes a selector named in an incident a hit for another agency', async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
      ['gbr-nca', 'GBR'],
    ]);
    const duty = principal('tha-ccib', 'THA', ['officer', 'duty_contact']);
    await setCountryContacts(
      deps,
      { principal: duty },
      'THA',
      {
        duty: { orgId: 'tha-ccib', people: [], channels: [] },
        backup: { orgId: 'tha-ccib', people: [], channels: [] },
        nationalLead: { orgId: 'tha-ccib', people: [], channels: [] },
      },
      undefined,
    );
    const ws = await taskforce(deps, vnm, [tha]);
    const raised = await raiseIncident(deps, { principal: vnm }, ws.id, {
      severity: 'critical',
      type: 'ransomware',
      summary: 'Hospital encrypted; the note names a wallet',
      countries: ['THA'],
      selectors: [WALLET],
    });
    expect(raised.result.selectors).toEqual([WALLET]);
    const out = await check(deps, gbr, [WALLET]);
    expect(out.results[0]).toMatchObject({ hit: true, contacts: [{ orgId: 'vnm-a05', tlp: 'AMBER' }] });
    expect(JSON.stringify(out)).not.toContain(raised.result.id);
  });
});
