import { type CommandContext, commandOf, PLATFORM_CHAIN } from '../kernel/context';
import { forbidden, notFound, staleVersion } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { KernelDeps, PageQuery } from '../kernel/store';
import { authorize } from './permissions';
import type { CountryPolicy, CountryPolicyInput } from './policy';
import type { PolicyStore } from './ports';

const requireAgency = (p: Principal) => authorize('policy.read', p, 'policy');

/** A page of countries' policies, by country code. */
export async function listPolicies(deps: KernelDeps<PolicyStore>, p: Principal, q: PageQuery): Promise<Page<CountryPolicy>> {
  requireAgency(p);
  return deps.store.listPolicies(q);
}

export async function getPolicy(deps: KernelDeps, p: Principal, country: string): Promise<CountryPolicy> {
  requireAgency(p);
  const policy = await deps.store.get({ kind: 'policy', country });
  if (!policy) throw notFound('policy');
  return policy;
}

/**
 * A country's policy administrator replaces the rules over records its country originates.
 * `expectVersion` is the version of that country's policy the caller read (absent: first one).
 * Each country's policy is its own record, with its own version: countries never contend, and
 * the next read that needs it reads it.
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
    refs: [{ kind: 'policy', country }],
    authorize: () => authorize('policy.set', p),
    decide(view, now) {
      const current = view.get({ kind: 'policy', country });
      if ((current?.version ?? undefined) !== expectVersion) throw staleVersion();
      const policy: CountryPolicy = {
        country,
        rules: input.rules,
        version: (current?.version ?? 0) + 1,
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
      };
      return {
        writes: [{ op: 'put', record: { kind: 'policy', value: policy }, expect: current ? current.version : 'absent' }],
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
