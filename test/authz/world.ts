import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Marking, PolicySet } from '@taskforce/core';
import type { Standing } from '../support/permission-table';
import type { TestRuntime } from '../support/runtime';

/** Who calls: what the registry holds of its organisation (if anything), its token's roles, its standing in the workspace. */
export interface Persona {
  name: string;
  orgId: string;
  roles: string[];
  kind: 'agency' | 'international' | 'provider';
  country: string;
  /** `unregistered` and `suspended` organisations are refused before anything else: 404 on a path that names a record, else 403. */
  registry: 'active' | 'unregistered' | 'suspended';
  standing: Standing;
  /** Was a member once (removed or left), or was invited: never a member now. */
  note?: string;
  token: string;
}

export interface WRecord {
  kind: 'task' | 'request' | 'incident';
  id: string;
  label: string;
  marker: string;
  marking: Marking;
  /** Tasks: the assignee. Requests: the addressee and whether it was sent. */
  assigneeOrgId?: string;
  providerOrgId?: string;
  sent?: boolean;
  raisedByOrgId?: string;
  evidenceId?: string;
  countries?: string[];
  /** Requests: a takedown, with its items stored apart. */
  takedown?: boolean;
}

export const START = '2026-03-01T08:00:00.000Z';
export const EMBARGO = '2026-06-01T00:00:00.000Z';

export const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
  { id: 'tha-ccib', name: 'CCIB', kind: 'agency', country: 'THA' },
  { id: 'aus-afp', name: 'AFP', kind: 'agency', country: 'AUS' },
  { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' },
  { id: 'deu-bka', name: 'BKA', kind: 'agency', country: 'DEU' },
  { id: 'fra-ocl', name: 'OCLCTIC', kind: 'agency', country: 'FRA' },
  { id: 'jpn-npa', name: 'NPA', kind: 'agency', country: 'JPN' },
  { id: 'sgp-spf', name: 'SPF', kind: 'agency', country: 'SGP' },
  { id: 'int-europol', name: 'Europol', kind: 'international', country: 'NLD' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  { id: 'coin-x', name: 'CoinX', kind: 'provider', country: 'SGP', sector: 'crypto' },
  { id: 'chatwave', name: 'Chatwave', kind: 'provider', country: 'USA', sector: 'tech' },
  { id: 'khm-ncb', name: 'NCB', kind: 'agency', country: 'KHM' },
] as const;

type Spec = Omit<Persona, 'token' | 'kind' | 'country' | 'registry'> & { registry?: Persona['registry'] };

/** Every persona of the matrix. */
export const PERSONA_SPECS: Spec[] = [
  { name: 'lead', orgId: 'vnm-a05', roles: ['officer'], standing: 'lead' },
  { name: 'lead-policy-admin', orgId: 'vnm-a05', roles: ['policy_admin'], standing: 'lead' },
  { name: 'member', orgId: 'usa-fbi', roles: ['officer'], standing: 'member' },
  { name: 'member-auditor-only', orgId: 'usa-fbi', roles: ['auditor'], standing: 'member' },
  { name: 'member-roleless', orgId: 'usa-fbi', roles: [], standing: 'member' },
  // A prosecutor of a member agency who validates its e-Evidence orders (an officer too, as the console's persona).
  { name: 'member-validator', orgId: 'usa-fbi', roles: ['officer', 'validating_authority'], standing: 'member' },
  { name: 'member-duty', orgId: 'tha-ccib', roles: ['officer', 'duty_contact'], standing: 'member' },
  { name: 'international-member', orgId: 'int-europol', roles: ['officer'], standing: 'member' },
  { name: 'observer', orgId: 'aus-afp', roles: ['officer'], standing: 'observer' },
  { name: 'invited-pending', orgId: 'gbr-nca', roles: ['officer'], standing: undefined, note: 'invited' },
  { name: 'declined', orgId: 'deu-bka', roles: ['officer'], standing: undefined, note: 'declined' },
  { name: 'removed', orgId: 'fra-ocl', roles: ['officer'], standing: undefined, note: 'departed' },
  { name: 'left', orgId: 'jpn-npa', roles: ['officer'], standing: undefined, note: 'departed' },
  { name: 'foreign-non-member', orgId: 'sgp-spf', roles: ['officer'], standing: undefined },
  { name: 'foreign-policy-admin', orgId: 'sgp-spf', roles: ['policy_admin'], standing: undefined },
  { name: 'bank-addressed', orgId: 'mekong-bank', roles: ['responder'], standing: undefined },
  { name: 'bank-clerk-no-responder', orgId: 'mekong-bank', roles: ['officer'], standing: undefined },
  { name: 'crypto-not-addressed', orgId: 'coin-x', roles: ['responder'], standing: undefined },
  { name: 'tech-not-addressed', orgId: 'chatwave', roles: ['responder'], standing: undefined },
  {
    name: 'unregistered',
    orgId: 'ghost-police',
    roles: ['officer', 'policy_admin', 'duty_contact'],
    standing: undefined,
    registry: 'unregistered',
  },
  { name: 'suspended', orgId: 'khm-ncb', roles: ['officer'], standing: undefined, registry: 'suspended' },
  { name: 'platform-admin', orgId: 'platform', roles: ['admin'], standing: undefined },
  // Organisations' own administrators: their own users only, nothing of the platform's.
  { name: 'lead-org-admin', orgId: 'vnm-a05', roles: ['admin'], standing: 'lead' },
  { name: 'bank-org-admin', orgId: 'mekong-bank', roles: ['admin'], standing: undefined },
];

export const personaFrom = (s: Spec, token: string): Persona => {
  const org = ORGS.find((o) => o.id === s.orgId);
  const platform = s.orgId === 'platform';
  return {
    ...s,
    token,
    kind: platform ? 'international' : ((org?.kind ?? 'agency') as Persona['kind']),
    country: platform ? 'ZZZ' : (org?.country ?? 'XXX'),
    registry: s.registry ?? 'active',
    // The platform organisation's callers hold `admin` and nothing else; another organisation's `admin` is its own.
    roles: platform ? s.roles.filter((r) => r === 'admin') : s.roles,
  };
};

/** The marking the platform stores for what a caller sends: the originator stamped, its country kept releasable. */
export const stored = (input: Omit<Marking, 'originator' | 'caveats' | 'releasableTo'> & Partial<Marking>, orgId: string): Marking => {
  const country = ORGS.find((o) => o.id === orgId)!.country;
  const rel = input.releasableTo ?? 'members';
  return {
    tlp: input.tlp,
    releasableTo: rel === 'members' ? 'members' : [...new Set([country, ...rel])],
    caveats: input.caveats ?? [],
    ...(input.recipients ? { recipients: input.recipients } : {}),
    ...(input.embargoUntil ? { embargoUntil: input.embargoUntil } : {}),
    originator: { orgId, country },
  };
};

export const policySet = (rules: Record<string, unknown[]>): PolicySet =>
  ({
    version: 1,
    countries: Object.fromEntries(Object.entries(rules).map(([c, r]) => [c, { country: c, rules: r }])),
  }) as unknown as PolicySet;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A webhook endpoint that keeps every body it is sent (signatures are the delivery suite's business). */
export const startCollector = async () => {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, bodies, stop: () => new Promise<void>((r) => server.close(() => r())) };
};

export interface Sent {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: replies are read ad hoc
  body: any;
  headers: Headers;
}

/** One HTTP call against the runtime, keeping the raw text for the leak detector. */
export const sender =
  (t: TestRuntime) =>
  async (method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> => {
    const raw = body instanceof Uint8Array;
    const res = await fetch(t.rt.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': raw ? 'application/octet-stream' : 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, text, body: parsed, headers: res.headers };
  };
