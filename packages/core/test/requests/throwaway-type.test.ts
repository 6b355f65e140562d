import { describe, expect, it } from 'vitest';
// A type registered by a test file alone: it goes first, the rest of core is loaded after it.
import { mlaRequest } from './throwaway-type';

const core = await import('../../src/index');
const { registerRequestType } = await import('../../src/requests/types/index');
const { DAY, principal, taskforce, vnm, world } = await import('../world');
const {
  CLOCK_RULES,
  CreateRequestInput,
  clockRuleFor,
  acknowledgeRequest,
  createRequest,
  getInboxRequest,
  getRequest,
  listInbox,
  requestTypeIds,
} = core;

const partner = principal('mekong-tech', 'THA', ['responder'], 'provider');

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['mekong-tech', 'THA', 'tech'],
    ['mekong-bank', 'THA', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm);
  const input = (extra: Record<string, unknown> = {}) =>
    CreateRequestInput.safeParse({
      providerOrgId: 'mekong-tech',
      type: 'mla_request',
      legalBasis: { code: 'MLAT', text: 'VNM-THA treaty, art. 5' },
      description: 'Account records of the payee',
      selectors: [{ type: 'email', value: 'payee@example.com' }],
      ...extra,
    });
  return { deps, ws, input };
};

describe('a request type added in one file', () => {
  it('is in the registry, the request-type enum and the clock table', () => {
    expect(requestTypeIds()).toContain('mla_request');
    // A type the product does not know is outside `RequestType` (the production typing): the test says so once.
    const mla = { type: 'mla_request', urgency: 'standard', legalBasis: { code: 'MLAT', text: 'x' } } as unknown as Parameters<
      typeof clockRuleFor
    >[0];
    expect(clockRuleFor(mla).id).toBe('mla');
    expect(CLOCK_RULES.map((c) => c.id)).toContain('mla');
    expect(() => registerRequestType({ ...mlaRequest, id: 'too_late' })).toThrow(/before the request schemas are built/);
  });

  it('takes its own create checks and partners', async () => {
    const { deps, ws, input } = await setUp();
    const basis = input({ legalBasis: { code: 'BUDAPEST', text: 'Art. 18' } });
    expect(basis.success).toBe(false);
    expect(basis.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['legalBasis.code', 'a mutual legal assistance request rests on a treaty (MLAT)'],
    ]);
    const parsed = input({ providerOrgId: 'mekong-bank' });
    if (!parsed.success) throw parsed.error;
    await expect(createRequest(deps, { principal: vnm }, ws.id, parsed.data)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/not a tech company/),
    });
  });

  it('is created by an agency, seen in the partner inbox, acknowledged and answered', async () => {
    const { deps, ws, input } = await setUp();
    const parsed = input();
    if (!parsed.success) throw parsed.error;
    const r = (await createRequest(deps, { principal: vnm }, ws.id, parsed.data)).result;
    expect(r).toMatchObject({ type: 'mla_request', status: 'sent' });
    expect(r.clock).toMatchObject({ rule: 'mla', dueAt: new Date(deps.clock.now().getTime() + 30 * DAY).toISOString() });

    const inbox = await listInbox(deps, partner, { limit: 10 });
    expect(inbox.items.map((x) => [x.id, x.type, x.clock?.summary])).toEqual([
      [r.id, 'mla_request', 'Mutual legal assistance: answer within 30 days'],
    ]);
    await acknowledgeRequest(deps, { principal: partner }, r.id);

    // Its answer rules are the production's: no `preserved`, evidence before `fulfilled`.
    await expect(core.respondToRequest(deps, { principal: partner }, r.id, { outcome: 'preserved' })).rejects.toMatchObject({
      message: expect.stringMatching(/only a preservation request/),
    });
    const body = new TextEncoder().encode('records');
    const item = (
      await core.registerEvidence(deps, { principal: partner }, r.id, {
        fileName: 'records.txt',
        size: body.byteLength,
        mediaType: 'text/plain',
        sha256: core.sha256Hex(body),
      })
    ).result;
    await core.uploadEvidence(deps, { principal: partner }, r.id, item.id, body);
    const answered = (await core.respondToRequest(deps, { principal: partner }, r.id, { outcome: 'fulfilled' })).result;
    expect(answered.status).toBe('fulfilled');
    expect((await getInboxRequest(deps, partner, r.id)).status).toBe('fulfilled');
    expect((await getRequest(deps, vnm, ws.id, r.id)).status).toBe('fulfilled');
  });
});
