import * as z from 'zod/mini';
import { Marking } from '../kernel/marking';
import { Id, IsoDateTime, positiveInt, textUpTo } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { MAX_RECORD_SELECTORS, Selector } from '../matching/selectors';
import './events';

/** The kinds of imported record: one per SDO or SCO group of a bundle (see map.ts). */
export const INTEL_KINDS = ['indicator', 'observed-data', 'observable', 'note', 'report', 'other'] as const;
export const IntelKind = z.enum(INTEL_KINDS);
export type IntelKind = z.infer<typeof IntelKind>;

/**
 * Intelligence imported from a STIX 2.1 bundle: one marked record per indicator, observed-data
 * (with the observables it names), standalone observable, note, report… Its id is derived from the
 * workspace and the STIX id, so importing the same object twice stores it once.
 */
export const Intel = z.object({
  workspaceId: Id,
  id: Id,
  stixId: z.string(),
  stixType: z.string(),
  kind: IntelKind,
  name: textUpTo(200),
  description: textUpTo(10_000),
  /** The `created_by_ref` of the STIX object, as the source named it. */
  createdByRef: z.optional(z.string()),
  /** The STIX ids of the observables grouped into this record (observed-data). */
  objectRefs: z.optional(z.array(z.string())),
  marking: Marking,
  selectors: z.optional(z.array(Selector).check(z.maxLength(MAX_RECORD_SELECTORS))),
  /** The SHA-256 of the canonical bundle it came from. */
  importDigest: z.string(),
  importedBy: z.object({ sub: z.string(), orgId: Id }),
  createdAt: IsoDateTime,
  version: positiveInt(),
});
export type Intel = z.infer<typeof Intel>;

declare module '../kernel/records' {
  interface RecordTypes {
    intel: { value: Intel; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('intel', ['workspaceId', 'id'], (r) => ({ workspaceId: r.workspaceId, id: r.id }));
