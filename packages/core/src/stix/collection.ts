import { listIncidents } from '../incidents/commands';
import { DomainError } from '../kernel/errors';
import type { Marking, Tlp } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import { MAX_PAGE_SIZE, type Page } from '../kernel/records';
import type { PageQuery } from '../kernel/store';
import { authorize, authorizeIn } from '../policies/permissions';
import type { Deps } from '../ports';
import { listRequests } from '../requests/commands';
import { listTasks } from '../tasks/commands';
import { CUSTOM_SCOS, customScoDefinition } from './custom';
import { stixMarkingOf, TASKFORCE_HANDLING_EXTENSION, TASKFORCE_IDENTITY, TLP_MARKING_DEFINITIONS, tlpMarkingId } from './markings';
import { identityId, incidentObjects, type RecordObjects, requestObjects, type StixObject, taskObjects } from './objects';

/**
 * A workspace as a TAXII collection: the STIX objects of the records the caller may see there.
 * The records come from the very list functions the REST API answers with (listTasks,
 * listIncidents, listRequests: the one evaluator, their read audit included), so a record hidden
 * from the caller contributes nothing — not its SDO, not its relationships, not an observable
 * that only it holds, not a count.
 */

export interface CollectionEntry {
  object: StixObject;
  /** When this version entered the collection (TAXII `date_added`). */
  dateAdded: string;
  /** `modified`, else `created`, else `date_added` (TAXII 2.1 §3.6). */
  version: string;
}

/** At most this many store pages of each kind are read for one collection request (bounded work). */
const MAX_PAGES_PER_KIND = 50;

/** Every record of a list the caller may see, page after page; an action the caller may not take shows nothing. */
const everything = async <T>(list: (q: PageQuery) => Promise<Page<T>>): Promise<T[]> => {
  const out: T[] = [];
  let cursor: string | undefined;
  try {
    for (let i = 0; i < MAX_PAGES_PER_KIND; i++) {
      const page = await list({ limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      out.push(...page.items);
      cursor = page.next;
      if (!cursor) break;
    }
  } catch (err) {
    // The REST list would answer 403 for this kind (e.g. a role that reads no incidents): it shows none.
    if (err instanceof DomainError && err.code === 'forbidden') return [];
    throw err;
  }
  return out;
};

const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const iso = (t: string) => new Date(t).toISOString();
const earlier = (a: string, b: string) => (a < b ? a : b);
const entry = (object: StixObject, dateAdded: string): CollectionEntry => ({
  object,
  dateAdded,
  version: (object.modified as string | undefined) ?? (object.created as string | undefined) ?? dateAdded,
});

/**
 * The collection's objects, sorted by `date_added` then id. An observable held by several
 * records is one object carrying the most restrictive marking among them (never widened), added
 * when the first of them was created.
 */
export const collectionEntries = async (deps: Deps, p: Principal, workspaceId: string): Promise<CollectionEntry[]> => {
  authorize('taxii.read', p);
  authorizeIn('taxii.read', p, await deps.store.get({ kind: 'workspace', id: workspaceId }));
  const [tasks, incidents, requests] = await Promise.all([
    everything((q) => listTasks(deps, p, workspaceId, q)),
    everything((q) => listIncidents(deps, p, workspaceId, q)),
    everything((q) => listRequests(deps, p, workspaceId, q)),
  ]);
  const rendered: { objects: RecordObjects; marking: Marking; created: string; modified: string; orgs: string[] }[] = [
    ...tasks.map((t) => ({
      objects: taskObjects(t),
      marking: t.marking,
      created: t.createdAt,
      modified: t.updatedAt,
      orgs: [t.createdBy.orgId, t.assigneeOrgId],
    })),
    ...incidents.map((i) => ({
      objects: incidentObjects(i),
      marking: i.marking,
      created: i.raisedAt,
      modified: i.updatedAt,
      orgs: [i.raisedBy.orgId],
    })),
    ...requests.map((r) => ({
      objects: requestObjects(r),
      marking: r.marking,
      created: r.createdAt,
      modified: r.updatedAt,
      orgs: [r.requestedBy.orgId],
    })),
  ];

  const entries: CollectionEntry[] = [];
  const observables = new Map<string, { object: StixObject; marking: Marking; added: string }>();
  const orgs = new Map<string, string>();
  const tlps = new Set<Tlp>();
  for (const r of rendered) {
    for (const o of r.objects.record) entries.push(entry(o, iso(r.modified)));
    for (const org of r.orgs) orgs.set(org, orgs.has(org) ? earlier(orgs.get(org)!, iso(r.created)) : iso(r.created));
    tlps.add(r.marking.tlp);
    for (const o of r.objects.observables) {
      const held = observables.get(o.id);
      const stricter = !held || TLP_ORDER.indexOf(r.marking.tlp) > TLP_ORDER.indexOf(held.marking.tlp);
      observables.set(o.id, {
        object: o,
        marking: stricter ? r.marking : held.marking,
        added: held ? earlier(held.added, iso(r.created)) : iso(r.created),
      });
    }
  }
  const customs = new Set<string>();
  for (const { object, marking, added } of observables.values()) {
    const { object_marking_refs, extensions } = stixMarkingOf(marking);
    const own = (object.extensions as Record<string, unknown> | undefined) ?? {};
    for (const k of Object.keys(own)) customs.add(k);
    entries.push(entry({ ...object, object_marking_refs, extensions: { ...own, ...extensions } }, added));
  }

  // The identities the objects name (originators, assignees), and the definitions they reference.
  const loaded = await Promise.all([...orgs.keys()].map((id) => deps.store.get({ kind: 'organisation', id })));
  for (const [i, [orgId, added]] of [...orgs.entries()].entries()) {
    const org = loaded[i];
    const created = iso(org?.createdAt ?? added);
    const identity: StixObject = {
      type: 'identity',
      spec_version: '2.1',
      id: identityId(orgId),
      created,
      modified: created,
      name: org?.name ?? orgId,
      identity_class: 'organization',
    };
    entries.push(entry(identity, added));
  }
  if (entries.length) {
    for (const tlp of tlps)
      entries.push(entry({ ...TLP_MARKING_DEFINITIONS.find((m) => m.id === tlpMarkingId(tlp))! }, '2022-10-01T00:00:00.000Z'));
    entries.push(entry({ ...TASKFORCE_IDENTITY }, TASKFORCE_IDENTITY.created));
    entries.push(
      entry(
        { ...TASKFORCE_HANDLING_EXTENSION, extension_types: [...TASKFORCE_HANDLING_EXTENSION.extension_types] },
        TASKFORCE_HANDLING_EXTENSION.created,
      ),
    );
    for (const c of Object.values(CUSTOM_SCOS))
      if (customs.has(c.extensionId)) entries.push(entry(customScoDefinition(c), '2026-12-07T00:00:00.000Z'));
  }
  return entries.sort((a, b) => (a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.object.id < b.object.id ? -1 : 1));
};
