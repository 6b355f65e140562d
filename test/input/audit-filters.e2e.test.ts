/**
 * The audit trail's filters over HTTP: each bad value is a 400 naming its query field, a filtered
 * page's cursor opens only with the same filter, and a filtered walk finds exactly what the
 * unfiltered trail shows for that filter.
 */
import { CURSOR_REFUSED, generateCursorKeys } from '@taskforce/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

describe('audit trail filters over HTTP', () => {
  let t: TestRuntime;
  let lead: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false, cursorKeys: generateCursorKeys() });
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Q', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    for (let i = 0; i < 4; i++) {
      t.clock.advance(1000);
      const r = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: `Task ${i}`,
        description: '',
        assigneeOrgId: 'vnm-a05',
        dueAt: '2026-03-09T08:00:00.000Z',
        priority: 'normal',
      });
      expect(r.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.rt.stop());

  const audit = (query: string) => t.call('GET', `/v1/workspaces/${ws}/audit?${query}`, lead);

  it.each([
    ['action=Task.Assigned', 'query.action'],
    ['action=task.assigned,,task.read', 'query.action'],
    ['actor=%20x', 'query.actor'],
    ['record=NOT_AN_ID', 'query.record'],
    ['kind=everything', 'query.kind'],
    ['from=yesterday', 'query.from'],
    ['from=2026-03-02T00:00:00.000Z&to=2026-03-01T00:00:00.000Z', 'query.to'],
  ])('%s is a 400 naming %s', async (query, field) => {
    const r = await audit(query);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('pages a filter to the end, finding what the whole trail holds for it; its cursor opens for that filter only', async () => {
    const all = (await audit('limit=100')).body.items as { action?: string }[];
    const expected = all.filter((e) => e.action === 'task.assigned').length;
    expect(expected).toBe(4);
    let cursor: string | undefined;
    let found = 0;
    let first: string | undefined;
    do {
      const r = await audit(`action=task.assigned&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      found += r.body.items.length;
      cursor = r.body.next;
      first ??= cursor;
    } while (cursor);
    expect(found).toBe(expected);
    for (const other of ['action=task.read&limit=1', 'limit=1', 'action=task.assigned&kind=changes&limit=1']) {
      const r = await audit(`${other}&cursor=${first}`);
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'query.cursor', message: CURSOR_REFUSED }]);
    }
  });
});
