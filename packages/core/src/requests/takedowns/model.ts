import * as z from 'zod/mini';
import type { EventNames } from '../../kernel/events';
import { MarkingInput } from '../../kernel/marking';
import { Id, IsoDateTime, nonNegativeInt, positiveInt, trimmed } from '../../kernel/primitives';
import { defineRecord } from '../../kernel/records';

/**
 * Takedown requests: one DataRequest of type `takedown` (one state machine, one inbox, one clock
 * table) whose list of items is stored apart from it, in chunks of `CHUNK_SIZE` items under the
 * request's partition. Item n (1-based, in the order received once duplicates are collapsed)
 * lives in chunk ⌊(n − 1) / CHUNK_SIZE⌋, so a batch of answers knows which chunks to read
 * without asking the request first.
 */
export const MAX_TAKEDOWN_ITEMS = 5000;
/** Items per stored chunk: 80 items of the largest allowed size, answered, stay well under DynamoDB's 400 KB. */
export const CHUNK_SIZE = 80;
/** A batch of answers: at most this many items per call. */
const MAX_ANSWER_BATCH = 500;
/**
 * What one transaction may carry of items (DynamoDB: 4 MB per transaction, 100 items): the create
 * writes every chunk at once, a batch of answers rewrites the chunks it touches. 5,000 items of
 * typical size (a URL or a handle) take well under 1 MB.
 */
export const MAX_ITEM_BYTES_PER_TRANSACTION = 3_500_000;

export const TAKEDOWN_ITEM_KINDS = ['account', 'group', 'channel', 'page', 'url'] as const;
const TakedownItemKind = z.enum(TAKEDOWN_ITEM_KINDS);
const TAKEDOWN_ANSWERS = ['removed', 'restricted', 'not_found', 'refused'] as const;
export const TakedownAnswer = z.enum(TAKEDOWN_ANSWERS);
export type TakedownAnswer = z.infer<typeof TakedownAnswer>;
export const TakedownItemStatus = z.enum(['pending', ...TAKEDOWN_ANSWERS]);
export type TakedownItemStatus = z.infer<typeof TakedownItemStatus>;

/** The legal bases a takedown may rest on (clocks in requests/clocks.ts). */
const TAKEDOWN_BASES = ['EU-TCO', 'EU-DSA', 'NATIONAL'] as const;

const isWebUrl = (v: string): boolean => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
};

export const TakedownItemInput = z
  .strictObject({
    kind: TakedownItemKind,
    /** The service the item lives on: facebook, telegram, tiktok, a domain… */
    service: trimmed(1, 64),
    /** The account handle or id, group or channel id, page name, or the URL. */
    value: trimmed(1, 600),
    note: z.optional(trimmed(1, 200)),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.kind === 'url' && !isWebUrl(v.value))
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an http or https URL' });
    }),
  );
export type TakedownItemInput = z.infer<typeof TakedownItemInput>;

/** One item as stored and shown: its number, what it names, and the partner's answer. */
export const TakedownItem = z.object({
  n: positiveInt(),
  kind: TakedownItemKind,
  service: z.string(),
  value: z.string(),
  note: z.optional(z.string()),
  status: TakedownItemStatus,
  reason: z.optional(z.string()),
  answeredAt: z.optional(IsoDateTime),
  /** How many times an answer was changed afterwards (each change carried a reason). */
  changes: z.optional(positiveInt()),
});
export type TakedownItem = z.infer<typeof TakedownItem>;

export const TakedownChunk = z.object({
  workspaceId: Id,
  requestId: Id,
  /** Zero-padded chunk number, so chunks sort in item order. */
  chunk: z.string(),
  items: z.array(TakedownItem),
  version: positiveInt(),
});
export type TakedownChunk = z.infer<typeof TakedownChunk>;

/** Counts per status, kept on the request and changed in the same transaction as the items. */
export const TakedownCounts = z.object({
  pending: nonNegativeInt(),
  removed: nonNegativeInt(),
  restricted: nonNegativeInt(),
  not_found: nonNegativeInt(),
  refused: nonNegativeInt(),
});
export type TakedownCounts = z.infer<typeof TakedownCounts>;

/** What a takedown request carries of its items: how many, how many duplicates were collapsed, and the counts. */
export const TakedownSummary = z.object({
  total: positiveInt(),
  duplicates: nonNegativeInt(),
  chunks: positiveInt(),
  counts: TakedownCounts,
});
export type TakedownSummary = z.infer<typeof TakedownSummary>;

declare module '../../kernel/records' {
  interface RecordTypes {
    takedownChunk: { value: TakedownChunk; ref: { workspaceId: string; requestId: string; chunk: string } };
  }
}
defineRecord('takedownChunk', ['workspaceId', 'requestId', 'chunk'], (c) => ({
  workspaceId: c.workspaceId,
  requestId: c.requestId,
  chunk: c.chunk,
}));

/** The size of a record as stored (JSON, UTF-8): what the bound of one transaction counts. */
export const bytesOf = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v)).byteLength;

export const chunkName = (index: number): string => String(index).padStart(4, '0');
export const chunkOf = (n: number): number => Math.floor((n - 1) / CHUNK_SIZE);
export const chunkRef = (workspaceId: string, requestId: string, index: number) => ({
  kind: 'takedownChunk' as const,
  workspaceId,
  requestId,
  chunk: chunkName(index),
});

export const TAKEDOWN_EVENTS = ['takedown.batch_answered', 'takedown.completed'] as const;
declare module '../../kernel/events' {
  interface EventTypes extends EventNames<typeof TAKEDOWN_EVENTS> {}
}

/** Inputs. Items come as a JSON list, or as pasted lines / CSV text (see csv.ts); exactly one of them. */
export const CreateTakedownInput = z
  .strictObject({
    providerOrgId: Id,
    legalBasis: z.strictObject({ code: z.enum(TAKEDOWN_BASES), text: trimmed(1, 2000), reference: z.optional(trimmed(1, 200)) }),
    urgency: z._default(z.enum(['standard', 'emergency']), 'standard'),
    description: trimmed(1, 10_000),
    items: z.optional(z.array(TakedownItemInput).check(z.minLength(1), z.maxLength(MAX_TAKEDOWN_ITEMS))),
    /** Lines of `kind,service,value[,note]` (a header line is allowed), pasted or from a CSV file. */
    csv: z.optional(z.string().check(z.minLength(1), z.maxLength(3_000_000))),
    marking: z.optional(MarkingInput),
    send: z._default(z.boolean(), true),
  })
  .check(
    z.superRefine((v, ctx) => {
      if ((v.items === undefined) === (v.csv === undefined))
        ctx.addIssue({ code: 'custom', path: ['items'], message: 'give the items either as a list (items) or as CSV text (csv)' });
      if (v.marking?.caveats?.includes('NO-PRIVATE-SECTOR'))
        ctx.addIssue({
          code: 'custom',
          path: ['marking', 'caveats'],
          message: 'a request to a private partner cannot be marked NO-PRIVATE-SECTOR',
        });
      if (v.marking?.tlp === 'AMBER+STRICT')
        ctx.addIssue({
          code: 'custom',
          path: ['marking', 'tlp'],
          message: 'TLP:AMBER+STRICT keeps a record inside the agencies; a request to a private partner cannot carry it',
        });
    }),
  );
export type CreateTakedownInput = z.infer<typeof CreateTakedownInput>;

export const AnswerTakedownInput = z.strictObject({
  answers: z
    .array(
      z
        .strictObject({
          n: positiveInt().check(z.lte(MAX_TAKEDOWN_ITEMS)),
          status: TakedownAnswer,
          /** Needed for `refused`, and for changing an answer already given. */
          reason: z.optional(trimmed(1, 300)),
        })
        .check(
          z.superRefine((a, ctx) => {
            if (a.status === 'refused' && !a.reason)
              ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a refusal needs a reason' });
          }),
        ),
    )
    .check(z.minLength(1), z.maxLength(MAX_ANSWER_BATCH)),
});
export type AnswerTakedownInput = z.infer<typeof AnswerTakedownInput>;

/** The progress of a takedown: the counts, and whether it is done. */
export const TakedownProgress = z.object({
  requestId: Id,
  status: z.string(),
  total: positiveInt(),
  duplicates: nonNegativeInt(),
  counts: TakedownCounts,
  answered: nonNegativeInt(),
});
export type TakedownProgress = z.infer<typeof TakedownProgress>;

/** What a create answers: the request, and what became of the items sent. */
export const TakedownCreated = z.object({
  received: positiveInt(),
  total: positiveInt(),
  duplicates: nonNegativeInt(),
  /** The first 100 duplicates: where each was, and the item it repeats. */
  duplicateOf: z.array(z.object({ at: z.string(), sameAs: positiveInt() })),
});
