import type { AuditDraft } from '../kernel/audit';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import { allows, type PolicyAction, type PolicySet, type Resource, type Viewer } from './policy';
import type { Workspace } from './workspace';

/** How a principal stands towards a record in a workspace, for the evaluator. */
const viewerOf = (p: Pick<Principal, 'orgId' | 'orgKind' | 'country'>, ws: Workspace | undefined, addressee = false): Viewer => ({
  orgId: p.orgId,
  orgKind: p.orgKind,
  country: p.country,
  workspaceRole: ws?.members.find((m) => m.orgId === p.orgId)?.role,
  addressee,
});

const resourceOf = (marking: Marking, ws: Workspace | undefined): Resource => ({
  marking,
  ...(ws ? { workspaceStatus: ws.status, workspaceClosedAt: ws.closedAt, legalBasisCode: ws.legalBasis.code } : {}),
});

/** Every read, list, notification and export of a marked record asks this, and only this. */
export const canSee = (
  p: Pick<Principal, 'orgId' | 'orgKind' | 'country'>,
  ws: Workspace | undefined,
  marking: Marking,
  policies: PolicySet,
  now: Date,
  opts: { action?: PolicyAction; addressee?: boolean } = {},
): boolean => allows(viewerOf(p, ws, opts.addressee), opts.action ?? 'read', resourceOf(marking, ws), policies, now);

/** Reads of AMBER and RED material leave a trace in the audit chain; CLEAR and GREEN do not. */
export const isSensitive = (m: Marking): boolean => m.tlp === 'AMBER' || m.tlp === 'AMBER+STRICT' || m.tlp === 'RED';

/**
 * The audit draft of a read of AMBER or RED records: the entry carries each record's marking,
 * so a reader of the trail sees it only if it may see every record read.
 */
export const readAudit = (action: string, type: string, subjects: { id: string; marking: Marking }[]): AuditDraft | undefined =>
  subjects.length === 0
    ? undefined
    : {
        action,
        target: { type, id: subjects.length === 1 ? subjects[0]!.id : `${subjects.length} records` },
        details: subjects.length > 1 ? { ids: subjects.map((s) => s.id) } : undefined,
        markings: subjects.map((s) => s.marking),
      };
