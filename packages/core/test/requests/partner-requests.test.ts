import { describe, expect, it } from 'vitest';
import { acknowledgeRequest, CreateRequestInput, createRequest, getInboxRequest, getRequest, listInbox, sweepDue } from '../../src/index';
import { DAY, isNotFound, principal, taskforce, vnm, world } from '../world';

const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');
const otherBank = principal('delta-bank', 'THA', ['responder'], 'provider');

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['mekong-bank', 'THA', 'bank'],
    ['delta-bank', 'THA', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm);
  const send = (providerOrgId: string, extra: Record<string, unknown> = {}) =>
    createRequest(
      deps,
      { principal: vnm },
      ws.id,
      CreateRequestInput.parse({
        providerOrgId,
        type: 'subscriber_info',
        legalBasis: { code: 'BUDAPEST', text: 'Art. 18(1)(b)' },
        description: 'Holder of the account that received the ransom',
        selectors: [{ type: 'email', value: 'payee@example.com' }],
        ...extra,
      }),
    ).then((o) => o.result);
  return { deps, ws, send };
};

describe('data requests on the in-memory store', () => {
  it('sends a request with its legal clock; the partner acknowledges it from its inbox', async () => {
    const { deps, ws, send } = await setUp();
    const r = await send('mekong-bank');
    expect(r.status).toBe('sent');
    expect(r.clock).toMatchObject({ rule: 'production', dueAt: new Date(deps.clock.now().getTime() + 10 * DAY).toISOString() });
    const inbox = await listInbox(deps, bank, { limit: 10 });
    expect(inbox.items.map((x) => [x.id, x.status])).toEqual([[r.id, 'sent']]);
    const acked = (await acknowledgeRequest(deps, { principal: bank }, r.id)).result;
    expect(acked.status).toBe('acknowledged');
    expect((await getRequest(deps, vnm, ws.id, r.id)).status).toBe('acknowledged');
  });

  it('shows a partner only the requests addressed to it, never a draft, and nothing of the workspace', async () => {
    const { deps, send } = await setUp();
    const mine = await send('mekong-bank');
    const theirs = await send('delta-bank');
    const draft = await send('mekong-bank', { send: false });
    expect((await listInbox(deps, bank, { limit: 10 })).items.map((x) => x.id)).toEqual([mine.id]);
    expect((await listInbox(deps, otherBank, { limit: 10 })).items.map((x) => x.id)).toEqual([theirs.id]);
    await expect(getInboxRequest(deps, bank, theirs.id)).rejects.toSatisfy(isNotFound);
    await expect(getInboxRequest(deps, bank, draft.id)).rejects.toSatisfy(isNotFound);
    await expect(acknowledgeRequest(deps, { principal: otherBank }, mine.id)).rejects.toSatisfy(isNotFound);
    const seen = await getInboxRequest(deps, bank, mine.id);
    expect(JSON.stringify(seen)).not.toMatch(/workspaceId|Op Lotus/);
  });

  it('expires an unanswered request when the sweep passes its legal deadline, not before', async () => {
    const { deps, ws, send } = await setUp();
    const r = await send('mekong-bank');
    await acknowledgeRequest(deps, { principal: bank }, r.id);
    deps.clock.set(new Date(new Date(r.clock!.dueAt).getTime() - 1));
    await sweepDue(deps);
    expect((await getRequest(deps, vnm, ws.id, r.id)).status).toBe('acknowledged');
    deps.clock.set(r.clock!.dueAt);
    expect((await sweepDue(deps)).fired.map((f) => f.kind)).toContain('request.expiry');
    expect((await getRequest(deps, vnm, ws.id, r.id)).status).toBe('expired');
    expect((await listInbox(deps, bank, { limit: 10 })).items.map((x) => x.status)).toEqual(['expired']);
  });
});
