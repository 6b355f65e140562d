import { DomainError } from '../kernel/errors';
import { PLATFORM_ORG_ID, type PlatformRole, type Principal } from '../kernel/principal';

/** The platform operator's organisation (defined in the kernel, which the permission table also reads). */
export { PLATFORM_ORG_ID };

import type { Organisation } from './model';

/**
 * What a verified token says: who is calling, for which organisation, with which roles. It says
 * nothing that counts about what that organisation is: its kind and country come from the
 * organisation registry, so a token cannot make a bank an agency or move an agency abroad.
 */
export interface TokenIdentity {
  sub: string;
  orgId: string;
  roles: PlatformRole[];
  /** The sign-in used a second factor (the token's `amr` says so). */
  mfa?: boolean;
}

const PLATFORM_COUNTRY = 'ZZZ';

export interface RegistryOptions {
  /** How long a warm process trusts what it read of an organisation (a suspension takes at most this long). */
  ttlMs?: number;
  /** How many organisations a warm process keeps. */
  max?: number;
  now?: () => number;
}

const DEFAULT_REGISTRY_TTL_MS = 60_000;

/**
 * Turns a token's identity into the principal the rest of the platform trusts: the organisation
 * must be registered and active; its kind and country are the registry's. Registered
 * organisations are cached per process for a bounded time, least recently used first out;
 * unknown ones are read again each time, so a newly registered organisation works at once.
 */
export const organisationRegistry = (load: (orgId: string) => Promise<Organisation | null>, opts: RegistryOptions = {}) => {
  const ttl = opts.ttlMs ?? DEFAULT_REGISTRY_TTL_MS;
  const max = opts.max ?? 1_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { org: Organisation; until: number }>();

  const organisation = async (orgId: string): Promise<Organisation | null> => {
    const hit = cache.get(orgId);
    cache.delete(orgId);
    if (hit && hit.until > now()) {
      cache.set(orgId, hit);
      return hit.org;
    }
    const org = await load(orgId);
    if (org && ttl > 0) {
      cache.set(orgId, { org, until: now() + ttl });
      while (cache.size > max) cache.delete(cache.keys().next().value!);
    }
    return org;
  };

  return {
    async principalOf(id: TokenIdentity): Promise<Principal> {
      if (id.orgId === PLATFORM_ORG_ID) {
        return {
          sub: id.sub,
          orgId: id.orgId,
          orgKind: 'international',
          country: PLATFORM_COUNTRY,
          roles: id.roles.filter((r) => r === 'admin'),
          ...(id.mfa ? { mfa: true } : {}),
        };
      }
      const org = await organisation(id.orgId);
      if (!org) throw new DomainError('forbidden', 'your organisation is not registered on the platform');
      if (org.status === 'suspended') throw new DomainError('forbidden', 'your organisation is suspended from the platform');
      return {
        sub: id.sub,
        orgId: org.id,
        orgKind: org.kind,
        country: org.country,
        roles: id.roles,
        ...(id.mfa ? { mfa: true } : {}),
      };
    },
    forget(orgId: string) {
      cache.delete(orgId);
    },
  };
};
