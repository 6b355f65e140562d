/**
 * A command that keeps losing the race for its audit chain (or its Idempotency-Key) gives up
 * after a bounded number of attempts. The caller gets a 503 problem with Retry-After, never a
 * bare 500; a conflict the runner does not retry is a 409.
 */
import { CommitConflict, type CommitConflictReason, refKey } from '@taskforce/core';
import { describe, expect, it } from 'vitest';
import { appOver, openWorkspace } from './stub-app';

const org = { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM', createdAt: '2026-01-01T00:00:00.000Z', version: 1 };

/** A store holding one organisation whose every commit fails with the given conflict. */
const conflictingStore = (reason: CommitConflictReason) => {
  const seen = { commits: 0 };
  const store = {
    get: async () => org,
    load: async () => ({
      records: new Map([[refKey({ kind: 'organisation', id: org.id }), { kind: 'organisation', value: org }]]),
      idempotency: null,
    }),
    commit: async () => {
      seen.commits++;
      throw new CommitConflict(reason, 'always');
    },
  };
  return { store, seen };
};

describe('a command under contention', () => {
  for (const reason of ['contention', 'idempotency'] as const) {
    it(`that loses every ${reason} race answers 503 problem+json with Retry-After`, async () => {
      const { store, seen } = conflictingStore(reason);
      const res = await openWorkspace(appOver(store), reason === 'idempotency' ? { 'idempotency-key': 'k-contended-1' } : {});
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await res.json()) as { type: string; status: number; requestId?: string };
      expect(body).toMatchObject({ type: 'https://taskforce.invalid/problems/unavailable', status: 503 });
      expect(body.requestId).toEqual(expect.any(String));
      // It did retry before giving up.
      expect(seen.commits).toBeGreaterThan(1);
    });
  }

  it('whose record vanished mid-command answers 409, not 500', async () => {
    const { store } = conflictingStore('missing');
    const res = await openWorkspace(appOver(store));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
