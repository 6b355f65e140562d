import type { AuditDraft } from '../kernel/audit';
import { forbidden, notFound, unavailable } from '../kernel/errors';
import type { EventDraft, EventType } from '../kernel/events';
import type { Principal } from '../kernel/principal';
import type { LoadedView } from '../kernel/runner';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { inboxLocate } from '../requests/shared';
import { type EvidenceObject, type EvidenceView, parentKey } from './model';
import type { EvidenceObjects } from './objects';
import { agencyParent, type Parent, type ParentAccess, parentRefs, partnerParent } from './parents';
import type { EvidenceObjectDeps } from './ports';

/** Who asks about an item: an agency member under the parent's path, or the partner through its portal. */
export type Where = { as: 'agency'; workspaceId: string; parent: Parent } | { as: 'partner'; requestId: string };

export const objectsOf = (deps: { evidenceObjects?: EvidenceObjects | undefined }): EvidenceObjects => {
  if (!deps.evidenceObjects) throw unavailable('evidence storage is not configured here');
  return deps.evidenceObjects;
};

/** The workspace and parent the item lives under (a partner's request is found in its inbox: a 404 if not addressed to it). */
export const locate = async (deps: EvidenceObjectDeps, p: Principal, where: Where, action: 'portal.read' | 'portal.act' = 'portal.act') =>
  where.as === 'agency'
    ? { workspaceId: where.workspaceId, parent: where.parent }
    : { workspaceId: await inboxLocate(deps, p, where.requestId, action), parent: { kind: 'request' as const, id: where.requestId } };

export const itemRef = (workspaceId: string, parent: Parent, id: string) => ({
  kind: 'evidenceObject' as const,
  workspaceId,
  parentKey: parentKey(parent.kind, parent.id),
  id,
});
export const officerRef = (workspaceId: string) => ({ kind: 'evidenceOfficer' as const, workspaceId });

export const refsFor = (workspaceId: string, parent: Parent, id?: string) => [
  ...parentRefs(workspaceId, parent),
  officerRef(workspaceId),
  ...(id ? [itemRef(workspaceId, parent, id)] : []),
];

/** The parent as the caller may see it (agency member or addressed partner), or its 404. */
export const parentAccess = (view: LoadedView, p: Principal, where: Where, workspaceId: string, parent: Parent, now: Date): ParentAccess =>
  where.as === 'agency' ? agencyParent(view, p, workspaceId, parent, now) : partnerParent(view, p, workspaceId, parent.id, now).access;

/** The item as the caller may see it: an agency member, if the evaluator lets it see its marking; a partner, only its own. */
export const visibleItem = (view: LoadedView, p: Principal, where: Where, a: ParentAccess, ref: ReturnType<typeof itemRef>, now: Date) => {
  const e = view.get(ref);
  if (!e) throw notFound('evidence');
  if (
    where.as === 'partner'
      ? e.uploadedBy.orgId !== p.orgId
      : !canSee(p, a.ws, e.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now)
  )
    throw notFound('evidence');
  return e;
};

/** Only the person who started an upload sends its parts and completes it. */
export const requireUploader = (e: EvidenceObject, p: Principal) => {
  if (e.uploadedBy.sub !== p.sub || e.uploadedBy.orgId !== p.orgId)
    throw forbidden('only the person who started this upload may continue it');
};

/** Is `p` the workspace's evidence officer (the one person who releases quarantined evidence)? */
export const isOfficer = (view: LoadedView, workspaceId: string, p: Pick<Principal, 'sub' | 'orgId'>): boolean => {
  const o = view.get(officerRef(workspaceId));
  return o !== undefined && o.officer.sub === p.sub && o.officer.orgId === p.orgId;
};

export const evidenceAudit = (e: EvidenceObject, action: string, details: Record<string, unknown> = {}): AuditDraft => ({
  action,
  target: { type: 'evidence', id: e.id },
  details: { parent: parentKey(e.parent.kind, e.parent.id), ...details },
  markings: [e.marking],
});

export const evidenceEvent = (e: EvidenceObject, type: EventType, a: Pick<ParentAccess, 'audience' | 'addressees'>): EventDraft => ({
  type,
  workspaceId: e.workspaceId,
  subject: { type: 'evidence', id: e.id },
  marking: e.marking,
  audience: a.audience,
  ...(a.addressees.length ? { addressees: a.addressees } : {}),
  data: {
    parentKind: e.parent.kind,
    parentId: e.parent.id,
    parentKey: parentKey(e.parent.kind, e.parent.id),
    evidenceId: e.id,
    fileName: e.fileName,
    size: e.size,
    status: e.status,
    ...(e.sha256 ? { sha256: e.sha256 } : {}),
  },
});

/** The item as the caller sees it. A partner sees no marking and no uploader (nothing of the workspace). */
export const presentEvidence = (e: EvidenceObject, caller: { partner: boolean; officer: boolean; mayDownload: boolean }): EvidenceView => ({
  id: e.id,
  parent: e.parent,
  fileName: e.fileName,
  size: e.size,
  mediaType: e.mediaType,
  ...(caller.partner ? {} : { marking: e.marking, uploadedBy: { orgId: e.uploadedBy.orgId, kind: e.uploadedBy.kind } }),
  untrusted: e.untrusted,
  status: e.status,
  partSize: e.upload.partSize,
  partCount: e.upload.partCount,
  ...(e.sha256 ? { sha256: e.sha256 } : {}),
  quarantine: e.quarantine,
  ...(e.scan ? { scan: e.scan } : {}),
  ...(e.releasedBy ? { releasedAt: e.releasedBy.at } : {}),
  ...(e.rejected ? { rejected: e.rejected } : {}),
  createdAt: e.createdAt,
  ...(e.completedAt ? { completedAt: e.completedAt } : {}),
  ...(e.storedAt ? { storedAt: e.storedAt } : {}),
  canDownload: !caller.partner && caller.mayDownload && e.status === 'stored' && (e.quarantine !== 'held' || caller.officer),
  canRelease: !caller.partner && caller.officer && e.status === 'stored' && e.quarantine === 'held' && e.scan !== 'threats_found',
  version: e.version,
});
