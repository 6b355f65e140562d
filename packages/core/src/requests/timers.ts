import type { TimerHandlers } from '../kernel/timers';
import type { Workspace } from '../workspaces/model';
import { ruleById } from './clocks';
import { cosignTimerHandlers } from './cosign';
import { isTerminalRequest } from './machine';
import type { DataRequest } from './request';
import { clearTimers, move, reqRef, requestEvent } from './shared';
import { turnaroundWrites } from './turnaround/hook';

// ---------------------------------------------------------------------------------------
// Clocks: reminders, expiry and the end of the objection window fire from the due sweep.
// ---------------------------------------------------------------------------------------

declare module '../kernel/timers' {
  interface TimerKinds {
    'request.reminder': true;
    'request.expiry': true;
    'request.objection': true;
  }
}
type RequestTimerKind = 'request.reminder' | 'request.expiry' | 'request.objection';

const requestOf = (timer: { workspaceId: string; subjectId: string }) => reqRef(timer.workspaceId, timer.subjectId);
const live = (r: DataRequest | undefined): r is DataRequest => Boolean(r && !isTerminalRequest(r.status) && r.clock && !r.clock.pausedAt);

export const requestTimerHandlers = {
  ...cosignTimerHandlers,
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
      // An unanswered request, or a preservation whose period ran out, expires; a freeze whose
      // period ran out unrenewed lapses. Everyone concerned hears of it.
      const to = r.status === 'frozen' ? 'lapsed' : 'expired';
      const next = move(r, to, now);
      return {
        writes: [
          { op: 'put', record: { kind: 'request', value: next }, expect: r.version },
          ...clearTimers(r).filter((w) => w.op === 'delete' && w.ref.kind === 'timer' && w.ref.id !== timer.id),
          ...turnaroundWrites(r, next, now),
        ],
        audit: {
          action: `request.${to}`,
          target: { type: 'request', id: r.id },
          details: { from: r.status, dueAt: r.clock.dueAt, rule: r.clock.rule },
          markings: [r.marking],
        },
        events: [requestEvent(next, ws, `request.${to}`, { from: r.status, rule: r.clock.rule })],
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
} satisfies TimerHandlers<Workspace, RequestTimerKind>;
