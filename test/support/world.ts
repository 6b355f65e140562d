import { ManualClock, timeOrderedIds } from '@taskforce/core';
import { principal } from '@taskforce/core/testing';

export { principal };

export const admin = principal('platform', 'ZZZ', ['admin'], 'international');

export const testDeps = (store: import('@taskforce/core').Store, start = '2026-03-01T08:00:00.000Z') => {
  const clock = new ManualClock(start);
  return { store, clock, ids: timeOrderedIds(clock) };
};
