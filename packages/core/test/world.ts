import { type OrgKind, type Principal, registerOrganisation, type Sector } from '../src/index';
import { type MemoryDeps, memoryDeps } from '../testing';

export const principal = (
  orgId: string,
  country: string,
  roles: Principal['roles'] = ['officer'],
  orgKind: OrgKind = 'agency',
): Principal => ({
  sub: `${orgId}-user`,
  orgId,
  orgKind,
  country,
  roles,
});

const admin = principal('platform', 'ZZZ', ['admin'], 'international');

/** In-memory deps with the given organisations registered (agencies unless a sector is given). */
export const world = async (orgs: [id: string, country: string, sector?: Sector][], now?: string): Promise<MemoryDeps> => {
  const deps = memoryDeps(now ? { now } : {});
  for (const [id, country, sector] of orgs) {
    await registerOrganisation(
      deps,
      { principal: admin },
      sector ? { id, name: id.toUpperCase(), kind: 'provider', country, sector } : { id, name: id.toUpperCase(), kind: 'agency', country },
    );
  }
  return deps;
};

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
