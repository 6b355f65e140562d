import { describe, expect, it } from 'vitest';
import { createTask, LIST_READS_PER_PAGE, listTasks, type Page, type Task } from '../../src/index';
import { agencies, gbr, principal, taskforce, vnm } from '../world';

const usa = principal('usa-fbi', 'USA');

/** A workspace whose tasks, in creation order, are hidden from the USA (H) or not (V). */
const setUp = async (pattern: string) => {
  const deps = await agencies(vnm, gbr, usa);
  const ws = await taskforce(deps, vnm, [gbr, usa]);
  const visible: string[] = [];
  for (const [i, c] of [...pattern].entries()) {
    const task = await createTask(deps, { principal: vnm }, ws.id, {
      title: `t${i}`,
      description: '',
      assigneeOrgId: 'gbr-nca',
      dueAt: new Date(deps.clock.now().getTime() + 86_400_000).toISOString(),
      priority: 'normal',
      ...(c === 'H' ? { marking: { tlp: 'GREEN', releasableTo: ['VNM', 'GBR'], caveats: [] } } : {}),
    });
    if (c === 'V') visible.push(task.result.id);
  }
  const pages: Page<Task>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTasks(deps, usa, ws.id, { limit: 2, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.next;
  } while (cursor && pages.length < 50);
  return { visible, pages: pages.map((p) => ({ ids: p.items.map((t) => t.id), more: p.next !== undefined })) };
};

describe('lists the evaluator thins', () => {
  it('fill each page from the next store pages rather than answer an empty page with a next', async () => {
    const { visible, pages } = await setUp('HHHHHHVVHHHV');
    expect(pages).toEqual([
      { ids: visible.slice(0, 2), more: true },
      { ids: visible.slice(2), more: false },
    ]);
  });

  it(`read at most ${LIST_READS_PER_PAGE} store pages for one page, and say there is more when they held nothing visible`, async () => {
    const { visible, pages } = await setUp(`${'H'.repeat(2 * LIST_READS_PER_PAGE + 2)}V`);
    expect(pages).toEqual([
      { ids: [], more: true },
      { ids: visible, more: false },
    ]);
  });
});
