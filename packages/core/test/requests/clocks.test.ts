import { describe, expect, it } from 'vitest';
import type { DataRequest } from '../../src';
import {
  CLOCK_RULES,
  clockRuleFor,
  extendClock,
  pauseClock,
  productionBlockedUntil,
  requestTimers,
  resumeClock,
  startClock,
} from '../../src';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sent = new Date('2026-03-01T08:00:00.000Z');
const req = (type: DataRequest['type'], code: DataRequest['legalBasis']['code'], urgency: DataRequest['urgency'] = 'standard') => ({
  type,
  urgency,
  legalBasis: { code, text: 'x' },
});
const span = (c: { startedAt: string; dueAt: string }) => new Date(c.dueAt).getTime() - new Date(c.startedAt).getTime();

describe('the table of legal clocks', () => {
  it.each([
    ['production', 'BUDAPEST', 'standard', 'production', 10 * DAY],
    ['subscriber_info', 'MLAT', 'standard', 'production', 10 * DAY],
    ['content', 'EU-EEVIDENCE', 'standard', 'eu-production-notified', 10 * DAY],
    ['emergency_disclosure', 'EU-EEVIDENCE', 'emergency', 'emergency', 8 * HOUR],
    ['traffic_data', 'BUDAPEST', 'emergency', 'emergency', 8 * HOUR],
    ['preservation', 'EU-EEVIDENCE', 'standard', 'eu-preservation', 60 * DAY],
    ['preservation', 'US-2703F', 'standard', 'us-2703f-preservation', 90 * DAY],
    ['preservation', 'BUDAPEST', 'standard', 'preservation', 60 * DAY],
  ] as const)('a %s request under %s (%s) runs on %s', (type, code, urgency, rule, ms) => {
    const clock = startClock(req(type, code, urgency), sent);
    expect(clock.rule).toBe(rule);
    expect(span(clock)).toBe(ms);
  });

  it('has a rule for every type, urgency and basis', () => {
    for (const type of ['preservation', 'production', 'emergency_disclosure', 'subscriber_info', 'traffic_data', 'content'] as const)
      for (const code of ['EU-EEVIDENCE', 'US-2703F', 'BUDAPEST', 'UNCC', 'MLAT', 'NATIONAL'] as const)
        for (const urgency of ['standard', 'emergency'] as const) expect(() => clockRuleFor(req(type, code, urgency))).not.toThrow();
    expect(new Set(CLOCK_RULES.map((r) => r.id)).size).toBe(CLOCK_RULES.length);
  });

  it('extends EU preservation once by 30 days and US 2703(f) once by 90', () => {
    const eu = extendClock(startClock(req('preservation', 'EU-EEVIDENCE'), sent));
    expect(span(eu)).toBe(90 * DAY);
    expect(() => extendClock(eu)).toThrow(/once/);
    const us = extendClock(startClock(req('preservation', 'US-2703F'), sent));
    expect(span(us)).toBe(180 * DAY);
    expect(() => extendClock(startClock(req('production', 'BUDAPEST'), sent))).toThrow(/cannot be extended/);
  });

  it('opens a 96-hour objection window for EU content and traffic data, blocking only non-emergency production', () => {
    const clock = startClock(req('content', 'EU-EEVIDENCE'), sent);
    expect(new Date(clock.objectionWindowEndsAt!).getTime() - sent.getTime()).toBe(96 * HOUR);
    expect(productionBlockedUntil({ clock, urgency: 'standard' }, new Date(sent.getTime() + 95 * HOUR))).toBe(clock.objectionWindowEndsAt);
    expect(productionBlockedUntil({ clock, urgency: 'standard' }, new Date(sent.getTime() + 96 * HOUR))).toBeUndefined();
    expect(startClock(req('subscriber_info', 'EU-EEVIDENCE'), sent).objectionWindowEndsAt).toBeUndefined();
  });

  it('stops while a clarification is outstanding and adds the wait back', () => {
    const clock = startClock(req('production', 'BUDAPEST'), sent);
    const paused = pauseClock(clock, new Date(sent.getTime() + DAY));
    const resumed = resumeClock(paused, new Date(sent.getTime() + 4 * DAY));
    expect(resumed.pausedAt).toBeUndefined();
    expect(span(resumed)).toBe(13 * DAY);
  });

  it('plans reminders before the deadline and none while paused', () => {
    const clock = startClock(req('emergency_disclosure', 'EU-EEVIDENCE', 'emergency'), sent);
    const r = { workspaceId: 'ws-1', id: 'req-1', clock } as DataRequest;
    expect(requestTimers(r, sent).map((t) => [t.kind, t.dueAt])).toEqual([
      ['request.reminder', '2026-03-01T14:00:00.000Z'],
      ['request.reminder', '2026-03-01T15:30:00.000Z'],
      ['request.expiry', '2026-03-01T16:00:00.000Z'],
    ]);
    expect(requestTimers({ ...r, clock: pauseClock(clock, sent) }, sent)).toEqual([]);
  });
});
