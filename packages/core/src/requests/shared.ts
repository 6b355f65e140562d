import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, invalid, notFound } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import { canTransition } from '../kernel/machines';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import { type LoadedView, runCommand } from '../kernel/runner';
import type { Write } from '../kernel/store';
import { dueTimerId } from '../kernel/timers';
import { type Action, authorize, authorizeIn, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET, type PolicySet } from '../policies/policy';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../workspaces/model';
import { allRequestTimerIds, requestTimers } from './clocks';
import { requestTransitions } from './machine';
import { portalView, requestingAgencyOf } from './partner-view';
import type { RequestDeps } from './ports';
import type { DataRequest, PortalRequest, RequestStatus } from './request';
import { turnaroundWrites } from './turnaround/hook';
import type { Refused } from './types/index';

// What the agencies' side, the partner portal, evidence and the clocks of a request share.
export const policiesOf = (view: LoadedView): PolicySet => view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
export const reqRef = (workspaceId: string, id: string) => ({ kind: 'request' as const, workspaceId, id });

export const putTimers = (r: DataRequest, now: Date): Write[] =>
  requestTimers(r, now).map((t) => ({ op: 'put', record: { kind: 'timer', value: t }, expect: 'any' }));
/** The timer that lapses a request nobody co-signed in time (cosign.ts). */
export const cosignTimerId = (requestId: string) => dueTimerId(requestId, 'cosign');
export const clearTimers = (r: DataRequest): Write[] =>
  [...allRequestTimerIds(r), ...(r.status === 'awaiting_cosign' ? [cosignTimerId(r.id)] : [])].map((id) => ({
    op: 'delete',
    ref: { kind: 'timer', workspaceId: r.workspaceId, id },
    expect: 'any',
  }));
/** Re-plans a request's timers: what the new clock needs is put, anything else it had is deleted. */
export const replanTimers = (before: DataRequest, after: DataRequest, now: Date): Write[] => {
  const puts = putTimers(after, now);
  const kept = new Set(puts.map((w) => (w.op === 'put' && w.record.kind === 'timer' ? w.record.value.id : '')));
  return [...clearTimers(before).filter((w) => !(w.op === 'delete' && w.ref.kind === 'timer' && kept.has(w.ref.id))), ...puts];
};

/** The organisations an event about a request concerns: the partner, the requesting agency, the lead. */
const audienceOf = (r: DataRequest, ws: Workspace) => [...new Set([r.providerOrgId, r.requestedBy.orgId, ws.leadOrgId])];
export const requestEvent = (
  r: DataRequest,
  ws: Workspace,
  type: EventDraft['type'],
  data: Record<string, unknown>,
  audience = audienceOf(r, ws),
): EventDraft => ({
  type,
  workspaceId: r.workspaceId,
  subject: { type: 'request', id: r.id },
  audience,
  addressees: audience.includes(r.providerOrgId) ? [r.providerOrgId] : [],
  marking: r.marking,
  data: {
    requestType: r.type,
    status: r.status,
    requestingAgency: requestingAgencyOf(r),
    ...(r.clock ? { dueAt: r.clock.dueAt } : {}),
    ...data,
  },
});

/** The error for a way of answering the request's type does not take (types/): a conflict, or a 400 naming `field`. */
export const refusedBy = (x: Refused, field: string) => (x.error === 'conflict' ? conflict(x.refused) : invalid(field, x.refused));

export const move = (r: DataRequest, to: RequestStatus, now: Date): DataRequest => {
  if (!canTransition(requestTransitions, r.status, to))
    throw conflict(`a ${r.status.replaceAll('_', ' ')} request cannot become ${to.replaceAll('_', ' ')}`);
  return { ...r, status: to, updatedAt: now.toISOString(), version: r.version + 1 };
};

export const providerViewer = (provider: { id: string; country: string }) => ({
  orgId: provider.id,
  orgKind: 'provider' as const,
  country: provider.country,
});

/** The request as an agency member may see it, or a 404; then the table decides what it may do. */
export const visibleRequest = (
  view: LoadedView,
  p: Principal,
  workspaceId: string,
  id: string,
  now: Date,
  action: Action = 'request.read',
) => {
  const { ws, me } = authorizeInView('request.read', p, view, workspaceId);
  const r = view.get(reqRef(workspaceId, id));
  if (!r || !canSee(p, ws, r.marking, policiesOf(view), now)) throw notFound('request');
  if (action !== 'request.read') authorizeIn(action, p, ws);
  return { ws, me, r };
};
/** The requesting agency or the lead act on a request; other members only follow it. */
export const requireOwner = (r: DataRequest, ws: Workspace, p: Principal, action: string) => {
  if (p.orgId !== r.requestedBy.orgId && p.orgId !== ws.leadOrgId)
    throw forbidden(`only the requesting agency or the workspace lead may ${action}`);
};

/** Finds a request in the caller's inbox (one query of the inbox index), or a 404. */
export const inboxLocate = async (deps: RequestDeps, p: Principal, id: string, action: Action = 'portal.read') => {
  authorize(action, p, 'request');
  const found = await deps.store.findInboxRequest(p.orgId, id);
  if (!found) throw notFound('request');
  return found.workspaceId;
};

/** The addressee may see it: sent to it, and the marking and the originating country's policy let it. */
export const visibleToPartner = (view: LoadedView, p: Principal, workspaceId: string, id: string, now: Date) => {
  const ws = view.get({ kind: 'workspace', id: workspaceId });
  const r = view.get(reqRef(workspaceId, id));
  if (!ws || !r || r.providerOrgId !== p.orgId || !r.sentAt) throw notFound('request');
  if (!canSee(p, ws, r.marking, policiesOf(view), now, { addressee: true })) throw notFound('request');
  return { ws, r };
};

/** A command of the addressed partner on one request. */
export const partnerCommand = async <R = PortalRequest>(
  deps: RequestDeps,
  ctx: CommandContext,
  id: string,
  extraRefs: (workspaceId: string) => RecordRef[],
  decide: (a: { ws: Workspace; r: DataRequest; view: LoadedView; now: Date }) => {
    next: DataRequest;
    writes?: Write[];
    audit: { action: string; target?: { type: string; id: string }; details?: Record<string, unknown> };
    events: EventDraft[];
    result?: R;
    status?: number;
  },
  /** Already located by the caller: saves the inbox query. */
  knownWorkspaceId?: string,
) => {
  const p = ctx.principal;
  const workspaceId = knownWorkspaceId ?? (await inboxLocate(deps, p, id, 'portal.act'));
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id), ...extraRefs(workspaceId)],
    authorize: (view, now) => {
      authorize('portal.act', p, 'request');
      return visibleToPartner(view, p, workspaceId, id, now);
    },
    decide(view, now, { ws, r }) {
      const out = decide({ ws, r, view, now });
      return {
        writes: [
          { op: 'put', record: { kind: 'request', value: out.next }, expect: r.version },
          ...(out.writes ?? []),
          ...turnaroundWrites(r, out.next, now),
        ],
        audit: {
          action: out.audit.action,
          target: out.audit.target ?? { type: 'request', id },
          ...(out.audit.details ? { details: out.audit.details } : {}),
          // Evidence entries too: the request's marking covers its evidence.
          markings: [r.marking],
        },
        events: out.events,
        result: out.result ?? portalView(out.next),
        ...(out.status ? { status: out.status } : {}),
      };
    },
  });
};
