import { actorOf, type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, notFound } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { appendAuditEntry, LoadedView, runCommand, unchanged } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { authorize, authorizeIn } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { type DownloadLinkView, type EvidenceObject, objectKey, type RejectReason } from './model';
import type { EvidenceObjects, ScanVerdict } from './objects';
import { agencyParent, type Parent } from './parents';
import type { EvidenceObjectDeps } from './ports';
import { evidenceAudit, evidenceEvent, isOfficer, itemRef, objectsOf, presentEvidence, refsFor, visibleItem } from './shared';
import { callerOf } from './upload';

// ---------------------------------------------------------------------------------------
// After completion: the worker joins the parts and streams the whole object through SHA-256
// before it counts as evidence; then the release gate (quarantine until the evidence officer
// releases it) and downloads by presigned link, each a custody event.
// ---------------------------------------------------------------------------------------

/** How long a download link lasts; each asking issues a fresh one (and a custody event). */
const DOWNLOAD_LINK_TTL_SECONDS = 15 * 60;

/** An `evidence.completed` event's item: what the worker's message names. */
export interface VerifyJob {
  workspaceId: string;
  parentKey: string;
  evidenceId: string;
}

/** The job an `evidence.completed` event asks for (fan-out puts it on the worker's queue). */
export const verifyJobOf = (e: { workspaceId?: string | undefined; data: Record<string, unknown> }): VerifyJob => ({
  workspaceId: e.workspaceId ?? '',
  parentKey: String(e.data.parentKey),
  evidenceId: String(e.data.evidenceId),
});

const fromKey = (key: string): Parent => {
  const [kind, id] = key.split(':') as [Parent['kind'], string];
  return { kind, id };
};

/**
 * The worker: joins the parts (unless a run before it did), streams the whole object through
 * SHA-256 (`digest`: memory stays bounded whatever the size), and records the outcome in one
 * commit: `stored` when digest and size are what the uploader declared, else `rejected` with the
 * content deleted. Quarantined items get the scan's verdict as they are stored. A job whose item
 * is no longer verifying (a redelivered message) is left as it is.
 */
export async function verifyEvidence(
  deps: KernelDeps & { evidenceObjects?: EvidenceObjects | undefined },
  job: VerifyJob,
): Promise<EvidenceObject | null> {
  const objects = objectsOf(deps);
  const ref = itemRef(job.workspaceId, fromKey(job.parentKey), job.evidenceId);
  const item = await deps.store.get(ref);
  if (item?.status !== 'verifying') return item;
  const key = objectKey(item);
  let outcome: { digest: { sha256: string; size: number } } | { rejected: RejectReason };
  let got = await objects.digest(key);
  if (!got) {
    try {
      const parts = await objects.listParts(key, item.upload.uploadId);
      await objects.completeUpload(key, item.upload.uploadId, parts);
      got = await objects.digest(key);
    } catch {
      got = await objects.digest(key);
    }
  }
  if (!got) outcome = { rejected: 'join_failed' };
  else if (got.size !== item.size) outcome = { rejected: 'size_mismatch' };
  else if (got.sha256 !== item.sha256) outcome = { rejected: 'digest_mismatch' };
  else outcome = { digest: got };
  const scan: ScanVerdict | undefined = 'digest' in outcome && item.quarantine === 'held' ? await objects.scanVerdict(key) : undefined;
  // A rejected object is kept, never readable (it is not stored evidence): no role may delete evidence content.
  const out = await runCommand(deps, {
    chainId: item.workspaceId,
    actor: { sub: item.uploadedBy.sub, orgId: item.uploadedBy.orgId, country: item.uploadedBy.country },
    refs: [{ kind: 'workspace', id: item.workspaceId }, ref],
    authorize: () => undefined,
    decide: (view, now) => {
      const current = view.get(ref);
      if (current?.status !== 'verifying') return unchanged(current ?? item);
      const ws = view.get({ kind: 'workspace', id: item.workspaceId });
      const next: EvidenceObject =
        'digest' in outcome
          ? { ...current, status: 'stored', storedAt: now.toISOString(), ...(scan ? { scan } : {}), version: current.version + 1 }
          : { ...current, status: 'rejected', rejected: outcome.rejected, version: current.version + 1 };
      const audience = ws ? ws.members.map((m) => m.orgId) : [];
      return {
        writes: [{ op: 'put', record: { kind: 'evidenceObject', value: next }, expect: current.version }],
        audit:
          'digest' in outcome
            ? evidenceAudit(next, 'evidence.stored', {
                sha256: outcome.digest.sha256,
                size: outcome.digest.size,
                ...(scan ? { scan } : {}),
              })
            : evidenceAudit(next, 'evidence.rejected', {
                reason: outcome.rejected,
                ...(got ? { sha256: got.sha256, size: got.size } : {}),
              }),
        events: [evidenceEvent(next, 'digest' in outcome ? 'evidence.stored' : 'evidence.rejected', { audience, addressees: [] })],
        result: next,
      };
    },
  });
  return out.result;
}

/** An agency member's view of the item (parent visible, item's marking visible), with the officer and the table's verdicts. */
const agencyItem = (view: LoadedView, p: Principal, workspaceId: string, parent: Parent, id: string, now: Date) => {
  const a = agencyParent(view, p, workspaceId, parent, now);
  const item = visibleItem(view, p, { as: 'agency', workspaceId, parent }, a, itemRef(workspaceId, parent, id), now);
  return { a, item };
};

/**
 * The evidence officer releases a quarantined item with one click: only that person, only once
 * it is stored, and never when the scan found threats. The scan's verdict is read again first,
 * and the release records it. One commit: the item, its `evidence.released` custody entry, its event.
 */
export async function releaseEvidence(deps: EvidenceObjectDeps, ctx: CommandContext, workspaceId: string, parent: Parent, id: string) {
  const p = ctx.principal;
  const objects = objectsOf(deps);
  const check = (view: LoadedView, now: Date) => {
    const { a, item } = agencyItem(view, p, workspaceId, parent, id, now);
    authorizeIn('evidence.release', p, a.ws);
    if (!isOfficer(view, workspaceId, p)) throw forbidden("only the workspace's evidence officer releases quarantined evidence");
    return { a, item };
  };
  const pre = check(new LoadedView(await deps.store.load({ refs: refsFor(workspaceId, parent, id) })), deps.clock.now());
  if (pre.item.status !== 'stored') throw conflict(`this evidence is ${pre.item.status}: only stored evidence is released`);
  const scan = pre.item.quarantine === 'held' ? await objects.scanVerdict(objectKey(pre.item)) : pre.item.scan;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: refsFor(workspaceId, parent, id),
    authorize: check,
    decide: (view, now, { a, item }) => {
      const caller = callerOf(view, p, { as: 'agency', workspaceId, parent }, workspaceId);
      if (item.quarantine !== 'held') return unchanged(presentEvidence(item, caller));
      if (item.status !== 'stored') throw conflict(`this evidence is ${item.status}: only stored evidence is released`);
      if (scan === 'threats_found') throw conflict('the malware scan found threats in this evidence: it stays in quarantine');
      const next: EvidenceObject = {
        ...item,
        quarantine: 'released',
        ...(scan ? { scan } : {}),
        releasedBy: { sub: p.sub, orgId: p.orgId, at: now.toISOString() },
        version: item.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'evidenceObject', value: next }, expect: item.version }],
        audit: evidenceAudit(next, 'evidence.released', { sha256: next.sha256, ...(scan ? { scan } : {}) }),
        events: [evidenceEvent(next, 'evidence.released', a)],
        result: presentEvidence(next, caller),
      };
    },
  });
}

/**
 * A presigned GET of a stored item (ranges work, so a download resumes), to an agency member the
 * table lets download and the marking lets take material off the platform. Quarantined content
 * goes to the evidence officer alone. Every link is a custody event, appended before it is handed out.
 */
export async function evidenceDownload(
  deps: EvidenceObjectDeps,
  p: Principal,
  workspaceId: string,
  parent: Parent,
  id: string,
): Promise<DownloadLinkView> {
  const objects = objectsOf(deps);
  authorize('evidence.download', p);
  const view = new LoadedView(await deps.store.load({ refs: refsFor(workspaceId, parent, id) }));
  const now = deps.clock.now();
  const { a, item } = agencyItem(view, p, workspaceId, parent, id, now);
  authorizeIn('evidence.download', p, a.ws);
  if (item.status !== 'stored' || !item.sha256) throw notFound('evidence content');
  if (item.quarantine === 'held' && !isOfficer(view, workspaceId, p))
    throw forbidden("this evidence is quarantined until the workspace's evidence officer releases it");
  if (!canSee(p, a.ws, item.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now, { action: 'export' }))
    throw forbidden('the marking or the originating country’s policy does not allow this material to leave the platform');
  await appendAuditEntry(deps, workspaceId, actorOf(p), evidenceAudit(item, 'evidence.downloaded', { sha256: item.sha256 }));
  const link = await objects.downloadLink(objectKey(item), {
    fileName: item.fileName,
    mediaType: item.mediaType,
    ttlSeconds: DOWNLOAD_LINK_TTL_SECONDS,
  });
  return { url: link.url, expiresAt: link.expiresAt, sha256: item.sha256, size: item.size };
}
