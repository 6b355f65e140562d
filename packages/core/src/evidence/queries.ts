import { type CommandContext, commandOf } from '../kernel/context';
import { invalid } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { LoadedView, runCommand, unchanged } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { visibleList } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import {
  type EvidenceObject,
  type EvidenceOfficer,
  type EvidenceOfficerView,
  type EvidenceView,
  parentKey,
  type SetOfficerInput,
} from './model';
import type { EvidenceObjectDeps } from './ports';
import { itemRef, locate, officerRef, parentAccess, presentEvidence, refsFor, visibleItem, type Where } from './shared';
import { callerOf } from './upload';

// Reading evidence (a parent's items, one item) and naming the workspace's evidence officer.

/**
 * The items of a parent the caller may see, oldest first: an agency member sees those whose
 * marking the evaluator lets it see (a page of AMBER or RED items is audited as `evidence.listed`);
 * the partner only those it uploaded, presented without marking or uploader.
 */
export async function listEvidenceObjects(deps: EvidenceObjectDeps, p: Principal, where: Where, q: PageQuery): Promise<Page<EvidenceView>> {
  if (where.as === 'agency') authorize('evidence.read', p);
  const { workspaceId, parent } = await locate(deps, p, where, 'portal.read');
  const view = new LoadedView(await deps.store.load({ refs: refsFor(workspaceId, parent) }));
  parentAccess(view, p, where, workspaceId, parent, deps.clock.now());
  if (where.as === 'agency') authorizeInView('evidence.read', p, view, workspaceId);
  const caller = callerOf(view, p, where, workspaceId);
  const key = parentKey(parent.kind, parent.id);
  if (where.as === 'partner') {
    const page = await deps.store.listEvidenceObjects(workspaceId, key, q);
    return { ...page, items: page.items.filter((e) => e.uploadedBy.orgId === p.orgId).map((e) => presentEvidence(e, caller)) };
  }
  const page = await visibleList<EvidenceObject>(
    deps,
    p,
    'evidence.read',
    workspaceId,
    deps.store.listEvidenceObjects(workspaceId, key, q),
    { type: 'evidence', marking: (e) => e.marking, id: (e) => e.id },
    { limit: q.limit, list: (more) => deps.store.listEvidenceObjects(workspaceId, key, more) },
  );
  return { ...page, items: page.items.map((e) => presentEvidence(e, caller)) };
}

/** One item, as the caller may see it. */
export async function getEvidenceObject(deps: EvidenceObjectDeps, p: Principal, where: Where, id: string): Promise<EvidenceView> {
  if (where.as === 'agency') authorize('evidence.read', p);
  const { workspaceId, parent } = await locate(deps, p, where, 'portal.read');
  const view = new LoadedView(await deps.store.load({ refs: refsFor(workspaceId, parent, id) }));
  const now = deps.clock.now();
  const a = parentAccess(view, p, where, workspaceId, parent, now);
  if (where.as === 'agency') authorizeInView('evidence.read', p, view, workspaceId);
  return presentEvidence(visibleItem(view, p, where, a, itemRef(workspaceId, parent, id), now), callerOf(view, p, where, workspaceId));
}

const officerView = (o: EvidenceOfficer | undefined): EvidenceOfficerView => (o ? { officer: o.officer, setAt: o.setAt } : {});

/** Who the workspace's evidence officer is (any member). */
export async function getEvidenceOfficer(deps: EvidenceObjectDeps, p: Principal, workspaceId: string): Promise<EvidenceOfficerView> {
  authorize('evidence.read', p);
  const view = new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, officerRef(workspaceId)] }));
  authorizeInView('evidence.read', p, view, workspaceId);
  return officerView(view.get(officerRef(workspaceId)));
}

/**
 * The lead names the workspace's evidence officer: one person (subject and organisation) of a
 * member organisation that is lead or member. Naming another replaces the first; one commit with
 * its `evidence.officer_set` entry and event.
 */
export async function setEvidenceOfficer(deps: EvidenceObjectDeps, ctx: CommandContext, workspaceId: string, input: SetOfficerInput) {
  const p = ctx.principal;
  authorize('evidence.officer.set', p);
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, officerRef(workspaceId)],
    authorize: (view) => authorizeInView('evidence.officer.set', p, view, workspaceId),
    decide: (view, now, { ws }) => {
      const member = ws.members.find((m) => m.orgId === input.orgId);
      if (!member || member.role === 'observer')
        throw invalid('orgId', 'the evidence officer belongs to the lead or a member organisation of the workspace');
      const current = view.get(officerRef(workspaceId));
      if (current && current.officer.sub === input.sub && current.officer.orgId === input.orgId) return unchanged(officerView(current));
      const next: EvidenceOfficer = {
        workspaceId,
        officer: { sub: input.sub, orgId: input.orgId },
        setBy: { sub: p.sub, orgId: p.orgId },
        setAt: now.toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'evidenceOfficer', value: next }, expect: current ? current.version : 'absent' }],
        audit: {
          action: 'evidence.officer_set',
          target: { type: 'workspace', id: workspaceId },
          details: { orgId: input.orgId },
          markings: [],
        },
        events: [
          {
            type: 'evidence.officer_set',
            workspaceId,
            subject: { type: 'workspace', id: workspaceId },
            audience: ws.members.map((m) => m.orgId),
            data: { orgId: input.orgId },
          },
        ],
        result: officerView(next),
      };
    },
  });
}
