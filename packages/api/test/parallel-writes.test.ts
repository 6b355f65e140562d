/**
 * Parallel writes to one record that send no If-Match: each is re-read and decided again when
 * another got there first, like any other collision, so each answers 2xx (or 503 with Retry-After
 * if it still cannot commit), never 409 `stale-version`, which is for a stale If-Match alone.
 *
 * Every request reads before any commits (a barrier holds the first loads), so all but one of
 * each round lose the race for the record's version on their first attempt.
 */
import {
  acknowledgeRequest,
  CreateRequestInput,
  CreateTakedownInput,
  createRequest,
  createTakedown,
  createWorkspace,
  type Principal,
  registerOrganisation,
} from '@taskforce/core';
import { memoryDeps, principal } from '@taskforce/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp, generateCursorKeys } from '../src';

const silent = { info() {}, warn() {}, error() {} };
const admin = principal('platform', 'ZZZ', ['admin'], 'international');
const vnm = principal('vnm-a05', 'VNM');
const chatwave = principal('chatwave', 'SGP', ['responder'], 'provider');

const setUp = async () => {
  const deps = memoryDeps();
  await registerOrganisation(deps, { principal: admin }, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
  await registerOrganisation(
    deps,
    { principal: admin },
    { id: 'chatwave', name: 'Chatwave', kind: 'provider', country: 'SGP', sector: 'tech' },
  );
  const ws = (await createWorkspace(deps, { principal: vnm }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'Art. 47' } })).result;
  const byToken: Record<string, Principal> = { vnm, chatwave };
  const app = createApp({
    deps: deps as never,
    cursorKeys: generateCursorKeys(),
    logger: silent,
    auth: {
      verify: async (token) => {
        const p = byToken[token]!;
        return { sub: p.sub, orgId: p.orgId, roles: [...p.roles] };
      },
    },
  });
  /** Holds each of the next `n` loads until all `n` were asked for: they all read the same versions. */
  const barrier = (n: number) => {
    const load = deps.store.load.bind(deps.store);
    let waiting: (() => void)[] = [];
    let left = n;
    deps.store.load = async (req) => {
      const read = await load(req);
      if (left <= 0) return read;
      left--;
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (left === 0) {
          for (const go of waiting) go();
          waiting = [];
        }
      });
      return read;
    };
  };
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { authorization: 'Bearer chatwave', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { deps, ws, app, barrier, post };
};

const judge = async (responses: Response[]) => {
  const statuses = responses.map((r) => r.status);
  const bodies = await Promise.all(responses.map((r) => r.text()));
  for (const [i, status] of statuses.entries()) {
    expect([200, 503], `${status} ${bodies[i]}`).toContain(status);
    if (status === 503) expect(Number(responses[i]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(bodies[i]).not.toContain('stale-version');
  }
  return statuses;
};

describe('parallel writes without If-Match', () => {
  it('answer the targets of one request: each 200 (or 503), none 409 stale-version, every answer kept', async () => {
    const { deps, ws, barrier, post } = await setUp();
    const targets = 6;
    const input = CreateRequestInput.parse({
      providerOrgId: 'chatwave',
      type: 'subscriber_info',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Who holds these accounts',
      selectors: Array.from({ length: targets }, (_, i) => ({ type: 'email', value: `mule${i}@example.com` })),
    });
    const id = (await createRequest(deps, { principal: vnm }, ws.id, input)).result.id;
    await acknowledgeRequest(deps, { principal: chatwave }, id);

    barrier(targets);
    const statuses = await judge(
      await Promise.all(
        Array.from({ length: targets }, (_, i) =>
          post(`/v1/portal/requests/${id}/targets`, { answers: [{ target: i, decision: 'produce' }] }),
        ),
      ),
    );
    const kept = (await deps.store.get({ kind: 'request', workspaceId: ws.id, id }))!.targets ?? [];
    expect(kept.map((t) => t.target).sort()).toEqual(statuses.flatMap((s, i) => (s === 200 ? [i] : [])).sort());
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(1);
  });

  it('answer batches of one takedown: each 200 (or 503), none 409 stale-version, every answer counted', async () => {
    const { deps, ws, barrier, post } = await setUp();
    const batches = 8;
    const created = await createTakedown(
      deps,
      { principal: vnm },
      ws.id,
      CreateTakedownInput.parse({
        providerOrgId: 'chatwave',
        legalBasis: { code: 'EU-DSA', text: 'Order under art. 9' },
        description: 'Job-ad pages of the compound',
        items: Array.from({ length: batches * 2 }, (_, i) => ({ kind: 'url', service: 'web', value: `https://jobs.example/ad/${i + 1}` })),
      }),
    );
    const id = created.result.request.id;
    await acknowledgeRequest(deps, { principal: chatwave }, id);

    barrier(batches);
    const statuses = await judge(
      await Promise.all(
        Array.from({ length: batches }, (_, b) =>
          post(`/v1/portal/requests/${id}/takedown/answers`, {
            answers: [
              { n: 2 * b + 1, status: 'removed' },
              { n: 2 * b + 2, status: 'not_found' },
            ],
          }),
        ),
      ),
    );
    const ok = statuses.filter((s) => s === 200).length;
    expect(ok).toBeGreaterThan(1);
    const r = (await deps.store.get({ kind: 'request', workspaceId: ws.id, id }))!;
    expect(r.takedown?.counts).toMatchObject({ removed: ok, not_found: ok, pending: 2 * (batches - ok) });
  });

  it('still answer 409 stale-version to a write whose If-Match is stale', async () => {
    const { deps, ws, app } = await setUp();
    const input = CreateRequestInput.parse({
      providerOrgId: 'chatwave',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Logs',
      selectors: [{ type: 'email', value: 'x@example.com' }],
      send: false,
    });
    const id = (await createRequest(deps, { principal: vnm }, ws.id, input)).result.id;
    const sent = await app.request(`/v1/workspaces/${ws.id}/requests/${id}/send`, {
      method: 'POST',
      headers: { authorization: 'Bearer vnm', 'if-match': '"7"' },
    });
    expect(sent.status).toBe(409);
    expect(((await sent.json()) as { type: string }).type).toMatch(/stale-version$/);
  });
});
