import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import type { RecordRef } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { Write } from '../kernel/store';
import { requireOpen } from '../policies/access';
import { authorizeInView } from '../policies/permissions';
import { canSee } from '../policies/visibility';
import type { RequestTransferInput, Transfer } from './model';
import type { TransferDeps } from './ports';
import { destinationRefusals, MAX_MARKING_ENTRIES, markingWith, refusalMessage, releaseTo } from './release';
import {
  openKey,
  openRef,
  partiesOf,
  policiesOf,
  recordOf,
  recordRef,
  transferAudit,
  transferEvent,
  transferRef,
  visibleTransfer,
} from './shared';

// The transfer commands: a member asks for a release; the originator approves or refuses it, or
// the member that asked withdraws it. Reads: queries.ts; the marking a release makes: release.ts.

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
