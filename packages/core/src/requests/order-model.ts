import * as z from 'zod/mini';
import { CountryCode, Id, IsoDateTime, textUpTo, trimmed } from '../kernel/primitives';
import { DATA_CATEGORIES, ISSUING_AUTHORITIES, VALIDATING_AUTHORITIES } from './types/index';

/**
 * The certificate of an e-Evidence order (Regulation (EU) 2023/1543): an EPOC (Annex I) or an
 * EPOC-PR (Annex II), as the issuing officer fills it. Where each field sits in its annex is the
 * type's (types/epoc.ts, types/epoc-pr.ts); the request carries the rest of what the annex asks
 * (the targets, the time range, the urgency, the deadline). A file of its own so the request
 * record and the order commands (orders.ts) share it without a cycle.
 */
const DataCategory = z.enum(DATA_CATEGORIES);
const IssuingAuthorityKind = z.enum(ISSUING_AUTHORITIES);
const ValidatingAuthorityKind = z.enum(VALIDATING_AUTHORITIES);
/** Whom the order is addressed to at the provider (Art. 7): its designated establishment or legal representative (Directive (EU) 2023/1544). */
const AddresseeKind = z.enum(['designated_establishment', 'legal_representative']);
/** The request for production an EPOC-PR precedes (Art. 6(1)): an EPOC, a European Investigation Order, or mutual legal assistance. */
const SubsequentRequest = z.enum(['epoc', 'eio', 'mla']);

export const OrderCertificate = z.strictObject({
  issuingState: CountryCode,
  addressee: z.strictObject({ name: trimmed(1, 300), kind: AddresseeKind, memberState: CountryCode }),
  fileReference: z.optional(trimmed(1, 200)),
  categories: z.array(DataCategory).check(
    z.minLength(1),
    z.maxLength(DATA_CATEGORIES.length),
    z.refine((xs) => new Set(xs).size === xs.length, 'each category once'),
  ),
  dataRequested: trimmed(1, 5000),
  /** An EPOC: the EPOC-PR that preserved the data first, if any. */
  preservationReference: z.optional(trimmed(1, 200)),
  emergencyJustification: z.optional(trimmed(1, 5000)),
  /** Art. 13: the user is informed, unless the issuing authority delays it (with why). */
  userInformation: z.strictObject({ delay: z.boolean(), reason: z.optional(trimmed(1, 2000)) }),
  personResidesInIssuingState: z.boolean(),
  enforcingAuthority: z.optional(trimmed(1, 500)),
  offence: z.strictObject({
    description: trimmed(1, 5000),
    legalProvision: trimmed(1, 500),
    maxPenalty: z.optional(trimmed(1, 200)),
  }),
  issuingAuthority: z.strictObject({ kind: IssuingAuthorityKind, name: trimmed(1, 300), contact: trimmed(1, 500) }),
  subsequentRequest: z.optional(SubsequentRequest),
  contactAuthority: z.optional(trimmed(1, 500)),
  additionalInformation: z.optional(textUpTo(5000)),
});
export type OrderCertificate = z.infer<typeof OrderCertificate>;

/**
 * The validating authority's decision on an order that needs one (Art. 4): waiting, validated or
 * refused; who (a user of the issuing agency holding `validating_authority`), as which authority, when.
 */
export const OrderValidation = z.object({
  status: z.enum(['awaiting', 'validated', 'refused']),
  /** The kinds of authority that may validate it. */
  validators: z.array(ValidatingAuthorityKind),
  by: z.optional(z.object({ sub: z.string(), orgId: Id })),
  authority: z.optional(z.object({ kind: ValidatingAuthorityKind, name: z.string() })),
  at: z.optional(IsoDateTime),
  reason: z.optional(z.string()),
});
export type OrderValidation = z.infer<typeof OrderValidation>;

/** The validating authority's decision: validate (as which authority) or refuse, with why. */
export const ValidateInput = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('validate'),
    authority: z.strictObject({ kind: ValidatingAuthorityKind, name: trimmed(1, 300) }),
  }),
  z.strictObject({ decision: z.literal('refuse'), reason: trimmed(1, 2000) }),
]);
export type ValidateInput = z.infer<typeof ValidateInput>;

/** One field of an annex section as the provider reads it: its values, and the enum that labels them if any. */
const AnnexField = z.object({ id: z.string(), values: z.array(z.string()), enum: z.optional(z.string()) });
/** A certificate laid out as its annex does: sections in annex order with their letters. */
export const AnnexCertificate = z.object({
  form: z.enum(['EPOC', 'EPOC-PR']),
  annex: z.enum(['I', 'II']),
  sections: z.array(z.object({ letter: z.string(), id: z.string(), fields: z.array(AnnexField) })),
});
export type AnnexCertificate = z.infer<typeof AnnexCertificate>;
