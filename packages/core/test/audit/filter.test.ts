import { describe, expect, it } from 'vitest';
import {
  AUDIT_FILTER_BATCH,
  AUDIT_FILTER_READS,
  type AuditFilter,
  type AuditView,
  appendAuditEntry,
  createTask,
  DomainError,
  listAuditEntries,
  type Principal,
} from '../../src';
import { settledAudit } from '../../testing';
import { DAY, gbr, principal, taskforce, vnm, world } from '../world';

const gbrAuditor = principal('gbr-nca', 'GBR', ['auditor']);
const HIDDEN_FROM_GBR = { tlp: 'AMBER' as const, releasableTo: ['VNM'], caveats: [] };

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
  ]);
  const ws = await taskforce(deps, vnm, [gbr]);
  const task = (marking: object, title: string) =>
    createTask(deps, { principal: vnm }, ws.id, {
      title,
      description: '',
      assigneeOrgId: 'vnm-a05',
      dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
      priority: 'normal',
      marking: marking as never,
    });
  const open = (await task({ tlp: 'GREEN', releasableTo: 'members', caveats: [] }, 'Open')).result;
  const hidden = (await task(HIDDEN_FROM_GBR, 'Hidden')).result;
  await settledAudit(deps, ws.id);
  return { deps, ws, open, hidden };
};

type Deps = Awaited<ReturnType<typeof setUp>>['deps'];

/** Every page of a filtered list, following `next`. */
const walk = async (deps: Deps, p: Principal, ws: string, filter: AuditFilter, limit = 2) => {
  const pages: AuditView[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEntries(deps, p, ws, { limit, ...(cursor ? { cursor } : {}) }, filter);
    pages.push(page.items);
    cursor = page.next;
  } while (cursor);
  return pages;
};
const whole = (xs: AuditView[]) => xs.map((e) => ('sealed' in e ? 'sealed' : `${e.action} ${e.target.id}`));

describe('audit trail filters (applied before paging)', () => {
  it('narrows by action, actor, record, kind and time, page after page', async () => {
    const { deps, ws, open, hidden } = await setUp();
    const byAction = (await walk(deps, vnm, ws.id, { actions: ['task.assigned'] })).flat();
    expect(whole(byAction)).toEqual([`task.assigned ${open.id}`, `task.assigned ${hidden.id}`]);
    expect(whole((await walk(deps, vnm, ws.id, { record: open.id })).flat())).toEqual([`task.assigned ${open.id}`]);
    expect((await walk(deps, vnm, ws.id, { actor: 'gbr-nca' })).flat().every((e) => !('sealed' in e) && e.actor.orgId === 'gbr-nca')).toBe(
      true,
    );
    const changes = (await walk(deps, vnm, ws.id, { kind: 'changes' })).flat();
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.some((e) => !('sealed' in e) && /\.(read|listed)$/.test(e.action))).toBe(false);
    const later = new Date(deps.clock.now().getTime() + 60_000).toISOString();
    expect((await walk(deps, vnm, ws.id, { from: later })).flat()).toEqual([]);
  });

  it('never matches an entry the reader sees sealed: the same pages as if it were not there', async () => {
    const { deps, ws, open, hidden } = await setUp();
    const seen = whole((await walk(deps, gbrAuditor, ws.id, { actions: ['task.assigned'] }, 1)).flat());
    expect(seen).toEqual([`task.assigned ${open.id}`]);
    expect(whole((await walk(deps, gbrAuditor, ws.id, { record: hidden.id })).flat())).toEqual([]);
    // The unfiltered trail shows the hidden task's entry sealed, as before.
    const all = await listAuditEntries(deps, gbrAuditor, ws.id, { limit: 100 });
    expect(all.items.filter((e) => 'sealed' in e).length).toBe(1);
  });

  it('refuses a cursor used with another filter, or an unfiltered cursor used with a filter', async () => {
    const { deps, ws } = await setUp();
    const first = await listAuditEntries(deps, vnm, ws.id, { limit: 1 }, { kind: 'changes' });
    expect(first.next).toBeDefined();
    const refused = (f: AuditFilter, cursor: string) =>
      listAuditEntries(deps, vnm, ws.id, { limit: 1, cursor }, f).then(
        () => 'accepted',
        (e) => (e instanceof DomainError && e.code === 'validation' && e.field === 'cursor' ? 'refused' : String(e)),
      );
    expect(await refused({ kind: 'reads' }, first.next!)).toBe('refused');
    expect(await refused({}, first.next!)).toBe('refused');
    const plain = await listAuditEntries(deps, vnm, ws.id, { limit: 1 });
    expect(await refused({ kind: 'changes' }, plain.next!)).toBe('refused');
    expect(await refused({ kind: 'changes' }, first.next!)).toBe('accepted');
  });

  it('reads a bounded part of a long trail per page and says where to go on', async () => {
    const { deps, ws } = await setUp();
    const actor = { sub: 'u', orgId: 'vnm-a05', country: 'VNM' };
    const n = AUDIT_FILTER_BATCH * AUDIT_FILTER_READS + 10;
    for (let i = 0; i < n; i++)
      await appendAuditEntry(deps, ws.id, actor, { action: 'workspace.read', target: { type: 'workspace', id: ws.id }, markings: [] });
    await appendAuditEntry(deps, ws.id, actor, { action: 'workspace.updated', target: { type: 'workspace', id: ws.id }, markings: [] });
    await settledAudit(deps, ws.id);
    const filter = { actions: ['workspace.updated'] };
    const first = await listAuditEntries(deps, vnm, ws.id, { limit: 25 }, filter);
    expect(first.next).toBeDefined();
    const second = await listAuditEntries(deps, vnm, ws.id, { limit: 25, cursor: first.next! }, filter);
    expect([...first.items, ...second.items].map((e) => ('sealed' in e ? '' : e.action))).toEqual(['workspace.updated']);
    expect(second.next).toBeUndefined();
  });
});
