import { type RecordKind, type RecordRef, refOf, type StoredRecord } from '@taskforce/core';
import { contactMethodRecords } from './contact-methods';
import { evidenceRecords } from './evidence';
import { exportRecords } from './exports';
import { incidentRecords } from './incidents';
import { intelRecords } from './intel';
import { matchingRecords } from './matching';
import { notificationRecords } from './notifications';
import { organisationRecords } from './organisations';
import { pagingRecords } from './paging';
import { policyRecords } from './policies';
import { requestRecords } from './requests';
import { rosterRecords } from './rosters';
import type { IndexAttributes, Key, RecordShapes } from './shared';
import { takedownRecords } from './takedowns';
import { taskRecords } from './tasks';
import { threadRecords } from './threads';
import { timerRecords } from './timers';
import { transferRecords } from './transfers';
import { turnaroundRecords } from './turnaround';
import { workspaceRecords } from './workspaces';

export * from './audit';
export * from './contact-methods';
export * from './evidence';
export * from './exports';
export * from './idempotency';
export * from './incidents';
export * from './intel';
export * from './matching';
export * from './notifications';
export * from './organisations';
export * from './paging';
export * from './policies';
export * from './requests';
export * from './rosters';
export * from './shared';
export * from './takedowns';
export * from './tasks';
export * from './threads';
export * from './timers';
export * from './transfers';
export * from './turnaround';
export * from './workspaces';

/** Every record kind's shape, each declared beside its feature; the type makes the set complete. */
const shapes: RecordShapes = {
  ...organisationRecords,
  ...workspaceRecords,
  ...taskRecords,
  ...timerRecords,
  ...requestRecords,
  ...incidentRecords,
  ...notificationRecords,
  ...policyRecords,
  ...exportRecords,
  ...transferRecords,
  ...matchingRecords,
  ...takedownRecords,
  ...turnaroundRecords,
  ...rosterRecords,
  ...contactMethodRecords,
  ...pagingRecords,
  ...threadRecords,
  ...evidenceRecords,
  ...intelRecords,
};
interface AnyShape {
  key(ref: RecordRef): Key;
  index?(value: StoredRecord['value']): IndexAttributes | undefined;
}
// TypeScript cannot follow that a ref's (or record's) `kind` picks the shape made for it: one cast, here.
const shapeOf = (kind: RecordKind): AnyShape => shapes[kind] as unknown as AnyShape;

export const recordKey = (ref: RecordRef): Key => shapeOf(ref.kind).key(ref);

/** Index attributes of a record. Sparse indexes hold an item only while it is live. */
const indexAttributes = (r: StoredRecord): IndexAttributes => shapeOf(r.kind).index?.(r.value) ?? {};

const versionOf = (r: StoredRecord): number | undefined => ('version' in r.value ? r.value.version : undefined);

/** The stored item of a record: keys, index attributes, kind, version, and the record as `data`. */
export const toItem = (r: StoredRecord) => {
  const v = versionOf(r);
  return { ...recordKey(refOf(r)), ...indexAttributes(r), kind: r.kind, ...(v !== undefined ? { v } : {}), data: r.value };
};

export const fromItem = (item: Record<string, unknown>): StoredRecord => {
  const data = item.data as Record<string, unknown> | undefined;
  if (data && typeof data === 'object' && 'counts' in data)
    return { kind: item.kind, value: { ...data, counts: countsOf(item) } } as StoredRecord;
  return { kind: item.kind, value: item.data } as StoredRecord;
};

/**
 * A counter record's counters are top-level attributes, `c#<name>`: an UpdateItem ADD can make
 * those in one step where it could not add to a member of a map that may not exist yet.
 */
export const COUNTER_PREFIX = 'c#';
const countsOf = (item: Record<string, unknown>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const [name, n] of Object.entries(item)) if (name.startsWith(COUNTER_PREFIX)) counts[name.slice(COUNTER_PREFIX.length)] = Number(n);
  return counts;
};
