import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditView,
  appendEntry,
  type ChainHead,
  digestBody,
  type Marking,
  verifyAuditExport,
  verifyChain,
  viewEntry,
} from '../../src';

const actor = { sub: 'u1', orgId: 'vnm-a05', country: 'VNM' };
const originator = { orgId: 'vnm-a05', country: 'VNM' };
const RED: Marking = { tlp: 'RED', releasableTo: 'members', recipients: ['vnm-a05'], caveats: [], originator };
const AMBER: Marking = { tlp: 'AMBER', releasableTo: ['VNM', 'USA'], caveats: ['ORCON'], originator };
const MARKINGS: Record<string, Marking[]> = { none: [], red: [RED], amber: [AMBER], both: [AMBER, RED] };

const chainOf = (kinds: string[]) => {
  let head: ChainHead | null = null;
  const entries: AuditEntry[] = [];
  kinds.forEach((kind, i) => {
    const out = appendEntry(head, 'ws-1', new Date(Date.UTC(2026, 2, 1, 8, 0, i)).toISOString(), actor, {
      action: `task.${kind}`,
      target: { type: 'task', id: `t${i}` },
      details: { n: i },
      markings: MARKINGS[kind]!,
    });
    entries.push(out.entry);
    head = out.head;
  });
  return { entries, head: head as ChainHead | null };
};

/** What a reader who may see AMBER but not RED material gets. */
const amberReader = (entries: AuditEntry[]): AuditView[] => entries.map((e) => viewEntry(e, (m) => m.tlp !== 'RED'));
const jsonl = (view: AuditView[]) => view.map((e) => `${JSON.stringify(e)}\n`).join('');

const kinds = fc.array(fc.constantFrom('none', 'red', 'amber', 'both'), { minLength: 2, maxLength: 30 });

describe('a reader sees whole only the entries about records it may see', () => {
  it('seals an entry unless every record it is about is visible, keeping only its header and hash', () => {
    const { entries } = chainOf(['none', 'red', 'amber', 'both']);
    const view = amberReader(entries);
    expect(view.map((e) => 'sealed' in e)).toEqual([false, true, false, true]);
    for (const stub of view.filter((e) => 'sealed' in e)) {
      expect(Object.keys(stub).sort()).toEqual(['at', 'bodyDigest', 'chainId', 'hash', 'prevHash', 'seq', 'sealed', 'v'].sort());
      expect(JSON.stringify(stub)).not.toMatch(/task\.|vnm-a05|RED|"t\d"/);
    }
    expect(view[2]).toEqual(entries[2]);
  });

  it('salts each body, so a stub cannot confirm a guess of what it hides', () => {
    const a = chainOf(['red']).entries[0]!;
    const b = chainOf(['red']).entries[0]!;
    expect(a.salt).not.toBe(b.salt);
    expect(a.bodyDigest).not.toBe(b.bodyDigest);
    const { salt: _salt, ...unsalted } = a;
    const guesses = [unsalted, { ...a, salt: '0'.repeat(32) }];
    for (const guess of guesses) expect(digestBody(guess as AuditEntry)).not.toBe(a.bodyDigest);
    expect(digestBody(a)).toBe(a.bodyDigest);
  });
});

describe('the audit chain detects tampering', () => {
  it('verifies an untouched chain, whole or as any reader sees it', () => {
    fc.assert(
      fc.property(kinds, (k) => {
        const { entries, head } = chainOf(k);
        expect(verifyChain(entries, head)).toEqual({ ok: true, entries: k.length, head: head?.hash });
        expect(verifyChain(amberReader(entries), head)).toEqual({ ok: true, entries: k.length, head: head?.hash });
        expect(verifyAuditExport(jsonl(amberReader(entries)), head)).toEqual({ ok: true, entries: k.length, head: head?.hash });
        expect(verifyAuditExport(jsonl(entries.map((e) => viewEntry(e, () => false))))).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  it('detects any single-byte edit of any line of a reader’s export, whole entry or stub', () => {
    fc.assert(
      fc.property(kinds, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (k, which, at, delta) => {
        const { entries } = chainOf(k);
        const view = amberReader(entries);
        const i = which % view.length;
        const bytes = Buffer.from(JSON.stringify(view[i]), 'utf8');
        const pos = at % bytes.length;
        bytes[pos] = ((bytes[pos] ?? 0) + delta) % 256;
        const text = bytes.toString('utf8');
        let edited: unknown;
        try {
          edited = JSON.parse(text);
        } catch {
          edited = undefined; // no longer JSON: the line is malformed
        }
        // A byte that changes nothing the entry means (e.g. white space) is not tampering.
        if (edited !== undefined && JSON.stringify(edited) === JSON.stringify(view[i])) return;
        const lines = view.map((e, n) => (n === i ? text : JSON.stringify(e))).join('\n');
        const result = verifyAuditExport(lines);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.brokenAt).toBeLessThanOrEqual(i + 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects the deletion of any line, including the last against the head', () => {
    fc.assert(
      fc.property(kinds, fc.nat(), (k, which) => {
        const { entries, head } = chainOf(k);
        const view = amberReader(entries);
        const i = which % view.length;
        const kept = view.filter((_, n) => n !== i);
        expect(verifyChain(kept, head)).toMatchObject({ ok: false, brokenAt: i + 1 });
        expect(verifyAuditExport(jsonl(kept), { seq: head?.seq, hash: head?.hash })).toMatchObject({ ok: false });
      }),
      { numRuns: 500 },
    );
  });

  it('detects any reordering of two lines', () => {
    fc.assert(
      fc.property(kinds, fc.nat(), fc.nat(), (k, x, y) => {
        const { entries, head } = chainOf(k);
        const view = amberReader(entries);
        const i = x % view.length;
        const j = y % view.length;
        fc.pre(i !== j);
        const swapped = [...view];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(verifyAuditExport(jsonl(swapped), head)).toMatchObject({ ok: false, brokenAt: Math.min(i, j) + 1 });
      }),
      { numRuns: 500 },
    );
  });

  it('detects a whole entry passed off as another one’s stub, and an entry of another chain', () => {
    const { entries } = chainOf(['none', 'red', 'none']);
    const view = amberReader(entries);
    const forged = { ...view[1], bodyDigest: entries[0]!.bodyDigest };
    expect(verifyChain([view[0], forged, view[2]])).toMatchObject({ ok: false, brokenAt: 2 });
    const other = appendEntry(null, 'ws-2', entries[0]!.at, actor, { action: 'x', target: { type: 'y', id: 'z' }, markings: [] });
    expect(verifyChain([entries[0], entries[1]], { chainId: 'ws-2' })).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain([other.entry, entries[1]])).toMatchObject({ ok: false, brokenAt: 2 });
    // A body field added to a stub, or a stub flag added to a whole entry, is not an entry.
    expect(verifyChain([entries[0], { ...view[1], action: 'task.none' }])).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyChain([{ ...entries[0], sealed: true }])).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
