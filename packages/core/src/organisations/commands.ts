import { actorOf, type CommandContext, PLATFORM_CHAIN } from '../kernel/context';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { runCommand, unchanged } from '../kernel/runner';
import type { KernelDeps, PageQuery } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { type Cosigners, DEFAULT_COSIGNERS, type Organisation, type RegisterOrganisationInput } from './model';
import type { OrganisationStore } from './ports';

export type OrganisationDeps = KernelDeps<OrganisationStore>;

export async function registerOrganisation(deps: OrganisationDeps, ctx: CommandContext, input: RegisterOrganisationInput) {
  authorize('organisation.register', ctx.principal);
  return runCommand(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(ctx.principal),
    refs: [{ kind: 'organisation', id: input.id }],
    ...(ctx.idempotency ? { idempotency: ctx.idempotency } : {}),
    authorize: () => authorize('organisation.register', ctx.principal),
    decide(view, now) {
      if (view.get({ kind: 'organisation', id: input.id })) throw conflict(`organisation ${input.id} already exists`);
      const org: Organisation = { ...input, createdAt: now.toISOString(), version: 1 };
      return {
        writes: [{ op: 'put', record: { kind: 'organisation', value: org }, expect: 'absent' }],
        audit: { action: 'organisation.registered', target: { type: 'organisation', id: org.id }, markings: [] },
        events: [
          {
            type: 'organisation.registered',
            subject: { type: 'organisation', id: org.id },
            audience: [org.id],
            data: { name: org.name, kind: org.kind, country: org.country },
          },
        ],
        result: org,
        status: 201,
      };
    },
  });
}

/**
 * The directory is the agencies': a private partner finds itself in it and nobody else (no
 * agency, no other partner); the requesting agency of a request it holds is named on the request.
 */
const seesOrganisation = (p: Principal, id: string) => p.orgKind !== 'provider' || p.orgId === id;

export async function getOrganisation(deps: OrganisationDeps, p: Principal, id: string): Promise<Organisation> {
  authorize('organisation.read', p, 'organisation');
  const org = seesOrganisation(p, id) ? await deps.store.get({ kind: 'organisation', id }) : null;
  if (!org) throw notFound('organisation');
  return org;
}

export const listOrganisations = async (deps: OrganisationDeps, p: Principal, q: PageQuery): Promise<Page<Organisation>> => {
  authorize('organisation.list', p);
  if (p.orgKind === 'provider') {
    const own = await deps.store.get({ kind: 'organisation', id: p.orgId });
    return { items: own ? [own] : [] };
  }
  return deps.store.listOrganisations(q);
};

/**
 * A platform administrator suspends an organisation (its tokens are refused from then on, within
 * the registry cache's lifetime) or reinstates it.
 */
export async function setOrganisationStatus(deps: OrganisationDeps, ctx: CommandContext, id: string, status: 'active' | 'suspended') {
  authorize('organisation.suspend', ctx.principal);
  return runCommand(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(ctx.principal),
    refs: [{ kind: 'organisation', id }],
    ...(ctx.idempotency ? { idempotency: ctx.idempotency } : {}),
    authorize: () => authorize('organisation.suspend', ctx.principal),
    decide(view) {
      const org = view.get({ kind: 'organisation', id });
      if (!org) throw notFound('organisation');
      if ((org.status ?? 'active') === status) return unchanged(org);
      const next: Organisation = { ...org, status, version: org.version + 1 };
      return {
        writes: [{ op: 'put', record: { kind: 'organisation', value: next }, expect: org.version }],
        audit: {
          action: `organisation.${status === 'suspended' ? 'suspended' : 'reinstated'}`,
          target: { type: 'organisation', id },
          markings: [],
        },
        result: next,
      };
    },
  });
}

/**
 * An agency's administrator (its `policy_admin`) sets who co-signs its emergency requests: any
 * other officer of the agency (the default) or only a `supervisor`. Requests already waiting are
 * decided under the rule in force when the second officer acts.
 */
export async function setCosigners(deps: OrganisationDeps, ctx: CommandContext, id: string, cosigners: Cosigners, expectVersion?: number) {
  const p = ctx.principal;
  authorize('policy.set', p);
  return runCommand(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(p),
    refs: [{ kind: 'organisation', id }],
    ...(ctx.idempotency ? { idempotency: ctx.idempotency } : {}),
    authorize: () => authorize('policy.set', p),
    decide(view) {
      const org = view.get({ kind: 'organisation', id });
      if (!org) throw notFound('organisation');
      if (p.orgId !== org.id) throw forbidden(`only ${org.name}'s own administrators may set who co-signs its requests`);
      if (org.kind !== 'agency') throw invalid('cosigners', 'only an agency sends requests that need a co-signature');
      if (expectVersion !== undefined && org.version !== expectVersion) throw staleVersion();
      if ((org.cosigners ?? DEFAULT_COSIGNERS) === cosigners) return unchanged(org);
      const next: Organisation = { ...org, cosigners, version: org.version + 1 };
      return {
        writes: [{ op: 'put', record: { kind: 'organisation', value: next }, expect: org.version }],
        audit: {
          action: 'organisation.cosigners_set',
          target: { type: 'organisation', id },
          details: { from: org.cosigners ?? DEFAULT_COSIGNERS, to: cosigners },
          markings: [],
        },
        events: [
          {
            type: 'organisation.cosigners_set',
            subject: { type: 'organisation', id },
            audience: [id],
            data: { cosigners },
          },
        ],
        result: next,
      };
    },
  });
}
