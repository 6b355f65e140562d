import { escalationTimerId } from '../incidents/ladder';
import { LADDER_LEVELS } from '../incidents/model';
import type { DomainEvent } from '../kernel/events';

/** One timer, named as the sweep's claim names it: its workspace and id. */
export interface TimerTarget {
  workspaceId: string;
  timerId: string;
}

/** A timer to fire at its due time (UTC, ISO 8601), by a one-time schedule. */
export interface DueTimer extends TimerTarget {
  dueAt: string;
}

/** The one-time schedules an event calls for: timers its transaction planned, and timers it deleted. */
export interface TimerSchedulePlan {
  arm: DueTimer[];
  disarm: TimerTarget[];
}

const NONE: TimerSchedulePlan = { arm: [], disarm: [] };

const stepOf = (data: Record<string, unknown>): number | null => {
  const { level, round } = data;
  return typeof level === 'number' && typeof round === 'number' && level >= 1 && round >= 1
    ? (round - 1) * LADDER_LEVELS + level - 1
    : null;
};

const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * The escalation timers an incident's event says were planned or deleted, read from the event
 * alone (no store read): a raise plans step 1 of each alerted country, due when the first level
 * must be acknowledged (`acknowledgeBy`); a level that fired plans the step after it, due at its
 * `acknowledgeBy`; an acknowledgement deletes the step after the acknowledged one, and undoing it
 * plans that step again (`acknowledgeBy`). Precision only: the sweep fires every timer whatever
 * becomes of its schedule, and a schedule whose timer is gone finds nothing to do. An incident
 * resolved without an acknowledgement leaves its last schedule to fire on nothing.
 */
export const timerSchedulesOf = (e: DomainEvent): TimerSchedulePlan => {
  const workspaceId = e.workspaceId ?? e.chainId;
  const incidentId = e.subject.id;
  const at = (country: string, step: number, dueAt: string): DueTimer => ({
    workspaceId,
    timerId: escalationTimerId(incidentId, country, step),
    dueAt,
  });
  const { data } = e;
  const country = typeof data.country === 'string' ? data.country : null;
  const step = stepOf(data);
  switch (e.type) {
    case 'incident.raised': {
      const countries = Array.isArray(data.countries) ? data.countries.filter((c): c is string => typeof c === 'string') : [];
      return isInstant(data.acknowledgeBy) ? { arm: countries.map((c) => at(c, 1, data.acknowledgeBy as string)), disarm: [] } : NONE;
    }
    case 'incident.escalated':
    case 'incident.acknowledgement_undone':
      return country && step !== null && isInstant(data.acknowledgeBy)
        ? { arm: [at(country, step + 1, data.acknowledgeBy)], disarm: [] }
        : NONE;
    case 'incident.acknowledged':
      return country && step !== null
        ? { arm: [], disarm: [{ workspaceId, timerId: escalationTimerId(incidentId, country, step + 1) }] }
        : NONE;
    default:
      return NONE;
  }
};
