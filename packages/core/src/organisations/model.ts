import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { CountryCode, Id, IsoDateTime, positiveInt, text, trimmed } from '../kernel/primitives';
import { OrgKind } from '../kernel/principal';
import { defineRecord } from '../kernel/records';

export const Sector = z.enum(['tech', 'bank', 'crypto', 'telecom']);
export type Sector = z.infer<typeof Sector>;

/**
 * Who may co-sign an agency's emergency requests beside the officer who sends them: any other
 * officer of the agency (the default), or only one who also holds the `supervisor` role.
 */
export const Cosigners = z.enum(['any_officer', 'supervisor']);
export type Cosigners = z.infer<typeof Cosigners>;
export const DEFAULT_COSIGNERS: Cosigners = 'any_officer';

export const Organisation = z.object({
  id: Id,
  name: text(1, 200),
  kind: OrgKind,
  country: CountryCode,
  sector: z.optional(Sector),
  /** A suspended organisation's tokens are refused (absent: active). */
  status: z.optional(z.enum(['active', 'suspended'])),
  /** An agency's rule for co-signing its emergency requests (absent: the default, any other officer). */
  cosigners: z.optional(Cosigners),
  createdAt: IsoDateTime,
  version: positiveInt(),
});
export type Organisation = z.infer<typeof Organisation>;

declare module '../kernel/records' {
  interface RecordTypes {
    organisation: { value: Organisation; ref: { id: string } };
  }
}
defineRecord('organisation', ['id'], (o) => ({ id: o.id }));

export const ORGANISATION_EVENTS = ['organisation.registered', 'organisation.cosigners_set'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof ORGANISATION_EVENTS> {}
}

/** Inputs of commands, as callers send them. The API publishes these in its OpenAPI document. */
export const RegisterOrganisationInput = z
  .strictObject({
    id: Id,
    name: trimmed(1, 200),
    kind: OrgKind,
    country: CountryCode,
    sector: z.optional(Sector),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.kind === 'provider' && !v.sector) ctx.addIssue({ code: 'custom', path: ['sector'], message: 'a provider needs a sector' });
      if (v.kind !== 'provider' && v.sector) ctx.addIssue({ code: 'custom', path: ['sector'], message: 'only providers have a sector' });
    }),
  );
export type RegisterOrganisationInput = z.infer<typeof RegisterOrganisationInput>;

/** An agency's administrator sets who co-signs its emergency requests. */
export const SetCosignersInput = z.strictObject({ cosigners: Cosigners });
export type SetCosignersInput = z.infer<typeof SetCosignersInput>;
