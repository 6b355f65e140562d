import type { Write } from '../../kernel/store';
import { isTerminalRequest } from '../machine';
import type { DataRequest } from '../request';
import { bucketOf } from './histogram';
import { C, turnaroundShardOf } from './model';

const ms = (iso: string) => new Date(iso).getTime();

/**
 * Time the request stood still waiting on the requesting agency: every answered clarification
 * (the legal clock was paused meanwhile, and its deadline moved by as much).
 */
const clarificationWait = (r: Pick<DataRequest, 'clarifications'>): number =>
  r.clarifications.reduce((sum, c) => sum + (c.answeredAt ? Math.max(0, ms(c.answeredAt) - ms(c.askedAt)) : 0), 0);

/**
 * What a status change adds to its partner's turnaround figures, from the request before and
 * after it. Called by every command and timer that moves a request (partnerCommand,
 * agencyCommand, the expiry timer, creating a request that is sent at once), so any request
 * type and any new command is counted without doing anything. Definitions:
 *
 * - acknowledge time: sent → the partner's first move out of `sent`;
 * - answer time: sent → the first outcome (the request gets its `outcome`), less the time spent
 *   waiting for the agency to answer clarifications (the clock was paused);
 * - met: that outcome at or before the clock's due time (as extended and moved by pauses);
 *   missed: after it, or the request expired without any outcome;
 * - refusals: cannot_comply outcomes by reason;
 * - withdrawn: withdrawn after sending, before any outcome.
 *
 * Returns at most one write: an `add` to one shard of (partner, request type).
 */
export const turnaroundWrites = (before: DataRequest, after: DataRequest, now: Date): Write[] => {
  const counts: Record<string, number> = {};
  const add = (name: string) => {
    counts[name] = (counts[name] ?? 0) + 1;
  };
  const at = now.getTime();
  if (!before.sentAt && after.sentAt) add(C.sent);
  if (before.status === 'sent' && after.status !== 'sent' && after.status !== 'withdrawn' && after.status !== 'expired' && after.sentAt) {
    add(C.acknowledged);
    add(C.ackBucket(bucketOf(Math.max(0, at - ms(after.sentAt)))));
  }
  if (!before.outcome && after.outcome && after.sentAt) {
    const answeredAt = ms(after.outcome.at);
    add(C.answered);
    add(C.ansBucket(bucketOf(Math.max(0, answeredAt - ms(after.sentAt) - clarificationWait(after)))));
    add(C.outcome(after.status));
    if (after.outcome.reason) add(C.reason(after.outcome.reason));
    const due = before.clock?.dueAt;
    if (due) add(answeredAt <= ms(due) ? C.met : C.missed);
  }
  if (!before.outcome && !after.outcome && before.sentAt && !isTerminalRequest(before.status)) {
    if (after.status === 'expired') {
      add(C.expired);
      add(C.missed);
    }
    if (after.status === 'withdrawn') add(C.withdrawn);
  }
  if (Object.keys(counts).length === 0) return [];
  return [
    { op: 'add', ref: { kind: 'turnaround', orgId: after.providerOrgId, type: after.type, shard: turnaroundShardOf(after.id) }, counts },
  ];
};
