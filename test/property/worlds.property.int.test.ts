import { randomUUID } from 'node:crypto';
import { createApp, generateCursorKeys } from '@taskforce/api';
import { ManualClock, type MarkingInput, type PolicyRule, type Principal, timeOrderedIds } from '@taskforce/core';
import { MemoryExportFiles } from '@taskforce/core/testing';
import { createDynamoClient, DynamoAlertStore, DynamoStore, documentClient, ensureTable } from '@taskforce/dynamo';
import fc from 'fast-check';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { COUNTRIES, LEGAL_BASES, markingInput, NOW, rule } from './arbitraries';
import { oracle } from './oracle';

/** A generated world: agencies and partners of random countries, one workspace, marked records, then policies. */
const world = fc.record({
  agencyCountries: fc.array(fc.constantFrom(...COUNTRIES), { minLength: 4, maxLength: 4 }),
  partnerCountries: fc.array(fc.constantFrom(...COUNTRIES), { minLength: 2, maxLength: 2 }),
  roles: fc.array(fc.constantFrom('member' as const, 'observer' as const, 'none' as const), { minLength: 3, maxLength: 3 }),
  tasks: fc.array(fc.record({ marking: markingInput, assignee: fc.nat(3) }), { minLength: 1, maxLength: 5 }),
  requests: fc.array(fc.record({ marking: markingInput, by: fc.nat(3), partner: fc.nat(1) }), { minLength: 1, maxLength: 5 }),
  policies: fc.dictionary(fc.constantFrom(...COUNTRIES), fc.array(rule, { maxLength: 2 }), { maxKeys: 3 }),
  legalBasis: fc.constantFrom(...LEGAL_BASES),
});

const AGENCIES = ['ag-0', 'ag-1', 'ag-2', 'ag-3'];
const PARTNERS = ['pt-0', 'pt-1'];
const silent = { info() {}, warn() {}, error() {} };

describe('every route, for every principal of generated worlds, returns and lists only what policy allows', () => {
  const dynamo = createDynamoClient({ endpoint: inject('dynamoEndpoint') });
  let checks = 0;
  let worlds = 0;
  afterAll(() => {
    console.info(`world property test: ${worlds} worlds, ${checks} route checks`);
  });

  it('holds on generated worlds', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        worlds++;
        const table = `prop-${randomUUID().slice(0, 8)}`;
        await ensureTable(dynamo, table);
        const clock = new ManualClock(NOW.toISOString());
        const doc = documentClient(dynamo);
        const blobs = new Map<string, Uint8Array>();
        const deps = {
          store: new DynamoStore(doc, table),
          alerts: new DynamoAlertStore(doc, table),
          content: {
            put: async (key: string, body: Uint8Array) => void blobs.set(key, body),
            get: async (key: string) => blobs.get(key) ?? null,
          },
          exportFiles: new MemoryExportFiles(),
          clock,
          ids: timeOrderedIds(clock),
        };
        const principals = new Map<string, Principal>();
        const as = (orgId: string, country: string, orgKind: Principal['orgKind'], roles: Principal['roles'] = ['officer']) => {
          const token = `${orgId}:${roles.join(',')}`;
          principals.set(token, { sub: `${orgId}-user`, orgId, orgKind, country, roles });
          return token;
        };
        const app = createApp({
          deps,
          logger: silent,
          cursorKeys: generateCursorKeys(),
          auth: {
            verify: async (t) => {
              const p = principals.get(t);
              if (!p) throw new Error('unknown token');
              return p;
            },
          },
        });
        const call = async (method: string, path: string, token: string, body?: unknown) => {
          const res = await app.request(path, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
          // biome-ignore lint/suspicious/noExplicitAny: replies read ad hoc
          return { status: res.status, body: (await res.json()) as any };
        };

        const admin = as('platform', 'ZZZ', 'international', ['admin']);
        const agencies = AGENCIES.map((id, i) => ({ id, country: w.agencyCountries[i]!, token: as(id, w.agencyCountries[i]!, 'agency') }));
        const partners = PARTNERS.map((id, i) => ({
          id,
          country: w.partnerCountries[i]!,
          token: as(id, w.partnerCountries[i]!, 'provider', ['responder']),
        }));
        for (const o of agencies)
          await call('POST', '/v1/organisations', admin, { id: o.id, name: o.id, kind: 'agency', country: o.country });
        for (const o of partners)
          await call('POST', '/v1/organisations', admin, { id: o.id, name: o.id, kind: 'provider', country: o.country, sector: 'bank' });

        const lead = agencies[0]!;
        const ws = (await call('POST', '/v1/workspaces', lead.token, { title: 'World', legalBasis: { code: w.legalBasis, text: 'x' } }))
          .body.id as string;
        const roleOf = new Map<string, 'lead' | 'member' | 'observer'>([[lead.id, 'lead']]);
        for (const [i, role] of w.roles.entries()) {
          if (role === 'none') continue;
          const org = agencies[i + 1]!;
          expect((await call('POST', `/v1/workspaces/${ws}/invitations`, lead.token, { orgId: org.id, role })).status).toBe(201);
          expect((await call('POST', `/v1/workspaces/${ws}/invitations/${org.id}/accept`, org.token)).status).toBe(200);
          roleOf.set(org.id, role);
        }

        type Rec = {
          id: string;
          marking: MarkingInput;
          originator: { orgId: string; country: string };
          partner?: string;
          assignee?: string;
        };
        const tasks: Rec[] = [];
        for (const t of w.tasks) {
          const assignee = agencies[t.assignee]!;
          const r = await call('POST', `/v1/workspaces/${ws}/tasks`, lead.token, {
            title: 'T',
            assigneeOrgId: assignee.id,
            dueAt: new Date(NOW.getTime() + 5 * 86_400_000).toISOString(),
            marking: t.marking,
          });
          expect([201, 400]).toContain(r.status);
          if (r.status === 201)
            tasks.push({ id: r.body.id, marking: r.body.marking, originator: r.body.marking.originator, assignee: assignee.id });
        }
        const requests: Rec[] = [];
        for (const q of w.requests) {
          const by = agencies[q.by]!;
          const partner = partners[q.partner]!;
          const r = await call('POST', `/v1/workspaces/${ws}/requests`, by.token, {
            providerOrgId: partner.id,
            type: 'subscriber_info',
            legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
            description: 'd',
            selectors: [{ type: 'email', value: 'a@example.com' }],
            marking: q.marking,
          });
          expect([201, 400, 403, 404]).toContain(r.status);
          if (r.status === 201)
            requests.push({ id: r.body.id, marking: r.body.marking, originator: r.body.marking.originator, partner: partner.id });
        }

        // Policies change after the records exist: visibility must follow at once.
        const policies = {
          version: 1,
          countries: {} as Record<
            string,
            { country: string; rules: PolicyRule[]; version: number; updatedAt: string; updatedBy: { sub: string; orgId: string } }
          >,
        };
        for (const [country, rules] of Object.entries(w.policies)) {
          const setter = as(`pa-${country.toLowerCase()}`, country, 'agency', ['policy_admin']);
          await call('POST', '/v1/organisations', admin, { id: `pa-${country.toLowerCase()}`, name: country, kind: 'agency', country });
          const r = await call('PUT', `/v1/policies/${country}`, setter, { rules });
          expect(r.status).toBe(201);
          policies.countries[country] = r.body;
        }

        const sees = (
          viewer: { id: string; country: string; kind: 'agency' | 'provider' },
          rec: Rec,
          action: 'read' | 'list',
          addressee = false,
        ) =>
          oracle(
            {
              orgId: viewer.id,
              orgKind: viewer.kind,
              country: viewer.country,
              workspaceRole: viewer.kind === 'agency' ? roleOf.get(viewer.id) : undefined,
              addressee,
            },
            action,
            { marking: { ...rec.marking, originator: rec.originator } as never, workspaceStatus: 'open', legalBasisCode: w.legalBasis },
            policies,
            NOW,
          );
        const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

        for (const a of agencies) {
          const viewer = { id: a.id, country: a.country, kind: 'agency' as const };
          const member = roleOf.has(a.id);
          const taskList = await call('GET', `/v1/workspaces/${ws}/tasks?limit=100`, a.token);
          const reqList = await call('GET', `/v1/workspaces/${ws}/requests?limit=100`, a.token);
          if (!member) {
            expect(taskList.status).toBe(404);
            expect(reqList.status).toBe(404);
          } else {
            expect(ids(taskList.body)).toEqual(
              tasks
                .filter((t) => sees(viewer, t, 'list'))
                .map((t) => t.id)
                .sort(),
            );
            expect(ids(reqList.body)).toEqual(
              requests
                .filter((r) => sees(viewer, r, 'list'))
                .map((r) => r.id)
                .sort(),
            );
          }
          for (const t of tasks)
            expect((await call('GET', `/v1/workspaces/${ws}/tasks/${t.id}`, a.token)).status).toBe(
              member && sees(viewer, t, 'read') ? 200 : 404,
            );
          for (const r of requests) {
            expect((await call('GET', `/v1/workspaces/${ws}/requests/${r.id}`, a.token)).status).toBe(
              member && sees(viewer, r, 'read') ? 200 : 404,
            );
            expect((await call('GET', `/v1/portal/requests/${r.id}`, a.token)).status).toBe(404);
          }
          const mine = await call('GET', '/v1/tasks?limit=100', a.token);
          expect(ids(mine.body)).toEqual(
            tasks
              .filter((t) => t.assignee === a.id && sees(viewer, t, 'list'))
              .map((t) => t.id)
              .sort(),
          );
          checks += 4 + tasks.length + 2 * requests.length;
        }
        for (const p of partners) {
          const viewer = { id: p.id, country: p.country, kind: 'provider' as const };
          expect((await call('GET', `/v1/workspaces/${ws}/tasks`, p.token)).status).toBe(404);
          expect((await call('GET', `/v1/workspaces/${ws}/requests`, p.token)).status).toBe(404);
          const inbox = await call('GET', '/v1/portal/requests?limit=100', p.token);
          expect(ids(inbox.body)).toEqual(
            requests
              .filter((r) => r.partner === p.id && sees(viewer, r, 'list', true))
              .map((r) => r.id)
              .sort(),
          );
          for (const r of requests) {
            expect((await call('GET', `/v1/portal/requests/${r.id}`, p.token)).status).toBe(
              r.partner === p.id && sees(viewer, r, 'read', true) ? 200 : 404,
            );
            expect((await call('GET', `/v1/workspaces/${ws}/requests/${r.id}`, p.token)).status).toBe(404);
          }
          for (const t of tasks) expect((await call('GET', `/v1/workspaces/${ws}/tasks/${t.id}`, p.token)).status).toBe(404);
          checks += 3 + 2 * requests.length + tasks.length;
        }
      }),
      { numRuns: Number(process.env.WORLD_RUNS ?? 25), endOnFailure: true },
    );
  }, 300_000);
});
