import type { CommandContext } from '../kernel/context';
import { conflict, invalid } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import type { PageQuery } from '../kernel/store';
import { visibleAcrossWorkspaces, visibleRecord } from '../policies/access';
import { authorize } from '../policies/permissions';
import { wholeRequestTargets } from './answers/commands';
import { pauseClock, productionBlockedUntil } from './clocks';
import { portalView } from './partner-view';
import type { RequestDeps } from './ports';
import { CANNOT_COMPLY_REASONS, type DataRequest, MAX_CLARIFICATIONS, type PortalRequest, type RespondInput } from './request';
import { clearTimers, inboxLocate, move, partnerCommand, refusedBy, reqRef, requestEvent, visibleToPartner } from './shared';
import { isRefused, requestType } from './types/index';

// ---------------------------------------------------------------------------------------
// The partner portal: a private partner sees only what is addressed to it, and only the
// fields it needs to answer; never the workspace, its members or other partners.
// ---------------------------------------------------------------------------------------

export async function listInbox(deps: RequestDeps, p: Principal, q: PageQuery): Promise<Page<PortalRequest>> {
  authorize('portal.read', p);
  const list = (pq: PageQuery) => deps.store.listInbox(p.orgId, pq);
  const page = await visibleAcrossWorkspaces(
    deps,
    p,
    list(q),
    { workspaceId: (r) => r.workspaceId, marking: (r) => r.marking, addressee: true },
    { limit: q.limit, list },
  );
  return { items: page.items.map(portalView), ...(page.next ? { next: page.next } : {}) };
}

export async function getInboxRequest(deps: RequestDeps, p: Principal, id: string): Promise<PortalRequest> {
  const workspaceId = await inboxLocate(deps, p, id);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)];
  return portalView(
    await visibleRecord(deps, p, workspaceId, refs, 'request', (view, now) => visibleToPartner(view, p, workspaceId, id, now).r),
  );
}

/** A partner's move on the request alone (no evidence item read with it). */
const partnerStep = (deps: RequestDeps, ctx: CommandContext, id: string, decide: Parameters<typeof partnerCommand<PortalRequest>>[4]) =>
  partnerCommand(deps, ctx, id, () => [], decide);

export const acknowledgeRequest = (deps: RequestDeps, ctx: CommandContext, id: string) =>
  partnerStep(deps, ctx, id, ({ ws, r, now }) => {
    const next = move(r, 'acknowledged', now);
    return { next, audit: { action: 'request.acknowledged' }, events: [requestEvent(next, ws, 'request.acknowledged', {})] };
  });

export const requestClarification = (deps: RequestDeps, ctx: CommandContext, id: string, question: string) =>
  partnerStep(deps, ctx, id, ({ ws, r, now }) => {
    if (r.clarifications.length >= MAX_CLARIFICATIONS) {
      throw conflict(`a request takes at most ${MAX_CLARIFICATIONS} rounds of clarification; answer it or say why you cannot comply`);
    }
    const moved = move(r, 'clarification_requested', now);
    const next: DataRequest = {
      ...moved,
      clarifications: [...r.clarifications, { question, askedAt: now.toISOString(), askedBy: ctx.principal.orgId }],
      ...(r.clock ? { clock: pauseClock(r.clock, now) } : {}),
    };
    return {
      next,
      // The clock stands still while the agency answers: its timers go, and come back re-planned.
      writes: clearTimers(r),
      audit: { action: 'request.clarification_requested' },
      events: [requestEvent(next, ws, 'request.clarification_requested', { question })],
    };
  });

export const respondToRequest = (deps: RequestDeps, ctx: CommandContext, id: string, input: RespondInput) =>
  partnerStep(deps, ctx, id, ({ ws, r, now }) => {
    const answer = requestType(r.type).respond;
    if (isRefused(answer)) throw refusedBy(answer, 'outcome');
    const targets = wholeRequestTargets(r, input, now);
    const moved = move(r, input.outcome, now);
    if (!answer.outcomes.includes(input.outcome)) throw invalid('outcome', answer.refusal(input.outcome));
    if (input.outcome === 'fulfilled' || input.outcome === 'partially_fulfilled') {
      const blocked = productionBlockedUntil(r, now);
      if (blocked) throw conflict(`the enforcing state may object until ${blocked}; hand over the data after that`);
      if (r.evidence.stored === 0) throw invalid('outcome', 'register and upload the evidence before answering fulfilled');
      if (r.evidence.stored < r.evidence.registered)
        throw invalid('outcome', 'an evidence item is registered but its content has not been uploaded');
    }
    const next: DataRequest = {
      ...moved,
      ...(targets ? { targets } : {}),
      outcome: {
        at: now.toISOString(),
        ...('reason' in input ? { reason: input.reason } : {}),
        ...(input.detail ? { detail: input.detail } : {}),
      },
    };
    return {
      next,
      // A preservation keeps its clock (the data is kept until it runs out); any other answer ends it.
      writes: input.outcome === 'preserved' ? [] : clearTimers(r),
      audit: { action: 'request.responded', details: { outcome: input.outcome, ...('reason' in input ? { reason: input.reason } : {}) } },
      events: [
        requestEvent(next, ws, 'request.responded', {
          outcome: input.outcome,
          ...('reason' in input ? { reason: input.reason, reasonText: CANNOT_COMPLY_REASONS[input.reason] } : {}),
        }),
      ],
    };
  });
