import {
  acknowledgeIncident,
  type Commit,
  DomainError,
  type DomainEvent,
  escalationTimer,
  getIncident,
  type Incident,
  raiseIncident,
  resolveIncident,
  setIncidentSettings,
  sweepDue,
} from '@taskforce/core';
import { settledAudit, unsealedEntry } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentWorld, officer } from '../support/incidents';

const MIN = 60_000;
type World = Awaited<ReturnType<typeof incidentWorld>>;

const raise = (w: World, input: Partial<Parameters<typeof raiseIncident>[3]> = {}) =>
  raiseIncident(w.deps, { principal: w.lead }, w.ws.id, {
    severity: 'critical',
    type: 'ransomware',
    summary: 'Hospital network encrypted; ransom note names a wallet',
    countries: ['THA'],
    ...input,
  }).then((o) => o.result);

const escalations = (inc: Incident, country = 'THA') =>
  inc.timeline.filter((e) => e.country === country && (e.what === 'escalated' || e.what === 'notified' || e.what === 'exhausted'));

const allEvents = async (w: World): Promise<DomainEvent[]> => {
  const out: DomainEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await w.t.store.listEvents(w.ws.id, { limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
};

const pendingTimers = async (w: World, incidentId: string) => {
  const far = new Date('2100-01-01T00:00:00Z');
  const all = (await Promise.all([0, 1, 2, 3].map((s) => w.t.store.dueTimers(s, far, 1000)))).flat();
  return all.filter((t) => t.subjectId === incidentId);
};

describe('urgent incidents: the escalation ladder on an injected clock', () => {
  let w: World;
  beforeAll(async () => {
    w = await incidentWorld();
  });
  afterAll(() => w.t.drop());

  it('pages the duty contact at once, then fires every level exactly at its deadline, once, then records the end', async () => {
    const inc = await raise(w); // critical: 15 minutes a level, the ladder runs twice (one repeat)
    const t0 = new Date(inc.raisedAt).getTime();
    expect(inc.alerts[0]).toMatchObject({
      country: 'THA',
      status: 'raised',
      level: 1,
      round: 1,
      nextEscalationAt: new Date(t0 + 15 * MIN).toISOString(),
    });
    expect(escalations(inc)).toEqual([expect.objectContaining({ what: 'notified', level: 1, round: 1, to: ['tha-ccib'] })]);

    const expected = [
      { level: 2, round: 1, to: ['tha-dsi'] },
      { level: 3, round: 1, to: ['tha-rtp', 'vnm-a05'] },
      { level: 1, round: 2, to: ['tha-ccib'] },
      { level: 2, round: 2, to: ['tha-dsi'] },
      { level: 3, round: 2, to: ['tha-rtp', 'vnm-a05'] },
    ];
    for (const [i, step] of expected.entries()) {
      const deadline = t0 + (i + 1) * 15 * MIN;
      w.deps.clock.set(new Date(deadline - 1));
      expect((await sweepDue(w.deps)).fired, `nothing before step ${i + 1}`).toEqual([]);
      w.deps.clock.set(new Date(deadline));
      const report = await sweepDue(w.deps);
      expect(report.fired).toEqual([{ timerId: `${inc.id}~esc~THA~${i + 1}`, kind: 'incident.escalate' }]);
      expect((await sweepDue(w.deps)).fired, 'a second sweep at the same instant fires nothing').toEqual([]);
      const now = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
      expect(now.alerts[0]).toMatchObject({ level: step.level, round: step.round, step: i + 1 });
      expect(escalations(now).at(-1)).toMatchObject({ what: 'escalated', ...step, at: new Date(deadline).toISOString() });
    }
    w.deps.clock.set(new Date(t0 + 6 * 15 * MIN));
    expect((await sweepDue(w.deps)).fired).toHaveLength(1);
    const end = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
    expect(end.alerts[0]).toMatchObject({ status: 'raised', exhaustedAt: new Date(t0 + 90 * MIN).toISOString() });
    expect(end.alerts[0]!.nextEscalationAt).toBeUndefined();
    expect(escalations(end).map((e) => e.what)).toEqual([
      'notified',
      'escalated',
      'escalated',
      'escalated',
      'escalated',
      'escalated',
      'exhausted',
    ]);
    expect(await pendingTimers(w, inc.id)).toEqual([]);
    w.deps.clock.advance(24 * 60 * MIN);
    expect((await sweepDue(w.deps)).fired).toEqual([]);

    const events = (await allEvents(w)).filter((e) => e.subject.id === inc.id);
    expect(events.map((e) => e.type)).toEqual(['incident.raised', ...Array(5).fill('incident.escalated'), 'incident.unacknowledged']);
    for (const e of events) expect(e.marking?.tlp).toBe('AMBER');
    const level3 = events.find((e) => e.type === 'incident.escalated' && e.data.level === 3)!;
    expect(level3.audience.sort()).toEqual(['tha-rtp', 'vnm-a05']);
  });

  it('stops a country ladder when its contact acknowledges; other countries keep escalating', async () => {
    const inc = await raise(w, { severity: 'high', countries: ['THA', 'USA'] }); // 60 minutes a level
    const t0 = new Date(inc.raisedAt).getTime();
    w.deps.clock.set(new Date(t0 + 60 * MIN));
    expect((await sweepDue(w.deps)).fired.map((f) => f.timerId).sort()).toEqual([`${inc.id}~esc~THA~1`, `${inc.id}~esc~USA~1`]);
    // The backup of THA, paged at level 2, acknowledges.
    w.deps.clock.set(new Date(t0 + 70 * MIN));
    const acked = (
      await acknowledgeIncident(w.deps, { principal: officer('tha-dsi', 'THA', ['officer', 'duty_contact']) }, w.ws.id, inc.id, {})
    ).result;
    expect(acked.alerts.find((a) => a.country === 'THA')).toMatchObject({
      status: 'acknowledged',
      level: 2,
      acknowledgedBy: { orgId: 'tha-dsi' },
      acknowledgedAt: new Date(t0 + 70 * MIN).toISOString(),
    });
    expect(acked.alerts.find((a) => a.country === 'THA')!.nextEscalationAt).toBeUndefined();
    expect((await pendingTimers(w, inc.id)).map((t) => t.id)).toEqual([`${inc.id}~esc~USA~2`]);

    w.deps.clock.set(new Date(t0 + 120 * MIN));
    expect((await sweepDue(w.deps)).fired).toEqual([{ timerId: `${inc.id}~esc~USA~2`, kind: 'incident.escalate' }]);
    const later = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
    expect(escalations(later, 'THA')).toHaveLength(2);
    expect(escalations(later, 'USA')).toHaveLength(3);

    // A second acknowledgement is a conflict; resolving stops the USA ladder too.
    await expect(
      acknowledgeIncident(w.deps, { principal: officer('tha-ccib', 'THA', ['officer', 'duty_contact']) }, w.ws.id, inc.id, {}),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const resolved = (await resolveIncident(w.deps, { principal: w.lead }, w.ws.id, inc.id, { note: 'decryptor found' })).result;
    expect(resolved.status).toBe('resolved');
    expect(await pendingTimers(w, inc.id)).toEqual([]);
  });

  it('lets only the alerted country contacts acknowledge, and hides the incident from non-members', async () => {
    const inc = await raise(w, { countries: ['THA'] });
    await expect(
      acknowledgeIncident(w.deps, { principal: officer('usa-fbi', 'USA', ['officer', 'duty_contact']) }, w.ws.id, inc.id, {
        country: 'THA',
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      acknowledgeIncident(w.deps, { principal: officer('usa-fbi', 'USA', ['officer', 'duty_contact']) }, w.ws.id, inc.id, {}),
    ).rejects.toMatchObject({
      code: 'validation',
      field: 'country',
    });
    await expect(getIncident(w.deps, officer('gbr-nca', 'GBR'), w.ws.id, inc.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(raise(w, { countries: ['THA', 'GBR'] })).rejects.toMatchObject({ code: 'validation', field: 'countries.1' });
    // A duty contact that could not see the incident (REL TO excludes its country) is refused at raise time.
    await expect(raise(w, { countries: ['THA'], marking: { tlp: 'AMBER', releasableTo: ['USA'], caveats: [] } })).rejects.toMatchObject({
      field: 'countries.0',
    });
  });

  it('uses the workspace deadlines and repeat count, fixed when the incident is raised', async () => {
    await setIncidentSettings(w.deps, { principal: w.lead }, w.ws.id, { ackDeadlines: { medium: 'PT5M' }, repeats: 0 }, undefined);
    await expect(
      setIncidentSettings(w.deps, { principal: officer('usa-fbi', 'USA') }, w.ws.id, { ackDeadlines: {}, repeats: 2 }, 1),
    ).rejects.toBeInstanceOf(DomainError);
    const inc = await raise(w, { severity: 'medium' });
    expect(inc.ladder).toEqual({ ackDeadline: 'PT5M', repeats: 0 });
    const t0 = new Date(inc.raisedAt).getTime();
    await setIncidentSettings(w.deps, { principal: w.lead }, w.ws.id, { ackDeadlines: { medium: 'PT30M' }, repeats: 3 }, 1);
    const fired: string[] = [];
    for (let m = 1; m <= 20; m++) {
      w.deps.clock.set(new Date(t0 + m * MIN));
      fired.push(
        ...(await sweepDue(w.deps)).fired.filter((f) => f.timerId.startsWith(inc.id)).map((f) => `${m}:${f.timerId.split('~').pop()}`),
      );
    }
    expect(fired).toEqual(['5:1', '10:2', '15:3']);
    const end = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
    expect(end.alerts[0]!.exhaustedAt).toBe(new Date(t0 + 15 * MIN).toISOString());
  });
});

describe('urgent incidents: concurrency', () => {
  let w: World;
  beforeAll(async () => {
    w = await incidentWorld();
  });
  afterAll(() => w.t.drop());

  it('never fires a level twice with three sweeps running at once', async () => {
    const incs: Incident[] = [];
    for (let i = 0; i < 6; i++) incs.push(await raise(w, { countries: ['THA', 'USA', 'VNM'] }));
    const t0 = new Date(incs[0]!.raisedAt).getTime();
    const fired: string[] = [];
    for (let step = 1; step <= 3; step++) {
      w.deps.clock.set(new Date(t0 + step * 15 * MIN + 1000));
      const reports = await Promise.all([sweepDue(w.deps), sweepDue(w.deps), sweepDue(w.deps)]);
      fired.push(...reports.flatMap((r) => r.fired.map((f) => f.timerId)));
      const due = reports.map((r) => r.due);
      expect(due.every((d) => d >= 0)).toBe(true);
    }
    expect(fired).toHaveLength(6 * 3 * 3);
    expect(new Set(fired).size).toBe(fired.length);
    for (const inc of incs) {
      const now = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
      for (const c of ['THA', 'USA', 'VNM']) {
        expect(escalations(now, c).map((e) => `${e.round}.${e.level}`)).toEqual(['1.1', '1.2', '1.3', '2.1']);
      }
    }
    const audit = await settledAudit(w.deps, w.ws.id);
    expect(audit.verification.ok).toBe(true);
    expect(audit.entries.filter((e) => e.action === 'incident.escalated')).toHaveLength(6 * 3 * 3);
  });

  it('survives a crash before the claim commits and after it: the level fires once', async () => {
    const inc = await raise(w);
    const t0 = new Date(inc.raisedAt).getTime();
    w.deps.clock.set(new Date(t0 + 15 * MIN));
    const real = w.t.store.commit.bind(w.t.store);
    const ours = (c: Commit) => c.writes.some((x) => x.op === 'delete' && x.ref.kind === 'timer' && x.ref.id.startsWith(inc.id));
    const mine = (r: { fired: { timerId: string }[] }) => r.fired.filter((f) => f.timerId.startsWith(inc.id));
    // The process dies while committing the claim + escalation: nothing is written.
    w.t.store.commit = async (c) => {
      if (ours(c)) throw new Error('process killed');
      return real(c);
    };
    await expect(sweepDue(w.deps)).rejects.toThrow('process killed');
    expect(escalations(await getIncident(w.deps, w.lead, w.ws.id, inc.id))).toHaveLength(1);
    // The process dies right after the commit, before reporting: the escalation is in.
    w.t.store.commit = async (c) => {
      await real(c);
      if (ours(c)) throw new Error('process killed after commit');
    };
    await expect(sweepDue(w.deps)).rejects.toThrow('after commit');
    w.t.store.commit = real;
    expect(mine(await sweepDue(w.deps))).toEqual([]);
    const now = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
    expect(escalations(now).map((e) => e.level)).toEqual([1, 2]);
  });

  it('an acknowledgement racing the sweep at the deadline leaves one consistent outcome', async () => {
    for (let i = 0; i < 8; i++) {
      const inc = await raise(w);
      w.deps.clock.set(new Date(new Date(inc.raisedAt).getTime() + 15 * MIN));
      const [, ack] = await Promise.allSettled([
        sweepDue(w.deps),
        acknowledgeIncident(w.deps, { principal: officer('tha-ccib', 'THA', ['officer', 'duty_contact']) }, w.ws.id, inc.id, {}),
      ]);
      expect(ack.status).toBe('fulfilled');
      const now = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
      const esc = now.timeline.filter((e) => e.what === 'escalated');
      const ackAt = now.timeline.findIndex((e) => e.what === 'acknowledged');
      expect(esc.length).toBeLessThanOrEqual(1);
      if (esc.length) expect(now.timeline.indexOf(esc[0]!)).toBeLessThan(ackAt);
      expect(await pendingTimers(w, inc.id)).toEqual([]);
      w.deps.clock.advance(10 * 15 * MIN);
      expect((await sweepDue(w.deps)).fired.filter((f) => f.timerId.startsWith(inc.id))).toEqual([]);
    }
  });

  it('treats a replayed or stale timer as nothing to do', async () => {
    const inc = await raise(w);
    w.deps.clock.set(new Date(new Date(inc.raisedAt).getTime() + 15 * MIN));
    await sweepDue(w.deps);
    // Someone re-inserts the step-1 timer (a duplicate delivery of an old write): it is dropped.
    await w.t.store.commit({
      audit: unsealedEntry('replay', {
        at: w.deps.clock.now().toISOString(),
        action: 'test.replay',
        target: { type: 'timer', id: 'x' },
      }),
      events: [],
      writes: [{ op: 'put', record: { kind: 'timer', value: escalationTimer(inc, 'THA', 1, undefined) }, expect: 'any' }],
    });
    const r = await sweepDue(w.deps);
    expect(r.fired).toEqual([]);
    expect(r.dropped).toBe(1);
    expect(escalations(await getIncident(w.deps, w.lead, w.ws.id, inc.id))).toHaveLength(2);
  });
});
