import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  appendEntries,
  type CompactRange,
  consistencyPathRefs,
  EMPTY_RANGE,
  EMPTY_ROOT,
  inclusionPathRefs,
  isCompactRange,
  leafHash,
  nodeHash,
  perfectParts,
  rootOf,
  subtreeHash,
  verifyConsistency,
  verifyInclusion,
} from '../../src/kernel/merkle';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const entries = Array.from({ length: 64 }, (_, i) => sha(`entry ${i}`));
const leaves = entries.map(leafHash);

/** RFC 9162 §2.1.1 as written: the reference the compact-range code is held to. */
const mth = (d: string[]): string => {
  if (d.length === 0) return EMPTY_ROOT;
  if (d.length === 1) return d[0]!;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
};
const naivePath = (m: number, d: string[]): string[] => {
  if (d.length <= 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k ? [...naivePath(m, d.slice(0, k)), mth(d.slice(k))] : [...naivePath(m - k, d.slice(k)), mth(d.slice(0, k))];
};
const naiveSubproof = (m: number, d: string[], b: boolean): string[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k
    ? [...naiveSubproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...naiveSubproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
};

/** What the store would give back: the hashes of a subtree's perfect parts, recombined. */
const fromParts = (ref: { start: number; end: number }) =>
  subtreeHash(perfectParts(ref).map(({ level, index }) => mth(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level))));

const flip = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);

describe('Merkle tree (RFC 9162 hashing)', () => {
  it('gives the same root as the recursive definition for every size 0..64, appending one leaf at a time', () => {
    let range: CompactRange = EMPTY_RANGE;
    expect(rootOf(range)).toBe(mth([]));
    const stored = new Map<string, string>();
    for (let n = 1; n <= 64; n++) {
      const out = appendEntries(range, [entries[n - 1]!]);
      range = out.range;
      for (const c of out.completed) stored.set(`${c.level}#${c.index}`, c.hash);
      expect(isCompactRange(range)).toBe(true);
      expect(rootOf(range)).toBe(mth(leaves.slice(0, n)));
    }
    // Every completed node is stored once, and is the root of its perfect subtree: 63 nodes for 64 leaves.
    expect(stored.size).toBe(63);
    for (const [id, hash] of stored) {
      const [level, index] = id.split('#').map(Number) as [number, number];
      expect(hash).toBe(mth(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level)));
    }
    // Appending in batches gives the same tree.
    expect(rootOf(appendEntries(appendEntries(EMPTY_RANGE, entries.slice(0, 13)).range, entries.slice(13)).range)).toBe(mth(leaves));
  });

  it('proves every leaf of every tree of 1..64 leaves from stored subtrees, and rejects tampered proofs', () => {
    for (let n = 1; n <= 64; n++) {
      const root = mth(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const path = inclusionPathRefs(m, n).map(fromParts);
        expect(path).toEqual(naivePath(m, leaves.slice(0, n)));
        expect(verifyInclusion(entries[m]!, m, n, path, root)).toBe(true);
        expect(verifyInclusion(flip(entries[m]!), m, n, path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(entries[m]!, (m + 1) % n, n, path, root)).toBe(false);
        for (let i = 0; i < path.length; i++) {
          expect(
            verifyInclusion(
              entries[m]!,
              m,
              n,
              path.map((h, j) => (j === i ? flip(h) : h)),
              root,
            ),
          ).toBe(false);
        }
        expect(verifyInclusion(entries[m]!, m, n, [...path, path[0] ?? entries[0]!], root)).toBe(false);
        if (path.length > 0) expect(verifyInclusion(entries[m]!, m, n, path.slice(1), root)).toBe(false);
        expect(verifyInclusion(entries[m]!, m, n, path, flip(root))).toBe(false);
      }
    }
  });

  it('proves every tree of 1..64 leaves consistent with each of its prefixes, and rejects tampered proofs', () => {
    for (let n = 1; n <= 64; n++) {
      const newRoot = mth(leaves.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const oldRoot = mth(leaves.slice(0, m));
        const proof = consistencyPathRefs(m, n).map(fromParts);
        expect(proof).toEqual(naiveSubproof(m, leaves.slice(0, n), true));
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        expect(verifyConsistency(m, n, flip(oldRoot), newRoot, proof)).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, flip(newRoot), proof)).toBe(false);
        for (let i = 0; i < proof.length; i++) {
          expect(
            verifyConsistency(
              m,
              n,
              oldRoot,
              newRoot,
              proof.map((h, j) => (j === i ? flip(h) : h)),
            ),
          ).toBe(false);
        }
      }
    }
  });
});
