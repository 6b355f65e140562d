import { describe, expect, it } from 'vitest';
import { base32Digits, ManualClock, timeOrderedIds } from '../../src/index';
import { memoryDeps } from '../../testing';

describe('ids', () => {
  it('writes numbers as fixed-width Crockford base32 that sorts as the numbers do', () => {
    expect(base32Digits(0, 3)).toBe('000');
    expect(base32Digits(31, 2)).toBe('0z');
    expect(base32Digits(32, 2)).toBe('10');
    const ns = [5, 31, 32, 1023, 1024, 99_999];
    expect(ns.map((n) => base32Digits(n, 6)).sort()).toEqual(ns.map((n) => base32Digits(n, 6)));
  });

  it('gives platform and test ids the same 10-character time prefix, so both sort by creation time', () => {
    const clock = new ManualClock('2026-03-01T08:00:00.000Z');
    const platform = timeOrderedIds(clock).next();
    const deps = memoryDeps({ now: '2026-03-01T08:00:00.000Z' });
    const first = deps.ids.next();
    const second = deps.ids.next();
    expect(platform).toHaveLength(26);
    expect(first).toHaveLength(26);
    expect(first.slice(0, 10)).toBe(platform.slice(0, 10));
    expect(first < second).toBe(true);
    deps.clock.advance(1);
    expect(second < deps.ids.next()).toBe(true);
  });
});
