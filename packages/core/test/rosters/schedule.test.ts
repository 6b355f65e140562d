import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf, next, offsetAt, onCall, type Roster, RosterInput, shifts, timeline } from '../../src/index';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

const roster = (input: unknown, overrides: Roster['overrides'] = []): Roster => ({
  ...RosterInput.parse(input),
  orgId: 'tha-ccib',
  id: 'r-one',
  overrides,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: { sub: 'someone', orgId: 'tha-ccib' },
  version: 1,
});

const by = { sub: 'someone', orgId: 'tha-ccib' };

describe('zone arithmetic', () => {
  it('finds the instant of a local time, in and around daylight-saving changes', () => {
    const berlin = (date: string, time: string) =>
      new Date(
        instantOf(
          'Europe/Berlin',
          { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) },
          +time.slice(0, 2) * 60 + +time.slice(3, 5),
        ),
      ).toISOString();
    expect(berlin('2026-01-15', '09:00')).toBe('2026-01-15T08:00:00.000Z');
    expect(berlin('2026-07-15', '09:00')).toBe('2026-07-15T07:00:00.000Z');
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist and lands at 03:30 CEST.
    expect(berlin('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice, the first is taken.
    expect(berlin('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('a daily rotation in Europe/Berlin across the spring-forward', () => {
  const r = roster({
    name: 'BKA 24/7',
    timeZone: 'Europe/Berlin',
    layers: [{ name: 'Days', rotation: { kind: 'daily' }, start: '2026-03-27', handover: '09:00', members: ['anna', 'ben', 'carla'] }],
  });

  it('hands over at 09:00 local on each side of the change, so the shift across it lasts 23 hours', () => {
    const s = timeline(r, at('2026-03-27T08:00:00Z'), at('2026-03-31T07:00:00Z'));
    expect(s.map((x) => [x.sub, x.from, x.to])).toEqual([
      ['anna', '2026-03-27T08:00:00.000Z', '2026-03-28T08:00:00.000Z'],
      ['ben', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z'],
      ['carla', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z'],
      ['anna', '2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z'],
    ]);
    expect(Date.parse(s[1]!.to) - Date.parse(s[1]!.from)).toBe(23 * HOUR);
  });

  it('and across the fall-back, the shift lasts 25 hours', () => {
    const s = shifts(r, 'anna', at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'));
    // Shift k starts on 27 March + k days; 24 October is k = 211 (211 mod 3 = 1, ben), 25 October carla, 26 October anna.
    expect(timeline(r, at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z')).map((x) => [x.sub, x.from, x.to])).toEqual([
      ['ben', '2026-10-24T12:00:00.000Z', '2026-10-25T08:00:00.000Z'],
      ['carla', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z'],
      ['anna', '2026-10-26T08:00:00.000Z', '2026-10-26T12:00:00.000Z'],
    ]);
    expect(s.map((x) => x.from)).toEqual(['2026-10-24T00:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    const c = timeline(r, at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z')).find((x) => x.sub === 'ben');
    expect(Date.parse(c!.to) - Date.parse('2026-10-24T07:00:00Z')).toBe(25 * HOUR);
  });

  it('says nobody before the first shift', () => {
    expect(onCall(r, at('2026-03-27T07:59:00Z'))).toBeNull();
    expect(next(r, at('2026-03-27T07:59:00Z'))?.sub).toBe('anna');
  });
});

describe('a weekly rotation in Asia/Bangkok handing over at midnight, with a night layer and an override', () => {
  const r = roster(
    {
      name: 'CCIB 24/7',
      timeZone: 'Asia/Bangkok',
      layers: [
        { name: 'Weeks', rotation: { kind: 'weekly' }, start: '2026-12-07', handover: '00:00', members: ['somchai', 'anong'] },
        {
          name: 'Nights',
          rotation: { kind: 'daily' },
          start: '2026-12-07',
          handover: '22:00',
          members: ['niran'],
          restrictions: [{ from: '22:00', to: '06:00' }],
        },
      ],
    },
    [
      {
        id: 'ov-1',
        sub: 'anong',
        from: '2026-12-08T03:00:00.000Z',
        to: '2026-12-08T05:00:00.000Z',
        createdAt: '2026-12-01T00:00:00.000Z',
        createdBy: by,
      },
    ],
  );

  it('hands over at local midnight (17:00 UTC the day before)', () => {
    // Monday 7 December 00:00 +07 is 6 December 17:00 UTC.
    // The night layer starts on 7 December at 22:00 local (15:00 UTC): until then, the week's person.
    expect(onCall(r, at('2026-12-06T17:00:00Z'))).toEqual({ sub: 'somchai', until: '2026-12-07T15:00:00.000Z', source: { layer: 0 } });
    expect(onCall(r, at('2026-12-06T16:59:00Z'))).toBeNull();
    expect(onCall(r, at('2026-12-13T16:59:00Z'))?.sub).toBe('niran');
    expect(onCall(r, at('2026-12-14T10:00:00Z'))?.sub).toBe('anong');
  });

  it('the night layer wins from 22:00 to 06:00 local, across midnight', () => {
    // 23:30 on 7 December in Bangkok is 16:30 UTC.
    expect(onCall(r, at('2026-12-07T16:30:00Z'))).toEqual({ sub: 'niran', until: '2026-12-07T23:00:00.000Z', source: { layer: 1 } });
    expect(onCall(r, at('2026-12-07T23:00:00Z'))?.sub).toBe('somchai');
  });

  it('an override wins over every layer, and next names who follows', () => {
    expect(onCall(r, at('2026-12-08T04:00:00Z'))).toEqual({
      sub: 'anong',
      until: '2026-12-08T05:00:00.000Z',
      source: { override: 'ov-1' },
    });
    expect(next(r, at('2026-12-08T04:00:00Z'))).toMatchObject({
      sub: 'somchai',
      from: '2026-12-08T05:00:00.000Z',
      to: '2026-12-08T15:00:00.000Z',
    });
  });

  it("lists one person's shifts", () => {
    const s = shifts(r, 'anong', at('2026-12-07T00:00:00Z'), at('2026-12-21T00:00:00Z'));
    expect(s[0]).toMatchObject({ from: '2026-12-08T03:00:00.000Z', to: '2026-12-08T05:00:00.000Z' });
    expect(s.slice(1).every((x) => 'layer' in x.source)).toBe(true);
  });
});

describe('a timeline cut by the end of the window asked for', () => {
  // Found by the property below (seed -1898461709): hourly shifts handing over at hh:09 in Bangkok,
  // read from 09:09:00.001 UTC for ten days. The last shift starts at 09:09:00.000 and is cut by the
  // window 1 ms later; the property looked a minute before its end, inside the previous shift.
  const r = roster({
    name: 'r',
    timeZone: 'Asia/Bangkok',
    layers: [{ name: 'l', rotation: { kind: 'custom', hours: 1 }, start: '2026-01-01', handover: '00:09', members: ['ann', 'dan'] }],
  });

  it('keeps a last shift shorter than a minute, and onCall agrees with it', () => {
    const from = at('2026-10-08T09:09:00.001Z');
    const s = timeline(r, from, new Date(from.getTime() + 10 * 86_400_000));
    const last = s.at(-1)!;
    expect(last).toMatchObject({ from: '2026-10-18T09:09:00.000Z', to: '2026-10-18T09:09:00.001Z' });
    expect(onCall(r, new Date(last.from))?.sub).toBe(last.sub);
    expect(s[0]).toMatchObject({ from: '2026-10-08T09:09:00.001Z', to: '2026-10-08T10:09:00.000Z' });
    expect(onCall(r, new Date(Date.parse(last.to) - 60_000))?.sub).not.toBe(last.sub);
  });
});

describe('properties', () => {
  const zones = ['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
  const arbRoster = fc
    .record({
      zone: fc.constantFrom(...zones),
      kind: fc.constantFrom('daily', 'weekly', 'custom'),
      hours: fc.integer({ min: 1, max: 72 }),
      start: fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
      handover: fc.integer({ min: 0, max: 1439 }),
      members: fc.uniqueArray(fc.constantFrom('ann', 'bob', 'cat', 'dan'), { minLength: 1, maxLength: 4 }),
      night: fc.boolean(),
    })
    .map((x) =>
      roster({
        name: 'r',
        timeZone: x.zone,
        layers: [
          {
            name: 'l',
            rotation: x.kind === 'custom' ? { kind: 'custom', hours: x.hours } : { kind: x.kind },
            start: x.start.toISOString().slice(0, 10),
            handover: `${String(Math.floor(x.handover / 60)).padStart(2, '0')}:${String(x.handover % 60).padStart(2, '0')}`,
            members: x.members,
            restrictions: x.night ? [{ from: '20:00', to: '08:00' }] : [],
          },
        ],
      }),
    );
  const arbAt = fc.date({ min: new Date('2026-01-01'), max: new Date('2028-06-30'), noInvalidDate: true });

  it('timeline shifts are ordered, disjoint, and agree with onCall at each start and just before each end', () => {
    fc.assert(
      fc.property(arbRoster, arbAt, (r, from) => {
        const to = new Date(from.getTime() + 10 * 86_400_000);
        const s = timeline(r, from, to);
        for (let i = 0; i < s.length; i++) {
          const x = s[i]!;
          expect(Date.parse(x.from)).toBeLessThan(Date.parse(x.to));
          if (i > 0) expect(Date.parse(s[i - 1]!.to)).toBeLessThanOrEqual(Date.parse(x.from));
          expect(onCall(r, new Date(x.from))?.sub).toBe(x.sub);
          // The last shift is cut at the window's end, so it may last less than a minute (see the example below).
          expect(onCall(r, new Date(Math.max(Date.parse(x.from), Date.parse(x.to) - 60_000)))?.sub).toBe(x.sub);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('onCall until is when the person changes', () => {
    fc.assert(
      fc.property(arbRoster, arbAt, (r, t) => {
        const now = onCall(r, t);
        if (!now?.until) return;
        const after = onCall(r, new Date(now.until));
        expect(after?.sub).not.toBe(now.sub);
        expect(onCall(r, new Date(Date.parse(now.until) - 60_000))?.sub).toBe(now.sub);
      }),
      { numRuns: 150 },
    );
  });

  it('a daily or weekly layer without restrictions always hands over at its hand-over time, local', () => {
    fc.assert(
      fc.property(arbRoster, arbAt, (r, from) => {
        const layer = r.layers[0]!;
        if (layer.rotation.kind === 'custom' || layer.restrictions.length > 0 || layer.members.length < 2) return;
        const s = timeline(r, from, new Date(from.getTime() + 20 * 86_400_000));
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: r.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
        for (const x of s.slice(1)) {
          // A hand-over time skipped by a spring-forward lands just after the gap; otherwise it is exact.
          const t = Date.parse(x.from);
          const shown = local.format(new Date(t));
          const jumped = offsetAt(r.timeZone, t - 3 * HOUR) !== offsetAt(r.timeZone, t + 3 * HOUR);
          if (!jumped) expect(shown).toBe(layer.handover);
        }
      }),
      { numRuns: 100 },
    );
  });
});
