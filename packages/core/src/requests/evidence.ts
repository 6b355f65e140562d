import { actorOf, type CommandContext } from '../kernel/context';
import { conflict, forbidden, invalid, notFound } from '../kernel/errors';
import { sha256Hex } from '../kernel/hash';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { auditedRead, LoadedView } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { canSee } from '../policies/visibility';
import { linkEvidence } from './answers/commands';
import { getRequest } from './commands';
import { type EvidenceItem, MAX_EVIDENCE_BYTES, type PortalEvidence, type RegisterEvidenceInput } from './evidence-model';
import { portalEvidence } from './partner-view';
import type { EvidenceDeps, RequestDeps } from './ports';
import type { DataRequest, RequestStatus } from './request';
import { inboxLocate, partnerCommand, policiesOf, refusedBy, reqRef, requestEvent, visibleRequest, visibleToPartner } from './shared';
import { requestType } from './types/index';

// ---------------------------------------------------------------------------------------
// Evidence: registered with its digest, then its content uploaded and checked against it.
// Every download and export is a custody event in the audit chain.
// ---------------------------------------------------------------------------------------

const countEvidence = (r: DataRequest, field: 'registered' | 'stored', now: Date): DataRequest => ({
  ...r,
  evidence: { ...r.evidence, [field]: r.evidence[field] + 1 },
  updatedAt: now.toISOString(),
  version: r.version + 1,
});

export const contentKey = (e: Pick<EvidenceItem, 'workspaceId' | 'requestId' | 'id'>) => `evidence/${e.workspaceId}/${e.requestId}/${e.id}`;

/**
 * A request takes evidence (registration and upload of content) only while it is
 * `acknowledged`: the partner has taken it up and its clock runs. Not before acknowledgement,
 * not while a clarification is outstanding (the clock stands still and the agency may yet
 * change what it asks), and not once it is answered, withdrawn or expired. A preservation
 * request takes none: the data is kept, and goes with a production request.
 */
const EVIDENCE_STATUSES: readonly RequestStatus[] = ['acknowledged'];

export const requireAcceptsEvidence = (r: DataRequest) => {
  if (!EVIDENCE_STATUSES.includes(r.status))
    throw conflict(`evidence goes with an acknowledged request; this one is ${r.status.replaceAll('_', ' ')}`);
  const takes = requestType(r.type).evidence;
  if (takes !== true) throw refusedBy(takes, 'evidence');
};

const evidenceRef = (workspaceId: string, requestId: string, id: string) => ({ kind: 'evidence' as const, workspaceId, requestId, id });

/**
 * What an upload must pass before a byte of it is stored, and again in the transaction that
 * marks the item stored: the request is visible to the partner (as the portal decides), the
 * item was registered by the partner for this request and has no content yet, and the request
 * still takes evidence.
 */
const uploadTarget = (view: LoadedView, p: Principal, workspaceId: string, id: string, evidenceId: string, now: Date) => {
  const { ws, r } = visibleToPartner(view, p, workspaceId, id, now);
  const item = view.get(evidenceRef(workspaceId, id, evidenceId));
  if (!item || item.uploadedBy.orgId !== p.orgId) throw notFound('evidence');
  if (item.content === 'stored') throw conflict('this evidence item already has its content');
  requireAcceptsEvidence(r);
  return { ws, r, item };
};

export async function registerEvidence(deps: RequestDeps, ctx: CommandContext, id: string, input: RegisterEvidenceInput) {
  const evidenceId = deps.ids.next();
  return partnerCommand<PortalEvidence>(
    deps,
    ctx,
    id,
    () => [],
    ({ ws, r, now }) => {
      requireAcceptsEvidence(r);
      const targets = linkEvidence(r, input.targets);
      const item: EvidenceItem = {
        workspaceId: r.workspaceId,
        requestId: r.id,
        id: evidenceId,
        fileName: input.fileName,
        size: input.size,
        mediaType: input.mediaType,
        sha256: input.sha256,
        uploadedBy: { sub: ctx.principal.sub, orgId: ctx.principal.orgId },
        registeredAt: now.toISOString(),
        content: 'pending',
        ...(input.targets ? { targets: [...input.targets] } : {}),
        version: 1,
      };
      const next = { ...countEvidence(r, 'registered', now), ...(targets ? { targets } : {}) };
      return {
        next,
        writes: [{ op: 'put', record: { kind: 'evidence', value: item }, expect: 'absent' }],
        audit: {
          action: 'evidence.registered',
          target: { type: 'evidence', id: evidenceId },
          details: { request: r.id, sha256: item.sha256, size: item.size, ...(item.targets ? { targets: item.targets } : {}) },
        },
        events: [
          requestEvent(next, ws, 'evidence.registered', {
            evidenceId,
            fileName: item.fileName,
            size: item.size,
            ...(item.targets ? { targets: item.targets } : {}),
          }),
        ],
        result: portalEvidence(item),
        status: 201,
      };
    },
  );
}

/**
 * Stores the content of a registered item if its size and SHA-256 match what was registered.
 * Everything is checked first (`uploadTarget`, then the size and digest), so nothing reaches
 * the content store for a request the partner may no longer see or that no longer takes
 * evidence. The object is then written under a key derived from the item, and only after that
 * does one transaction, checking again, mark the item stored: a failure in between leaves it
 * pending, and a retry overwrites the same object, so nothing is half-written.
 */
export async function uploadEvidence(deps: EvidenceDeps, ctx: CommandContext, id: string, evidenceId: string, body: Uint8Array) {
  const content = deps.content;
  const p = ctx.principal;
  const workspaceId = await inboxLocate(deps, p, id, 'portal.act');
  const eRef = evidenceRef(workspaceId, id, evidenceId);
  const checked = await deps.store.load({
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id), eRef],
  });
  const { item: pre } = uploadTarget(new LoadedView(checked), p, workspaceId, id, evidenceId, deps.clock.now());
  if (body.byteLength > MAX_EVIDENCE_BYTES) throw invalid('body', `the content is larger than ${MAX_EVIDENCE_BYTES} bytes`);
  if (body.byteLength !== pre.size) throw invalid('body', `the content is ${body.byteLength} bytes; ${pre.size} were registered`);
  const digest = sha256Hex(body);
  if (digest !== pre.sha256) throw invalid('body', `the content's SHA-256 is ${digest}; ${pre.sha256} was registered`);
  await content.put(contentKey(pre), body, { sha256: digest, mediaType: pre.mediaType });
  return partnerCommand<PortalEvidence>(
    deps,
    ctx,
    id,
    () => [eRef],
    ({ ws, r, view, now }) => {
      const { item } = uploadTarget(view, p, workspaceId, id, evidenceId, now);
      const stored: EvidenceItem = { ...item, content: 'stored', storedAt: now.toISOString(), version: item.version + 1 };
      const next = countEvidence(r, 'stored', now);
      return {
        next,
        writes: [{ op: 'put', record: { kind: 'evidence', value: stored }, expect: item.version }],
        audit: {
          action: 'evidence.uploaded',
          target: { type: 'evidence', id: evidenceId },
          details: { request: r.id, sha256: digest, size: body.byteLength },
        },
        events: [requestEvent(next, ws, 'evidence.uploaded', { evidenceId, fileName: item.fileName, sha256: digest })],
        result: portalEvidence(stored),
      };
    },
    workspaceId,
  );
}

/**
 * A partner lists the evidence it registered for a request addressed to it, if it may still
 * see the request (the same check as reading it; the request and the list are read together).
 */
export async function listPartnerEvidence(deps: RequestDeps, p: Principal, id: string, q: PageQuery): Promise<Page<PortalEvidence>> {
  const workspaceId = await inboxLocate(deps, p, id);
  const [loaded, page] = await Promise.allSettled([
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)] }),
    deps.store.listEvidence(workspaceId, id, q),
  ]);
  if (loaded.status === 'rejected') throw loaded.reason;
  visibleToPartner(new LoadedView(loaded.value), p, workspaceId, id, deps.clock.now());
  if (page.status === 'rejected') throw page.reason;
  return { ...page.value, items: page.value.items.filter((e) => e.uploadedBy.orgId === p.orgId).map(portalEvidence) };
}

/** Agency members who may see the request list its evidence (each listing of AMBER or RED material is audited). */
export async function listEvidence(
  deps: RequestDeps,
  p: Principal,
  workspaceId: string,
  id: string,
  q: PageQuery,
): Promise<Page<EvidenceItem>> {
  const r = await getRequest(deps, p, workspaceId, id);
  return deps.store.listEvidence(workspaceId, r.id, q);
}

/** A download is a custody event: the entry is appended before the content is handed over. */
export async function downloadEvidence(deps: EvidenceDeps, p: Principal, workspaceId: string, id: string, evidenceId: string) {
  authorize('evidence.download', p);
  const eRef = { kind: 'evidence' as const, workspaceId, requestId: id, id: evidenceId };
  const item = await auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id), eRef],
    decide(view, now) {
      const { r } = visibleRequest(view, p, workspaceId, id, now, 'evidence.download');
      const e = view.get(eRef);
      if (e?.content !== 'stored') throw notFound('evidence');
      if (!canSee(p, view.get({ kind: 'workspace', id: workspaceId }), r.marking, policiesOf(view), now, { action: 'export' }))
        throw forbidden('the marking or the originating country’s policy does not allow this material to leave the platform');
      return {
        result: e,
        audit: {
          action: 'evidence.downloaded',
          target: { type: 'evidence', id: e.id },
          details: { request: r.id, sha256: e.sha256 },
          markings: [r.marking],
        },
      };
    },
  });
  const body = await deps.content.get(contentKey(item));
  if (!body) throw notFound('evidence content');
  return { item, body };
}

/** The request, its clarifications and its evidence manifest as one export: a custody event. */
export async function exportRequest(deps: RequestDeps, p: Principal, workspaceId: string, id: string) {
  authorize('evidence.download', p);
  const evidence = await deps.store.listEvidence(workspaceId, id, { limit: 100 });
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    decide(view, now) {
      const { ws, r } = visibleRequest(view, p, workspaceId, id, now, 'evidence.download');
      if (!canSee(p, ws, r.marking, policiesOf(view), now, { action: 'export' }))
        throw forbidden('the marking or the originating country’s policy does not allow this request to be exported');
      const manifest = evidence.items.map(({ id: eid, fileName, size, mediaType, sha256, registeredAt, storedAt, content, targets }) => ({
        id: eid,
        fileName,
        size,
        mediaType,
        sha256,
        registeredAt,
        ...(storedAt ? { storedAt } : {}),
        content,
        ...(targets ? { targets } : {}),
      }));
      return {
        result: { exportedAt: now.toISOString(), exportedBy: actorOf(p), request: r, evidence: manifest },
        audit: {
          action: 'request.exported',
          target: { type: 'request', id: r.id },
          details: { evidence: manifest.length },
          markings: [r.marking],
        },
      };
    },
  });
}
