import { describe, expect, it } from 'vitest';
import { LoadedView, type RecordRef } from '../../src/index';
import { type ContractContext, markedBy, policy, put, task, workspace } from './fixtures';

const countryCode = (i: number): string => `${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}X`;

/**
 * Country policies: one record per country, and a `{ kind: 'policies' }` reference that `load`
 * resolves to the policies of the countries the loaded view needs (`policyCountriesOf`).
 */
export const policyCases = (t: ContractContext): void => {
  describe('country policies', () => {
    const loadPolicies = async (refs: RecordRef[]) => new LoadedView(await t.store.load({ refs })).get({ kind: 'policies' })!;

    it('reads a policy written just before, in the very next load', async () => {
      await t.commit('platform', [put({ kind: 'policy', value: policy('VNM') })]);
      expect((await loadPolicies([{ kind: 'policies', countries: ['VNM'] }])).countries.VNM).toEqual(policy('VNM'));
      await t.commit('platform', [put({ kind: 'policy', value: policy('VNM', { version: 2, rules: [] }) }, 1)]);
      const set = await loadPolicies([{ kind: 'policies', countries: ['VNM'] }]);
      expect(set.countries.VNM?.version).toBe(2);
      expect(set.countries.VNM?.rules).toEqual([]);
    });

    it('answers for a country without a policy: covered, with no rules', async () => {
      const set = await loadPolicies([{ kind: 'policies', countries: ['NZL'] }]);
      expect(set.countries).toEqual({});
      expect(set.covers).toEqual(['NZL']);
    });

    it('loads the policies of many countries in one load, across more than 100 keys (150 countries)', async () => {
      const countries = Array.from({ length: 150 }, (_, i) => countryCode(i));
      expect(new Set(countries).size).toBe(150);
      const withPolicy = countries.filter((_, i) => i % 3 !== 0);
      for (let i = 0; i < withPolicy.length; i += 50) {
        await t.commit(
          'platform',
          withPolicy.slice(i, i + 50).map((c) => put({ kind: 'policy', value: policy(c) })),
        );
      }
      const set = await loadPolicies([{ kind: 'policies', countries }]);
      expect(Object.keys(set.countries).sort()).toEqual([...withPolicy].sort());
      expect(set.covers).toEqual([...countries].sort());
      expect(set.version).toBe(withPolicy.length);
    });

    it("resolves a workspace's load to its members' countries and the loaded records' originators, and no other", async () => {
      await t.commit(
        'platform',
        ['VNM', 'FRA', 'DEU', 'JPN'].map((c) => put({ kind: 'policy', value: policy(c) })),
      );
      const ws = {
        ...workspace('ws-p'),
        members: [
          ...workspace('ws-p').members,
          { ...workspace('ws-p').members[0]!, orgId: 'fra-org', country: 'FRA', role: 'member' as const },
        ],
      };
      // A task originated by a former member (Germany): not a member now, its country is still needed.
      await t.commit('ws-p', [
        put({ kind: 'workspace', value: ws }),
        put({ kind: 'task', value: { ...task('ws-p', 't-1'), marking: markedBy('DEU') } }),
      ]);
      const loaded = await t.store.load({
        refs: [{ kind: 'workspace', id: 'ws-p' }, { kind: 'task', workspaceId: 'ws-p', id: 't-1' }, { kind: 'policies' }],
      });
      const view = new LoadedView(loaded);
      expect(view.get({ kind: 'workspace', id: 'ws-p' })?.id).toBe('ws-p');
      expect(view.get({ kind: 'task', workspaceId: 'ws-p', id: 't-1' })?.id).toBe('t-1');
      const set = view.get({ kind: 'policies' })!;
      expect(set.covers).toEqual(['DEU', 'FRA', 'VNM']);
      expect(Object.keys(set.countries).sort()).toEqual(['DEU', 'FRA', 'VNM']);
      // Nothing of the policy records themselves is left in the view under their own keys.
      expect([...loaded.records.keys()].sort()).toEqual(['policies', 'task:ws-p:t-1', 'workspace:ws-p']);
    });

    it('never reads every policy as one record', async () => {
      await expect(t.store.get({ kind: 'policies' })).rejects.toThrow();
    });

    it('lists policies by country, a page at a time', async () => {
      await t.commit(
        'platform',
        ['VNM', 'FRA', 'DEU'].map((c) => put({ kind: 'policy', value: policy(c) })),
      );
      const first = await t.store.listPolicies({ limit: 2 });
      expect(first.items.map((p) => p.country)).toEqual(['DEU', 'FRA']);
      const second = await t.store.listPolicies({ limit: 2, cursor: first.next! });
      expect(second.items.map((p) => p.country)).toEqual(['VNM']);
      expect(second.next).toBeUndefined();
    });
  });
};
