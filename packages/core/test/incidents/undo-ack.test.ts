import { describe, expect, it } from 'vitest';
import {
  ACK_UNDO_MS,
  acknowledgeIncident,
  createTask,
  DomainError,
  getIncident,
  resolveIncident,
  sweepDue,
  undoAcknowledgement,
  updateTask,
} from '../../src/index';
import { settledAudit } from '../../testing';
import { principal } from '../world';
import { lead, MIN, thailandIncident } from './thailand';

const duty = (orgId: string, sub = `${orgId}-duty`) => ({ ...principal(orgId, 'THA', ['officer', 'duty_contact']), sub });

const setUp = () => thailandIncident('Hospital');

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'done',
    (e) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('undoing an acknowledgement', () => {
  it('raises the country again at the same level and deadline, and the ladder resumes', async () => {
    const { deps, ws, inc, t0 } = await setUp();
    deps.clock.set(new Date(t0 + 5 * MIN));
    const acked = (await acknowledgeIncident(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {})).result;
    expect(acked.alerts[0]!.ackUndoUntil).toBe(new Date(t0 + 5 * MIN + ACK_UNDO_MS).toISOString());
    deps.clock.advance(ACK_UNDO_MS);
    const undone = (await undoAcknowledgement(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {})).result;
    expect(undone.alerts[0]).toEqual({
      country: 'THA',
      status: 'raised',
      step: 0,
      level: 1,
      round: 1,
      nextEscalationAt: new Date(t0 + 15 * MIN).toISOString(),
    });
    expect(undone.timeline.at(-1)).toMatchObject({ what: 'acknowledgement_undone', country: 'THA', by: 'tha-ccib', level: 1 });
    // The escalation timer is back: at the same deadline the backup is paged.
    deps.clock.set(new Date(t0 + 15 * MIN));
    expect((await sweepDue(deps)).fired.map((f) => f.kind)).toEqual(['incident.escalate']);
    expect((await getIncident(deps, lead, ws.id, inc.id)).alerts[0]).toMatchObject({ level: 2, status: 'raised' });
    const actions = (await settledAudit(deps, ws.id)).entries.map((e) => e.action);
    expect(actions).toContain('incident.acknowledgement_undone');
  });

  it('re-arms a deadline that passed meanwhile for now: the next sweep escalates', async () => {
    const { deps, ws, inc, t0 } = await setUp();
    deps.clock.set(new Date(t0 + 15 * MIN - 2000));
    await acknowledgeIncident(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {});
    deps.clock.set(new Date(t0 + 15 * MIN + 3000));
    const undone = (await undoAcknowledgement(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {})).result;
    expect(undone.alerts[0]!.nextEscalationAt).toBe(new Date(t0 + 15 * MIN + 3000).toISOString());
    expect((await sweepDue(deps)).fired.map((f) => f.kind)).toEqual(['incident.escalate']);
  });

  it('is only for the same person, within the window, with nothing since', async () => {
    const { deps, ws, inc, t0 } = await setUp();
    deps.clock.set(new Date(t0 + MIN));
    expect(await refusal(undoAcknowledgement(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {}))).toBe('conflict');
    await acknowledgeIncident(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {});
    // A colleague of the same agency, another agency of the ladder: not theirs to undo.
    expect(await refusal(undoAcknowledgement(deps, { principal: duty('tha-ccib', 'colleague') }, ws.id, inc.id, {}))).toBe('forbidden');
    expect(await refusal(undoAcknowledgement(deps, { principal: duty('tha-dsi') }, ws.id, inc.id, {}))).toBe('forbidden');
    expect(await refusal(undoAcknowledgement(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, { country: 'GBR' }))).toBe('validation');
    deps.clock.advance(ACK_UNDO_MS + 1);
    expect(await refusal(undoAcknowledgement(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {}))).toBe('conflict');

    const second = await setUp();
    second.deps.clock.set(new Date(second.t0 + MIN));
    await acknowledgeIncident(second.deps, { principal: duty('tha-ccib') }, second.ws.id, second.inc.id, {});
    await resolveIncident(second.deps, { principal: lead }, second.ws.id, second.inc.id, {});
    expect(await refusal(undoAcknowledgement(second.deps, { principal: duty('tha-ccib') }, second.ws.id, second.inc.id, {}))).toBe(
      'conflict',
    );
  });
});

describe('events name what they are about', () => {
  it('an acknowledgement, its undo and a resolve carry the incident summary; a task status change its title', async () => {
    const { deps, ws, inc, t0 } = await setUp();
    deps.clock.set(new Date(t0 + MIN));
    await acknowledgeIncident(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {});
    await undoAcknowledgement(deps, { principal: duty('tha-ccib') }, ws.id, inc.id, {});
    await resolveIncident(deps, { principal: lead }, ws.id, inc.id, {});
    const task = (
      await createTask(deps, { principal: lead }, ws.id, {
        title: 'Trace the wallet',
        description: '',
        assigneeOrgId: 'tha-ccib',
        dueAt: new Date(t0 + 60 * MIN).toISOString(),
        priority: 'normal',
      })
    ).result;
    await updateTask(deps, { principal: principal('tha-ccib', 'THA') }, ws.id, task.id, { status: 'accepted' }, task.version);
    const events = (await deps.store.listEvents(ws.id, { limit: 100 })).items;
    const data = (type: string) => events.find((e) => e.type === type)?.data;
    expect(data('incident.acknowledged')).toMatchObject({ summary: 'Hospital' });
    expect(data('incident.acknowledgement_undone')).toMatchObject({ summary: 'Hospital' });
    expect(data('incident.resolved')).toMatchObject({ summary: 'Hospital' });
    expect(data('task.status_changed')).toMatchObject({ title: 'Trace the wallet', to: 'accepted' });
  });
});
