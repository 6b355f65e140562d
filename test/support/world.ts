import { ManualClock, type Principal, timeOrderedIds } from '@taskforce/core';

export const principal = (
  orgId: string,
  country: string,
  roles: Principal['roles'] = ['officer'],
  orgKind: Principal['orgKind'] = 'agency',
): Principal => ({
  sub: `${orgId}-user`,
  orgId,
  orgKind,
  country,
  roles,
});

export const admin = principal('platform', 'ZZZ', ['admin'], 'international');

export const testDeps = (store: import('@taskforce/core').Store, start = '2026-03-01T08:00:00.000Z') => {
  const clock = new ManualClock(start);
  return { store, clock, ids: timeOrderedIds(clock) };
};
