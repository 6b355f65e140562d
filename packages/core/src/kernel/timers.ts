import * as z from 'zod/mini';
import { parseDuration } from './duration';
import { Id, IsoDateTime } from './primitives';
import { defineRecord, type RecordRef } from './records';
import type { Decision, LoadedView } from './runner';

/**
 * The registry of timer kinds. Each feature adds the kinds its timers are made with beside
 * them, as it adds its records to `RecordTypes`:
 *
 *     declare module '../kernel/timers' {
 *       interface TimerKinds { 'task.reminder': true; 'task.overdue': true }
 *     }
 *
 * A timer's `kind` is one of these keys, so code that makes a timer of a kind no feature
 * declared does not compile; the sweep's table of handlers (sweep/timer-handlers.ts) must have
 * one for every key.
 *
 * @public (features extend it by declaration merging)
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature (declaration merging)
export interface TimerKinds {}
/** A kind of timer some feature declared: namespaced by feature (`task.*`, `request.*`, …). */
export type TimerKind = keyof TimerKinds & string;

/** Any string of a timer kind's shape: what the store holds, written by this version or another. */
const StoredTimerKind = z.string().check(z.regex(/^[a-z_]+\.[a-z_.]+$/));
/** A due timer: an item in the sparse due index until a sweep claims it. */
export const Timer = z.object({
  workspaceId: Id,
  id: z.string(),
  kind: StoredTimerKind,
  subjectId: Id,
  dueAt: IsoDateTime,
  /** For reminders: the offset before the deadline that this reminder stands for. */
  offset: z.optional(z.string()),
  /** Handler-specific detail, e.g. an escalation level or an alerted country. */
  data: z.optional(z.record(z.string(), z.unknown())),
});
/**
 * A due timer, as code makes and handles it: its kind is a declared one. (One read from the store
 * of a kind this version does not know is the sweep's to report: see `timerHandlerOf`.)
 */
export type Timer = Omit<z.infer<typeof Timer>, 'kind'> & { kind: TimerKind };

declare module './records' {
  interface RecordTypes {
    timer: { value: Timer; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('timer', ['workspaceId', 'id'], (t) => ({ workspaceId: t.workspaceId, id: t.id }));

/**
 * What a kind of timer does when it comes due. `refs` names what to load besides the
 * workspace and the timer; `decide` returns the effect, or 'drop' when the subject no
 * longer needs it (finished, withdrawn, closed). The sweep adds the claim to either.
 * `W` is the workspace the timer lives in, as the sweep read it.
 */
export interface TimerHandler<W> {
  refs(timer: Timer): RecordRef[];
  decide(ctx: { view: LoadedView; timer: Timer; ws: W; now: Date }): Omit<Decision<null>, 'result'> | 'drop';
}

/** A feature's table of handlers, keyed by the kinds it declared in `TimerKinds`. */
export type TimerHandlers<W, K extends TimerKind = TimerKind> = { [P in K]: TimerHandler<W> };

/** Number of partitions of the due index; the sweep reads each one. */
export const DUE_SHARDS = 4;

export const shardOf = (id: string): number => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % DUE_SHARDS;
};

/** A deadline with reminders before it: a task's due time, a request's legal clock. */
export interface Deadline {
  workspaceId: string;
  subjectId: string;
  dueAt: string;
  reminders: readonly string[];
}
/** The kinds of the reminder and deadline timers, and the suffix of the deadline timer's id. */
export interface DeadlineKinds {
  reminder: TimerKind;
  due: TimerKind;
  dueSuffix: string;
}

/** Timer ids are derived from the subject, so changing or finishing it clears them without a read. */
export const dueTimerId = (subjectId: string, suffix: string) => `${subjectId}~${suffix}`;
const reminderTimerId = (subjectId: string, offset: string) => `${subjectId}~remind~${offset}`;

/**
 * Offsets longer than any bounded duration were accepted before durations were bounded; no
 * timer was ever made for them (they fell before the epoch or computed to no time at all), and
 * their ids would exceed the store's key size, so they are left out rather than fail the command.
 */
const MAX_OFFSET_LENGTH = 32;

export const deadlineTimerIds = (d: Pick<Deadline, 'subjectId' | 'reminders'>, kinds: DeadlineKinds): string[] => [
  dueTimerId(d.subjectId, kinds.dueSuffix),
  ...d.reminders.filter((r) => r.length <= MAX_OFFSET_LENGTH).map((r) => reminderTimerId(d.subjectId, r)),
];

/** The timers a live deadline should have from `now` on: reminders still ahead, and the deadline itself. */
export const deadlineTimers = (d: Deadline, now: Date, kinds: DeadlineKinds): Timer[] => {
  const due = new Date(d.dueAt);
  const timers: Timer[] = [];
  for (const offset of d.reminders) {
    const ms = parseDuration(offset);
    if (ms === undefined) continue;
    const at = new Date(due.getTime() - ms);
    if (at.getTime() > now.getTime()) {
      timers.push({
        workspaceId: d.workspaceId,
        id: reminderTimerId(d.subjectId, offset),
        kind: kinds.reminder,
        subjectId: d.subjectId,
        dueAt: at.toISOString(),
        offset,
      });
    }
  }
  timers.push({
    workspaceId: d.workspaceId,
    id: dueTimerId(d.subjectId, kinds.dueSuffix),
    kind: kinds.due,
    subjectId: d.subjectId,
    dueAt: d.dueAt,
  });
  return timers;
};

export const sortReminders = (offsets: readonly string[]): string[] =>
  [...new Set(offsets)].sort((a, b) => (parseDuration(b) ?? 0) - (parseDuration(a) ?? 0));
