import { describe, expect, it } from 'vitest';
import { DomainError, getTask, listTasks, setCountryPolicy } from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { agencies, assignTask, gbr, principal, taskforce, vnm } from '../world';

const usa = principal('usa-fbi', 'USA');
const vnmPolicyAdmin = principal('vnm-a05', 'VNM', ['policy_admin']);

/** Viet Nam's policy withholds its records from the USA (set against no earlier version). */
const excludeUsa = (deps: MemoryDeps) =>
  setCountryPolicy(deps, { principal: vnmPolicyAdmin }, 'VNM', { rules: [{ type: 'never_countries', countries: ['USA'] }] }, undefined);

const setUp = async () => {
  const deps = await agencies(vnm, gbr, usa);
  const ws = await taskforce(deps, vnm, [gbr, usa]);
  const task = await assignTask(deps, vnm, ws.id, 'gbr-nca', 'normal');
  return { deps, ws, task };
};

describe('country policies on the in-memory store', () => {
  it("withholds a country's records from the countries its policy excludes, as if they did not exist", async () => {
    const { deps, ws, task } = await setUp();
    expect((await getTask(deps, usa, ws.id, task.id)).id).toBe(task.id);
    await excludeUsa(deps);
    await expect(getTask(deps, usa, ws.id, task.id)).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'not_found');
    expect((await listTasks(deps, usa, ws.id, { limit: 10 })).items).toEqual([]);
    expect((await getTask(deps, gbr, ws.id, task.id)).id).toBe(task.id);
    // The originator always sees its own.
    expect((await listTasks(deps, vnm, ws.id, { limit: 10 })).items.map((t) => t.id)).toEqual([task.id]);
  });

  it('refuses a policy change made against a version the caller did not read', async () => {
    const { deps } = await setUp();
    await excludeUsa(deps);
    await expect(setCountryPolicy(deps, { principal: vnmPolicyAdmin }, 'VNM', { rules: [] }, undefined)).rejects.toMatchObject({
      code: 'stale_version',
    });
  });
});
