import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking } from '../kernel/marking';
import { CountryCode, Id, IsoDateTime, positiveInt, textUpTo, trimmed } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';

/**
 * Onward transfer (UN Convention against Cybercrime art. 36(3); the ORCON caveat): a member asks
 * the originator of a marked record to release it to a further country or organisation. The
 * record kinds that carry a marking of their own: tasks, data requests, incidents (evidence is
 * held under its request's marking).
 */
export const TransferRecordType = z.enum(['task', 'request', 'incident']);
export type TransferRecordType = z.infer<typeof TransferRecordType>;

export const TransferStatus = z.enum(['pending', 'approved', 'refused', 'withdrawn']);
export type TransferStatus = z.infer<typeof TransferStatus>;

/** Where the record is to go: a country (REL TO), or an organisation (named recipient, and its country REL TO). */
const Destination = z.object({ country: CountryCode, orgId: z.optional(Id) });

export const Transfer = z.object({
  workspaceId: Id,
  id: Id,
  record: z.object({ type: TransferRecordType, id: Id }),
  destination: Destination,
  purpose: z.string(),
  status: TransferStatus,
  /**
   * The record's marking as the transfer knows it: as it was when asked (until approval), then
   * as the approval made it. The transfer, its audit entries and events are held under it.
   */
  marking: Marking,
  /** On approval: the record's REL TO and named recipients before and after. */
  release: z.optional(
    z.object({
      from: z.object({ releasableTo: z.union([z.literal('members'), z.array(CountryCode)]), recipients: z.optional(z.array(Id)) }),
      to: z.object({ releasableTo: z.union([z.literal('members'), z.array(CountryCode)]), recipients: z.optional(z.array(Id)) }),
      recordVersion: positiveInt(),
    }),
  ),
  requestedBy: z.object({ sub: z.string(), orgId: Id, country: CountryCode }),
  /** The originator of the record: the one who decides. */
  originator: z.object({ orgId: Id, country: CountryCode }),
  decidedBy: z.optional(z.object({ sub: z.string(), orgId: Id })),
  decidedAt: z.optional(IsoDateTime),
  refusalReason: z.optional(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: positiveInt(),
});
export type Transfer = z.infer<typeof Transfer>;

/**
 * The one open transfer request of a record to a destination: created with the request (a put
 * that must find it absent), removed when the request is decided or withdrawn.
 */
interface OpenTransfer {
  workspaceId: string;
  key: string;
  transferId: string;
}

declare module '../kernel/records' {
  interface RecordTypes {
    transfer: { value: Transfer; ref: { workspaceId: string; id: string } };
    openTransfer: { value: OpenTransfer; ref: { workspaceId: string; key: string } };
  }
}
defineRecord('transfer', ['workspaceId', 'id'], (t) => ({ workspaceId: t.workspaceId, id: t.id }));
defineRecord('openTransfer', ['workspaceId', 'key'], (o) => ({ workspaceId: o.workspaceId, key: o.key }));

export const TRANSFER_EVENTS = [
  'transfer.requested',
  'transfer.approved',
  'transfer.refused',
  'transfer.withdrawn',
  'transfer.released',
] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof TRANSFER_EVENTS> {}
}

/** Inputs of commands, as callers send them. The API publishes these in its OpenAPI document. */
export const RequestTransferInput = z.strictObject({
  record: z.strictObject({ type: TransferRecordType, id: Id }),
  destination: z
    .strictObject({
      country: z.optional(CountryCode),
      orgId: z.optional(Id),
    })
    .check(
      z.refine((d) => (d.country === undefined) !== (d.orgId === undefined), {
        message: 'name either a country or an organisation',
        path: ['country'],
      }),
    ),
  purpose: trimmed(1, 2000),
});
export type RequestTransferInput = z.infer<typeof RequestTransferInput>;

export const RefuseTransferInput = z.strictObject({ reason: trimmed(1, 2000) });
export type RefuseTransferInput = z.infer<typeof RefuseTransferInput>;

export const TransferListQuery = z.object({
  status: z.optional(TransferStatus),
});

/** How the API shows a transfer: with a sentence on what decides it. */
export const TransferView = z.extend(Transfer, {
  policyNote: textUpTo(400),
});
