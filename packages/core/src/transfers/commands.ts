import type { AuditDraft } from '../kernel/audit';
import { actorOf, type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import type { EventDraft, EventType } from '../kernel/events';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { auditedRead, LoadedView, runCommand } from '../kernel/runner';
import type { PageQuery, Write } from '../kernel/store';
import { fillPage, policiesCovering, requireOpen } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET, evaluate, type PolicySet } from '../policies/policy';
import { canSee, isSensitive, readAudit } from '../policies/visibility';
import type { Workspace } from '../policies/workspace';
import type { RequestTransferInput, Transfer, TransferRecordType, TransferStatus } from './model';
import type { TransferDeps } from './ports';

/** What every answer about a transfer says of the originating country's policy. */
const TRANSFER_POLICY_NOTE =
  "The originator's approval cannot override the originating country's policy: the destination must also be allowed by it (the one evaluator decides, at the request and again at the approval).";

/** The marked record a transfer is about: a task, a data request or an incident of the workspace. */
interface MarkedRecord {
  id: string;
  marking: Marking;
  version: number;
  updatedAt: string;
}

const recordRef = (workspaceId: string, type: TransferRecordType, id: string): RecordRef => ({ kind: type, workspaceId, id });
const transferRef = (workspaceId: string, id: string) => ({ kind: 'transfer' as const, workspaceId, id });
const openKey = (t: Pick<Transfer, 'record' | 'destination'>): string =>
  `${t.record.type}#${t.record.id}#${t.destination.orgId ?? t.destination.country}`;
const openRef = (workspaceId: string, key: string) => ({ kind: 'openTransfer' as const, workspaceId, key });

const policiesOf = (view: LoadedView): PolicySet => view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
const recordOf = (view: LoadedView, workspaceId: string, type: TransferRecordType, id: string): MarkedRecord | undefined =>
  view.get(recordRef(workspaceId, type, id)) as MarkedRecord | undefined;

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** A marking may name at most this many REL TO countries and named recipients (as `MarkingInput`). */
const MAX_MARKING_ENTRIES = 50;

export type Release = { releasableTo: 'members' | string[]; recipients?: string[] | undefined };

/**
 * What a record's REL TO and named recipients become when released to `destination`, or
 * `already` when the marking already lets it go there. A record releasable to "all members" is
 * releasable to the countries of the current members; released further, it becomes REL TO those
 * countries and the destination (a country that joins later then needs a release of its own).
 * An organisation is added to the named recipients (which TLP:RED requires) and its country to REL TO.
 */
export const releaseTo = (m: Marking, destination: Transfer['destination'], memberCountries: readonly string[]): Release | 'already' => {
  if (m.tlp === 'CLEAR') return 'already';
  const countryOk =
    m.releasableTo === 'members' ? memberCountries.includes(destination.country) : m.releasableTo.includes(destination.country);
  const orgOk = destination.orgId === undefined || m.tlp !== 'RED' || (m.recipients ?? []).includes(destination.orgId);
  if (countryOk && orgOk) return 'already';
  const releasableTo = countryOk
    ? m.releasableTo
    : uniq([...(m.releasableTo === 'members' ? memberCountries : m.releasableTo), destination.country]);
  const recipients = destination.orgId ? uniq([...(m.recipients ?? []), destination.orgId]) : m.recipients;
  return { releasableTo, ...(recipients ? { recipients } : {}) };
};

/**
 * Would the originating country's policy (and the marking as released) let the destination see
 * the record? Asked of THE evaluator for the destination as if it were a member: an approval can
 * only add the destination to the marking; it can never lift a country policy's forbid. An
 * embargo is not a reason to refuse a release (it ends by itself).
 */
const destinationRefusals = (
  ws: Workspace,
  released: Marking,
  destination: Transfer['destination'],
  destinationKind: 'agency' | 'international',
  policies: PolicySet,
  now: Date,
): string[] => {
  const decision = evaluate(
    {
      orgId: destination.orgId ?? `country-${destination.country.toLowerCase()}`,
      orgKind: destinationKind,
      country: destination.country,
      workspaceRole: 'member',
    },
    'read',
    { marking: released, workspaceStatus: ws.status, workspaceClosedAt: ws.closedAt, legalBasisCode: ws.legalBasis.code },
    policies,
    now,
  );
  return decision.allow ? [] : decision.reasons.filter((r) => r !== 'embargo');
};

const refusalMessage = (t: Pick<Transfer, 'originator' | 'destination'>, reasons: string[]) =>
  `the policy of ${t.originator.country} or the record's marking does not allow it to go to ${t.destination.orgId ?? t.destination.country} (${reasons.join(', ')}); an approval cannot override a country policy's forbid`;

const markingWith = (m: Marking, r: Release): Marking => {
  const next: Marking = { ...m, releasableTo: r.releasableTo };
  if (r.recipients) next.recipients = r.recipients;
  return next;
};

/** The organisations a transfer's events concern: who asked, and the originator who decides. Never the destination before approval. */
const partiesOf = (t: Transfer): string[] => uniq([t.requestedBy.orgId, t.originator.orgId]);

const transferAudit = (t: Transfer, action: string, details: Record<string, unknown> = {}, marking = t.marking): AuditDraft => ({
  action,
  target: { type: 'transfer', id: t.id },
  details: { record: t.record, destination: t.destination, ...details },
  markings: [marking],
});

const transferEvent = (
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
const mayFollow = (p: Principal, ws: Workspace, t: Transfer, policies: PolicySet, now: Date): boolean =>
  (t.requestedBy.orgId === p.orgId || t.originator.orgId === p.orgId) && canSee(p, ws, t.marking, policies, now);

const visibleTransfer = (view: LoadedView, p: Principal, ws: Workspace, id: string, now: Date): Transfer => {
  const t = view.get(transferRef(ws.id, id));
  if (!t || !mayFollow(p, ws, t, policiesOf(view), now)) throw notFound('transfer');
  return t;
};

export const presentTransfer = (t: Transfer) => ({ ...t, policyNote: TRANSFER_POLICY_NOTE });

/** A member asks the originator of a record it may see to release it to a further country or organisation. */
export async function requestTransfer(deps: TransferDeps, ctx: CommandContext, workspaceId: string, input: RequestTransferInput) {
  const p = ctx.principal;
  const id = deps.ids.next();
  const refs: RecordRef[] = [
    { kind: 'workspace', id: workspaceId },
    recordRef(workspaceId, input.record.type, input.record.id),
    { kind: 'policies' },
    ...(input.destination.orgId ? [{ kind: 'organisation' as const, id: input.destination.orgId }] : []),
  ];
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs,
    authorize(view, now) {
      const { ws } = authorizeInView('transfer.request', p, view, workspaceId);
      const record = recordOf(view, workspaceId, input.record.type, input.record.id);
      if (!record || !canSee(p, ws, record.marking, policiesOf(view), now)) throw notFound('record');
      return { ws, record };
    },
    decide(view, now, { ws, record }) {
      requireOpen(ws, 'ask for releases');
      let destination: Transfer['destination'];
      let destinationKind: 'agency' | 'international' = 'agency';
      if (input.destination.orgId) {
        const org = view.get({ kind: 'organisation', id: input.destination.orgId });
        if (!org) throw invalid('destination.orgId', 'no such organisation');
        if (org.kind === 'provider')
          throw invalid('destination.orgId', 'a record is released further only to an agency or an international organisation');
        destination = { country: org.country, orgId: org.id };
        destinationKind = org.kind;
      } else {
        destination = { country: input.destination.country! };
        if (record.marking.tlp === 'RED')
          throw invalid('destination.country', 'TLP:RED goes only to named organisations: ask for an organisation (destination.orgId)');
      }
      const release = releaseTo(
        record.marking,
        destination,
        ws.members.map((m) => m.country),
      );
      if (release === 'already')
        throw conflict(`the record is already releasable to ${destination.orgId ?? destination.country}: there is nothing to ask`);
      const draft: Transfer = {
        workspaceId,
        id,
        record: input.record,
        destination,
        purpose: input.purpose,
        status: 'pending',
        marking: record.marking,
        requestedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
        originator: { ...record.marking.originator },
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      };
      const refusals = destinationRefusals(ws, markingWith(record.marking, release), destination, destinationKind, policiesOf(view), now);
      if (refusals.length > 0) throw conflict(refusalMessage(draft, refusals));
      return {
        writes: [
          { op: 'put', record: { kind: 'transfer', value: draft }, expect: 'absent' },
          // One open request per record and destination: a second is refused by this put.
          { op: 'put', record: { kind: 'openTransfer', value: { workspaceId, key: openKey(draft), transferId: id } }, expect: 'absent' },
        ],
        // The purpose stays in the transfer, under the record's marking; the entry names the record and the destination.
        audit: transferAudit(draft, 'transfer.requested'),
        events: [transferEvent(draft, 'transfer.requested', { purpose: draft.purpose })],
        result: draft,
        status: 201,
      };
    },
  });
}

export async function getTransfer(deps: TransferDeps, p: Principal, workspaceId: string, id: string): Promise<Transfer> {
  authorize('transfer.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, transferRef(workspaceId, id), { kind: 'policies' }];
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs,
    decide(view, now) {
      const t = visibleTransfer(view, p, authorizeInView('transfer.read', p, view, workspaceId).ws, id, now);
      return { result: t, audit: isSensitive(t.marking) ? readAudit('transfer.read', 'transfer', [t]) : undefined };
    },
  });
}

/** The transfer requests the caller's organisation asked, and those about records it originated; optionally of one status. */
export async function listTransfers(
  deps: TransferDeps,
  p: Principal,
  workspaceId: string,
  q: PageQuery & { status?: TransferStatus },
): Promise<Page<Transfer>> {
  authorize('transfer.read', p);
  const list = (pq: PageQuery) => deps.store.listTransfers(workspaceId, pq);
  const [loaded, first] = await Promise.allSettled([
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }),
    list(q),
  ]);
  if (loaded.status === 'rejected') throw loaded.reason;
  const view = new LoadedView(loaded.value);
  const { ws } = authorizeInView('transfer.read', p, view, workspaceId);
  if (first.status === 'rejected') throw first.reason;
  const now = deps.clock.now();
  return fillPage(
    first.value,
    async (items) => {
      const mine = items.filter(
        (t) => (q.status === undefined || t.status === q.status) && (t.requestedBy.orgId === p.orgId || t.originator.orgId === p.orgId),
      );
      const policies = await policiesCovering(
        deps,
        policiesOf(view),
        mine.map((t) => t.marking),
      );
      return mine.filter((t) => mayFollow(p, ws, t, policies, now));
    },
    { limit: q.limit, list },
  );
}

type Decision = 'approve' | 'refuse' | 'withdraw';

/** The originator approves (the marking changes, in this transaction), refuses (with a reason), or the requester withdraws. */
export async function decideTransfer(
  deps: TransferDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  decision: Decision,
  opts: { reason?: string; expectVersion?: number | undefined } = {},
) {
  const p = ctx.principal;
  // The transfer names its record: read it first, then the command loads both (and re-checks the transfer's version).
  const peek = await deps.store.get(transferRef(workspaceId, id));
  const refs: RecordRef[] = [
    { kind: 'workspace', id: workspaceId },
    transferRef(workspaceId, id),
    { kind: 'policies' },
    ...(peek ? [recordRef(workspaceId, peek.record.type, peek.record.id)] : []),
    ...(peek?.destination.orgId ? [{ kind: 'organisation' as const, id: peek.destination.orgId }] : []),
  ];
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs,
    authorize(view, now) {
      const { ws } = authorizeInView(decision === 'withdraw' ? 'transfer.request' : 'transfer.decide', p, view, workspaceId);
      const t = visibleTransfer(view, p, ws, id, now);
      if (decision === 'withdraw' && t.requestedBy.orgId !== p.orgId)
        throw forbidden('only the organisation that asked may withdraw the request');
      if (decision !== 'withdraw' && t.originator.orgId !== p.orgId)
        throw forbidden('only the originator of the record may approve or refuse its release');
      return { ws, t };
    },
    decide(view, now, { ws, t }) {
      if (opts.expectVersion !== undefined && opts.expectVersion !== t.version) throw staleVersion();
      if (t.status !== 'pending') throw conflict(`the transfer request is already ${t.status}`);
      const at = now.toISOString();
      const closeOpen: Write = { op: 'delete', ref: openRef(workspaceId, openKey(t)), expect: 'any' };
      const base = { ...t, updatedAt: at, version: t.version + 1 };
      if (decision === 'withdraw') {
        const next: Transfer = { ...base, status: 'withdrawn' };
        return {
          writes: [{ op: 'put', record: { kind: 'transfer', value: next }, expect: t.version }, closeOpen],
          audit: transferAudit(next, 'transfer.withdrawn'),
          events: [transferEvent(next, 'transfer.withdrawn')],
          result: next,
        };
      }
      if (decision === 'refuse') {
        const next: Transfer = {
          ...base,
          status: 'refused',
          decidedBy: { sub: p.sub, orgId: p.orgId },
          decidedAt: at,
          refusalReason: opts.reason!,
        };
        return {
          // The record and its marking are not touched; the destination may be asked for again.
          writes: [{ op: 'put', record: { kind: 'transfer', value: next }, expect: t.version }, closeOpen],
          audit: transferAudit(next, 'transfer.refused'),
          events: [transferEvent(next, 'transfer.refused', { reason: next.refusalReason })],
          result: next,
        };
      }
      requireOpen(ws, 'release records');
      const record = recordOf(view, workspaceId, t.record.type, t.record.id);
      if (!record) throw conflict('the record no longer exists');
      const release = releaseTo(
        record.marking,
        t.destination,
        ws.members.map((m) => m.country),
      );
      if (release === 'already') throw conflict(`the record is already releasable to ${t.destination.orgId ?? t.destination.country}`);
      const released = markingWith(record.marking, release);
      const org = t.destination.orgId ? view.get({ kind: 'organisation', id: t.destination.orgId }) : undefined;
      const refusals = destinationRefusals(
        ws,
        released,
        t.destination,
        org?.kind === 'international' ? 'international' : 'agency',
        policiesOf(view),
        now,
      );
      if (refusals.length > 0) throw conflict(refusalMessage(t, refusals));
      const nextRecord = { ...record, marking: released, updatedAt: at, version: record.version + 1 };
      const next: Transfer = {
        ...base,
        status: 'approved',
        decidedBy: { sub: p.sub, orgId: p.orgId },
        decidedAt: at,
        marking: released,
        release: {
          from: {
            releasableTo: record.marking.releasableTo,
            ...(record.marking.recipients ? { recipients: record.marking.recipients } : {}),
          },
          to: { releasableTo: release.releasableTo, ...(release.recipients ? { recipients: release.recipients } : {}) },
          recordVersion: nextRecord.version,
        },
      };
      if (Array.isArray(release.releasableTo) && release.releasableTo.length > MAX_MARKING_ENTRIES)
        throw conflict(`a marking names at most ${MAX_MARKING_ENTRIES} countries`);
      if ((release.recipients?.length ?? 0) > MAX_MARKING_ENTRIES)
        throw conflict(`a marking names at most ${MAX_MARKING_ENTRIES} recipients`);
      // The destination's members hear of the release once it is made, under the new marking (fan-out asks the evaluator again).
      const destinationMembers = ws.members
        .filter((m) => (t.destination.orgId ? m.orgId === t.destination.orgId : m.country === t.destination.country))
        .map((m) => m.orgId)
        .filter((o) => !partiesOf(t).includes(o));
      return {
        writes: [
          { op: 'put', record: { kind: t.record.type, value: nextRecord }, expect: record.version } as Write,
          { op: 'put', record: { kind: 'transfer', value: next }, expect: t.version },
          closeOpen,
        ],
        // Held under the marking the record had: who could not see the record before does not read how it was released.
        audit: transferAudit(next, 'transfer.approved', { release: next.release }, record.marking),
        events: [
          transferEvent(next, 'transfer.approved', { release: next.release }, partiesOf(t), record.marking),
          ...(destinationMembers.length > 0 ? [transferEvent(next, 'transfer.released', {}, destinationMembers, released)] : []),
        ],
        result: next,
      };
    },
  });
}
