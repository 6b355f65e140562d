import { type CommandContext, commandOf, PLATFORM_CHAIN } from '../kernel/context';
import { DomainError, forbidden, notFound, staleVersion } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { runCommand } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { authorize } from './permissions';
import { type CountryPolicy, type CountryPolicyInput, EMPTY_POLICY_SET, MAX_POLICY_SET_BYTES, type PolicySet } from './policy';

const requireAgency = (p: Principal) => authorize('policy.read', p, 'policy');

export async function listPolicies(deps: KernelDeps, p: Principal): Promise<CountryPolicy[]> {
  requireAgency(p);
  const set = (await deps.store.get({ kind: 'policies' })) ?? EMPTY_POLICY_SET;
  return Object.values(set.countries).sort((a, b) => a.country.localeCompare(b.country));
}

export async function getPolicy(deps: KernelDeps, p: Principal, country: string): Promise<CountryPolicy> {
  requireAgency(p);
  const policy = ((await deps.store.get({ kind: 'policies' })) ?? EMPTY_POLICY_SET).countries[country];
  if (!policy) throw notFound('policy');
  return policy;
}

/**
 * A country's policy administrator replaces the rules over records its country originates.
 * `expectVersion` is the version of that country's policy the caller read (absent: first one).
 * All countries' policies live in one item, so every read evaluates them without an extra request.
 */
export async function setCountryPolicy(
  deps: KernelDeps,
  ctx: CommandContext,
  country: string,
  input: CountryPolicyInput,
  expectVersion: number | undefined,
) {
  const p = ctx.principal;
  authorize('policy.set', p);
  if (p.country !== country) throw forbidden(`a policy administrator of ${p.country} cannot set the policy of ${country}`);
  return runCommand(deps, {
    ...commandOf(ctx, PLATFORM_CHAIN),
    refs: [{ kind: 'policies' }],
    retryOnStale: true,
    authorize: () => authorize('policy.set', p),
    decide(view, now) {
      const set = view.get({ kind: 'policies' });
      const current = set?.countries[country];
      if ((current?.version ?? undefined) !== expectVersion) throw staleVersion();
      const policy: CountryPolicy = {
        country,
        rules: input.rules,
        version: (current?.version ?? 0) + 1,
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
      };
      const next: PolicySet = { version: (set?.version ?? 0) + 1, countries: { ...(set?.countries ?? {}), [country]: policy } };
      if (new TextEncoder().encode(JSON.stringify(next)).length > MAX_POLICY_SET_BYTES) {
        throw new DomainError(
          'too_large',
          `all countries' policies together must stay within ${MAX_POLICY_SET_BYTES} bytes; name fewer`,
          'rules',
        );
      }
      return {
        writes: [{ op: 'put', record: { kind: 'policies', value: next }, expect: set ? set.version : 'absent' }],
        audit: {
          action: 'policy.set',
          target: { type: 'policy', id: country },
          details: { rules: input.rules.map((r) => r.type) },
          markings: [],
        },
        events: [
          {
            type: 'policy.updated',
            subject: { type: 'policy', id: country },
            audience: [p.orgId],
            data: { country, version: policy.version },
          },
        ],
        result: policy,
        status: current ? 200 : 201,
      };
    },
  });
}
