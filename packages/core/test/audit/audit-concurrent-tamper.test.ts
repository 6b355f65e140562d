import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  appendAuditEntry,
  type Checkpoint,
  checkpointSignerFromSecrets,
  ephemeralCheckpointSigner,
  type Marking,
  runCommand,
  sequenceChain,
  sequencerScheduler,
  signCheckpoint,
  systemCommand,
  unchanged,
  verifyAuditExport,
  verifyCheckpointed,
  viewEntry,
} from '../../src';
import { memoryDeps } from '../../testing';

const actor = { sub: 'u1', orgId: 'vnm-a05', country: 'VNM' };
const originator = { orgId: 'vnm-a05', country: 'VNM' };
const RED: Marking = { tlp: 'RED', releasableTo: 'members', recipients: ['vnm-a05'], caveats: [], originator };

/**
 * Writers and audited readers of one chain run at once while sequencers (kicked after each
 * write, plus one looping on its own) race to fold the queue into the chain: the chain they
 * leave must verify, and every tampering of it must be detected.
 */
describe('a chain written concurrently, then tampered with', () => {
  const deps = memoryDeps();
  const keys = () => ephemeralCheckpointSigner().publicKeys();
  let entries: AuditEntry[] = [];
  let checkpoint: Checkpoint;
  let lines: string[];
  let trailer: string;
  const text = (ls: string[], last = trailer) => [...ls, last].join('\n');

  beforeAll(async () => {
    const scheduler = sequencerScheduler(deps, (_, err) => {
      throw err;
    });
    const kicked = { ...deps, auditQueued: (chainId: string) => scheduler.kick(chainId) };
    let done = false;
    const writer = async (w: number) => {
      for (let i = 0; i < 15; i++) {
        await runCommand(kicked, {
          chainId: 'ws-1',
          actor,
          refs: [],
          authorize: systemCommand,
          decide: () => ({
            writes: [],
            audit: { action: 'task.updated', target: { type: 'task', id: `t${w}.${i}` }, markings: i % 3 === 0 ? [RED] : [] },
            result: null,
          }),
        });
        if (i % 4 === 0)
          await runCommand(kicked, { chainId: 'ws-1', actor, refs: [], authorize: systemCommand, decide: () => unchanged(null) });
      }
    };
    const reader = async (r: number) => {
      for (let i = 0; i < 15; i++) {
        await appendAuditEntry(kicked, 'ws-1', actor, { action: 'task.read', target: { type: 'task', id: `r${r}.${i}` }, markings: [RED] });
      }
    };
    const loose = (async () => {
      while (!done) await sequenceChain(deps, 'ws-1', { maxRounds: 1 });
    })();
    await Promise.all([...[0, 1, 2, 3, 4, 5].map(writer), ...[0, 1].map(reader)]);
    done = true;
    await loose;
    await scheduler.idle();
    await sequenceChain(deps, 'ws-1');
    entries = await deps.store.auditEntriesAfter('ws-1', 0, 1000);
    checkpoint = (await deps.store.chainTip('ws-1'))!.checkpoint!;
    // What a reader who may not see RED material exports.
    lines = entries.map((e) => JSON.stringify(viewEntry(e, (m) => m.tlp !== 'RED')));
    trailer = JSON.stringify({ checkpoint });
  });

  it('holds every entry once, in an unbroken chain its signed checkpoint covers', () => {
    expect(entries).toHaveLength(6 * 15 + 2 * 15);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(new Set(entries.map((e) => e.target.id)).size).toBe(entries.length);
    expect(verifyCheckpointed(entries, checkpoint, keys())).toMatchObject({ ok: true, entries: entries.length });
    expect(verifyAuditExport(text(lines), undefined, keys())).toMatchObject({ ok: true, entries: entries.length });
  });

  it('detects any single-byte edit of any line of the export, the checkpoint line included', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), (which, at, delta) => {
        const all = [...lines, trailer];
        const i = which % all.length;
        const bytes = Buffer.from(all[i]!, 'utf8');
        const pos = at % bytes.length;
        bytes[pos] = ((bytes[pos] ?? 0) + delta) % 256;
        const edited = bytes.toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(edited);
        } catch {
          parsed = undefined;
        }
        if (parsed !== undefined && JSON.stringify(parsed) === JSON.stringify(JSON.parse(all[i]!))) return;
        const tampered = all.map((l, n) => (n === i ? edited : l)).join('\n');
        expect(verifyAuditExport(tampered, undefined, keys()).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects the deletion of any line, and any reordering of two', () => {
    for (let i = 0; i < lines.length; i++) {
      expect(verifyAuditExport(text(lines.filter((_, n) => n !== i)), undefined, keys()).ok).toBe(false);
      expect(
        verifyCheckpointed(
          entries.filter((_, n) => n !== i),
          checkpoint,
          keys(),
        ).ok,
      ).toBe(false);
    }
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (x, y) => {
        const i = x % lines.length;
        const j = y % lines.length;
        fc.pre(i !== j);
        const swapped = [...lines];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(verifyAuditExport(text(swapped), undefined, keys()).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('detects a truncated chain, with its checkpoint dropped, or re-signed by a key that is not published', () => {
    expect(verifyAuditExport(lines.join('\n'), undefined, keys())).toMatchObject({ ok: false });
    expect(verifyAuditExport(text(lines.slice(0, -1)), undefined, keys())).toMatchObject({ ok: false });
    const forger = checkpointSignerFromSecrets('an attacker with table access but not the key');
    const shorter = entries.slice(0, -5);
    const forged = signCheckpoint(forger, { ...checkpoint, treeSize: shorter.length, lastHash: shorter.at(-1)!.hash });
    expect(verifyCheckpointed(shorter, forged, keys())).toMatchObject({ ok: false });
    // Re-labelled with the real key's id, the signature still fails.
    expect(verifyCheckpointed(shorter, { ...forged, keyId: checkpoint.keyId }, keys())).toMatchObject({ ok: false });
    expect(verifyAuditExport(text(lines.slice(0, -5), JSON.stringify({ checkpoint: forged })), undefined, keys()).ok).toBe(false);
  });

  it('lets a reader who kept an old checkpoint detect a rewritten history', async () => {
    const kept = (await deps.store.checkpointAt('ws-1', checkpoint.treeSize))!;
    expect(verifyCheckpointed([], checkpoint, keys(), kept)).toMatchObject({ ok: true, from: checkpoint.treeSize });
    // An entry before the kept checkpoint edited, and the chain re-linked after it: the kept root no longer matches.
    const rewritten = entries.map((e) => ({ ...e }));
    rewritten[3] = { ...rewritten[3]!, action: 'task.forged' };
    expect(verifyCheckpointed(rewritten, checkpoint, keys())).toMatchObject({ ok: false, brokenAt: 4 });
    // A forged compact range for the kept checkpoint is refused.
    expect(verifyCheckpointed([], checkpoint, keys(), { ...kept, frontier: kept.frontier.map(() => 'f'.repeat(64)) })).toMatchObject({
      ok: false,
    });
  });
});
