import type { CollectionEntry } from './collection';

/**
 * TAXII 2.1 filtering and paging over a collection's entries (§3.4 filtering, §3.7 pagination):
 * `added_after`, `match[id]`, `match[type]`, `match[version]` (`last` by default, `first`, `all`
 * or a timestamp), then `limit` entries after the position a `next` token names. Each object has
 * one version here (the platform keeps a record's current state), so `first`, `last` and `all`
 * select the same entry.
 */
export interface TaxiiFilter {
  addedAfter?: string;
  ids?: readonly string[];
  types?: readonly string[];
  versions?: readonly string[];
}

/** Where a page stopped: the last entry it held. */
export interface TaxiiPosition {
  dateAdded: string;
  id: string;
}

const after = (e: CollectionEntry, p: TaxiiPosition) => e.dateAdded > p.dateAdded || (e.dateAdded === p.dateAdded && e.object.id > p.id);

const versionMatches = (e: CollectionEntry, versions: readonly string[] | undefined) =>
  !versions?.length ||
  versions.some((v) => v === 'all' || v === 'first' || v === 'last' || new Date(v).getTime() === new Date(e.version).getTime());

export const filterEntries = (entries: readonly CollectionEntry[], f: TaxiiFilter): CollectionEntry[] =>
  entries.filter(
    (e) =>
      (!f.addedAfter || new Date(e.dateAdded).getTime() > new Date(f.addedAfter).getTime()) &&
      (!f.ids?.length || f.ids.includes(e.object.id)) &&
      (!f.types?.length || f.types.includes(e.object.type)) &&
      versionMatches(e, f.versions),
  );

export const pageEntries = (
  entries: readonly CollectionEntry[],
  limit: number,
  from?: TaxiiPosition,
): { items: CollectionEntry[]; more: boolean; next?: TaxiiPosition } => {
  const rest = from ? entries.filter((e) => after(e, from)) : entries;
  const items = rest.slice(0, limit);
  const more = rest.length > items.length;
  const last = items.at(-1);
  return { items, more, ...(more && last ? { next: { dateAdded: last.dateAdded, id: last.object.id } } : {}) };
};
