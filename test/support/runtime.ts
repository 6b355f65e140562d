import { randomUUID } from 'node:crypto';
import { ManualClock, type Principal } from '@taskforce/core';
import { type RuntimeOptions, startRuntime } from '@taskforce/local';
import { inject } from 'vitest';

// biome-ignore lint/suspicious/noExplicitAny: tests read replies ad hoc
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** The embedded runtime on the shared engines, with its own table, a manual clock and no ticking sweep. */
export const testRuntime = async (start = '2026-03-01T08:00:00.000Z', extra: Partial<RuntimeOptions> = {}) => {
  const clock = new ManualClock(start);
  const rt = await startRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    sqsEndpoint: inject('sqsEndpoint'),
    tableName: `e2e-${randomUUID().slice(0, 8)}`,
    clock,
    sweepEveryMs: false,
    logger: { info() {}, warn() {}, error() {} },
    ...extra,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read replies ad hoc
  const call = async <T = any>(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> => {
    const res = await fetch(rt.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const tokenFor = (orgId: string, country: string, roles: Principal['roles'] = ['officer'], orgKind: Principal['orgKind'] = 'agency') =>
    rt.token({ orgId, country, roles, orgKind });
  return { rt, clock, call, tokenFor };
};

export type TestRuntime = Awaited<ReturnType<typeof testRuntime>>;

export const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
  { id: 'tha-ccib', name: 'CCIB', kind: 'agency', country: 'THA' },
  { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
] as const;

/** ORGS with Thailand's whole 24/7 ladder (duty, backup, national lead), for the incident suites. */
export const LADDER_ORGS = [
  ...ORGS.slice(0, 3),
  { id: 'tha-dsi', name: 'DSI', kind: 'agency', country: 'THA' },
  { id: 'tha-rtp', name: 'Royal Thai Police', kind: 'agency', country: 'THA' },
  ...ORGS.slice(3),
] as const;

/** Registers the organisations (ORGS unless told) as the platform admin. */
export const seedOrgs = async (t: TestRuntime, orgs: readonly object[] = ORGS) => {
  const admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
  for (const org of orgs) {
    const r = await t.call('POST', '/v1/organisations', admin, org);
    if (r.status !== 201) throw new Error(`seeding ${JSON.stringify(org)}: ${r.status} ${JSON.stringify(r.body)}`);
  }
};

/** `lead` invites each organisation into workspace `ws`, and each accepts with its own token. */
export const joinAll = async (t: TestRuntime, lead: string, ws: string, members: readonly (readonly [orgId: string, token: string])[]) => {
  for (const [orgId, token] of members) {
    const invited = await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId });
    if (invited.status !== 201) throw new Error(`inviting ${orgId}: ${invited.status} ${JSON.stringify(invited.body)}`);
    const accepted = await t.call('POST', `/v1/workspaces/${ws}/invitations/${orgId}/accept`, token);
    if (accepted.status !== 200) throw new Error(`${orgId} accepting: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
};

/** The FBI and Thailand's three ladder agencies with an officer's token each: who joins the incident suites' workspace. */
export const ladderMembers = (t: TestRuntime) =>
  Promise.all(
    (
      [
        ['usa-fbi', 'USA'],
        ['tha-ccib', 'THA'],
        ['tha-dsi', 'THA'],
        ['tha-rtp', 'THA'],
      ] as const
    ).map(async ([orgId, country]) => [orgId, await t.tokenFor(orgId, country)] as const),
  );

/** A production request to Mekong Bank for the mule account's records; `description` says which. */
export const productionRequest = (description: string) => ({
  providerOrgId: 'mekong-bank',
  type: 'production',
  legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
  description,
  selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
});

/** Spread over a request body: an EU preservation order instead (the 60-day eu-preservation clock). */
export const EU_PRESERVATION = {
  type: 'preservation',
  legalBasis: { code: 'EU-EEVIDENCE', text: 'Regulation (EU) 2023/1543, art. 6' },
} as const;

/**
 * An audit export as a client makes one: start the job, poll it (pumping the workers) until it
 * is no longer queued, and download the file through its link. `file` is null unless ready.
 */
export const exportAudit = async (t: TestRuntime, ws: string, token: string) => {
  const started = await t.call('POST', `/v1/workspaces/${ws}/audit/exports`, token);
  if (started.status !== 202) return { started, job: undefined, file: null };
  const location = started.headers.get('location')!;
  let job = await t.call('GET', location, token);
  for (let i = 0; i < 100 && job.status === 200 && job.body.status === 'queued'; i++) {
    await t.rt.pump();
    job = await t.call('GET', location, token);
    if (job.body?.status === 'queued') await new Promise((r) => setTimeout(r, 50));
  }
  if (job.body?.status !== 'ready') return { started, job, file: null };
  const res = await fetch(job.body.download.url);
  return { started, job, file: res.ok ? await res.text() : null, download: res };
};
