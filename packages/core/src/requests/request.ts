import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, MarkingInput } from '../kernel/marking';
import { CountryCode, Id, IsoDateTime, nonNegativeInt, positiveInt, text, textUpTo, trimmed } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { TargetAnswer } from './answers/model';
import { FreezeAsset, FreezeTerms } from './freezes/model';
import { AnnexCertificate, OrderCertificate, OrderValidation } from './order-model';
import { CannotComplyReason } from './reasons';
import { Selector } from './selectors';
import { TakedownSummary } from './takedowns/model';
import { type CreateIssue, type CreateSubject, requestType, requestTypeIds, requestTypes } from './types/index';

/** The request types: one descriptor each (types/), the enum in the registry's order. */
const RequestTypeSchema = z.enum(requestTypeIds());
const REQUEST_BASES = [
  'EU-EEVIDENCE',
  'US-2703F',
  'BUDAPEST',
  'UNCC',
  'MLAT',
  'NATIONAL',
  /**
   * A provisional measure pending a court order: an expedited freeze of assets before the order
   * that confirms it, as the UN Convention against Cybercrime (arts. 31 and 44, freezing of
   * proceeds and international cooperation for confiscation) and Directive 2014/42/EU (art. 7,
   * freezing) provide. Only an asset freeze rests on it; its period is short and renewed.
   */
  'PROVISIONAL-MEASURE',
  /** Takedowns only: a removal order under Regulation (EU) 2021/784 (terrorist content online). */
  'EU-TCO',
  /** Takedowns only: an order to act against illegal content, Regulation (EU) 2022/2065 (DSA) Art. 9. */
  'EU-DSA',
] as const;
const RequestBasisSchema = z.enum(REQUEST_BASES);
const UrgencySchema = z.enum(['standard', 'emergency']);

const REQUEST_STATUSES = [
  'draft',
  // Sent by one officer, waiting for a second officer of the same agency to co-sign it (types/: `cosign`);
  // the partner sees nothing of it yet. Refused by that officer, or lapsed when nobody co-signed in time.
  'awaiting_cosign',
  'cosign_refused',
  // An e-Evidence order awaiting its validating authority (orders.ts), then validated (the officer sends it) or refused.
  'awaiting_validation',
  'validated',
  'validation_refused',
  'sent',
  'acknowledged',
  'clarification_requested',
  'preserved',
  'fulfilled',
  'partially_fulfilled',
  'cannot_comply',
  'withdrawn',
  'expired',
  // An asset freeze: held for a period, then released by the agency or lapsed when it ran out unrenewed.
  'frozen',
  'released',
  'lapsed',
] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

export { CANNOT_COMPLY_REASONS } from './reasons';

export const RequestClock = z.object({
  rule: z.string(),
  startedAt: IsoDateTime,
  dueAt: IsoDateTime,
  reminders: z.array(z.string()),
  extensionsUsed: nonNegativeInt(),
  objectionWindowEndsAt: z.optional(IsoDateTime),
  /** Set while a clarification is outstanding: the clock stands still. */
  pausedAt: z.optional(IsoDateTime),
});
export type RequestClock = z.infer<typeof RequestClock>;

/** Rounds of questions one request takes: each can hold 10,000 characters, and the request is one stored item. */
export const MAX_CLARIFICATIONS = 10;

const ClarificationEntry = z.object({
  question: z.string(),
  askedAt: IsoDateTime,
  askedBy: Id,
  answer: z.optional(z.string()),
  answeredAt: z.optional(IsoDateTime),
});

/**
 * The second officer's decision on a request that needs one (types/: `cosign`): who sent it is
 * `requestedBy`; who co-signed or refused it, when, and that they had signed in with MFA. On
 * approval, the requesting country's 24/7 line is kept for the partner to call back.
 */
export const RequestCosign = z.object({
  status: z.enum(['awaiting', 'approved', 'refused', 'lapsed']),
  /** Co-signed by then, or it lapses: the emergency clock, from sending. */
  dueAt: IsoDateTime,
  by: z.optional(z.object({ sub: z.string(), orgId: Id, mfa: z.boolean() })),
  at: z.optional(IsoDateTime),
  reason: z.optional(z.string()),
  /** The agency's name, as the partner's confirmation line shows it. */
  agencyName: z.optional(z.string()),
  /** The requesting country's 24/7 duty line (contacts registry), when it had one at approval. */
  callback: z.optional(z.string()),
});
export type RequestCosign = z.infer<typeof RequestCosign>;

// Either end may be the wrong one: both are named.
const Period = z.strictObject({ from: IsoDateTime, to: IsoDateTime }).check(
  z.superRefine((p, ctx) => {
    if (new Date(p.from).getTime() < new Date(p.to).getTime()) return;
    ctx.addIssue({ code: 'custom', input: p.from, message: 'from must be before to', path: ['from'] });
    ctx.addIssue({ code: 'custom', input: p.to, message: 'to must be after from', path: ['to'] });
  }),
);

export const DataRequest = z.object({
  workspaceId: Id,
  id: Id,
  providerOrgId: Id,
  type: RequestTypeSchema,
  legalBasis: z.object({ code: RequestBasisSchema, text: z.string(), reference: z.optional(z.string()) }),
  urgency: UrgencySchema,
  description: z.string(),
  selectors: z.array(Selector),
  period: z.optional(Period),
  status: RequestStatus,
  marking: Marking,
  clock: z.optional(RequestClock),
  clarifications: z.array(ClarificationEntry),
  outcome: z.optional(
    z.object({
      reason: z.optional(CannotComplyReason),
      detail: z.optional(z.string()),
      at: IsoDateTime,
    }),
  ),
  requestedBy: z.object({ sub: z.string(), orgId: Id, country: CountryCode }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  sentAt: z.optional(IsoDateTime),
  /** Evidence items registered against the request, and how many of them have their content. */
  evidence: z.object({ registered: nonNegativeInt(), stored: nonNegativeInt() }),
  withdrawnReason: z.optional(z.string()),
  /** The partner's decision on each target (answers/), in target order; absent until it answers one. */
  targets: z.optional(z.array(TargetAnswer)),
  /** An asset freeze's assets per target, and when it took hold (freezes/). */
  freeze: z.optional(FreezeTerms),
  version: positiveInt(),
  /** A takedown's items: how many, and the counts per status (the items are stored apart). */
  takedown: z.optional(TakedownSummary),
  /** A request that needs two officers: the second one's decision (absent for one that does not). */
  cosign: z.optional(RequestCosign),
  /** An e-Evidence order (EPOC, EPOC-PR): its certificate, and its validation where Art. 4 asks for one. */
  certificate: z.optional(OrderCertificate),
  validation: z.optional(OrderValidation),
});
export type DataRequest = z.infer<typeof DataRequest>;

declare module '../kernel/records' {
  interface RecordTypes {
    request: { value: DataRequest; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('request', ['workspaceId', 'id'], (r) => ({ workspaceId: r.workspaceId, id: r.id }));

export const REQUEST_EVENTS = [
  'request.sent',
  'request.acknowledged',
  'request.clarification_requested',
  'request.clarified',
  'request.responded',
  'request.withdrawn',
  'request.extended',
  'request.reminder',
  'request.expired',
  'request.objection_window_closed',
  'evidence.registered',
  'evidence.uploaded',
  'request.targets_answered',
  'request.renewed',
  'request.released',
  'request.lapsed',
  'request.cosign_requested',
  'request.cosign_refused',
  'request.cosign_lapsed',
  'request.validation_requested',
  'request.validated',
  'request.validation_refused',
] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof REQUEST_EVENTS> {}
}

/**
 * What the request types say of an input: its own type's checks, and every other type's reserved
 * ones (what only that type may carry), in registry order.
 */
const typeIssues = (v: CreateSubject): CreateIssue[] => {
  const own = requestType(v.type);
  return requestTypes().flatMap((d) => (d === own ? (d.create.issues?.(v) ?? []) : (d.create.reserved?.(v) ?? [])));
};

/** Inputs. */
export const CreateRequestInput = z
  .strictObject({
    providerOrgId: Id,
    type: RequestTypeSchema,
    legalBasis: z.strictObject({ code: RequestBasisSchema, text: trimmed(1, 2000), reference: z.optional(textUpTo(200)) }),
    urgency: z._default(UrgencySchema, 'standard'),
    description: trimmed(1, 10_000),
    selectors: z.array(Selector).check(z.minLength(1), z.maxLength(50)),
    period: z.optional(Period),
    /** An asset freeze: the asset and amount to freeze on each target. */
    assets: z.optional(z.array(FreezeAsset).check(z.maxLength(50))),
    certificate: z.optional(OrderCertificate), // an e-Evidence order's (EPOC, EPOC-PR) certificate
    marking: z.optional(MarkingInput),
    /** Send at once (default), or keep as a draft to send later. */
    send: z._default(z.boolean(), true),
  })
  .check(
    z.superRefine((v, ctx) => {
      const urgency = requestType(v.type).urgency;
      if (urgency && v.urgency !== urgency) {
        ctx.addIssue({
          code: 'custom',
          path: ['urgency'],
          message: `an ${v.type.replaceAll('_', ' ')} request is urgent by nature: set urgency to ${urgency}`,
        });
      }
      if (v.marking?.caveats?.includes('NO-PRIVATE-SECTOR')) {
        ctx.addIssue({
          code: 'custom',
          path: ['marking', 'caveats'],
          message: 'a request to a private partner cannot be marked NO-PRIVATE-SECTOR',
        });
      }
      if (v.marking?.tlp === 'AMBER+STRICT') {
        ctx.addIssue({
          code: 'custom',
          path: ['marking', 'tlp'],
          message: 'TLP:AMBER+STRICT keeps a record inside the agencies; a request to a private partner cannot carry it',
        });
      }
      typeIssues(v).forEach((issue) => {
        ctx.addIssue({ code: 'custom', ...issue });
      });
    }),
  );

export type CreateRequestInput = z.infer<typeof CreateRequestInput>;

export const RespondInput = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('preserved'), detail: z.optional(textUpTo(5000)) }),
  z.strictObject({ outcome: z.literal('fulfilled'), detail: z.optional(textUpTo(5000)) }),
  z.strictObject({ outcome: z.literal('partially_fulfilled'), detail: text(1, 5000) }),
  z.strictObject({ outcome: z.literal('cannot_comply'), reason: CannotComplyReason, detail: z.optional(textUpTo(5000)) }),
]);
export type RespondInput = z.infer<typeof RespondInput>;

export const ClarifyInput = z.strictObject({ question: trimmed(1, 5000) });
export const AnswerClarificationInput = z.strictObject({ answer: trimmed(1, 5000) });
export const WithdrawInput = z.strictObject({ reason: trimmed(1, 2000) });
/** A second officer's decision on a request awaiting co-signature: approve (it is sent) or refuse, with why. */
export const CosignInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('refuse'), reason: trimmed(1, 2000) }),
]);
export type CosignInput = z.infer<typeof CosignInput>;
/** Why the agency extends a clock (optional: an extension the clock table allows needs no reason, but the partner is told one if given). */
export const ExtendInput = z.strictObject({ reason: z.optional(trimmed(1, 2000)) });

/** A request as the partner it is addressed to sees it: what it needs to answer, nothing of the workspace. */
export const PortalRequest = z.object({
  id: Id,
  type: RequestTypeSchema,
  urgency: UrgencySchema,
  legalBasis: DataRequest.shape.legalBasis,
  description: z.string(),
  selectors: z.array(Selector),
  period: z.optional(Period),
  status: RequestStatus,
  handling: z.object({ tlp: Marking.shape.tlp, caveats: Marking.shape.caveats }),
  requestingAgency: z.object({ orgId: Id, country: CountryCode }),
  clock: z.optional(
    z.object({
      rule: z.string(),
      summary: z.string(),
      dueAt: IsoDateTime,
      paused: z.boolean(),
      objectionWindowEndsAt: z.optional(IsoDateTime),
    }),
  ),
  clarifications: z.array(z.omit(ClarificationEntry, { askedBy: true })),
  outcome: DataRequest.shape.outcome,
  evidence: DataRequest.shape.evidence,
  targets: DataRequest.shape.targets,
  freeze: DataRequest.shape.freeze,
  sentAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: positiveInt(),
  takedown: z.optional(z.object({ total: positiveInt(), counts: TakedownSummary.shape.counts })),
  /**
   * Confirmed by two officers of the requesting agency, the second signed in with MFA (never
   * their names), and the requesting country's 24/7 line to call back and check it.
   */
  /** An e-Evidence order: its certificate, laid out as its annex (sections in order, with their letters). */
  certificate: z.optional(AnnexCertificate),
  confirmation: z.optional(
    z.object({
      officers: z.literal(2),
      mfa: z.literal(true),
      agency: z.object({ orgId: Id, name: z.string(), country: CountryCode }),
      confirmedAt: IsoDateTime,
      callback: z.optional(z.string()),
    }),
  ),
});
export type PortalRequest = z.infer<typeof PortalRequest>;
