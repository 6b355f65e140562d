import type { AuditDraft } from '../kernel/audit';
import { notFound } from '../kernel/errors';
import type { EventDraft, EventType } from '../kernel/events';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import type { LoadedView } from '../kernel/runner';
import { EMPTY_POLICY_SET, type PolicySet } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../policies/workspace';
import type { Transfer, TransferRecordType } from './model';

// What the transfer commands and queries share: the records' keys, who may follow a transfer,
// and the audit entry and event every step of one makes.

export const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** The marked record a transfer is about: a task, a data request or an incident of the workspace. */
interface MarkedRecord {
  id: string;
  marking: Marking;
  version: number;
  updatedAt: string;
}

export const recordRef = (workspaceId: string, type: TransferRecordType, id: string): RecordRef => ({ kind: type, workspaceId, id });
export const transferRef = (workspaceId: string, id: string) => ({ kind: 'transfer' as const, workspaceId, id });
export const openKey = (t: Pick<Transfer, 'record' | 'destination'>): string =>
  `${t.record.type}#${t.record.id}#${t.destination.orgId ?? t.destination.country}`;
export const openRef = (workspaceId: string, key: string) => ({ kind: 'openTransfer' as const, workspaceId, key });

export const policiesOf = (view: LoadedView): PolicySet => view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
export const recordOf = (view: LoadedView, workspaceId: string, type: TransferRecordType, id: string): MarkedRecord | undefined =>
  view.get(recordRef(workspaceId, type, id)) as MarkedRecord | undefined;

/** The organisations a transfer's events concern: who asked, and the originator who decides. Never the destination before approval. */
export const partiesOf = (t: Transfer): string[] => uniq([t.requestedBy.orgId, t.originator.orgId]);

export const transferAudit = (t: Transfer, action: string, details: Record<string, unknown> = {}, marking = t.marking): AuditDraft => ({
  action,
  target: { type: 'transfer', id: t.id },
  details: { record: t.record, destination: t.destination, ...details },
  markings: [marking],
});

export const transferEvent = (
  t: Transfer,
  type: EventType,
  data: Record<string, unknown> = {},
  audience = partiesOf(t),
  marking = t.marking,
): EventDraft => ({
  type,
  workspaceId: t.workspaceId,
  subject: { type: 'transfer', id: t.id },
  marking,
  audience,
  data: { record: t.record, destination: t.destination, status: t.status, ...data },
});

/** A transfer request as the caller may see it: asked by its organisation or about a record it originated, and under the record's marking. */
export const mayFollow = (p: Principal, ws: Workspace, t: Transfer, policies: PolicySet, now: Date): boolean =>
  (t.requestedBy.orgId === p.orgId || t.originator.orgId === p.orgId) && canSee(p, ws, t.marking, policies, now);

export const visibleTransfer = (view: LoadedView, p: Principal, ws: Workspace, id: string, now: Date): Transfer => {
  const t = view.get(transferRef(ws.id, id));
  if (!t || !mayFollow(p, ws, t, policiesOf(view), now)) throw notFound('transfer');
  return t;
};
