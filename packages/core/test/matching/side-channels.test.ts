import { describe, expect, it } from 'vitest';
import {
  CHECK_READ_BUDGET,
  type CheckResult,
  type Commit,
  checkSelectors,
  createTask,
  DomainError,
  type DomainEvent,
  type Principal,
  planNotifications,
  type Selector,
  setCountryPolicy,
} from '../../src/index';
import { type MemoryDeps, settledAudit } from '../../testing';
import { DAY, principal, taskforce, world } from '../world';

const vnm = principal('vnm-a05', 'VNM');
const tha = principal('tha-ccib', 'THA');
const gbr = { ...principal('gbr-nca', 'GBR'), sub: 'officer-jane-doe' };
const policyAdmin = principal('vnm-a05', 'VNM', ['policy_admin']);
const WALLET: Selector = { type: 'wallet_address', chain: 'ethereum', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' };
const PHONE: Selector = { type: 'phone', value: '+84912345678' };
const UNHELD: Selector = { type: 'phone', value: '+447700900123' };

/** Viet Nam's workspace holds a task naming the wallet; Britain checks. */
const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['tha-ccib', 'THA'],
    ['gbr-nca', 'GBR'],
  ]);
  const ws = await taskforce(deps, vnm, [tha]);
  const task = (
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 'Trace the wallet',
      description: '',
      assigneeOrgId: 'tha-ccib',
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority: 'high',
      selectors: [WALLET],
    })
  ).result;
  return { deps, ws, task };
};

const recordCommits = (deps: MemoryDeps): Commit[] => {
  const commits: Commit[] = [];
  const commit = deps.store.commit.bind(deps.store);
  deps.store.commit = async (c) => {
    commits.push(structuredClone(c));
    return commit(c);
  };
  return commits;
};

/** Every call on the store port a check makes, with the size of what it asked: its reads and its writes. */
const countCalls = (deps: MemoryDeps) => {
  const calls: string[] = [];
  const store = deps.store;
  const load = store.load.bind(store);
  const get = store.get.bind(store);
  const holders = store.matchHolders.bind(store);
  const commit = store.commit.bind(store);
  store.load = (req) => {
    calls.push(`load ${req.refs.map((r) => (r.kind === 'policies' ? `policies(${r.countries?.length ?? 0})` : r.kind)).join(',')}`);
    return load(req);
  };
  store.get = (ref) => {
    calls.push(`get ${ref.kind}`);
    return get(ref);
  };
  store.matchHolders = (groups) => {
    calls.push(`matchHolders ${groups.length}`);
    return holders(groups);
  };
  store.commit = (c) => {
    calls.push(`commit ${c.audit.chainId === 'platform' ? 'platform' : 'holder'} ${c.writes.length} writes ${c.events.length} events`);
    return commit(c);
  };
  return {
    async during(run: () => Promise<unknown>): Promise<string[]> {
      calls.length = 0;
      await run();
      return [...calls];
    },
  };
};

const setNotice = (deps: MemoryDeps, tell: 'agency' | 'country' | 'nobody', version?: number) =>
  setCountryPolicy(deps, { principal: policyAdmin }, 'VNM', { rules: [{ type: 'match_notice', tell }] }, version);

describe('a check costs the same whatever is held and whatever the policy drops', () => {
  it('makes the same calls on the store, of the same sizes, for a held, a held-but-excluded, an own and an unheld selector', async () => {
    const { deps } = await setUp();
    const counter = countCalls(deps);
    const check = (p: Principal, s: Selector) => checkSelectors(deps, { principal: p }, [s]);
    const reads = (calls: string[]) => calls.filter((c) => !c.startsWith('commit'));

    const held = await counter.during(() => check(gbr, WALLET));
    const unheld = await counter.during(() => check(gbr, UNHELD));
    const own = await counter.during(() => check(vnm, WALLET));
    await setCountryPolicy(deps, { principal: policyAdmin }, 'VNM', { rules: [{ type: 'no_matching', towards: ['GBR'] }] }, undefined);
    const excluded = await counter.during(() => check(gbr, WALLET));
    const unheldAfter = await counter.during(() => check(gbr, UNHELD));

    // The reads: one query of the hash's partition, one read of organisations, one of policies.
    expect(reads(unheld)).toEqual([
      'matchHolders 1',
      `load ${Array(CHECK_READ_BUDGET).fill('organisation').join(',')}`,
      `load policies(${CHECK_READ_BUDGET})`,
    ]);
    for (const calls of [held, own, excluded, unheldAfter]) expect(reads(calls)).toEqual(reads(unheld));
    // The writes: the checker's own audit entry; a hit (and only a hit) also tells its holder.
    for (const calls of [unheld, own, excluded, unheldAfter]) expect(calls).toEqual(unheld);
    expect(held.filter((c) => c.startsWith('commit')).sort()).toEqual([
      'commit holder 0 writes 1 events',
      'commit platform 0 writes 0 events',
    ]);
  });

  it('reads one query per selector and live key, whatever the selectors are', async () => {
    const { deps } = await setUp();
    const counter = countCalls(deps);
    const calls = await counter.during(() => checkSelectors(deps, { principal: gbr }, [WALLET, PHONE, UNHELD]));
    expect(calls.filter((c) => c.startsWith('matchHolders'))).toEqual(['matchHolders 3']);
  });
});

describe('what the holder’s side learns of the checker, by notice level', () => {
  /** Checks the wallet as Britain's officer; the holder's chain entry, its agency's notification and the checker's answer. */
  const seen = async (deps: MemoryDeps, wsId: string) => {
    const commits = recordCommits(deps);
    const result: CheckResult = await checkSelectors(deps, { principal: gbr }, [WALLET]);
    const { entries, verification } = await settledAudit(deps, wsId);
    expect(verification.ok).toBe(true);
    const entry = entries.filter((e) => e.action === 'selector.matched').at(-1)!;
    const event = commits.find((c) => c.audit.chainId === wsId)!.events[0]! as DomainEvent;
    const ctx = await deps.store.fanoutContext([event]);
    const { notifications } = planNotifications(event, ctx, deps.clock.now());
    const platform = commits.find((c) => c.audit.chainId === 'platform')!.audit;
    return { entry, event, notification: notifications[0]!, result, platform };
  };
  const neverTheOfficer = (x: unknown) => expect(JSON.stringify(x)).not.toContain('officer-jane-doe');

  it('agency (the default): the checking agency (id, name, country), never the officer; the actor is the platform', async () => {
    const { deps, ws, task } = await setUp();
    const { entry, notification, result, platform } = await seen(deps, ws.id);
    expect(entry.actor).toEqual({ sub: 'system:matching', orgId: 'system', country: 'ZZZ' });
    expect(entry.details).toMatchObject({ checkedBy: { orgId: 'gbr-nca', name: 'GBR-NCA', country: 'GBR' } });
    expect(notification).toMatchObject({
      recipient: 'vnm-a05',
      actorOrgId: 'system',
      subject: { type: 'task', id: task.id },
      data: { checkedBy: { orgId: 'gbr-nca', name: 'GBR-NCA', country: 'GBR' } },
    });
    neverTheOfficer([entry, notification]);
    // The checker learns the holding agency and the marking; its own trace names the officer, on the platform chain.
    expect(result.results[0]!.contacts).toEqual([{ orgId: 'vnm-a05', name: 'VNM-A05', country: 'VNM', tlp: 'GREEN', caveats: [] }]);
    expect(platform.actor.sub).toBe('officer-jane-doe');
    // The check id pairs the two sides.
    expect(entry.details?.check).toBe(platform.target.id);
    expect(notification.data.check).toBe(platform.target.id);
  });

  it('country: the checking country only', async () => {
    const { deps, ws } = await setUp();
    await setNotice(deps, 'country');
    const { entry, notification, platform } = await seen(deps, ws.id);
    expect(entry.actor.sub).toBe('system:matching');
    expect(entry.details?.checkedBy).toEqual({ country: 'GBR' });
    expect(notification).toMatchObject({ actorOrgId: 'system', data: { checkedBy: { country: 'GBR' } } });
    for (const x of [entry, notification]) expect(JSON.stringify(x)).not.toMatch(/gbr-nca|GBR-NCA|officer-jane-doe/);
    expect(entry.details?.check).toBe(platform.target.id);
  });

  it('nobody: nothing of the checker, not even its country', async () => {
    const { deps, ws } = await setUp();
    await setNotice(deps, 'nobody');
    const { entry, notification, result, platform } = await seen(deps, ws.id);
    expect(entry.actor).toEqual({ sub: 'system:matching', orgId: 'system', country: 'ZZZ' });
    expect(entry.details?.checkedBy).toBeUndefined();
    expect(notification.data.checkedBy).toBeUndefined();
    for (const x of [entry, notification]) expect(JSON.stringify(x)).not.toMatch(/gbr|officer-jane-doe/i);
    // The checker's answer does not change with the holder's notice level.
    expect(result.hits).toBe(1);
    expect(entry.details?.check).toBe(platform.target.id);
  });
});

describe('a repeated check under one Idempotency-Key', () => {
  it('answers the stored result, tells nobody twice, and refuses the key for another check', async () => {
    const { deps } = await setUp();
    const commits = recordCommits(deps);
    const ctx = { principal: gbr, idempotency: { scope: 'gbr-nca:k1', fingerprint: 'f1' } };
    const first = await checkSelectors(deps, ctx, [WALLET]);
    deps.clock.advance(1000);
    const again = await checkSelectors(deps, ctx, [WALLET]);
    expect(again).toEqual(first);
    expect(commits).toHaveLength(2);
    await expect(checkSelectors(deps, { ...ctx, idempotency: { ...ctx.idempotency, fingerprint: 'f2' } }, [PHONE])).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'idempotency_mismatch',
    );
  });
});
