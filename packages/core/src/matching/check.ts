import { type Actor, queueEntry } from '../kernel/audit';
import { actorOf, type CommandContext, PLATFORM_CHAIN } from '../kernel/context';
import { DomainError } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import { monotonicId } from '../kernel/ids';
import type { RecordRef } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { EMPTY_POLICY_SET, evaluate, matchNoticeOf, type PolicySet } from '../policies/policy';
import { hasherOf, type MatchingDeps } from './hasher';
import type { CheckResult, MatchContact, MatchOwner, SelectorCheckResult } from './model';
import { canonicalSelector } from './normalise';
import type { Selector } from './selectors';

export type CheckDeps = KernelDeps & MatchingDeps;

/** Who a match notice names when the owner's policy says nobody: the platform, not the checker. */
const MATCHING_ACTOR: Actor = { sub: 'system:matching', orgId: 'system', country: 'ZZZ' };

const ownerKey = (o: MatchOwner) => `${o.workspaceId}/${o.record.type}/${o.record.id}`;

/**
 * A hit/no-hit check of up to 500 selectors against the index of every workspace.
 *
 * Reads: the index items of every selector under every live key (one BatchGetItem per 100, no
 * query, no scan); when something is held by another agency, one read of the owners'
 * organisations and one of their countries' policies. The evaluator (action `match`) drops any
 * holder whose country's policy keeps its selectors from this checker: that selector is "no hit".
 *
 * Answers, per selector: hit or not, and for a hit the agencies to contact (id, name, country)
 * and the marking each holds it under (TLP, caveats); never a workspace, a record, or anything
 * of the other holders. Your own organisation's holdings are never a hit: `heldByYou` says so.
 *
 * Writes: one entry on the platform chain for the check (who, how many selectors, how many
 * hits; never a value), and, per owning workspace, an entry on that workspace's chain and a
 * `selector.matched` event per owning record, addressed to the owning agency only and marked
 * like its record, naming the checker as its country's policy allows.
 */
export async function checkSelectors(deps: CheckDeps, ctx: CommandContext, selectors: readonly Selector[]): Promise<CheckResult> {
  const p = ctx.principal;
  authorize('matching.check', p);
  const hasher = hasherOf(deps);

  const refsOf = selectors.map((s) => {
    const canonical = canonicalSelector(s);
    return hasher.keyIds.map(
      (keyId): Extract<RecordRef, { kind: 'match' }> => ({ kind: 'match', keyId, hmac: hasher.hash(keyId, canonical) }),
    );
  });
  const loaded = await deps.store.load({
    refs: refsOf.flat(),
    ...(ctx.idempotency ? { idempotencyScope: ctx.idempotency.scope } : {}),
  });
  if (ctx.idempotency && loaded.idempotency) {
    if (loaded.idempotency.fingerprint !== ctx.idempotency.fingerprint)
      throw new DomainError('idempotency_mismatch', 'this Idempotency-Key was already used for a different request', 'Idempotency-Key');
    return loaded.idempotency.body as CheckResult;
  }
  const index = new LoadedView(loaded);
  const holders = refsOf.map((refs) => {
    const byRecord = new Map<string, MatchOwner>();
    for (const ref of refs) for (const o of index.get(ref)?.owners ?? []) byRecord.set(ownerKey(o), o);
    return [...byRecord.values()];
  });

  // Only holders other than the checker need names and policies.
  const others = holders.flat().filter((o) => o.orgId !== p.orgId);
  let policies: PolicySet = EMPTY_POLICY_SET;
  const names = new Map<string, string>();
  if (others.length > 0) {
    const orgIds = [...new Set([...others.map((o) => o.orgId), p.orgId])];
    const countries = [...new Set(others.map((o) => o.country))];
    const view = new LoadedView(
      await deps.store.load({
        refs: [...orgIds.map((id) => ({ kind: 'organisation' as const, id })), { kind: 'policies', countries }],
      }),
    );
    policies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
    for (const id of orgIds) names.set(id, view.get({ kind: 'organisation', id })?.name ?? id);
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
  const checkerActor = actorOf(p);
  const ownerSide = [...byOwner.values()].map(async (records) => {
    const first = [...records.values()][0]!.owner;
    const workspaceId = first.workspaceId;
    const tell = matchNoticeOf(policies, first.country);
    const checkedBy =
      tell === 'agency'
        ? { orgId: p.orgId, name: names.get(p.orgId) ?? p.orgId, country: p.country }
        : tell === 'country'
          ? { country: p.country }
          : undefined;
    // The actor rides along on every notification: the checker only when the owner may learn who it was.
    const actor: Actor = tell === 'agency' ? checkerActor : tell === 'country' ? { ...MATCHING_ACTOR, country: p.country } : MATCHING_ACTOR;
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
      audit: queueEntry(workspaceId, monotonicId(deps.clock), at, actor, {
        action: 'selector.matched',
        target: owned.length === 1 ? { type: first.record.type, id: first.record.id } : { type: 'records', id: `${owned.length} records` },
        details: {
          check: checkId,
          records: owned.map(({ owner, kinds }) => ({ type: owner.record.type, id: owner.record.id, selectorTypes: [...kinds].sort() })),
          ...(checkedBy ? { checkedBy } : {}),
        },
        markings: owned.map(({ owner }) => owner.marking),
      }),
      events: events.map((e) => ({ ...e, id: deps.ids.next(), at, chainId: workspaceId, actor })),
      writes: [],
    });
    deps.auditQueued?.(workspaceId);
  });
  await Promise.all(ownerSide);

  await deps.store.commit({
    audit: queueEntry(PLATFORM_CHAIN, monotonicId(deps.clock), at, checkerActor, {
      action: 'matching.checked',
      target: { type: 'matching_check', id: checkId },
      details: { selectors: result.selectors, hits: result.hits, heldByYou: results.filter((r) => r.heldByYou).length },
      markings: [],
    }),
    events: [],
    writes: [],
    ...(ctx.idempotency
      ? {
          idempotency: {
            ...ctx.idempotency,
            status: 200,
            body: result,
            createdAt: at,
            expiresAt: new Date(now.getTime() + 24 * 60 * 60 * 1000).toISOString(),
          },
        }
      : {}),
  });
  deps.auditQueued?.(PLATFORM_CHAIN);
  return result;
}
