import { type CommandContext, commandOf } from '../../kernel/context';
import { invalid } from '../../kernel/errors';
import type { EventDraft } from '../../kernel/events';
import { type MarkingInput, markingFrom } from '../../kernel/marking';
import type { Principal } from '../../kernel/principal';
import { LoadedView, runCommand } from '../../kernel/runner';
import type { Write } from '../../kernel/store';
import { requireOpen } from '../../policies/access';
import { authorize, authorizeInView } from '../../policies/permissions';
import { canSee } from '../../policies/visibility';
import { startClock } from '../clocks';
import type { RequestDeps } from '../ports';
import type { DataRequest } from '../request';
import { policiesOf, providerViewer, putTimers, requestEvent } from '../shared';
import { requestType } from '../types/index';
import { type Intake, intakeFromList, intakeFromText } from './intake';
import {
  bytesOf,
  type CreateTakedownInput,
  chunkName,
  chunkOf,
  MAX_ITEM_BYTES_PER_TRANSACTION,
  type TakedownChunk,
  type TakedownCounts,
} from './model';

// Raising a takedown: the request and its items, and a preview of what a pasted list holds.

const DEFAULT_MARKING = { tlp: 'AMBER', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;

const emptyCounts = (total: number): TakedownCounts => ({ pending: total, removed: 0, restricted: 0, not_found: 0, refused: 0 });

/** The chunks holding `items`, numbered from 1. */
const chunksOf = (workspaceId: string, requestId: string, items: Intake['items']): TakedownChunk[] => {
  const chunks: TakedownChunk[] = [];
  items.forEach((it, i) => {
    const n = i + 1;
    const index = chunkOf(n);
    if (!chunks[index]) chunks[index] = { workspaceId, requestId, chunk: chunkName(index), items: [], version: 1 };
    chunks[index].items.push({
      n,
      kind: it.kind,
      service: it.service,
      value: it.value,
      ...(it.note ? { note: it.note } : {}),
      status: 'pending',
    });
  });
  return chunks;
};

// ---------------------------------------------------------------------------------------
// The agencies' side: raise a takedown with its items, follow its progress.
// ---------------------------------------------------------------------------------------

/**
 * Raises a takedown to a tech company: the request and every chunk of its items in ONE
 * transaction (at most 63 chunks of 80 items, with the request, its timers, its audit entry
 * and event), so a takedown is never seen with part of its items.
 */
export async function createTakedown(deps: RequestDeps, ctx: CommandContext, workspaceId: string, input: CreateTakedownInput) {
  const p = ctx.principal;
  authorize('takedown.create', p);
  const intake = input.items ? intakeFromList(input.items) : intakeFromText(input.csv ?? '');
  const id = deps.ids.next();
  const chunks = chunksOf(workspaceId, id, intake.items);
  const size = chunks.reduce((s, c) => s + bytesOf(c), 0);
  if (size > MAX_ITEM_BYTES_PER_TRANSACTION)
    throw invalid(
      input.items ? 'items' : 'csv',
      `these items take ${(size / 1e6).toFixed(1)} MB; one takedown holds at most ${MAX_ITEM_BYTES_PER_TRANSACTION / 1e6} MB of items: split the list`,
    );
  const out = await runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, { kind: 'organisation', id: input.providerOrgId }],
    authorize: (view) => authorizeInView('takedown.create', p, view, workspaceId),
    decide(view, now, { ws }) {
      requireOpen(ws, 'send takedown requests');
      const provider = view.get({ kind: 'organisation', id: input.providerOrgId });
      if (!provider) throw invalid('providerOrgId', `there is no organisation ${input.providerOrgId}`);
      const { sectors, outsideSectors } = requestType('takedown').partners;
      if (provider.kind !== 'provider' || !provider.sector || !sectors?.includes(provider.sector))
        throw invalid('providerOrgId', outsideSectors?.(provider.name) ?? `${provider.name} does not take takedowns`);
      const marking = markingFrom(input.marking ?? DEFAULT_MARKING, p);
      if (!canSee(providerViewer(provider), ws, marking, policiesOf(view), now, { addressee: true }))
        throw invalid('marking', `${provider.name} (${provider.country}) could not see a request marked this way (marking or policy)`);
      const at = now.toISOString();
      let r: DataRequest = {
        workspaceId,
        id,
        providerOrgId: provider.id,
        type: 'takedown',
        legalBasis: input.legalBasis,
        urgency: input.urgency,
        description: input.description,
        selectors: [],
        status: 'draft',
        marking,
        clarifications: [],
        requestedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
        createdAt: at,
        updatedAt: at,
        evidence: { registered: 0, stored: 0 },
        takedown: {
          total: intake.items.length,
          duplicates: intake.duplicates,
          chunks: chunks.length,
          counts: emptyCounts(intake.items.length),
        },
        version: 1,
      };
      const writes: Write[] = chunks.map((c) => ({ op: 'put', record: { kind: 'takedownChunk', value: c }, expect: 'absent' }));
      const events: EventDraft[] = [];
      if (input.send) {
        r = { ...r, status: 'sent', sentAt: at, clock: startClock(r, now) };
        writes.push(...putTimers(r, now));
        events.push(
          requestEvent(r, ws, 'request.sent', { urgency: r.urgency, providerOrgId: r.providerOrgId, items: intake.items.length }),
        );
      }
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: r }, expect: 'absent' }, ...writes],
        audit: {
          action: input.send ? 'request.sent' : 'request.drafted',
          target: { type: 'request', id },
          details: {
            type: 'takedown',
            provider: r.providerOrgId,
            basis: r.legalBasis.code,
            items: intake.items.length,
            duplicates: intake.duplicates,
            tlp: marking.tlp,
          },
          markings: [marking],
        },
        events,
        result: {
          request: r,
          intake: { received: intake.received, total: intake.items.length, duplicates: intake.duplicates, duplicateOf: intake.duplicateOf },
        },
        status: 201,
      };
    },
  });
  return out;
}

/**
 * What a pasted or CSV list holds, as a takedown would take it: counts and duplicates, or the
 * 400 naming the first malformed line. Nothing is stored; only those who may raise a takedown in
 * the workspace may ask (one read of the workspace).
 */
export async function previewTakedown(deps: RequestDeps, p: Principal, workspaceId: string, text: string) {
  authorize('takedown.create', p);
  const view = new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }] }));
  authorizeInView('takedown.create', p, view, workspaceId);
  const intake = intakeFromText(text);
  return { received: intake.received, total: intake.items.length, duplicates: intake.duplicates, duplicateOf: intake.duplicateOf };
}
