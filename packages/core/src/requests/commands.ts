import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, invalid, staleVersion } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import { type MarkingInput, markingFrom } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { type LoadedView, runCommand } from '../kernel/runner';
import type { PageQuery, Write } from '../kernel/store';
import { hasherOf } from '../matching/hasher';
import { hashSelectors, indexRefs, indexWrites } from '../matching/index-writes';
import { markedItems, requireOpen, visibleList, visibleRecord } from '../policies/access';
import { authorize, authorizeIn, authorizeInView } from '../policies/permissions';
import { canSee } from '../policies/visibility';
import type { Workspace } from '../workspaces/model';
import { extendClock, resumeClock, startClock } from './clocks';
import { awaitCosign } from './cosign';
import { isTerminalRequest } from './machine';
import { awaitsValidation, awaitValidation } from './orders';
import type { RequestDeps } from './ports';
import type { CreateRequestInput, DataRequest } from './request';
import {
  clearTimers,
  move,
  policiesOf,
  providerViewer,
  putTimers,
  replanTimers,
  reqRef,
  requestEvent,
  requireOwner,
  visibleRequest,
} from './shared';
import { turnaroundWrites } from './turnaround/hook';
import { needsCosign, requestType } from './types/index';

/** Requests to private partners are TLP:AMBER unless marked otherwise: the partner may share them only inside itself. */
const REQUEST_DEFAULT_MARKING = { tlp: 'AMBER', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;

// ---------------------------------------------------------------------------------------
// The agencies' side: members of the workspace draft, send, follow and close requests.
// ---------------------------------------------------------------------------------------

export async function createRequest(deps: RequestDeps, ctx: CommandContext, workspaceId: string, input: CreateRequestInput) {
  const p = ctx.principal;
  authorize('request.create', p);
  const id = deps.ids.next();
  const hashed = hashSelectors(hasherOf(deps), input.selectors);
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'policies' },
      { kind: 'organisation', id: input.providerOrgId },
      ...indexRefs(hashed),
    ],
    retryOnRace: hashed.items.length > 0,
    authorize: (view) => authorizeInView('request.create', p, view, workspaceId),
    decide(view, now, { ws }) {
      requireOpen(ws, 'send data requests');
      const provider = view.get({ kind: 'organisation', id: input.providerOrgId });
      if (!provider) throw invalid('providerOrgId', `there is no organisation ${input.providerOrgId}`);
      if (provider.kind !== 'provider')
        throw invalid(
          'providerOrgId',
          `${provider.name} is not a private partner; data requests go to tech companies, banks and exchanges`,
        );
      const type = requestType(input.type);
      if (type.create.permission) authorizeIn(type.create.permission, p, ws);
      if (type.partners.sectors && !(provider.sector && type.partners.sectors.includes(provider.sector)))
        throw invalid('providerOrgId', type.partners.outsideSectors?.(provider.name) ?? `${provider.name} does not take this request`);
      if (input.period && new Date(input.period.from).getTime() > now.getTime())
        throw invalid('period.from', 'the period cannot start in the future');
      const marking = markingFrom(input.marking ?? REQUEST_DEFAULT_MARKING, p);
      if (!canSee(providerViewer(provider), ws, marking, policiesOf(view), now, { addressee: true })) {
        throw invalid('marking', `${provider.name} (${provider.country}) could not see a request marked this way (marking or policy)`);
      }
      const at = now.toISOString();
      let r: DataRequest = {
        workspaceId,
        id,
        providerOrgId: provider.id,
        type: input.type,
        legalBasis: input.legalBasis,
        urgency: input.urgency,
        description: input.description,
        selectors: input.selectors,
        ...(input.period ? { period: input.period } : {}),
        status: 'draft',
        marking,
        clarifications: [],
        requestedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
        createdAt: at,
        updatedAt: at,
        evidence: { registered: 0, stored: 0 },
        ...type.create.record?.(input),
        ...(input.certificate ? { certificate: input.certificate } : {}),
        version: 1,
      };
      const writes: Write[] = [];
      const events: EventDraft[] = [];
      let action = input.send ? 'request.sent' : 'request.drafted';
      if (input.send && awaitsValidation(r)) {
        // Issued: a validating authority validates it first (orders.ts); the officer sends it then.
        const waiting = awaitValidation(r, ws, now);
        r = { ...waiting.next, version: 1 };
        events.push(waiting.event);
        action = waiting.audit.action;
      } else if (input.send && needsCosign(r)) {
        // A second officer co-signs it first (cosign.ts): the partner hears of it only then.
        const waiting = awaitCosign(r, ws, now);
        r = { ...waiting.next, version: 1 };
        writes.push(...waiting.timers);
        events.push(waiting.event);
        action = waiting.audit.action;
      } else if (input.send) {
        const draft = r;
        r = { ...r, status: 'sent', sentAt: at, clock: startClock(r, now) };
        writes.push(...putTimers(r, now), ...turnaroundWrites(draft, r, now));
        events.push(requestEvent(r, ws, 'request.sent', { urgency: r.urgency, providerOrgId: r.providerOrgId }));
      }
      return {
        writes: [
          { op: 'put', record: { kind: 'request', value: r }, expect: 'absent' },
          ...writes,
          ...indexWrites(view, hashed, { workspaceId, record: { type: 'request', id }, marking }, at),
        ],
        audit: {
          action,
          target: { type: 'request', id },
          details: { type: r.type, provider: r.providerOrgId, basis: r.legalBasis.code, selectors: r.selectors.length, tlp: r.marking.tlp },
          markings: [marking],
        },
        events,
        result: r,
        status: 201,
      };
    },
  });
}

/** A command on one request of a workspace by an agency member. */
export const agencyCommand = (
  deps: RequestDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  expectVersion: number | undefined,
  /** What the caller does, for the refusal: only the requesting agency or the lead may. */
  doing: string,
  decide: (a: { ws: Workspace; r: DataRequest; view: LoadedView; now: Date }) => {
    next: DataRequest;
    audit: { action: string; details?: Record<string, unknown> };
    events: EventDraft[];
    timers: Write[];
  },
) =>
  runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    authorize: (view, now) => {
      const a = visibleRequest(view, ctx.principal, workspaceId, id, now, 'request.act');
      requireOwner(a.r, a.ws, ctx.principal, doing);
      return a;
    },
    decide(view, now, { ws, r }) {
      if (expectVersion !== undefined && r.version !== expectVersion) throw staleVersion();
      const out = decide({ ws, r, view, now });
      return {
        writes: [
          { op: 'put', record: { kind: 'request', value: out.next }, expect: r.version },
          ...out.timers,
          ...turnaroundWrites(r, out.next, now),
        ],
        audit: {
          action: out.audit.action,
          target: { type: 'request', id },
          ...(out.audit.details ? { details: out.audit.details } : {}),
          markings: [r.marking],
        },
        events: out.events,
        result: out.next,
      };
    },
  });

export const sendRequest = (deps: RequestDeps, ctx: CommandContext, workspaceId: string, id: string, expectVersion?: number) =>
  agencyCommand(deps, ctx, workspaceId, id, expectVersion, 'send it', ({ ws, r, now }) => {
    requireOpen(ws, 'send data requests');
    if (r.status === 'draft' && awaitsValidation(r)) {
      const waiting = awaitValidation(r, ws, now);
      return { next: waiting.next, audit: waiting.audit, events: [waiting.event], timers: [] };
    }
    if ((r.status === 'draft' || r.status === 'validated') && needsCosign(r)) {
      const waiting = awaitCosign(r, ws, now);
      return { next: waiting.next, audit: waiting.audit, events: [waiting.event], timers: waiting.timers };
    }
    const sent = move(r, 'sent', now);
    const next: DataRequest = { ...sent, sentAt: now.toISOString(), clock: startClock(r, now) };
    return {
      next,
      audit: { action: 'request.sent', details: { provider: r.providerOrgId, dueAt: next.clock?.dueAt } },
      events: [requestEvent(next, ws, 'request.sent', { urgency: r.urgency, providerOrgId: r.providerOrgId })],
      timers: putTimers(next, now),
    };
  });

export const answerClarification = (deps: RequestDeps, ctx: CommandContext, workspaceId: string, id: string, answer: string) =>
  agencyCommand(deps, ctx, workspaceId, id, undefined, 'answer the partner', ({ ws, r, now }) => {
    const moved = move(r, 'acknowledged', now);
    const clarifications = r.clarifications.map((c, i) =>
      i === r.clarifications.length - 1 ? { ...c, answer, answeredAt: now.toISOString() } : c,
    );
    const next: DataRequest = { ...moved, clarifications, ...(r.clock ? { clock: resumeClock(r.clock, now) } : {}) };
    return {
      next,
      audit: { action: 'request.clarified', details: { dueAt: next.clock?.dueAt } },
      events: [requestEvent(next, ws, 'request.clarified', { answer })],
      timers: putTimers(next, now),
    };
  });

export const withdrawRequest = (
  deps: RequestDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  reason: string,
  expectVersion?: number,
) =>
  agencyCommand(deps, ctx, workspaceId, id, expectVersion, 'withdraw it', ({ ws, r, now }) => {
    const next: DataRequest = { ...move(r, 'withdrawn', now), withdrawnReason: reason };
    return {
      next,
      audit: { action: 'request.withdrawn', details: { from: r.status } },
      // A draft, or a request still waiting for its second officer, never reached the partner: it need not hear of its withdrawal.
      events: [requestEvent(next, ws, 'request.withdrawn', { reason }, r.sentAt ? undefined : [r.requestedBy.orgId, ws.leadOrgId])],
      timers: clearTimers(r),
    };
  });

export const extendRequest = (
  deps: RequestDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  expectVersion?: number,
  reason?: string,
) =>
  agencyCommand(deps, ctx, workspaceId, id, expectVersion, 'extend it', ({ ws, r, now }) => {
    if (!r.clock || isTerminalRequest(r.status) || r.status === 'clarification_requested')
      throw conflict(`a ${r.status.replaceAll('_', ' ')} request has no running clock to extend`);
    if (r.status === 'frozen') throw conflict('a freeze is renewed, not extended: POST its renew');
    const next: DataRequest = { ...r, clock: extendClock(r.clock), updatedAt: now.toISOString(), version: r.version + 1 };
    return {
      next,
      audit: { action: 'request.extended', details: { from: r.clock.dueAt, to: next.clock?.dueAt, ...(reason ? { reason } : {}) } },
      events: [requestEvent(next, ws, 'request.extended', { previousDueAt: r.clock.dueAt, ...(reason ? { reason } : {}) })],
      timers: replanTimers(r, next, now),
    };
  });

export async function getRequest(deps: RequestDeps, p: Principal, workspaceId: string, id: string): Promise<DataRequest> {
  authorize('request.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)];
  return visibleRecord(deps, p, workspaceId, refs, 'request', (view, now) => visibleRequest(view, p, workspaceId, id, now).r);
}

export const listRequests = async (deps: RequestDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<DataRequest>> => {
  authorize('request.read', p);
  const list = (pq: PageQuery) => deps.store.listRequests(workspaceId, pq);
  return visibleList(deps, p, 'request.read', workspaceId, list(q), markedItems('request'), { limit: q.limit, list });
};
