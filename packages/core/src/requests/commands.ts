import { actorOf, type CommandContext } from '../kernel/context';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import type { EventDraft } from '../kernel/events';
import { sha256Hex } from '../kernel/hash';
import { canTransition } from '../kernel/machines';
import { type MarkingInput, markingFrom } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { auditedRead, LoadedView, runCommand } from '../kernel/runner';
import type { PageQuery, Write } from '../kernel/store';
import type { TimerHandler } from '../kernel/timers';
import { requireOpen, visibleAcrossWorkspaces, visibleList } from '../policies/access';
import { type Action, authorize, authorizeIn } from '../policies/permissions';
import { EMPTY_POLICY_SET, type PolicySet } from '../policies/policy';
import { canSee, isSensitive, readAudit } from '../policies/visibility';
import type { Workspace } from '../workspaces/model';
import {
  allRequestTimerIds,
  extendClock,
  pauseClock,
  productionBlockedUntil,
  requestTimers,
  resumeClock,
  ruleById,
  startClock,
} from './clocks';
import { isTerminalRequest, requestTransitions } from './machine';
import { portalEvidence, portalView, requestingAgencyOf } from './partner-view';
import type { EvidenceDeps, RequestDeps } from './ports';
import {
  CANNOT_COMPLY_REASONS,
  type CreateRequestInput,
  type DataRequest,
  type EvidenceItem,
  MAX_CLARIFICATIONS,
  MAX_EVIDENCE_BYTES,
  type PortalEvidence,
  type PortalRequest,
  type RegisterEvidenceInput,
  type RequestStatus,
  type RespondInput,
} from './request';

/** Requests to private partners are TLP:AMBER unless marked otherwise: the partner may share them only inside itself. */
export const REQUEST_DEFAULT_MARKING = { tlp: 'AMBER', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;

const idem = (ctx: CommandContext) => (ctx.idempotency ? { idempotency: ctx.idempotency } : {});
const policiesOf = (view: LoadedView): PolicySet => view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
const reqRef = (workspaceId: string, id: string) => ({ kind: 'request' as const, workspaceId, id });

const putTimers = (r: DataRequest, now: Date): Write[] =>
  requestTimers(r, now).map((t) => ({ op: 'put', record: { kind: 'timer', value: t }, expect: 'any' }));
const clearTimers = (r: DataRequest): Write[] =>
  allRequestTimerIds(r).map((id) => ({ op: 'delete', ref: { kind: 'timer', workspaceId: r.workspaceId, id }, expect: 'any' }));
/** Re-plans a request's timers: what the new clock needs is put, anything else it had is deleted. */
const replanTimers = (before: DataRequest, after: DataRequest, now: Date): Write[] => {
  const puts = putTimers(after, now);
  const kept = new Set(puts.map((w) => (w.op === 'put' && w.record.kind === 'timer' ? w.record.value.id : '')));
  return [...clearTimers(before).filter((w) => !(w.op === 'delete' && w.ref.kind === 'timer' && kept.has(w.ref.id))), ...puts];
};

/** The organisations an event about a request concerns: the partner, the requesting agency, the lead. */
const audienceOf = (r: DataRequest, ws: Workspace) => [...new Set([r.providerOrgId, r.requestedBy.orgId, ws.leadOrgId])];
const requestEvent = (
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

const move = (r: DataRequest, to: RequestStatus, now: Date): DataRequest => {
  if (!canTransition(requestTransitions, r.status, to))
    throw conflict(`a ${r.status.replaceAll('_', ' ')} request cannot become ${to.replaceAll('_', ' ')}`);
  return { ...r, status: to, updatedAt: now.toISOString(), version: r.version + 1 };
};

const providerViewer = (provider: { id: string; country: string }) => ({
  orgId: provider.id,
  orgKind: 'provider' as const,
  country: provider.country,
});

// ---------------------------------------------------------------------------------------
// The agencies' side: members of the workspace draft, send, follow and close requests.
// ---------------------------------------------------------------------------------------

/** The request as an agency member may see it, or a 404; then the table decides what it may do. */
const visibleRequest = (view: LoadedView, p: Principal, workspaceId: string, id: string, now: Date, action: Action = 'request.read') => {
  const { ws, me } = authorizeIn('request.read', p, view.get({ kind: 'workspace', id: workspaceId }));
  const r = view.get(reqRef(workspaceId, id));
  if (!r || !canSee(p, ws, r.marking, policiesOf(view), now)) throw notFound('request');
  if (action !== 'request.read') authorizeIn(action, p, ws);
  return { ws, me, r };
};
/** The requesting agency or the lead act on a request; other members only follow it. */
const requireOwner = (r: DataRequest, ws: Workspace, p: Principal, action: string) => {
  if (p.orgId !== r.requestedBy.orgId && p.orgId !== ws.leadOrgId)
    throw forbidden(`only the requesting agency or the workspace lead may ${action}`);
};

export async function createRequest(deps: RequestDeps, ctx: CommandContext, workspaceId: string, input: CreateRequestInput) {
  const p = ctx.principal;
  authorize('request.create', p);
  const id = deps.ids.next();
  return runCommand(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, { kind: 'organisation', id: input.providerOrgId }],
    ...idem(ctx),
    authorize: (view) => authorizeIn('request.create', p, view.get({ kind: 'workspace', id: workspaceId })),
    decide(view, now, { ws }) {
      requireOpen(ws, 'send data requests');
      const provider = view.get({ kind: 'organisation', id: input.providerOrgId });
      if (!provider) throw invalid('providerOrgId', `there is no organisation ${input.providerOrgId}`);
      if (provider.kind !== 'provider')
        throw invalid(
          'providerOrgId',
          `${provider.name} is not a private partner; data requests go to tech companies, banks and exchanges`,
        );
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
        version: 1,
      };
      const writes: Write[] = [];
      const events: EventDraft[] = [];
      if (input.send) {
        r = { ...r, status: 'sent', sentAt: at, clock: startClock(r, now) };
        writes.push(...putTimers(r, now));
        events.push(requestEvent(r, ws, 'request.sent', { urgency: r.urgency, providerOrgId: r.providerOrgId }));
      }
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: r }, expect: 'absent' }, ...writes],
        audit: {
          action: input.send ? 'request.sent' : 'request.drafted',
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
const agencyCommand = (
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
    chainId: workspaceId,
    actor: actorOf(ctx.principal),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    ...idem(ctx),
    authorize: (view, now) => {
      const a = visibleRequest(view, ctx.principal, workspaceId, id, now, 'request.act');
      requireOwner(a.r, a.ws, ctx.principal, doing);
      return a;
    },
    decide(view, now, { ws, r }) {
      if (expectVersion !== undefined && r.version !== expectVersion) throw staleVersion();
      const out = decide({ ws, r, view, now });
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: out.next }, expect: r.version }, ...out.timers],
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
      // A draft never reached the partner: it need not hear of its withdrawal.
      events: [
        requestEvent(next, ws, 'request.withdrawn', { reason }, r.status === 'draft' ? [r.requestedBy.orgId, ws.leadOrgId] : undefined),
      ],
      timers: clearTimers(r),
    };
  });

export const extendRequest = (deps: RequestDeps, ctx: CommandContext, workspaceId: string, id: string, expectVersion?: number) =>
  agencyCommand(deps, ctx, workspaceId, id, expectVersion, 'extend it', ({ ws, r, now }) => {
    if (!r.clock || isTerminalRequest(r.status) || r.status === 'clarification_requested')
      throw conflict(`a ${r.status.replaceAll('_', ' ')} request has no running clock to extend`);
    const next: DataRequest = { ...r, clock: extendClock(r.clock), updatedAt: now.toISOString(), version: r.version + 1 };
    return {
      next,
      audit: { action: 'request.extended', details: { from: r.clock.dueAt, to: next.clock?.dueAt } },
      events: [requestEvent(next, ws, 'request.extended', { previousDueAt: r.clock.dueAt })],
      timers: replanTimers(r, next, now),
    };
  });

export async function getRequest(deps: RequestDeps, p: Principal, workspaceId: string, id: string): Promise<DataRequest> {
  authorize('request.read', p);
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    decide(view, now) {
      const { r } = visibleRequest(view, p, workspaceId, id, now);
      return { result: r, audit: isSensitive(r.marking) ? readAudit('request.read', 'request', [r]) : undefined };
    },
  });
}

export const listRequests = async (deps: RequestDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<DataRequest>> => {
  authorize('request.read', p);
  return visibleList(deps, p, 'request.read', workspaceId, deps.store.listRequests(workspaceId, q), {
    type: 'request',
    marking: (r) => r.marking,
    id: (r) => r.id,
  });
};

// ---------------------------------------------------------------------------------------
// The partner portal: a private partner sees only what is addressed to it, and only the
// fields it needs to answer; never the workspace, its members or other partners.
// ---------------------------------------------------------------------------------------

/** Finds a request in the caller's inbox (one query of the inbox index), or a 404. */
const inboxLocate = async (deps: RequestDeps, p: Principal, id: string, action: Action = 'portal.read') => {
  authorize(action, p, 'request');
  const found = await deps.store.findInboxRequest(p.orgId, id);
  if (!found) throw notFound('request');
  return found.workspaceId;
};

/** The addressee may see it: sent to it, and the marking and the originating country's policy let it. */
const visibleToPartner = (view: LoadedView, p: Principal, workspaceId: string, id: string, now: Date) => {
  const ws = view.get({ kind: 'workspace', id: workspaceId });
  const r = view.get(reqRef(workspaceId, id));
  if (!ws || !r || r.providerOrgId !== p.orgId || !r.sentAt) throw notFound('request');
  if (!canSee(p, ws, r.marking, policiesOf(view), now, { addressee: true })) throw notFound('request');
  return { ws, r };
};

export async function listInbox(deps: RequestDeps, p: Principal, q: PageQuery): Promise<Page<PortalRequest>> {
  authorize('portal.read', p);
  const page = await visibleAcrossWorkspaces(deps, p, deps.store.listInbox(p.orgId, q), {
    workspaceId: (r) => r.workspaceId,
    marking: (r) => r.marking,
    addressee: true,
  });
  return { items: page.items.map(portalView), ...(page.next ? { next: page.next } : {}) };
}

export async function getInboxRequest(deps: RequestDeps, p: Principal, id: string): Promise<PortalRequest> {
  const workspaceId = await inboxLocate(deps, p, id);
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    decide(view, now) {
      const { r } = visibleToPartner(view, p, workspaceId, id, now);
      return { result: portalView(r), audit: isSensitive(r.marking) ? readAudit('request.read', 'request', [r]) : undefined };
    },
  });
}

/** A command of the addressed partner on one request. */
const partnerCommand = async <R = PortalRequest>(
  deps: RequestDeps,
  ctx: CommandContext,
  id: string,
  extraRefs: (workspaceId: string) => { kind: 'evidence'; workspaceId: string; requestId: string; id: string }[],
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
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id), ...extraRefs(workspaceId)],
    ...idem(ctx),
    authorize: (view, now) => {
      authorize('portal.act', p, 'request');
      return visibleToPartner(view, p, workspaceId, id, now);
    },
    decide(view, now, { ws, r }) {
      const out = decide({ ws, r, view, now });
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: out.next }, expect: r.version }, ...(out.writes ?? [])],
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

export const acknowledgeRequest = (deps: RequestDeps, ctx: CommandContext, id: string) =>
  partnerCommand(
    deps,
    ctx,
    id,
    () => [],
    ({ ws, r, now }) => {
      const next = move(r, 'acknowledged', now);
      return { next, audit: { action: 'request.acknowledged' }, events: [requestEvent(next, ws, 'request.acknowledged', {})] };
    },
  );

export const requestClarification = (deps: RequestDeps, ctx: CommandContext, id: string, question: string) =>
  partnerCommand(
    deps,
    ctx,
    id,
    () => [],
    ({ ws, r, now }) => {
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
    },
  );

export const respondToRequest = (deps: RequestDeps, ctx: CommandContext, id: string, input: RespondInput) =>
  partnerCommand(
    deps,
    ctx,
    id,
    () => [],
    ({ ws, r, now }) => {
      const moved = move(r, input.outcome, now);
      if (input.outcome === 'preserved' && r.type !== 'preservation')
        throw invalid('outcome', 'only a preservation request is answered with preserved');
      if ((input.outcome === 'fulfilled' || input.outcome === 'partially_fulfilled') && r.type === 'preservation')
        throw invalid('outcome', 'a preservation request is answered with preserved; the data goes with a production request');
      if (input.outcome === 'fulfilled' || input.outcome === 'partially_fulfilled') {
        const blocked = productionBlockedUntil(r, now);
        if (blocked) throw conflict(`the enforcing state may object until ${blocked}; hand over the data after that`);
        if (r.evidence.stored === 0) throw invalid('outcome', 'register and upload the evidence before answering fulfilled');
        if (r.evidence.stored < r.evidence.registered)
          throw invalid('outcome', 'an evidence item is registered but its content has not been uploaded');
      }
      const next: DataRequest = {
        ...moved,
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
    },
  );

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
export const EVIDENCE_STATUSES: readonly RequestStatus[] = ['acknowledged'];

const requireAcceptsEvidence = (r: DataRequest) => {
  if (!EVIDENCE_STATUSES.includes(r.status))
    throw conflict(`evidence goes with an acknowledged request; this one is ${r.status.replaceAll('_', ' ')}`);
  if (r.type === 'preservation') throw conflict('a preservation request keeps data; it does not take evidence');
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
        version: 1,
      };
      const next = countEvidence(r, 'registered', now);
      return {
        next,
        writes: [{ op: 'put', record: { kind: 'evidence', value: item }, expect: 'absent' }],
        audit: {
          action: 'evidence.registered',
          target: { type: 'evidence', id: evidenceId },
          details: { request: r.id, sha256: item.sha256, size: item.size },
        },
        events: [requestEvent(next, ws, 'evidence.registered', { evidenceId, fileName: item.fileName, size: item.size })],
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
      const manifest = evidence.items.map(({ id: eid, fileName, size, mediaType, sha256, registeredAt, storedAt, content }) => ({
        id: eid,
        fileName,
        size,
        mediaType,
        sha256,
        registeredAt,
        ...(storedAt ? { storedAt } : {}),
        content,
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

// ---------------------------------------------------------------------------------------
// Clocks: reminders, expiry and the end of the objection window fire from the due sweep.
// ---------------------------------------------------------------------------------------

const requestOf = (timer: { workspaceId: string; subjectId: string }) => reqRef(timer.workspaceId, timer.subjectId);
const live = (r: DataRequest | undefined): r is DataRequest => Boolean(r && !isTerminalRequest(r.status) && r.clock && !r.clock.pausedAt);

export const requestTimerHandlers: Record<string, TimerHandler<Workspace>> = {
  'request.reminder': {
    refs: (timer) => [requestOf(timer)],
    decide({ view, timer, ws }) {
      const r = view.get(requestOf(timer));
      if (!live(r) || !r.clock) return 'drop';
      const rule = ruleById(r.clock.rule);
      const to = rule.remind === 'provider' ? [r.providerOrgId] : [r.requestedBy.orgId];
      return {
        writes: [],
        audit: {
          action: 'request.reminder_sent',
          target: { type: 'request', id: r.id },
          details: { before: timer.offset, dueAt: r.clock.dueAt, to },
          markings: [r.marking],
        },
        events: [requestEvent(r, ws, 'request.reminder', { before: timer.offset, rule: rule.id }, to)],
      };
    },
  },
  'request.expiry': {
    refs: (timer) => [requestOf(timer)],
    decide({ view, timer, ws, now }) {
      const r = view.get(requestOf(timer));
      if (!live(r) || !r.clock) return 'drop';
      // An unanswered request, or a preservation whose period ran out, expires; everyone concerned hears of it.
      const next = move(r, 'expired', now);
      return {
        writes: [
          { op: 'put', record: { kind: 'request', value: next }, expect: r.version },
          ...clearTimers(r).filter((w) => w.op === 'delete' && w.ref.kind === 'timer' && w.ref.id !== timer.id),
        ],
        audit: {
          action: 'request.expired',
          target: { type: 'request', id: r.id },
          details: { from: r.status, dueAt: r.clock.dueAt, rule: r.clock.rule },
          markings: [r.marking],
        },
        events: [requestEvent(next, ws, 'request.expired', { from: r.status, rule: r.clock.rule })],
      };
    },
  },
  'request.objection': {
    refs: (timer) => [requestOf(timer)],
    decide({ view, timer, ws }) {
      const r = view.get(requestOf(timer));
      if (!r || isTerminalRequest(r.status)) return 'drop';
      return {
        writes: [],
        audit: { action: 'request.objection_window_closed', target: { type: 'request', id: r.id }, markings: [r.marking] },
        events: [requestEvent(r, ws, 'request.objection_window_closed', { endedAt: r.clock?.objectionWindowEndsAt })],
      };
    },
  },
};
