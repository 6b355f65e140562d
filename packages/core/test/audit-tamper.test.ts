import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditEntry, appendEntry, type ChainHead, verifyChain } from '../src';

const actor = { sub: 'u1', orgId: 'vnm-a05', country: 'VNM' };

const chainOf = (actions: string[]) => {
  let head: ChainHead | null = null;
  const entries: AuditEntry[] = [];
  actions.forEach((action, i) => {
    const out = appendEntry(head, 'ws-1', new Date(Date.UTC(2026, 2, 1, 8, 0, i)).toISOString(), actor, {
      action,
      target: { type: 'task', id: `t${i}` },
      details: { n: i },
    });
    entries.push(out.entry);
    head = out.head;
  });
  return { entries, head: head as ChainHead | null };
};

const actions = fc.array(fc.constantFrom('task.assigned', 'task.read', 'request.sent', 'evidence.uploaded'), {
  minLength: 2,
  maxLength: 30,
});

describe('the audit chain detects tampering', () => {
  it('verifies an untouched chain', () => {
    fc.assert(
      fc.property(actions, (a) => {
        const { entries, head } = chainOf(a);
        expect(verifyChain(entries, head)).toEqual({ ok: true, entries: a.length, head: head?.hash });
      }),
      { numRuns: 300 },
    );
  });

  it('detects any single-byte edit of any entry as stored', () => {
    fc.assert(
      fc.property(actions, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (a, which, at, delta) => {
        const { entries, head } = chainOf(a);
        const i = which % entries.length;
        const bytes = Buffer.from(JSON.stringify(entries[i]), 'utf8');
        const pos = at % bytes.length;
        bytes[pos] = ((bytes[pos] ?? 0) + delta) % 256;
        let edited: unknown;
        try {
          edited = JSON.parse(bytes.toString('utf8'));
        } catch {
          return; // no longer JSON: the store could not even return it as an entry
        }
        // A byte that changes nothing the entry means (e.g. whitespace) is not tampering.
        if (JSON.stringify(edited) === JSON.stringify(entries[i])) return;
        const tampered = entries.map((e, k) => (k === i ? edited : e));
        const result = verifyChain(tampered, head);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.brokenAt).toBeLessThanOrEqual(i + 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects the deletion of any entry, including the last', () => {
    fc.assert(
      fc.property(actions, fc.nat(), (a, which) => {
        const { entries, head } = chainOf(a);
        const i = which % entries.length;
        const result = verifyChain(
          entries.filter((_, k) => k !== i),
          head,
        );
        expect(result).toMatchObject({ ok: false, brokenAt: i + 1 });
      }),
      { numRuns: 500 },
    );
  });

  it('detects any reordering of two entries', () => {
    fc.assert(
      fc.property(actions, fc.nat(), fc.nat(), (a, x, y) => {
        const { entries, head } = chainOf(a);
        const i = x % entries.length;
        const j = y % entries.length;
        fc.pre(i !== j);
        const swapped = [...entries];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(verifyChain(swapped, head)).toMatchObject({ ok: false, brokenAt: Math.min(i, j) + 1 });
      }),
      { numRuns: 500 },
    );
  });
});
