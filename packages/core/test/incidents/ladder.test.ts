import { describe, expect, it } from 'vitest';
import { acknowledgeIncident, DomainError, getIncident, sweepDue } from '../../src/index';
import { principal } from '../world';
import { lead, MIN, thailandIncident } from './thailand';

const duty = (orgId: string) => principal(orgId, 'THA', ['officer', 'duty_contact']);

const setUp = () => thailandIncident('Hospital network encrypted');

describe('incident escalation on the in-memory store', () => {
  it('pages the duty contact when raised, then the next level at each deadline it passes unacknowledged', async () => {
    const { deps, ws, inc, t0 } = await setUp();
    expect(inc.alerts[0]).toMatchObject({
      country: 'THA',
      status: 'raised',
      level: 1,
      nextEscalationAt: new Date(t0 + 15 * MIN).toISOString(),
    });
    deps.clock.set(new Date(t0 + 15 * MIN - 1));
    expect((await sweepDue(deps)).fired).toEqual([]);
    deps.clock.set(new Date(t0 + 15 * MIN));
    expect((await sweepDue(deps)).fired.map((f) => f.kind)).toEqual(['incident.escalate']);
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]).toMatchObject({ level: 2, round: 1 });
    deps.clock.set(new Date(t0 + 30 * MIN));
    await sweepDue(deps);
    const now = await getIncident(deps, lead, ws.id, inc.id);
    expect(now.alerts[0]).toMatchObject({ level: 3, round: 1 });
    expect(now.timeline.filter((e) => e.what === 'escalated').map((e) => e.to)).toEqual([['tha-dsi'], ['tha-rtp', 'vnm-a05']]);
  });

  it('stops the ladder when a contact of the country acknowledges; a second acknowledgement is refused', async () => {
    const { deps, ws, inc, t0 } = await setUp();
    deps.clock.set(new Date(t0 + 15 * MIN));
    await sweepDue(deps);
    deps.clock.set(new Date(t0 + 20 * MIN));
    const acked = (await acknowledgeIncident(deps, { principal: duty('tha-dsi') }, ws.id, inc.id, {})).result;
    expect(acked.alerts[0]).toMatchObject({
      status: 'acknowledged',
      level: 2,
      acknowledgedBy: { orgId: 'tha-dsi' },
      acknowledgedAt: new Date(t0 + 20 * MIN).toISOString(),
    });
    deps.clock.set(new Date(t0 + 120 * MIN));
    expect((await sweepDue(deps)).fired).toEqual([]);
    await expect(acknowledgeIncident(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {})).rejects.toBeInstanceOf(DomainError);
  });
});
