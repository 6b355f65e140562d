import type { CommandContext } from '../../kernel/context';
import { conflict } from '../../kernel/errors';
import { authorizeIn } from '../../policies/permissions';
import { extendClock } from '../clocks';
import { agencyCommand } from '../commands';
import type { RequestDeps } from '../ports';
import type { DataRequest } from '../request';
import { clearTimers, move, replanTimers, requestEvent } from '../shared';
import { isHeld } from '../types/index';

// ---------------------------------------------------------------------------------------
// Asset freezes: raised to a bank or a crypto exchange, answered per target (answers/), then
// held for the period of the one clock table's freeze rule: the requesting agency renews it
// (as often as the rule allows, before it lapses) or releases it; unrenewed, it lapses
// (the request timers' expiry, ../timers.ts).
// ---------------------------------------------------------------------------------------

const requireFrozen = (r: DataRequest, doing: string) => {
  if (!isHeld(r.type)) throw conflict(`only an asset freeze can ${doing}`);
  if (r.status !== 'frozen') throw conflict(`a ${r.status.replaceAll('_', ' ')} asset freeze cannot ${doing}`);
};

/** Another freeze period from the end of the current one, if the rule allows another. */
export const renewFreeze = (deps: RequestDeps, ctx: CommandContext, workspaceId: string, id: string, expectVersion?: number) =>
  agencyCommand(deps, ctx, workspaceId, id, expectVersion, 'renew the freeze', ({ ws, r, now }) => {
    authorizeIn('request.freeze', ctx.principal, ws);
    requireFrozen(r, 'be renewed');
    if (!r.clock) throw conflict('this freeze has no period to renew');
    const renewals = (r.freeze?.renewals ?? 0) + 1;
    const next: DataRequest = {
      ...r,
      clock: extendClock(r.clock),
      ...(r.freeze ? { freeze: { ...r.freeze, renewals } } : {}),
      updatedAt: now.toISOString(),
      version: r.version + 1,
    };
    return {
      next,
      audit: { action: 'request.renewed', details: { from: r.clock.dueAt, to: next.clock?.dueAt, renewals, rule: r.clock.rule } },
      events: [requestEvent(next, ws, 'request.renewed', { previousDueAt: r.clock.dueAt, renewals })],
      timers: replanTimers(r, next, now),
    };
  });

/** The agency lifts the freeze: the partner may let the assets go. */
export const releaseFreeze = (deps: RequestDeps, ctx: CommandContext, workspaceId: string, id: string, expectVersion?: number) =>
  agencyCommand(deps, ctx, workspaceId, id, expectVersion, 'release the freeze', ({ ws, r, now }) => {
    authorizeIn('request.freeze', ctx.principal, ws);
    requireFrozen(r, 'be released');
    const next = move(r, 'released', now);
    return {
      next,
      audit: { action: 'request.released', details: { dueAt: r.clock?.dueAt, renewals: r.freeze?.renewals ?? 0 } },
      events: [requestEvent(next, ws, 'request.released', {})],
      timers: clearTimers(r),
    };
  });
