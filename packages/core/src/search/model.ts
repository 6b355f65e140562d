import * as z from 'zod/mini';
import { Tlp } from '../kernel/marking';
import { Id, IsoDateTime } from '../kernel/primitives';
import { ThreadKind } from '../threads/model';

/** What search looks through: the messages, tasks, data requests and incidents of a workspace. */
export const SearchKind = z.enum(['message', 'task', 'request', 'incident']);
export type SearchKind = z.infer<typeof SearchKind>;
export const SEARCH_KINDS = SearchKind.options as readonly SearchKind[];

/** How a hit matched: the whole query as written (a phrase) ranks before all of its words apart. */
export const SearchMatch = z.enum(['phrase', 'words']);
export type SearchMatch = z.infer<typeof SearchMatch>;

/** The shortest and longest query, in characters as sent. */
export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 200;
/** Hits on one page: at most this many, 20 unless asked. */
export const SEARCH_PAGE_MAX = 50;
export const SEARCH_PAGE_DEFAULT = 20;
/** The workspaces one search covers at most (the caller's organisation's, oldest membership first). */
export const SEARCH_MAX_WORKSPACES = 25;
/**
 * The records of one kind read from one workspace at most (the store's bound, `SearchStore`).
 * DynamoDB alone reads every candidate of a workspace: beyond this a search engine serves
 * (docs/search.md).
 */
export const SEARCH_MAX_PER_KIND = 20_000;
/** How many of a workspace's channels are read to judge their messages (they are opened by its lead, one by one). */
export const SEARCH_MAX_CHANNELS = 500;

export interface SearchInput {
  q: string;
  kinds?: readonly SearchKind[];
  workspaceId?: string;
  limit: number;
  cursor?: string;
}

export const SearchHit = z.object({
  kind: SearchKind,
  workspaceId: Id,
  id: Id,
  /** A task's title; a request's, an incident's or a message's first words. */
  title: z.string(),
  /** The words around the match, from the field that matched. */
  excerpt: z.string(),
  match: SearchMatch,
  tlp: Tlp,
  /** When the record was made (a message written, a task set, a request drafted, an incident raised). */
  at: IsoDateTime,
  /** A message's thread: its parent's kind and id (a channel, or the task, incident or request it is on). */
  thread: z.optional(z.object({ kind: ThreadKind, id: Id })),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  items: z.array(SearchHit),
  /** Hits of each kind in all, over every page: only records the caller may see are counted. */
  counts: z.object({ message: z.number(), task: z.number(), request: z.number(), incident: z.number() }),
  next: z.optional(z.string()),
});
export type SearchResult = z.infer<typeof SearchResult>;
