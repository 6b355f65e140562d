import { createHash } from 'node:crypto';
import { bucketOf } from '@taskforce/core';
import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKeyReads } from '../support/key-reads';
import { EU_PRESERVATION, productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const content = Buffer.from('date,amount\n2026-02-01,9800\n');
const sha256 = createHash('sha256').update(content).digest('hex');

// biome-ignore lint/suspicious/noExplicitAny: replies read ad hoc
type Json = any;

/** The nearest-rank quantile of exact durations, in ms. */
const exactQuantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
};

describe('partner turnaround figures, end to end', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let bank: string;
  let chatwave: string;
  let ws1: string;
  let ws2: string;

  const ms = (iso: string) => new Date(iso).getTime();
  const send = async (token: string, ws: string, body: object) => {
    const r = await t.call('POST', `/v1/workspaces/${ws}/requests`, token, body);
    expect(r.status).toBe(201);
    return { ws, id: r.body.id as string };
  };
  const portal = async (token: string, id: string, step: string, body?: object) => {
    const r = await t.call('POST', `/v1/portal/requests/${id}/${step}`, token, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };

  beforeAll(async () => {
    // No relay or queue consumers: nothing else reads the table while the figures are read.
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t);
    const admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
    await t.call('POST', '/v1/organisations', admin, {
      id: 'chatwave',
      name: 'ChatWave',
      kind: 'provider',
      country: 'SGP',
      sector: 'tech',
    });
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    chatwave = await t.tokenFor('chatwave', 'SGP', ['responder'], 'provider');
    const legalBasis = { code: 'UNCC', text: 'arts. 40-47' };
    ws1 = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis })).body.id;
    ws2 = (await t.call('POST', '/v1/workspaces', fbi, { title: 'Op Heron', legalBasis })).body.id;
  });
  afterAll(() => t.rt.stop());

  it('equals an independent computation from the requests and their audit trails, in one DynamoDB read, naming nothing', async () => {
    const production = productionRequest('Statements of the mule account');
    // Requests to the bank from two workspaces of two countries, and one to another partner.
    const p1 = await send(lead, ws1, production);
    const p2 = await send(lead, ws1, production);
    const p3 = await send(lead, ws1, production);
    const p4 = await send(lead, ws1, production);
    const p5 = await send(lead, ws1, production);
    const w = await send(lead, ws1, production);
    const kept = await send(lead, ws1, { ...production, ...EU_PRESERVATION });
    const f = await send(fbi, ws2, production);
    const other = await send(lead, ws1, { ...production, providerOrgId: 'chatwave' });

    t.clock.advance(30 * MINUTE);
    await portal(bank, p3.id, 'acknowledge');
    await portal(chatwave, other.id, 'acknowledge');
    t.clock.advance(30 * MINUTE);
    await portal(bank, p1.id, 'acknowledge');
    t.clock.advance(2 * HOUR);
    await portal(bank, kept.id, 'acknowledge');
    t.clock.advance(17 * MINUTE);
    await portal(bank, kept.id, 'response', { outcome: 'preserved' });
    t.clock.advance(2 * HOUR);
    for (const r of [p2, p5, f]) await portal(bank, r.id, 'acknowledge');
    // p2: a clarification waits two days on the agency (the clock stands still meanwhile).
    t.clock.advance(DAY);
    await portal(bank, p2.id, 'clarification', { question: 'Which of the two accounts?' });
    t.clock.advance(2 * DAY);
    expect(
      (await t.call('POST', `/v1/workspaces/${ws1}/requests/${p2.id}/clarification-answer`, lead, { answer: 'The first' })).status,
    ).toBe(200);
    expect((await t.call('POST', `/v1/workspaces/${ws1}/requests/${w.id}/withdraw`, lead, { reason: 'Found elsewhere' })).status).toBe(200);
    t.clock.advance(DAY + 7 * HOUR);
    await portal(bank, p1.id, 'response', { outcome: 'cannot_comply', reason: 'data_not_stored' });
    // f: fulfilled with its evidence.
    const item = await t.call('POST', `/v1/portal/requests/${f.id}/evidence`, bank, {
      fileName: 'statement.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256,
    });
    expect(item.status).toBe(201);
    const put = await fetch(`${t.rt.url}/v1/portal/requests/${f.id}/evidence/${item.body.id}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${bank}`, 'content-type': 'application/octet-stream' },
      body: content,
    });
    expect(put.status).toBe(200);
    await portal(bank, f.id, 'response', { outcome: 'fulfilled' });
    t.clock.advance(5 * DAY);
    await portal(bank, p2.id, 'response', { outcome: 'cannot_comply', reason: 'insufficient_information' });
    // p3: answered after its deadline (the expiry sweep has not run yet).
    t.clock.advance(2 * DAY);
    await portal(bank, p3.id, 'response', { outcome: 'cannot_comply', reason: 'other', detail: 'Late review' });
    // p4 (never acknowledged) and p5 (acknowledged) run out of time; later the preservation's period ends: no miss.
    await t.rt.sweep();
    t.clock.advance(60 * DAY);
    await t.rt.sweep();

    // The independent computation: the requests as their agencies read them, the acknowledgements from the audit trails.
    const requests: Json[] = [];
    for (const r of [p1, p2, p3, p4, p5, w, kept, f])
      requests.push((await t.call('GET', `/v1/workspaces/${r.ws}/requests/${r.id}`, r.ws === ws1 ? lead : fbi)).body);
    expect(requests.map((r) => r.status)).toEqual([
      'cannot_comply',
      'cannot_comply',
      'cannot_comply',
      'expired',
      'expired',
      'withdrawn',
      'expired',
      'fulfilled',
    ]);
    const audit = [...(await settledAudit(t.rt.deps, ws1)).entries, ...(await settledAudit(t.rt.deps, ws2)).entries];
    const ackedAt = new Map(audit.filter((e) => e.action === 'request.acknowledged').map((e) => [e.target.id, ms(e.at)]));
    // The first outcome, as the audit trail recorded it (a preserved request may have expired since).
    const respondedWith = new Map(
      audit.filter((e) => e.action === 'request.responded').map((e) => [e.target.id, String((e.details as Json).outcome)]),
    );
    const expected = new Map<string, Json>();
    for (const r of requests) {
      const x = expected.get(r.type) ?? {
        sent: 0,
        ack: [],
        ans: [],
        met: 0,
        missed: 0,
        expired: 0,
        withdrawn: 0,
        outcomes: {},
        refusals: {},
      };
      expected.set(r.type, x);
      x.sent++;
      if (ackedAt.has(r.id)) x.ack.push(ackedAt.get(r.id)! - ms(r.sentAt));
      if (r.outcome) {
        const waited = r.clarifications.reduce((s: number, c: Json) => s + ms(c.answeredAt) - ms(c.askedAt), 0);
        x.ans.push(ms(r.outcome.at) - ms(r.sentAt) - waited);
        const answered = respondedWith.get(r.id)!;
        x.outcomes[answered] = (x.outcomes[answered] ?? 0) + 1;
        if (r.outcome.reason) x.refusals[r.outcome.reason] = (x.refusals[r.outcome.reason] ?? 0) + 1;
        if (ms(r.outcome.at) <= ms(r.clock.dueAt)) x.met++;
        else x.missed++;
      } else if (r.status === 'expired') {
        x.expired++;
        x.missed++;
      } else if (r.status === 'withdrawn') x.withdrawn++;
    }

    const reads = recordKeyReads(t.rt.dynamo);
    reads.take();
    const got = await t.call('GET', '/v1/portal/turnaround', bank);
    expect(got.status).toBe(200);
    // The whole read: one Query of the partner's partition (the caller's token costs nothing here).
    // The in-process audit sequencer may still be folding the last commands' entries into their
    // chains (WS#…, PLATFORM): those reads are its own, not the figures'.
    const chain = (k: string) => k.startsWith('WS#') || k.startsWith('PLATFORM');
    expect(reads.take().filter((r) => !r.keys.every(chain))).toEqual([
      { op: 'Query', keys: ['TURN#mekong-bank|*'], items: expect.any(Number) },
    ]);
    const body: Json = got.body;
    expect(body.types.map((x: Json) => x.type)).toEqual([...expected.keys()].sort());
    for (const figures of body.types) {
      const x = expected.get(figures.type);
      expect(figures).toMatchObject({
        sent: x.sent,
        acknowledge: { count: x.ack.length },
        answer: { count: x.ans.length },
        deadlines: { met: x.met, missed: x.missed },
        expired: x.expired,
        withdrawn: x.withdrawn,
        outcomes: x.outcomes,
        refusals: x.refusals,
      });
      for (const [times, exact] of [
        [figures.acknowledge, x.ack],
        [figures.answer, x.ans],
      ] as const) {
        // Each median and p90 lies in the 2% bucket of the exact figure.
        expect(bucketOf(times.medianSeconds * 1000)).toBe(bucketOf(exactQuantile(exact, 0.5)!));
        expect(bucketOf(times.p90Seconds * 1000)).toBe(bucketOf(exactQuantile(exact, 0.9)!));
      }
    }
    expect(body.all.sent).toBe(8);
    expect(body.all.deadlines).toEqual({ met: 4, missed: 3 });

    // The agencies read the same, less every type sent fewer than five times (of types and of the
    // totals alike, so that nothing left out can be had by subtraction); the partner reads all of itself.
    const agencies = (await t.call('GET', '/v1/partners/mekong-bank/turnaround', fbi)).body;
    expect(agencies.minimumGroup).toBe(5);
    expect(agencies.types).toEqual(body.types.filter((x: Json) => x.sent >= 5));
    expect(agencies.all.sent).toBe(agencies.types.reduce((n: number, x: Json) => n + x.sent, 0));
    expect(body.types.some((x: Json) => x.sent < 5)).toBe(true);
    expect(body.minimumGroup).toBeUndefined();
    const theirs = (await t.call('GET', '/v1/portal/turnaround', chatwave)).body;
    expect(theirs.all).toMatchObject({ sent: 1, acknowledge: { count: 1 }, deadlines: { met: 0, missed: 1 }, expired: 1 });

    // Nothing of any workspace or request.
    const text = JSON.stringify([body, agencies, theirs]);
    for (const id of [ws1, ws2, ...[p1, p2, p3, p4, p5, w, kept, f, other].map((r) => r.id)]) expect(text).not.toContain(id);
  });

  it('answers an organisation that is not a partner, or none, with 404, and bad ids with 400', async () => {
    expect((await t.call('GET', '/v1/partners/vnm-a05/turnaround', lead)).status).toBe(404);
    expect((await t.call('GET', '/v1/partners/nobody/turnaround', lead)).status).toBe(404);
    const bad = await t.call('GET', `/v1/partners/${'x'.repeat(300)}/turnaround`, lead);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('path.orgId');
    // A partner sees no other partner's figures, and agencies have no portal.
    expect((await t.call('GET', '/v1/partners/chatwave/turnaround', bank)).status).toBe(404);
    expect((await t.call('GET', '/v1/portal/turnaround', lead)).status).toBe(404);
  });
});
