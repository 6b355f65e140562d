import { describe, expect, it } from 'vitest';
import {
  DomainError,
  getOrganisation,
  listOrganisations,
  organisationRegistry,
  registerOrganisation,
  setOrganisationStatus,
} from '../../src/index';
import { principal, world } from '../world';

const admin = principal('platform', 'ZZZ', ['admin'], 'international');
const forbidden = (e: unknown) => e instanceof DomainError && e.code === 'forbidden';

describe('organisations and the registry on the in-memory store', () => {
  it("takes kind and country from the registry, never from the token; an organisation's admin is its own, the platform's holds nothing else", async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['acme-bank', 'SGP', 'bank'],
    ]);
    const registry = organisationRegistry((id) => deps.store.get({ kind: 'organisation', id }));

    expect(await registry.principalOf({ sub: 'u1', orgId: 'acme-bank', roles: ['admin', 'responder'] })).toEqual({
      sub: 'u1',
      orgId: 'acme-bank',
      orgKind: 'provider',
      country: 'SGP',
      roles: ['admin', 'responder'],
    });
    expect((await registry.principalOf({ sub: 'root', orgId: 'platform', roles: ['admin', 'officer'] })).roles).toEqual(['admin']);
    await expect(registry.principalOf({ sub: 'u2', orgId: 'nobody', roles: ['officer'] })).rejects.toSatisfy(forbidden);
  });

  it('refuses a suspended organisation once the cache has let it go, and lets it back in when reinstated', async () => {
    const deps = await world([['vnm-a05', 'VNM']]);
    let clock = 0;
    const registry = organisationRegistry((id) => deps.store.get({ kind: 'organisation', id }), { ttlMs: 1_000, now: () => clock });
    const token = { sub: 'u1', orgId: 'vnm-a05', roles: ['officer' as const] };
    await registry.principalOf(token);

    const suspended = await setOrganisationStatus(deps, { principal: admin }, 'vnm-a05', 'suspended');
    expect(suspended.committed && suspended.result.status).toBe('suspended');
    // Still trusted until the cached entry expires: the documented bound on how long a suspension takes.
    await registry.principalOf(token);
    clock += 1_001;
    await expect(registry.principalOf(token)).rejects.toSatisfy(forbidden);

    // Suspending again changes nothing and answers the organisation as it is.
    const again = await setOrganisationStatus(deps, { principal: admin }, 'vnm-a05', 'suspended');
    expect([again.committed, again.result.status]).toEqual([false, 'suspended']);

    await setOrganisationStatus(deps, { principal: admin }, 'vnm-a05', 'active');
    registry.forget('vnm-a05');
    expect((await registry.principalOf(token)).country).toBe('VNM');
  });

  it('lets only platform administrators register, suspend and list organisations', async () => {
    const deps = await world([['vnm-a05', 'VNM']]);
    // (An `admin` role from any other organisation never reaches here: the registry drops it, above.)
    const officer = principal('vnm-a05', 'VNM', ['officer', 'policy_admin', 'auditor']);
    await expect(
      registerOrganisation(deps, { principal: officer }, { id: 'x-agency', name: 'X', kind: 'agency', country: 'FRA' }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(setOrganisationStatus(deps, { principal: officer }, 'vnm-a05', 'suspended')).rejects.toBeInstanceOf(DomainError);
    expect((await getOrganisation(deps, officer, 'vnm-a05')).country).toBe('VNM');
    expect((await listOrganisations(deps, admin, { limit: 10 })).items.map((o) => o.id)).toEqual(['vnm-a05']);
  });
});
