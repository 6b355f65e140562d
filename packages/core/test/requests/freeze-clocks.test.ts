import { describe, expect, it } from 'vitest';
import type { DataRequest } from '../../src';
import { CLOCK_RULES, clockRuleFor, extendClock, requestTimers, startClock, startClockOn } from '../../src';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = new Date('2026-03-01T08:00:00.000Z');
const freeze = (code: DataRequest['legalBasis']['code'], urgency: DataRequest['urgency'] = 'standard') => ({
  type: 'asset_freeze' as const,
  urgency,
  legalBasis: { code, text: 'x' },
});
const span = (c: { startedAt: string; dueAt: string }) => new Date(c.dueAt).getTime() - new Date(c.startedAt).getTime();

describe('asset-freeze rules in the table of legal clocks', () => {
  it('gives an asset freeze 24 hours to answer, on any basis', () => {
    for (const code of ['PROVISIONAL-MEASURE', 'UNCC', 'MLAT', 'NATIONAL', 'EU-EEVIDENCE'] as const) {
      const clock = startClock(freeze(code), at);
      expect(clock.rule).toBe('asset-freeze');
      expect(span(clock)).toBe(DAY);
      expect(clock.reminders).toEqual(['PT6H', 'PT1H']);
    }
    // An emergency is still answered within 8 hours.
    expect(startClock(freeze('NATIONAL', 'emergency'), at).rule).toBe('emergency');
  });

  it('never starts a request on a clock that starts when it is frozen', () => {
    for (const rule of CLOCK_RULES.filter((r) => r.startsWhen)) expect(clockRuleFor(freeze('PROVISIONAL-MEASURE')).id).not.toBe(rule.id);
    expect(() => startClockOn('frozen', { ...freeze('UNCC'), type: 'production' }, at)).toThrow(/no frozen clock/);
  });

  it('holds a provisional measure 30 days, renewable twice by 30, reminding the agency 3 days, 1 day and 12 hours before', () => {
    const clock = startClockOn('frozen', freeze('PROVISIONAL-MEASURE'), at);
    expect(clock.rule).toBe('provisional-freeze');
    expect(span(clock)).toBe(30 * DAY);
    const r = { workspaceId: 'ws-1', id: 'req-1', clock } as DataRequest;
    expect(requestTimers(r, at).map((t) => [t.kind, t.dueAt])).toEqual([
      ['request.reminder', '2026-03-28T08:00:00.000Z'],
      ['request.reminder', '2026-03-30T08:00:00.000Z'],
      ['request.reminder', '2026-03-30T20:00:00.000Z'],
      ['request.expiry', '2026-03-31T08:00:00.000Z'],
    ]);
    expect(clockRuleFor(freeze('PROVISIONAL-MEASURE')).remind).toBe('provider');
    expect(CLOCK_RULES.find((c) => c.id === 'provisional-freeze')?.remind).toBe('requester');
    const twice = extendClock(extendClock(clock));
    expect(span(twice)).toBe(90 * DAY);
    expect(() => extendClock(twice)).toThrow(/2 times/);
  });

  it('holds a freeze on another basis 90 days, renewable 3 times', () => {
    const clock = startClockOn('frozen', freeze('MLAT'), at);
    expect(clock.rule).toBe('freeze');
    expect(span(clock)).toBe(90 * DAY);
    const thrice = extendClock(extendClock(extendClock(clock)));
    expect(span(thrice)).toBe(360 * DAY);
    expect(() => extendClock(thrice)).toThrow(/3 times/);
  });

  it('summarises every rule for the portal', () => {
    for (const rule of CLOCK_RULES) expect(rule.summary.length).toBeGreaterThan(10);
  });
});
