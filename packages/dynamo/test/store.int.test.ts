import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  CommitConflict,
  createTask,
  createWorkspace,
  DomainError,
  evaluate,
  getTask,
  invite,
  listTasks,
  type Marking,
  type PolicySet,
  registerOrganisation,
  respondToInvitation,
  setCountryPolicy,
  sweepDue,
  updateTask,
} from '@taskforce/core';
import { settledAudit, unsealedEntry } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo';
import { admin, principal, testDeps } from '../../../test/support/world';

const vnm = principal('vnm-a05', 'VNM');
const gbr = principal('gbr-nca', 'GBR');

describe('DynamoStore on DynamoDB Local', () => {
  let t: Awaited<ReturnType<typeof freshTable>>;
  let deps: ReturnType<typeof testDeps>;
  beforeAll(async () => {
    t = await freshTable();
    deps = testDeps(t.store);
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['gbr-nca', 'GBR'],
    ] as const) {
      await registerOrganisation(deps, { principal: admin }, { id, name: id.toUpperCase(), kind: 'agency', country });
    }
  });
  afterAll(() => t.drop());

  it('commits a command as one transaction after one read', async () => {
    t.counter.reset();
    const ws = await createWorkspace(deps, { principal: vnm }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'Art. 47' } });
    expect(ws.committed).toBe(true);
    // one GetItem (the lead's organisation: no chain head is read), one TransactWriteItems
    expect(t.counter.snapshot()).toEqual({ GetItem: 1, TransactWriteItems: 1 });
  });

  it('runs the full task life with timers, a stale write and the audit chain', async () => {
    const ws = (
      await createWorkspace(deps, { principal: vnm }, { title: 'Op Mekong', legalBasis: { code: 'JIT-AGREEMENT', text: 'JIT 2026/3' } })
    ).result;
    await invite(deps, { principal: vnm }, ws.id, { orgId: 'gbr-nca', role: 'member' });
    await respondToInvitation(deps, { principal: gbr }, ws.id, 'gbr-nca', 'accepted');
    const due = new Date(deps.clock.now().getTime() + 2 * 86_400_000).toISOString();
    const task = (
      await createTask(deps, { principal: vnm }, ws.id, {
        title: 'Trace wallet',
        description: '',
        assigneeOrgId: 'gbr-nca',
        dueAt: due,
        priority: 'high',
      })
    ).result;

    t.counter.reset();
    const got = await getTask(deps, gbr, ws.id, task.id);
    expect(got.title).toBe('Trace wallet');
    // The workspace, the task and the chain head; then the policies of the members' (VNM, GBR)
    // and the task's originator's countries: no item every request reads.
    expect(t.counter.snapshot()).toEqual({ BatchGetItem: 2 });

    const accepted = (await updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'accepted' }, 1)).result;
    expect(accepted.version).toBe(2);
    await expect(updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'in_progress' }, 1)).rejects.toMatchObject({
      code: 'stale_version',
    });

    // Nothing is due yet; then the one-day reminder; then the overdue escalation.
    expect((await sweepDue(deps)).due).toBe(0);
    deps.clock.advance(86_400_000 + 1000);
    const first = await sweepDue(deps);
    expect(first.fired.map((f) => f.kind)).toEqual(['task.reminder']);
    deps.clock.advance(86_400_000);
    const second = await sweepDue(deps);
    expect(second.fired.map((f) => f.kind).sort()).toEqual(['task.overdue', 'task.reminder']);
    expect((await getTask(deps, vnm, ws.id, task.id)).escalatedAt).toBeDefined();
    expect((await sweepDue(deps)).due).toBe(0);

    const page = await listTasks(deps, vnm, ws.id, { limit: 10 });
    expect(page.items).toHaveLength(1);

    const { entries, verification } = await settledAudit(deps, ws.id);
    const actions = entries.map((e) => e.action);
    expect(actions.slice(0, 6)).toEqual([
      'workspace.created',
      'invitation.sent',
      'invitation.accepted',
      'task.assigned',
      'task.status_changed',
      'task.reminder_sent',
    ]);
    expect(actions.slice(6).sort()).toEqual(['task.escalated', 'task.reminder_sent']);
    expect(verification).toMatchObject({ ok: true });
  });

  it('loads more records than one BatchGetItem may name (100 keys), each one found', async () => {
    const ws = (await createWorkspace(deps, { principal: vnm }, { title: 'Op Many', legalBasis: { code: 'MLAT', text: 'x' } })).result;
    const dueAt = new Date(deps.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const task = { title: `T${i}`, description: '', assigneeOrgId: 'vnm-a05', dueAt, priority: 'normal' } as const;
      ids.push((await createTask(deps, { principal: vnm }, ws.id, task)).result.id);
    }
    // 3 tasks that exist among 150 asked for: no chain head is read.
    const refs = [...ids, ...Array.from({ length: 147 }, (_, i) => `missing-${i}`)].map((id) => ({
      kind: 'task' as const,
      workspaceId: ws.id,
      id,
    }));
    t.counter.reset();
    const loaded = await t.store.load({ refs });
    expect([...loaded.records.values()].map((r) => (r.kind === 'task' ? r.value.id : r.kind)).sort()).toEqual([...ids].sort());
    expect(t.counter.snapshot()).toEqual({ BatchGetItem: 2 });
  });

  it('still reads the holders a table kept in one list item per hash, beside the holder items, in the one query', async () => {
    const marking: Marking = { originator: { orgId: 'vnm-a05', country: 'VNM' }, tlp: 'AMBER', releasableTo: 'members', caveats: [] };
    const owner = (workspaceId: string, id: string) => ({
      workspaceId,
      record: { type: 'task' as const, id },
      selectorType: 'phone',
      orgId: 'vnm-a05',
      country: 'VNM',
      marking,
      at: '2026-03-01T08:00:00.000Z',
    });
    // The item as the index wrote it before holders were items of their own.
    await t.doc.send(
      new PutCommand({
        TableName: t.tableName,
        Item: {
          pk: 'MATCH#k-old#h-legacy',
          sk: 'MATCH',
          kind: 'match',
          v: 2,
          data: { keyId: 'k-old', hmac: 'h-legacy', owners: [owner('ws-a', 'task-1'), owner('ws-b', 'task-2')], version: 2 },
        },
      }),
    );
    await deps.store.commit({
      audit: unsealedEntry('ws-c'),
      events: [],
      writes: [
        {
          op: 'put',
          record: { kind: 'match_holder', value: { ...owner('ws-c', 'task-3'), keyId: 'k-old', hmac: 'h-legacy' } },
          expect: 'absent',
        },
      ],
    });
    t.counter.reset();
    const [holders] = await t.store.matchHolders([{ keyId: 'k-old', hmac: 'h-legacy' }]);
    expect(t.counter.snapshot()).toEqual({ Query: 1 });
    expect(holders!.map((h) => `${h.keyId}/${h.hmac}/${h.workspaceId}/${h.record.id}`).sort()).toEqual([
      'k-old/h-legacy/ws-a/task-1',
      'k-old/h-legacy/ws-b/task-2',
      'k-old/h-legacy/ws-c/task-3',
    ]);
  });

  it('reports which condition failed', async () => {
    await expect(
      t.store.commit({
        audit: unsealedEntry('x1'),
        events: [],
        writes: [{ op: 'delete', ref: { kind: 'task', workspaceId: 'x1', id: 'gone' }, expect: 'present' }],
      }),
    ).rejects.toSatisfy((e) => e instanceof CommitConflict && e.reason === 'missing');
  });

  it('hides a workspace from non-members', async () => {
    const ws = (await createWorkspace(deps, { principal: vnm }, { title: 'Op Secret', legalBasis: { code: 'MLAT', text: 'x' } })).result;
    await expect(listTasks(deps, gbr, ws.id, { limit: 10 })).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'not_found');
  });

  it('answers a change that would outgrow an item as too large, not as an internal error', async () => {
    const ws = (await createWorkspace(deps, { principal: vnm }, { title: 'Op Big', legalBasis: { code: 'MLAT', text: 'x' } })).result;
    const huge = {
      title: 'x',
      description: 'x'.repeat(450_000),
      assigneeOrgId: 'vnm-a05',
      dueAt: '2026-06-01T00:00:00Z',
      priority: 'normal',
    } as const;
    await expect(createTask(deps, { principal: vnm }, ws.id, huge)).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'too_large',
    );
  });

  it("stores 300 countries' policies, each near its size limit, and enforces every one", async () => {
    // Each policy the most one country may name: 500 organisation ids of 64 characters (~33 KB).
    // All countries' policies were one item of at most 400 KB: the ninth country was refused.
    const orgIds = Array.from({ length: 100 }, (_, i) => `org-${i}-`.padEnd(64, 'x'));
    const rules = Array.from({ length: 5 }, () => ({ type: 'red_only_to' as const, orgIds }));
    const countries = Array.from(
      { length: 300 },
      (_, i) => `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}Z`,
    );
    const outcomes = new Map<string, number>();
    for (let i = 0; i < countries.length; i += 10) {
      await Promise.all(
        countries.slice(i, i + 10).map(async (country) => {
          const admin = principal(`${country.toLowerCase()}-admin`, country, ['policy_admin']);
          const out = await setCountryPolicy(deps, { principal: admin }, country, { rules }, undefined);
          outcomes.set(country, out.status);
        }),
      );
    }
    expect([...outcomes.values()].filter((s) => s === 201)).toHaveLength(300);
    // One load of all 300 (three BatchGetItems of at most 100 keys), each policy whole.
    const loaded = await t.store.load({ refs: [{ kind: 'policies', countries }] });
    const set = loaded.records.get('policies')!.value as PolicySet;
    expect(Object.keys(set.countries)).toHaveLength(300);
    for (const country of countries) expect(set.countries[country]?.rules).toEqual(rules);
    // Enforced: a RED record each country originated, shown to a named recipient that the
    // country's red_only_to does not list, is refused by that country's policy, for every one.
    const now = new Date();
    for (const country of countries) {
      const decision = evaluate(
        { orgId: 'gbr-nca', orgKind: 'agency', country: 'GBR', workspaceRole: 'member' },
        'read',
        {
          marking: {
            originator: { orgId: `${country.toLowerCase()}-admin`, country },
            tlp: 'RED',
            releasableTo: 'members',
            recipients: ['gbr-nca'],
            caveats: [],
          },
        },
        set,
        now,
      );
      expect(decision).toEqual({ allow: false, reasons: ['policy:red_only_to'] });
    }
  });
});
