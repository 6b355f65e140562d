import { incidentRef, readableIncident } from '../incidents/shared';
import { invalid, notFound } from '../kernel/errors';
import { type Marking, type MarkingInput, markingFrom, type Tlp } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import type { LoadedView } from '../kernel/runner';
import { authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../policies/workspace';
import { reqRef, visibleRequest, visibleToPartner } from '../requests/shared';
import type { EvidenceParentKind } from './model';

// What evidence hangs off, and who may see it: the parent decides. An agency member sees an item
// only if it may see its parent (and the item's own, possibly narrower, marking); a private
// partner only the items it uploaded to a request addressed to it.

export interface Parent {
  kind: EvidenceParentKind;
  id: string;
}

/** What a parent lends its evidence: the workspace, its marking (none for a channel), who hears of it. */
export interface ParentAccess {
  ws: Workspace;
  marking: Marking | undefined;
  audience: string[];
  addressees: string[];
}

export const parentRefs = (workspaceId: string, parent: Parent): RecordRef[] => [
  { kind: 'workspace', id: workspaceId },
  { kind: 'policies' },
  ...(parent.kind === 'task' ? [{ kind: 'task' as const, workspaceId, id: parent.id }] : []),
  ...(parent.kind === 'incident' ? [incidentRef(workspaceId, parent.id)] : []),
  ...(parent.kind === 'request' ? [reqRef(workspaceId, parent.id)] : []),
];

const members = (ws: Workspace) => ws.members.map((m) => m.orgId);

/** The parent as an agency member may see it, or the 404 of the parent (or the workspace). */
export const agencyParent = (view: LoadedView, p: Principal, workspaceId: string, parent: Parent, now: Date): ParentAccess => {
  if (parent.kind === 'task') {
    const { ws } = authorizeInView('task.read', p, view, workspaceId);
    const t = view.get({ kind: 'task', workspaceId, id: parent.id });
    if (!t || !canSee(p, ws, t.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now)) throw notFound('task');
    return { ws, marking: t.marking, audience: members(ws), addressees: [] };
  }
  if (parent.kind === 'incident') {
    const { ws, inc } = readableIncident(view, p, workspaceId, parent.id, now);
    return { ws, marking: inc.marking, audience: members(ws), addressees: [] };
  }
  if (parent.kind === 'request') {
    const { ws, r } = visibleRequest(view, p, workspaceId, parent.id, now);
    // The partner hears nothing of what agencies add to the request: its evidence is agencies' own.
    return { ws, marking: r.marking, audience: [...new Set([r.requestedBy.orgId, ws.leadOrgId])], addressees: [] };
  }
  const { ws } = authorizeInView('workspace.read', p, view, workspaceId);
  return { ws, marking: undefined, audience: members(ws), addressees: [] };
};

/** A request addressed to the partner, as the portal lets it see it, or a 404. */
export const partnerParent = (view: LoadedView, p: Principal, workspaceId: string, requestId: string, now: Date) => {
  const { ws, r } = visibleToPartner(view, p, workspaceId, requestId, now);
  return { ws, r, access: { ws, marking: r.marking, audience: [...new Set([r.requestedBy.orgId, ws.leadOrgId])], addressees: [] } };
};

const LEVELS: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const rank = (t: Tlp) => LEVELS.indexOf(t);
const subset = (xs: readonly string[], of: readonly string[]) => xs.every((x) => of.includes(x));

/**
 * The item's marking: the parent's, or the uploader's narrower one (never wider: a lower TLP, a
 * country or recipient the parent does not release to, a dropped caveat or an earlier embargo is a
 * 400 naming the field). The originator stays the parent's, whose country's policy still applies.
 * A channel has no marking of its own: its evidence must carry one, originated by the uploader.
 */
export const itemMarking = (parent: Marking | undefined, input: MarkingInput | undefined, uploader: Principal): Marking => {
  if (!parent) {
    if (!input) throw invalid('marking', 'evidence on a channel carries its own marking: send one');
    return markingFrom(input, uploader);
  }
  if (!input) return parent;
  const wider = (field: string, why: string) => invalid(`marking.${field}`, `must not be wider than the parent's marking: ${why}`);
  if (rank(input.tlp) < rank(parent.tlp)) throw wider('tlp', `the parent is TLP:${parent.tlp}`);
  if (Array.isArray(parent.releasableTo) && (input.releasableTo === 'members' || !subset(input.releasableTo, parent.releasableTo)))
    throw wider('releasableTo', `the parent is releasable to ${parent.releasableTo.join(', ')} only`);
  if (parent.recipients?.length && !(input.recipients?.length && subset(input.recipients, parent.recipients)))
    throw wider('recipients', 'name only recipients the parent names');
  if (!subset(parent.caveats, input.caveats)) throw wider('caveats', `keep the parent's caveats (${parent.caveats.join(', ')})`);
  if (parent.embargoUntil && (!input.embargoUntil || input.embargoUntil < parent.embargoUntil))
    throw wider('embargoUntil', `the parent is embargoed until ${parent.embargoUntil}`);
  return { ...input, originator: parent.originator };
};
