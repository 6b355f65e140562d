export * from './primitives';

/**
 * The registry of record kinds. Each feature adds its kinds beside its schema:
 *
 *     declare module '../kernel/records' {
 *       interface RecordTypes { task: { value: Task; ref: { workspaceId: string; id: string } } }
 *     }
 *     defineRecord('task', ['workspaceId', 'id'], (t) => ({ workspaceId: t.workspaceId, id: t.id }));
 *
 * and every union below follows: no central switch to edit.
 *
 * @public (features extend it by declaration merging)
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature (declaration merging)
export interface RecordTypes {}

export type RecordKind = keyof RecordTypes & string;
type Entry<K extends RecordKind> = RecordTypes[K] extends { value: infer V; ref: infer R } ? { value: V; ref: R } : never;
type Flat<T> = { [P in keyof T]: T[P] };

export type RecordValue<K extends RecordKind> = Entry<K>['value'];
/** One stored record: its kind and its value. */
export type StoredRecord = { [K in RecordKind]: { kind: K; value: RecordValue<K> } }[RecordKind];
/** Addresses one record: its kind and the fields its key is made of. */
export type RecordRef = { [K in RecordKind]: Flat<{ kind: K } & Entry<K>['ref']> }[RecordKind];
type RefFields<K extends RecordKind> = Entry<K>['ref'];

/**
 * A counter record: its reference's fields and named numbers that only ever grow by `add` writes
 * (see `Write`), so that many commands count into one record without reading it first.
 */
export type CounterRecord<Ref> = Ref & { counts: Record<string, number> };
/** The kinds whose value is a counter record. */
type CounterKind = { [K in RecordKind]: RecordValue<K> extends { counts: Record<string, number> } ? K : never }[RecordKind];
export type CounterRef = Extract<RecordRef, { kind: CounterKind }>;
/** What a counter may be called: short, and safe as part of an attribute name in any store. */
export const COUNTER_NAME = /^[a-z0-9_]{1,40}$/;
/** The fields of a reference, without its kind: what a counter record made by an `add` holds besides its counts. */
export const refFields = (ref: RecordRef): Record<string, string> => {
  const { kind: _kind, ...fields } = ref as unknown as Record<string, string>;
  return fields;
};

interface Definition {
  fields: readonly string[];
  ref(value: unknown): Record<string, string>;
}
const definitions = new Map<string, Definition>();

/**
 * Declares how a kind of record is addressed: the fields of its reference, in the order its
 * key string names them, and how to read them off a value.
 */
export const defineRecord = <K extends RecordKind>(
  kind: K,
  fields: readonly (keyof RefFields<K> & string)[],
  ref: (value: RecordValue<K>) => RefFields<K>,
): void => {
  definitions.set(kind, { fields, ref: ref as (value: unknown) => Record<string, string> });
};

const definitionOf = (kind: string): Definition => {
  const d = definitions.get(kind);
  if (!d) throw new Error(`unknown record kind: ${kind}`);
  return d;
};

export const refOf = (r: StoredRecord): RecordRef => ({ kind: r.kind, ...definitionOf(r.kind).ref(r.value) }) as RecordRef;

/** A stable string for a reference, used to key loaded records: the kind, then the ref's fields in their declared order. */
export const refKey = (ref: RecordRef): string => {
  const fields = definitionOf(ref.kind).fields;
  const values = ref as unknown as Record<string, string>;
  return [ref.kind, ...fields.map((f) => values[f])].join(':');
};

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last page. */
  next?: string;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
