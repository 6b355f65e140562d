import { describe, expect, it } from 'vitest';
import { CONTENTION_RETRY, CommitConflict, DomainError, decorrelatedJitter, runCommand, systemCommand } from '../../src';
import { memoryDeps } from '../../testing';

describe('a command under contention', () => {
  it('waits a decorrelated-jitter delay: between the base and three times the last wait, never above the cap', () => {
    for (const prev of [0, 1, 4, 10, 50, 200, 10_000]) {
      for (const r of [0, 0.25, 0.5, 0.999]) {
        const sleep = decorrelatedJitter(prev, CONTENTION_RETRY, () => r);
        expect(sleep).toBeGreaterThanOrEqual(CONTENTION_RETRY.baseMs);
        expect(sleep).toBeLessThanOrEqual(Math.min(CONTENTION_RETRY.capMs, Math.max(CONTENTION_RETRY.baseMs, prev * 3)));
      }
    }
  });

  it('retries a colliding transaction, then gives up as unavailable (a 503), never with the raw conflict', async () => {
    const deps = memoryDeps();
    let commits = 0;
    deps.store.commit = async () => {
      commits++;
      throw new CommitConflict('contention', 'transaction conflict');
    };
    const run = runCommand(deps, {
      chainId: 'ws-1',
      actor: { sub: 'u', orgId: 'o', country: 'VNM' },
      refs: [],
      authorize: systemCommand,
      decide: () => ({ writes: [], audit: { action: 'x', target: { type: 't', id: 'i' }, markings: [] }, result: null }),
    });
    await expect(run).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'unavailable');
    expect(commits).toBeGreaterThan(1);
  });

  it('commits after a collision that clears', async () => {
    const deps = memoryDeps();
    const real = deps.store.commit.bind(deps.store);
    let commits = 0;
    deps.store.commit = async (c) => {
      if (++commits < 3) throw new CommitConflict('contention', 'transaction conflict');
      return real(c);
    };
    const out = await runCommand(deps, {
      chainId: 'ws-1',
      actor: { sub: 'u', orgId: 'o', country: 'VNM' },
      refs: [],
      authorize: systemCommand,
      decide: () => ({ writes: [], audit: { action: 'x', target: { type: 't', id: 'i' }, markings: [] }, result: 'done' }),
    });
    expect(out).toMatchObject({ committed: true, result: 'done' });
    expect(await deps.store.queuedAudit('ws-1', 10)).toHaveLength(1);
  });
});
