/**
 * What the TAXII 2.1 server reads (`@taskforce/core/taxii`): the collections a caller has and
 * their objects. No schema validation here, so the exchange function's routes never bundle ajv.
 */
import { DomainError } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { MAX_PAGE_SIZE } from '../kernel/records';
import { authorize } from '../policies/permissions';
import type { Deps } from '../ports';
import { listMyWorkspaces } from '../workspaces/commands';
import type { Membership } from '../workspaces/model';
import { TASKFORCE_STIX_NAMESPACE, uuidV5 } from './ids';

export { type CollectionEntry, collectionEntries } from './collection';
export { filterEntries, pageEntries, type TaxiiFilter, type TaxiiPosition } from './query';

/** A workspace's collection id: a UUID (TAXII 2.1 §5.2), stable for the workspace's life. */
const collectionIdOf = (workspaceId: string): string => uuidV5(TASKFORCE_STIX_NAMESPACE, `taxii-collection:${workspaceId}`);

/** At most this many memberships are read to list a caller's collections. */
const MAX_MEMBERSHIP_PAGES = 20;

/** The workspaces the caller's organisation is a member of now: one collection each. */
export const taxiiCollections = async (deps: Deps, p: Principal): Promise<(Membership & { collectionId: string })[]> => {
  authorize('taxii.discover', p);
  const out: (Membership & { collectionId: string })[] = [];
  let cursor: string | undefined;
  try {
    for (let i = 0; i < MAX_MEMBERSHIP_PAGES; i++) {
      const page = await listMyWorkspaces(deps, p, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      out.push(...page.items.map((m) => ({ ...m, collectionId: collectionIdOf(m.workspaceId) })));
      cursor = page.next;
      if (!cursor) break;
    }
  } catch (err) {
    if (err instanceof DomainError && err.code === 'forbidden') return [];
    throw err;
  }
  return out;
};

/** The workspace behind a collection id, if the caller's organisation is a member of it; else a 404. */
export const taxiiCollection = async (deps: Deps, p: Principal, collectionId: string) => {
  const found = (await taxiiCollections(deps, p)).find((c) => c.collectionId === collectionId);
  if (!found) throw new DomainError('not_found', 'collection not found');
  return found;
};
