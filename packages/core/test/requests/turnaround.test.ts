import { describe, expect, it } from 'vitest';
import {
  acknowledgeRequest,
  answerClarification,
  bucketBounds,
  bucketOf,
  CreateRequestInput,
  createRequest,
  type Histogram,
  myTurnaround,
  partnerTurnaround,
  quantileOf,
  requestClarification,
  respondToRequest,
  sweepDue,
  withdrawRequest,
} from '../../src/index';
import { DAY, isNotFound, principal, taskforce, vnm, world } from '../world';

const HOUR = 3_600_000;
const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');

/** The nearest-rank quantile of the exact durations. */
const exact = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
};
const histogramOf = (values: number[]): Histogram => {
  const h: Histogram = new Map();
  for (const v of values) h.set(bucketOf(v), (h.get(bucketOf(v)) ?? 0) + 1);
  return h;
};
/** A tiny seeded generator, so a failure can be replayed. */
const rng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('turnaround histogram', () => {
  it('puts every duration in the 2%-wide bucket that holds it', () => {
    const random = rng(7);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(10 ** (random() * 11));
      const { from, to } = bucketBounds(bucketOf(ms));
      expect(ms).toBeGreaterThanOrEqual(from);
      expect(ms).toBeLessThan(to);
      if (from > 0) expect(to / from).toBeCloseTo(1.02, 10);
    }
  });

  it('reads the median and p90 off the histogram within the bucket of the exact sorted-array figure', () => {
    const random = rng(42);
    for (const n of [1, 2, 3, 10, 11, 99, 1000]) {
      // Minutes to weeks, skewed as turnaround is: most answers quick, a long tail.
      const values = Array.from({ length: n }, () => Math.floor(60_000 * Math.exp(random() * 9)));
      const h = histogramOf(values);
      for (const q of [0.5, 0.9]) {
        const truth = exact(values, q);
        const read = quantileOf(h, q)!;
        const { from, to } = bucketBounds(bucketOf(truth));
        expect(read).toBeGreaterThanOrEqual(from);
        expect(read).toBeLessThan(to);
        expect(Math.abs(read - truth) / truth).toBeLessThan(0.02);
      }
    }
    expect(quantileOf(new Map(), 0.5)).toBeUndefined();
  });
});

describe('turnaround figures on the in-memory store', () => {
  const setUp = async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['mekong-bank', 'THA', 'bank'],
    ]);
    const ws = await taskforce(deps, vnm);
    const send = (extra: Record<string, unknown> = {}) =>
      createRequest(
        deps,
        { principal: vnm },
        ws.id,
        CreateRequestInput.parse({
          providerOrgId: 'mekong-bank',
          type: 'subscriber_info',
          legalBasis: { code: 'BUDAPEST', text: 'Art. 18(1)(b)' },
          description: 'Holder of the account',
          selectors: [{ type: 'email', value: 'payee@example.com' }],
          ...extra,
        }),
      ).then((o) => o.result);
    return { deps, ws, send, clock: deps.clock as unknown as { advance(ms: number): Date } };
  };

  it('counts acknowledgements, answers less clarification waits, deadlines, refusals, expiries and withdrawals', async () => {
    const { deps, ws, send, clock } = await setUp();
    const a = await send();
    const b = await send();
    const c = await send();
    const d = await send();
    clock.advance(2 * HOUR);
    await acknowledgeRequest(deps, { principal: bank }, a.id);
    await acknowledgeRequest(deps, { principal: bank }, b.id);
    // a: a clarification waits 3 days on the agency; the answer comes 12 days after sending (9 counted, within the moved deadline).
    clock.advance(1 * DAY - 2 * HOUR);
    await requestClarification(deps, { principal: bank }, a.id, 'Which account?');
    clock.advance(3 * DAY);
    await answerClarification(deps, { principal: vnm }, ws.id, a.id, 'The one ending 32');
    clock.advance(8 * DAY);
    await respondToRequest(deps, { principal: bank }, a.id, { outcome: 'cannot_comply', reason: 'data_not_stored' });
    // c is withdrawn before any answer; b and d run out of time (d never acknowledged).
    await withdrawRequest(deps, { principal: vnm }, ws.id, c.id, 'Found elsewhere');
    await sweepDue(deps);
    const figures = await myTurnaround(deps, bank);
    // Four requests of one type: the agencies are shown none of it (fewer than five), the partner all.
    expect(await partnerTurnaround(deps, vnm, 'mekong-bank')).toMatchObject({ types: [], all: { sent: 0 }, minimumGroup: 5 });
    const f = figures.types[0]!;
    expect(figures.types.map((x) => x.type)).toEqual(['subscriber_info']);
    expect(f).toMatchObject({
      sent: 4,
      acknowledge: { count: 2 },
      answer: { count: 1 },
      deadlines: { met: 1, missed: 2 },
      expired: 2,
      withdrawn: 1,
      outcomes: { cannot_comply: 1 },
      refusals: { data_not_stored: 1 },
    });
    const within = (seconds: number | undefined, ms: number) => {
      const { from, to } = bucketBounds(bucketOf(ms));
      expect(seconds! * 1000).toBeGreaterThanOrEqual(from - 1);
      expect(seconds! * 1000).toBeLessThan(to + 1);
    };
    within(f.acknowledge.medianSeconds, 2 * HOUR);
    within(f.answer.medianSeconds, 9 * DAY);
    expect(figures.all).toEqual((({ type: _, ...rest }) => rest)(f));
    expect(JSON.stringify(figures)).not.toContain(ws.id);
    for (const r of [a, b, c, d]) expect(JSON.stringify(figures)).not.toContain(r.id);
  });

  it('shows the agencies only request types sent five times or more, with totals over those alone', async () => {
    const { deps, send } = await setUp();
    for (let i = 0; i < 5; i++) await send();
    const few = await send({ type: 'preservation' });
    await acknowledgeRequest(deps, { principal: bank }, few.id);
    await respondToRequest(deps, { principal: bank }, few.id, { outcome: 'cannot_comply', reason: 'data_not_stored' });
    const agencies = await partnerTurnaround(deps, vnm, 'mekong-bank');
    expect(agencies.types.map((x) => x.type)).toEqual(['subscriber_info']);
    expect(agencies.all).toEqual((({ type: _, ...rest }) => rest)(agencies.types[0]!));
    expect(agencies.all).toMatchObject({ sent: 5, refusals: {}, acknowledge: { count: 0 } });
    const own = await myTurnaround(deps, bank);
    expect(own.types.map((x) => x.type)).toEqual(['preservation', 'subscriber_info']);
    expect(own.all).toMatchObject({ sent: 6, refusals: { data_not_stored: 1 } });
    expect(own.minimumGroup).toBeUndefined();
  });

  it('answers a partner with no requests yet with zeros, and an unknown or non-partner organisation with a 404', async () => {
    const { deps } = await setUp();
    expect((await partnerTurnaround(deps, vnm, 'mekong-bank')).all.sent).toBe(0);
    await expect(partnerTurnaround(deps, vnm, 'nobody')).rejects.toSatisfy(isNotFound);
    await expect(partnerTurnaround(deps, vnm, 'vnm-a05')).rejects.toSatisfy(isNotFound);
    // A partner reads only its own, and never through the agencies' route.
    await expect(partnerTurnaround(deps, bank, 'mekong-bank')).rejects.toSatisfy(isNotFound);
    await expect(myTurnaround(deps, vnm)).rejects.toSatisfy(isNotFound);
  });
});
