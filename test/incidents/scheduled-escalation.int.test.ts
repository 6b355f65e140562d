import {
  acknowledgeIncident,
  type DomainEvent,
  fireTimerNow,
  getIncident,
  type Incident,
  raiseIncident,
  sweepDue,
  timerSchedulesOf,
  undoAcknowledgement,
} from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentWorld, officer } from '../support/incidents';

const MIN = 60_000;
type World = Awaited<ReturnType<typeof incidentWorld>>;
const duty = officer('tha-ccib', 'THA', ['officer', 'duty_contact']);

const raise = (w: World) =>
  raiseIncident(w.deps, { principal: w.lead }, w.ws.id, {
    severity: 'critical',
    type: 'ransomware',
    summary: 'Hospital network encrypted',
    countries: ['THA'],
  }).then((o) => o.result);

const eventsOf = async (w: World, incidentId: string): Promise<DomainEvent[]> => {
  const out: DomainEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await w.t.store.listEvents(w.ws.id, { limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out.filter((e) => e.subject.id === incidentId);
};

const lastEvent = async (w: World, incidentId: string, type: string) =>
  (await eventsOf(w, incidentId)).filter((e) => e.type === type).at(-1)!;

const pendingTimers = async (w: World, incidentId: string) => {
  const far = new Date('2100-01-01T00:00:00Z');
  const all = (await Promise.all([0, 1, 2, 3].map((s) => w.t.store.dueTimers(s, far, 1000)))).flat();
  return all.filter((t) => t.subjectId === incidentId).map((t) => ({ workspaceId: t.workspaceId, timerId: t.id, dueAt: t.dueAt }));
};

const levels = (inc: Incident) => inc.timeline.filter((e) => e.what === 'escalated').map((e) => `${e.round}.${e.level}`);

describe('escalations fired by their one-time schedule, with the sweep as backstop', () => {
  let w: World;
  beforeAll(async () => {
    w = await incidentWorld();
  });
  afterAll(() => w.t.drop());

  it('each event arms exactly the timer its transaction planned, and an acknowledgement disarms it', async () => {
    const inc = await raise(w);
    const raised = timerSchedulesOf(await lastEvent(w, inc.id, 'incident.raised'));
    expect(raised).toEqual({ arm: await pendingTimers(w, inc.id), disarm: [] });
    expect(raised.arm).toHaveLength(1);

    w.deps.clock.set(new Date(raised.arm[0]!.dueAt));
    expect(await fireTimerNow(w.deps, raised.arm[0]!)).toEqual({ outcome: 'fired', kind: 'incident.escalate' });
    const escalated = timerSchedulesOf(await lastEvent(w, inc.id, 'incident.escalated'));
    expect(escalated).toEqual({ arm: await pendingTimers(w, inc.id), disarm: [] });

    await acknowledgeIncident(w.deps, { principal: duty }, w.ws.id, inc.id, {});
    const acked = timerSchedulesOf(await lastEvent(w, inc.id, 'incident.acknowledged'));
    expect(acked).toEqual({ arm: [], disarm: [{ workspaceId: w.ws.id, timerId: escalated.arm[0]!.timerId }] });
    expect(await pendingTimers(w, inc.id)).toEqual([]);
    // A schedule that could not be deleted fires on nothing.
    expect(await fireTimerNow(w.deps, escalated.arm[0]!)).toEqual({ outcome: 'gone' });

    await undoAcknowledgement(w.deps, { principal: duty }, w.ws.id, inc.id, {});
    const undone = timerSchedulesOf(await lastEvent(w, inc.id, 'incident.acknowledgement_undone'));
    expect(undone).toEqual({ arm: await pendingTimers(w, inc.id), disarm: [] });
    expect(undone.arm[0]!.timerId).toBe(escalated.arm[0]!.timerId);
  });

  it('does nothing before the timer is due, and fires it at its due time', async () => {
    const inc = await raise(w);
    const [timer] = await pendingTimers(w, inc.id);
    w.deps.clock.set(new Date(Date.parse(timer!.dueAt) - 1));
    expect(await fireTimerNow(w.deps, timer!)).toEqual({ outcome: 'early', dueAt: timer!.dueAt });
    expect(levels(await getIncident(w.deps, w.lead, w.ws.id, inc.id))).toEqual([]);
    w.deps.clock.set(new Date(timer!.dueAt));
    expect((await fireTimerNow(w.deps, timer!)).outcome).toBe('fired');
    expect(levels(await getIncident(w.deps, w.lead, w.ws.id, inc.id))).toEqual(['1.2']);
  });

  it('waits for the due time when invoked a little early, within the run it is allowed', async () => {
    const inc = await raise(w);
    const [timer] = await pendingTimers(w, inc.id);
    const due = Date.parse(timer!.dueAt);
    const waited: number[] = [];
    const wait = async (ms: number) => {
      waited.push(ms);
      w.deps.clock.advance(ms);
    };
    w.deps.clock.set(new Date(due - 90_000));
    expect(await fireTimerNow(w.deps, timer!, { wait, waitUpToMs: 45_000 })).toEqual({ outcome: 'early', dueAt: timer!.dueAt });
    expect(waited).toEqual([]);
    w.deps.clock.set(new Date(due - 30_000));
    expect((await fireTimerNow(w.deps, timer!, { wait, waitUpToMs: 45_000 })).outcome).toBe('fired');
    expect(waited).toEqual([30_000]);
    expect(levels(await getIncident(w.deps, w.lead, w.ws.id, inc.id))).toEqual(['1.2']);
  });

  it('fires a level exactly once when the schedule and the sweep race for it', async () => {
    for (let i = 0; i < 6; i++) {
      const inc = await raise(w);
      const [timer] = await pendingTimers(w, inc.id);
      w.deps.clock.set(new Date(Date.parse(timer!.dueAt) + 15 * 1000));
      const [scheduled, again, swept] = await Promise.all([fireTimerNow(w.deps, timer!), fireTimerNow(w.deps, timer!), sweepDue(w.deps)]);
      const bySweep = swept.fired.filter((f) => f.timerId === timer!.timerId).length;
      const bySchedule = [scheduled, again].filter((o) => o.outcome === 'fired').length;
      expect(bySweep + bySchedule, `race ${i}`).toBe(1);
      for (const o of [scheduled, again]) expect(['fired', 'gone', 'lost']).toContain(o.outcome);
      const now = await getIncident(w.deps, w.lead, w.ws.id, inc.id);
      expect(levels(now)).toEqual(['1.2']);
      // Whichever lost: the timer is gone for both, and the next level is planned once.
      expect(await fireTimerNow(w.deps, timer!)).toEqual({ outcome: 'gone' });
      expect((await sweepDue(w.deps)).fired.filter((f) => f.timerId === timer!.timerId)).toEqual([]);
      expect((await pendingTimers(w, inc.id)).map((t) => t.dueAt)).toEqual([new Date(Date.parse(inc.raisedAt) + 30 * MIN).toISOString()]);
    }
  });
});
