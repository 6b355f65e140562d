import { describe, expect, it } from 'vitest';
import {
  createTask,
  DomainError,
  type DomainEvent,
  DUE_SHARDS,
  decideTransfer,
  getTask,
  getTransfer,
  listTransfers,
  type Marking,
  releaseTo,
  requestTransfer,
  setCountryPolicy,
} from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { agencies, DAY, gbr, isNotFound, principal, taskforce, vnm } from '../world';

const tha = principal('tha-ccib', 'THA');
const usa = principal('usa-fbi', 'USA');

const codeOf = (e: unknown) => (e instanceof DomainError ? e.code : String(e));

/** VNM leads; GBR and THA are members; VNM sets GBR a task marked AMBER REL TO VNM, GBR (so THA may not see it). */
const setUp = async () => {
  const deps = await agencies(vnm, gbr, tha, usa);
  const ws = await taskforce(deps, vnm, [gbr, tha, usa]);
  const task = (
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 'Trace wallet',
      description: 'the wallet of the ring',
      assigneeOrgId: gbr.orgId,
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority: 'high',
      marking: { tlp: 'AMBER', releasableTo: ['GBR'], caveats: ['ORCON'] },
    })
  ).result;
  return { deps, ws, task };
};

const outbox = async (deps: MemoryDeps): Promise<DomainEvent[]> => {
  const all: DomainEvent[] = [];
  for (let s = 0; s < DUE_SHARDS; s++)
    all.push(...(await deps.alerts.unpublishedEvents(s, new Date(deps.clock.now().getTime() + DAY), 1000)));
  return all.filter((e) => e.type.startsWith('transfer.')).sort((a, b) => (a.id < b.id ? -1 : 1));
};

describe('releaseTo: what a marking becomes', () => {
  const m = (over: Partial<Marking>): Marking => ({
    tlp: 'AMBER',
    releasableTo: ['VNM', 'GBR'],
    caveats: [],
    originator: { orgId: 'vnm-a05', country: 'VNM' },
    ...over,
  });
  it('adds a country to REL TO, and says when it is already there', () => {
    expect(releaseTo(m({}), { country: 'THA' }, [])).toEqual({ releasableTo: ['VNM', 'GBR', 'THA'] });
    expect(releaseTo(m({}), { country: 'GBR' }, [])).toBe('already');
    expect(releaseTo(m({ tlp: 'CLEAR', releasableTo: 'members' }), { country: 'THA' }, [])).toBe('already');
  });
  it('turns "all members" into the members’ countries and the destination', () => {
    expect(releaseTo(m({ releasableTo: 'members' }), { country: 'THA' }, ['VNM', 'GBR'])).toEqual({ releasableTo: ['VNM', 'GBR', 'THA'] });
    expect(releaseTo(m({ releasableTo: 'members' }), { country: 'GBR' }, ['VNM', 'GBR'])).toBe('already');
  });
  it('names an organisation as a recipient of RED material', () => {
    const red = m({ tlp: 'RED', recipients: ['gbr-nca'] });
    expect(releaseTo(red, { country: 'GBR', orgId: 'gbr-nca' }, [])).toBe('already');
    expect(releaseTo(red, { country: 'THA', orgId: 'tha-ccib' }, [])).toEqual({
      releasableTo: ['VNM', 'GBR', 'THA'],
      recipients: ['gbr-nca', 'tha-ccib'],
    });
  });
});

describe('onward transfers on the in-memory store', () => {
  it('refused, asked again and approved: the marking changes only at approval, and then the destination sees the record', async () => {
    const { deps, ws, task } = await setUp();
    const ask = {
      record: { type: 'task' as const, id: task.id },
      destination: { country: 'THA' },
      purpose: 'THA holds the exchange account',
    };
    await expect(getTask(deps, tha, ws.id, task.id)).rejects.toSatisfy(isNotFound);

    const first = (await requestTransfer(deps, { principal: gbr }, ws.id, ask)).result;
    expect(first).toMatchObject({ status: 'pending', originator: { orgId: 'vnm-a05' }, requestedBy: { orgId: 'gbr-nca' } });
    // One open request per record and destination.
    await expect(requestTransfer(deps, { principal: gbr }, ws.id, ask)).rejects.toSatisfy((e) => codeOf(e) === 'conflict');
    // Only the originator decides; the asker may not approve its own request.
    await expect(decideTransfer(deps, { principal: gbr }, ws.id, first.id, 'approve')).rejects.toSatisfy((e) => codeOf(e) === 'forbidden');
    // The destination does not even learn the request exists.
    await expect(getTransfer(deps, tha, ws.id, first.id)).rejects.toSatisfy(isNotFound);

    const refused = (await decideTransfer(deps, { principal: vnm }, ws.id, first.id, 'refuse', { reason: 'not yet' })).result;
    expect(refused).toMatchObject({ status: 'refused', refusalReason: 'not yet' });
    expect((await getTask(deps, vnm, ws.id, task.id)).marking.releasableTo).toEqual(['VNM', 'GBR']);
    await expect(getTask(deps, tha, ws.id, task.id)).rejects.toSatisfy(isNotFound);
    await expect(decideTransfer(deps, { principal: vnm }, ws.id, first.id, 'approve')).rejects.toSatisfy((e) => codeOf(e) === 'conflict');

    const second = (await requestTransfer(deps, { principal: gbr }, ws.id, ask)).result;
    await expect(decideTransfer(deps, { principal: vnm }, ws.id, second.id, 'approve', { expectVersion: 7 })).rejects.toSatisfy(
      (e) => codeOf(e) === 'stale_version',
    );
    const approved = (await decideTransfer(deps, { principal: vnm }, ws.id, second.id, 'approve', { expectVersion: 1 })).result;
    expect(approved.release).toEqual({
      from: { releasableTo: ['VNM', 'GBR'] },
      to: { releasableTo: ['VNM', 'GBR', 'THA'] },
      recordVersion: 2,
    });
    const seen = await getTask(deps, tha, ws.id, task.id);
    expect(seen.marking).toMatchObject({ releasableTo: ['VNM', 'GBR', 'THA'], caveats: ['ORCON'] });
    expect(seen.version).toBe(2);
    // Already releasable: nothing left to ask.
    await expect(requestTransfer(deps, { principal: gbr }, ws.id, ask)).rejects.toSatisfy((e) => codeOf(e) === 'conflict');

    const events = await outbox(deps);
    expect(events.map((e) => [e.type, [...e.audience].sort()])).toEqual([
      ['transfer.requested', ['gbr-nca', 'vnm-a05']],
      ['transfer.refused', ['gbr-nca', 'vnm-a05']],
      ['transfer.requested', ['gbr-nca', 'vnm-a05']],
      ['transfer.approved', ['gbr-nca', 'vnm-a05']],
      ['transfer.released', ['tha-ccib']],
    ]);
    // Until the release, every event is held under the marking the destination may not see.
    for (const e of events.slice(0, 4)) expect(e.marking?.releasableTo).toEqual(['VNM', 'GBR']);
  });

  it('the requester may withdraw; the originator and the asker list it, nobody else', async () => {
    const { deps, ws, task } = await setUp();
    const t = (
      await requestTransfer(deps, { principal: gbr }, ws.id, {
        record: { type: 'task', id: task.id },
        destination: { country: 'THA' },
        purpose: 'p',
      })
    ).result;
    await expect(decideTransfer(deps, { principal: vnm }, ws.id, t.id, 'withdraw')).rejects.toSatisfy((e) => codeOf(e) === 'forbidden');
    expect((await listTransfers(deps, vnm, ws.id, { limit: 10 })).items.map((x) => x.id)).toEqual([t.id]);
    expect((await listTransfers(deps, gbr, ws.id, { limit: 10, status: 'pending' })).items.map((x) => x.id)).toEqual([t.id]);
    expect((await listTransfers(deps, tha, ws.id, { limit: 10 })).items).toEqual([]);
    expect((await listTransfers(deps, usa, ws.id, { limit: 10 })).items).toEqual([]);
    const w = (await decideTransfer(deps, { principal: gbr }, ws.id, t.id, 'withdraw')).result;
    expect(w.status).toBe('withdrawn');
    expect((await listTransfers(deps, gbr, ws.id, { limit: 10, status: 'pending' })).items).toEqual([]);
  });

  it('a record the caller may not see, or that does not exist, is a 404', async () => {
    const { deps, ws, task } = await setUp();
    const ask = (id: string) => ({ record: { type: 'task' as const, id }, destination: { country: 'USA' }, purpose: 'p' });
    await expect(requestTransfer(deps, { principal: tha }, ws.id, ask(task.id))).rejects.toSatisfy(isNotFound);
    await expect(requestTransfer(deps, { principal: gbr }, ws.id, ask('no-such-task'))).rejects.toSatisfy(isNotFound);
  });

  it('TLP:RED goes only to named organisations: a country is refused naming the field, an organisation joins the recipients', async () => {
    const { deps, ws } = await setUp();
    const red = (
      await createTask(deps, { principal: vnm }, ws.id, {
        title: 'Name the insider',
        description: '',
        assigneeOrgId: gbr.orgId,
        dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
        priority: 'high',
        marking: { tlp: 'RED', releasableTo: ['GBR'], recipients: ['gbr-nca'], caveats: [] },
      })
    ).result;
    const ask = (destination: { country?: string; orgId?: string }) =>
      requestTransfer(deps, { principal: gbr }, ws.id, { record: { type: 'task', id: red.id }, destination, purpose: 'p' });
    await expect(ask({ country: 'THA' })).rejects.toSatisfy((e) => e instanceof DomainError && e.field === 'destination.country');
    await expect(ask({ orgId: 'no-such-org' })).rejects.toSatisfy((e) => e instanceof DomainError && e.field === 'destination.orgId');
    const t = (await ask({ orgId: 'tha-ccib' })).result;
    expect(t.destination).toEqual({ country: 'THA', orgId: 'tha-ccib' });
    await expect(getTask(deps, tha, ws.id, red.id)).rejects.toSatisfy(isNotFound);
    await decideTransfer(deps, { principal: vnm }, ws.id, t.id, 'approve');
    expect((await getTask(deps, tha, ws.id, red.id)).marking).toMatchObject({
      releasableTo: ['VNM', 'GBR', 'THA'],
      recipients: ['gbr-nca', 'tha-ccib'],
    });
  });

  it("the originating country's policy forbids what no approval can allow", async () => {
    const { deps, ws, task } = await setUp();
    const admin = principal('vnm-policy', 'VNM', ['policy_admin']);
    await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'never_countries', countries: ['USA'] }] }, undefined);
    await expect(
      requestTransfer(deps, { principal: gbr }, ws.id, {
        record: { type: 'task', id: task.id },
        destination: { country: 'USA' },
        purpose: 'p',
      }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'conflict' && /cannot override/.test((e as Error).message));
    // Asked while allowed, then the policy tightens: the approval is refused too, and the marking stays.
    const t = (
      await requestTransfer(deps, { principal: gbr }, ws.id, {
        record: { type: 'task', id: task.id },
        destination: { country: 'THA' },
        purpose: 'p',
      })
    ).result;
    await setCountryPolicy(deps, { principal: admin }, 'VNM', { rules: [{ type: 'never_countries', countries: ['USA', 'THA'] }] }, 1);
    await expect(decideTransfer(deps, { principal: vnm }, ws.id, t.id, 'approve')).rejects.toSatisfy(
      (e) => codeOf(e) === 'conflict' && /policy:never_countries/.test((e as Error).message),
    );
    expect((await getTask(deps, vnm, ws.id, task.id)).marking.releasableTo).toEqual(['VNM', 'GBR']);
  });
});
