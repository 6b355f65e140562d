import { createHash } from 'node:crypto';

/**
 * The Merkle tree of an audit chain, hashed as RFC 9162 (Certificate Transparency v2) does:
 *
 *   leaf(e)      = SHA-256(0x00 ‖ e)        e: the entry's 32-byte hash
 *   node(l, r)   = SHA-256(0x01 ‖ l ‖ r)
 *   MTH(D[0:n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n
 *
 * A tree of n leaves is summed up by its compact range (the "frontier"): the roots of the
 * perfect subtrees that n's binary digits name, largest (leftmost) first, O(log n) hashes.
 * Appending a leaf merges equal-sized subtrees; each merge completes one stored node
 * (`level` ≥ 1, `index`: node i of level L covers leaves [i·2^L, (i+1)·2^L)). Level-0 nodes
 * are the leaves themselves and are derived from the entries, never stored.
 *
 * All hashes are lower-case hex.
 */
const hex = (b: Buffer) => b.toString('hex');
const bytes = (h: string) => Buffer.from(h, 'hex');

export const leafHash = (entryHash: string): string => hex(createHash('sha256').update(Buffer.of(0)).update(bytes(entryHash)).digest());
export const nodeHash = (left: string, right: string): string =>
  hex(createHash('sha256').update(Buffer.of(1)).update(bytes(left)).update(bytes(right)).digest());

/** The root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT = hex(createHash('sha256').digest());

/** A stored node of the tree: the root of the perfect subtree `index` of `level`. */
export interface MerkleNode {
  level: number;
  index: number;
  hash: string;
}

/** The compact range of a tree: its size and the roots of its perfect subtrees, largest first. */
export interface CompactRange {
  size: number;
  frontier: string[];
}

export const EMPTY_RANGE: CompactRange = { size: 0, frontier: [] };

const popcount = (n: number): number => {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
};

/** Whether a compact range is well formed: one hash per set bit of its size. */
export const isCompactRange = (r: CompactRange): boolean =>
  Number.isSafeInteger(r.size) &&
  r.size >= 0 &&
  r.frontier.length === popcount(r.size) &&
  r.frontier.every((h) => /^[0-9a-f]{64}$/.test(h));

/** Appends one leaf (a leaf hash) to a range; returns the new range and the nodes this leaf completed. */
export const appendLeaf = (range: CompactRange, leaf: string): { range: CompactRange; completed: MerkleNode[] } => {
  const frontier = [...range.frontier];
  const completed: MerkleNode[] = [];
  let hash = leaf;
  let index = range.size;
  let level = 0;
  // While the subtree just finished is a right child, merge it with its left sibling.
  while (index % 2 === 1) {
    hash = nodeHash(frontier.pop()!, hash);
    index = (index - 1) / 2;
    level++;
    completed.push({ level, index, hash });
  }
  frontier.push(hash);
  return { range: { size: range.size + 1, frontier }, completed };
};

/** The tree head (RFC 9162 MTH) of a compact range. */
export const rootOf = (range: CompactRange): string => {
  if (range.frontier.length === 0) return EMPTY_ROOT;
  let acc = range.frontier[range.frontier.length - 1]!;
  for (let i = range.frontier.length - 2; i >= 0; i--) acc = nodeHash(range.frontier[i]!, acc);
  return acc;
};

/** Appends many entries' hashes to a range. */
export const appendEntries = (range: CompactRange, entryHashes: Iterable<string>): { range: CompactRange; completed: MerkleNode[] } => {
  let r = range;
  const completed: MerkleNode[] = [];
  for (const h of entryHashes) {
    const out = appendLeaf(r, leafHash(h));
    r = out.range;
    completed.push(...out.completed);
  }
  return { range: r, completed };
};

/**
 * A subtree of a tree of size n, as RFC 9162's proofs need it: [start, end) of the leaves.
 * Perfect subtrees are stored nodes (or leaves); an imperfect one (the right edge) is
 * recomputed from the perfect subtrees it splits into.
 */
export interface SubtreeRef {
  start: number;
  end: number;
}

/** Splits a range of leaves [start, end) into the perfect subtrees (level, index) that make it, left to right. */
export const perfectParts = ({ start, end }: SubtreeRef): { level: number; index: number }[] => {
  const parts: { level: number; index: number }[] = [];
  let s = start;
  while (s < end) {
    let size = 1;
    // Largest aligned power of two starting at s that fits.
    while (s % (size * 2) === 0 && s + size * 2 <= end) size *= 2;
    const level = Math.log2(size);
    parts.push({ level, index: s / size });
    s += size;
  }
  return parts;
};

const largestPowerBelow = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The subtrees whose hashes make the audit path of leaf `m` in a tree of size `n` (RFC 9162 §2.1.3.1), leaf-side first. */
export const inclusionPathRefs = (m: number, n: number): SubtreeRef[] => {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m >= 0 && m < n)) throw new RangeError('leaf index outside the tree');
  const refs: SubtreeRef[] = [];
  const walk = (lo: number, hi: number) => {
    if (hi - lo === 1) return;
    const k = largestPowerBelow(hi - lo);
    if (m - lo < k) {
      walk(lo, lo + k);
      refs.push({ start: lo + k, end: hi });
    } else {
      walk(lo + k, hi);
      refs.push({ start: lo, end: lo + k });
    }
  };
  walk(0, n);
  return refs;
};

/** The subtrees whose hashes make the consistency proof from size m to size n (RFC 9162 §2.1.4.1). */
export const consistencyPathRefs = (m: number, n: number): SubtreeRef[] => {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m > 0 && m <= n)) throw new RangeError('sizes out of order');
  const refs: SubtreeRef[] = [];
  const walk = (lo: number, hi: number, mm: number, complete: boolean) => {
    const size = hi - lo;
    if (mm === size) {
      if (!complete) refs.push({ start: lo, end: hi });
      return;
    }
    const k = largestPowerBelow(size);
    if (mm <= k) {
      walk(lo, lo + k, mm, complete);
      refs.push({ start: lo + k, end: hi });
    } else {
      walk(lo + k, hi, mm - k, false);
      refs.push({ start: lo, end: lo + k });
    }
  };
  walk(0, n, m, true);
  return refs;
};

/** The hash of a subtree from the hashes of the perfect parts it splits into (as `perfectParts` orders them). */
export const subtreeHash = (parts: string[]): string => {
  if (parts.length === 0) throw new RangeError('empty subtree');
  let acc = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) acc = nodeHash(parts[i]!, acc);
  return acc;
};

/** Verifies an audit path (RFC 9162 §2.1.3.2): the entry at `index` is leaf `index` of the tree of `size` whose root is `root`. */
export const verifyInclusion = (entryHash: string, index: number, size: number, path: readonly string[], root: string): boolean => {
  if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
  if (!path.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(entryHash);
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r === root;
};

/** Verifies a consistency proof (RFC 9162 §2.1.4.2): the tree of size `m` and root `oldRoot` is a prefix of the tree of size `n` and root `newRoot`. */
export const verifyConsistency = (m: number, n: number, oldRoot: string, newRoot: string, proof: readonly string[]): boolean => {
  if (!(Number.isSafeInteger(m) && Number.isSafeInteger(n) && m > 0 && m <= n)) return false;
  if (!proof.every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h))) return false;
  if (m === n) return proof.length === 0 && oldRoot === newRoot;
  const path = 2 ** Math.round(Math.log2(m)) === m ? [oldRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr === oldRoot && sr === newRoot;
};
