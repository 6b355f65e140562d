import { type Actor, queueEntry } from '../kernel/audit';
import { actorOf, type CommandContext, PLATFORM_CHAIN } from '../kernel/context';
import type { EventDraft } from '../kernel/events';
import { monotonicId } from '../kernel/ids';
import type { Principal } from '../kernel/principal';
import { idempotencyOf, LoadedView, replayOf } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { EMPTY_POLICY_SET, evaluate, matchNoticeOf, type PolicySet } from '../policies/policy';
import { hasherOf, type MatchingDeps } from './hasher';
import type { CheckResult, MatchContact, MatchGroup, MatchOwner, SelectorCheckResult } from './model';
import { canonicalSelector } from './normalise';
import type { MatchIndexStore } from './ports';
import type { Selector } from './selectors';

export type CheckDeps = KernelDeps<MatchIndexStore> & MatchingDeps;

/** Who a match notice names: the platform, never the checking officer (its agency or country only in the details, as the rule says). */
const MATCHING_ACTOR: Actor = { sub: 'system:matching', orgId: 'system', country: 'ZZZ' };

/**
 * Organisations and countries every check reads at least: the real ones (the checker's and the
 * holders') padded with names that never exist, so that a held selector, a held one the policy
 * drops and an unheld one cost the same reads of the same size.
 */
export const CHECK_READ_BUDGET = 16;
const padded = (real: readonly string[], pad: (i: number) => string): string[] => [
  ...real,
  ...Array.from({ length: Math.max(0, CHECK_READ_BUDGET - real.length) }, (_, i) => pad(i)),
];

/**
 * What the holder's side (its workspace's chain and its agency's notice) is told of the checker,
 * by the holder's country's `match_notice` rule: the checking agency, its country only, or
 * nothing. Never the checking officer.
 */
const checkedByFor = (
  tell: 'agency' | 'country' | 'nobody',
  checker: Pick<Principal, 'orgId' | 'country'>,
  name: string,
): { orgId: string; name: string; country: string } | { country: string } | undefined =>
  tell === 'agency'
    ? { orgId: checker.orgId, name, country: checker.country }
    : tell === 'country'
      ? { country: checker.country }
      : undefined;

const ownerKey = (o: MatchOwner) => `${o.workspaceId}/${o.record.type}/${o.record.id}`;

/**
 * A hit/no-hit check of up to 500 selectors against the index of every workspace.
 *
 * Reads, the same whatever is held and whatever the policies drop: one query of each selector's
 * hash partition under every live key (the holders of that hash, none or many); then, side by
 * side, one read of the organisations of the checker and of every holder (padded to
 * `CHECK_READ_BUDGET`) with the Idempotency-Key, and one of the countries' policies (the
 * checker's and the holders', padded alike). The evaluator (action `match`) drops any holder whose
 * country's policy keeps its selectors from this checker: that selector is "no hit".
 *
 * Answers, per selector: hit or not, and for a hit the agencies to contact (id, name, country)
 * and the marking each holds it under (TLP, caveats); never a workspace, a record, or anything
 * of the other holders. Your own organisation's holdings are never a hit: `heldByYou` says so.
 *
 * Writes: one entry on the platform chain for the check (who, how many selectors, how many
 * hits; never a value), and, per owning workspace, an entry on that workspace's chain and a
 * `selector.matched` event per owning record, addressed to the owning agency only and marked
 * like its record. Both sides name the platform (`system:matching`) as the actor, never the
 * checking officer; what the owner's side says of the checker follows its country's
 * `match_notice` rule (`agency`: the agency, `country`: the country, `nobody`: nothing). The
 * check's id pairs the two sides for the platform's auditors.
 */
export async function checkSelectors(deps: CheckDeps, ctx: CommandContext, selectors: readonly Selector[]): Promise<CheckResult> {
  const p = ctx.principal;
  authorize('matching.check', p);
  const hasher = hasherOf(deps);

  // Every selector's hash under every live key: one group each (a selector sent twice is read once).
  const groupsOf = selectors.map((s) => {
    const canonical = canonicalSelector(s);
    return hasher.keyIds.map((keyId): MatchGroup => ({ keyId, hmac: hasher.hash(keyId, canonical) }));
  });
  const groupKey = (g: MatchGroup) => `${g.keyId}#${g.hmac}`;
  const distinct = new Map<string, MatchGroup>();
  for (const g of groupsOf.flat()) distinct.set(groupKey(g), g);
  const read = await deps.store.matchHolders([...distinct.values()]);
  const byGroup = new Map([...distinct.keys()].map((k, i) => [k, read[i] ?? []]));
  const holders = groupsOf.map((groups) => {
    const byRecord = new Map<string, MatchOwner>();
    for (const g of groups) for (const o of byGroup.get(groupKey(g)) ?? []) byRecord.set(ownerKey(o), o);
    return [...byRecord.values()];
  });

  // The names and policies of every holder's organisation and country, and the checker's: read
  // whether or not anything is held or dropped, so that neither shows in the time a check takes.
  const all = holders.flat();
  const orgIds = padded([...new Set([p.orgId, ...all.map((o) => o.orgId)])], (i) => `~none-${i}`);
  const countries = padded([...new Set([p.country, ...all.map((o) => o.country)])], (i) => `~${i}`);
  const [orgs, policyRead] = await Promise.all([
    deps.store.load({
      refs: orgIds.map((id) => ({ kind: 'organisation' as const, id })),
      ...(ctx.idempotency ? { idempotencyScope: ctx.idempotency.scope } : {}),
    }),
    deps.store.load({ refs: [{ kind: 'policies', countries }] }),
  ]);
  const replay = replayOf<CheckResult>(ctx.idempotency, orgs);
  if (replay) return replay.result;
  const policies: PolicySet = new LoadedView(policyRead).get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
  const orgView = new LoadedView(orgs);
  const names = new Map<string, string>();
  for (const id of orgIds) {
    const org = orgView.get({ kind: 'organisation', id });
    if (org) names.set(id, org.name);
  }

  const now = deps.clock.now();
  const at = now.toISOString();
  const checker = { orgId: p.orgId, orgKind: p.orgKind, country: p.country };
  const matched: MatchOwner[] = [];
  const results: SelectorCheckResult[] = selectors.map((s, i) => {
    const mine = holders[i]!.some((o) => o.orgId === p.orgId);
    const allowed = holders[i]!.filter(
      (o) => o.orgId !== p.orgId && evaluate(checker, 'match', { marking: o.marking }, policies, now).allow,
    );
    matched.push(...allowed);
    const contacts = new Map<string, MatchContact>();
    for (const o of allowed) {
      const c: MatchContact = {
        orgId: o.orgId,
        name: names.get(o.orgId) ?? o.orgId,
        country: o.country,
        tlp: o.marking.tlp,
        caveats: [...o.marking.caveats],
      };
      contacts.set(JSON.stringify([c.orgId, c.tlp, c.caveats]), c);
    }
    return { index: i, type: s.type, hit: contacts.size > 0, heldByYou: mine, contacts: [...contacts.values()] };
  });
  const result: CheckResult = { checkedAt: at, selectors: selectors.length, hits: results.filter((r) => r.hit).length, results };

  // A reference both sides' entries carry, so the platform's auditors can pair them; it says nothing of either.
  const checkId = deps.ids.next();
  // One notice per owning agency in each workspace: its country's policy says what it is told.
  const byOwner = new Map<string, Map<string, { owner: MatchOwner; kinds: Set<string> }>>();
  for (const o of matched) {
    const at = `${o.workspaceId}\u0000${o.orgId}`;
    const records = byOwner.get(at) ?? new Map();
    const entry = records.get(ownerKey(o)) ?? { owner: o, kinds: new Set<string>() };
    entry.kinds.add(o.selectorType);
    records.set(ownerKey(o), entry);
    byOwner.set(at, records);
  }
  const ownerSide = [...byOwner.values()].map(async (records) => {
    const first = [...records.values()][0]!.owner;
    const workspaceId = first.workspaceId;
    const checkedBy = checkedByFor(matchNoticeOf(policies, first.country), p, names.get(p.orgId) ?? p.orgId);
    const events: EventDraft[] = [...records.values()].map(({ owner, kinds }) => ({
      type: 'selector.matched',
      workspaceId,
      subject: { type: owner.record.type, id: owner.record.id },
      audience: [owner.orgId],
      marking: owner.marking,
      data: { selectorTypes: [...kinds].sort(), check: checkId, checkedAt: at, ...(checkedBy ? { checkedBy } : {}) },
    }));
    const owned = [...records.values()];
    await deps.store.commit({
      audit: queueEntry(workspaceId, monotonicId(deps.clock), at, MATCHING_ACTOR, {
        action: 'selector.matched',
        target: owned.length === 1 ? { type: first.record.type, id: first.record.id } : { type: 'records', id: `${owned.length} records` },
        details: {
          check: checkId,
          records: owned.map(({ owner, kinds }) => ({ type: owner.record.type, id: owner.record.id, selectorTypes: [...kinds].sort() })),
          ...(checkedBy ? { checkedBy } : {}),
        },
        markings: owned.map(({ owner }) => owner.marking),
      }),
      events: events.map((e) => ({ ...e, id: deps.ids.next(), at, chainId: workspaceId, actor: MATCHING_ACTOR })),
      writes: [],
    });
    deps.auditQueued?.(workspaceId);
  });
  await Promise.all(ownerSide);

  await deps.store.commit({
    audit: queueEntry(PLATFORM_CHAIN, monotonicId(deps.clock), at, actorOf(p), {
      action: 'matching.checked',
      target: { type: 'matching_check', id: checkId },
      details: { selectors: result.selectors, hits: result.hits, heldByYou: results.filter((r) => r.heldByYou).length },
      markings: [],
    }),
    events: [],
    writes: [],
    ...idempotencyOf(ctx.idempotency, 200, result, now),
  });
  deps.auditQueued?.(PLATFORM_CHAIN);
  return result;
}
