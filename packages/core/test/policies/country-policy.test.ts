import { describe, expect, it } from 'vitest';
import {
  createTask,
  createWorkspace,
  DomainError,
  getTask,
  invite,
  listTasks,
  respondToInvitation,
  setCountryPolicy,
} from '../../src/index';
import { DAY, principal, world } from '../world';

const vnm = principal('vnm-a05', 'VNM');
const gbr = principal('gbr-nca', 'GBR');
const usa = principal('usa-fbi', 'USA');
const vnmPolicyAdmin = principal('vnm-a05', 'VNM', ['policy_admin']);

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
    ['usa-fbi', 'USA'],
  ]);
  const ws = (await createWorkspace(deps, { principal: vnm }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'Art. 47' } })).result;
  for (const p of [gbr, usa]) {
    await invite(deps, { principal: vnm }, ws.id, { orgId: p.orgId, role: 'member' });
    await respondToInvitation(deps, { principal: p }, ws.id, p.orgId, 'accepted');
  }
  const dueAt = new Date(deps.clock.now().getTime() + 2 * DAY).toISOString();
  const task = (
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 'Trace wallet',
      description: '',
      assigneeOrgId: 'gbr-nca',
      dueAt,
      priority: 'normal',
    })
  ).result;
  return { deps, ws, task };
};

describe('country policies on the in-memory store', () => {
  it("withholds a country's records from the countries its policy excludes, as if they did not exist", async () => {
    const { deps, ws, task } = await setUp();
    expect((await getTask(deps, usa, ws.id, task.id)).id).toBe(task.id);
    await setCountryPolicy(
      deps,
      { principal: vnmPolicyAdmin },
      'VNM',
      { rules: [{ type: 'never_countries', countries: ['USA'] }] },
      undefined,
    );
    await expect(getTask(deps, usa, ws.id, task.id)).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'not_found');
    expect((await listTasks(deps, usa, ws.id, { limit: 10 })).items).toEqual([]);
    expect((await getTask(deps, gbr, ws.id, task.id)).id).toBe(task.id);
    // The originator always sees its own.
    expect((await listTasks(deps, vnm, ws.id, { limit: 10 })).items.map((t) => t.id)).toEqual([task.id]);
  });

  it('refuses a policy change made against a version the caller did not read', async () => {
    const { deps } = await setUp();
    await setCountryPolicy(
      deps,
      { principal: vnmPolicyAdmin },
      'VNM',
      { rules: [{ type: 'never_countries', countries: ['USA'] }] },
      undefined,
    );
    await expect(setCountryPolicy(deps, { principal: vnmPolicyAdmin }, 'VNM', { rules: [] }, undefined)).rejects.toMatchObject({
      code: 'stale_version',
    });
  });
});
