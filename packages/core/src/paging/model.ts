import type { EventNames } from '../kernel/events';
import type { Marking } from '../kernel/marking';
import { defineRecord } from '../kernel/records';

/**
 * A page: one person asked, through their own verified contact methods, to acknowledge one
 * level of one country's ladder for one incident. A level that fires writes one page per person
 * it reaches (the roster's on-call person, the named person, or every member of the team) in the
 * transaction that records the level, with an `incident.paged` event that brings the pages to
 * the pager (messaging/src/pager.ts), which sends them in the person's order of methods and
 * moves to the next method at once when one fails or bounces.
 *
 * A page carries no marked content: what a message may say is decided by the one evaluator, as
 * an export to that person (paging/content.ts). The acknowledge link in it is bound to the
 * incident, the level and the person, single use, valid until `expiresAt` (the level's deadline).
 */

/** The channel a contact method is reached on: an e-mail address by e-mail, a phone by SMS, a browser by web push. */
export const PAGE_CHANNEL_OF_KIND = { email: 'email', phone: 'sms', push: 'push' } as const;
export type PageChannel = (typeof PAGE_CHANNEL_OF_KIND)[keyof typeof PAGE_CHANNEL_OF_KIND];

/**
 * - `queued`: written, not yet tried;
 * - `sending`: an attempt is under way (a worker claimed it);
 * - `sent`: a channel accepted a message; `delivered`: the channel reported it delivered;
 * - `failed`: every verified method failed or bounced;
 * - `undeliverable`: the person has no verified method;
 * - `stopped`: the country acknowledged (or the incident was resolved) before it was sent;
 * - `acknowledged`: the person acknowledged through this page's link.
 */
export const PAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'undeliverable', 'stopped', 'acknowledged'] as const;
type PageStatus = (typeof PAGE_STATUSES)[number];

/** Why a level reached this person: the roster's on-call person, a named person, the whole team, or a re-page from the console. */
export const PAGE_REASONS = ['on_call', 'named', 'team', 'repage'] as const;
export type PageReason = (typeof PAGE_REASONS)[number];

export const PAGE_ATTEMPT_STATUSES = ['sending', 'sent', 'delivered', 'failed'] as const;

/** One try through one contact method: the delivery trail the console shows. */
export interface PageAttempt {
  /** 1, 2, …: also the suffix of the message id a channel is given, so a resend after a crash carries the same id. */
  n: number;
  methodId: string;
  channel: PageChannel;
  at: string;
  status: (typeof PAGE_ATTEMPT_STATUSES)[number];
  /** The id the channel's service gave the message (SES MessageId, SMS MessageId, SMTP id). */
  messageId?: string;
  /** Why it failed (a bounce, a rejected number…): never the address itself. */
  reason?: string;
  updatedAt?: string;
  /** SHA-256 (hex) of the acknowledge link's secret sent in this attempt; the secret itself is only in the message. */
  ackSecretHash?: string;
}

export interface PersonPage {
  workspaceId: string;
  incidentId: string;
  id: string;
  country: string;
  /** The ladder step, level and round this page belongs to. */
  step: number;
  level: number;
  round: number;
  /** The person paged, and their organisation. */
  sub: string;
  orgId: string;
  reason: PageReason;
  rosterId?: string;
  /** Who asked for a re-page or the whole team (absent when the ladder paged on its own). */
  requestedBy?: { sub: string; orgId: string };
  createdAt: string;
  /** Until when the acknowledge link works: the level's deadline. */
  expiresAt: string;
  status: PageStatus;
  attempts: PageAttempt[];
  /** When the person acknowledged through this page's link (single use). */
  ackUsedAt?: string;
  version: number;
}

/**
 * What paging reads of an incident: the incident record (incidents/model.ts) has this shape. Paging
 * sits below incidents (incidents write pages when a level fires), so it names the shape, not the type.
 */
export interface PagedIncident {
  id: string;
  severity: 'critical' | 'high' | 'medium';
  type: string;
  summary: string;
  status: 'open' | 'resolved';
  marking: Marking;
  alerts: readonly { country: string; status: 'raised' | 'acknowledged' | 'resolved' }[];
}

/** What the pages queue carries: one page to send (or to fail over to its next method). */
export interface PageRef {
  workspaceId: string;
  incidentId: string;
  pageId: string;
}

/** A message id given by a channel, pointing back at its page and attempt: how a delivery status finds its page. */
export interface PageMessage {
  messageId: string;
  workspaceId: string;
  incidentId: string;
  pageId: string;
  attempt: number;
}

declare module '../kernel/records' {
  interface RecordTypes {
    page: { value: PersonPage; ref: { workspaceId: string; incidentId: string; id: string } };
    pageMessage: { value: PageMessage; ref: { messageId: string } };
  }
}
defineRecord('page', ['workspaceId', 'incidentId', 'id'], (p) => ({ workspaceId: p.workspaceId, incidentId: p.incidentId, id: p.id }));
defineRecord('pageMessage', ['messageId'], (m) => ({ messageId: m.messageId }));

/** `incident.paged`: pages were written (data `{ incidentId, country, level, round, pageIds }`); fan-out puts each on the pages queue. */
export const PAGE_EVENTS = ['incident.paged'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof PAGE_EVENTS> {}
}
