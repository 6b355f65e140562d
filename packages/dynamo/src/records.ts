import {
  type IdempotencyRecord,
  type Loaded,
  loadResolvingPolicies,
  type RecordKind,
  type RecordRef,
  type RecordValue,
  refKey,
  type Store,
} from '@taskforce/core';
import { getItem, getItems } from './batch-get';
import type { TableContext } from './context';
import { fromItem, idempotencyKey, type Key, keyId, recordKey } from './keys';

/** Reading records by reference: what a command loads before it decides. */
export const recordReads = (t: TableContext): Pick<Store, 'load' | 'get'> => ({
  /**
   * One GetItem for one key, else one BatchGetItem per 100 keys (strongly consistent); a
   * `{ kind: 'policies' }` reference is resolved by a second read of the policies of the
   * countries what was read needs (`loadResolvingPolicies`), always a BatchGetItem.
   */
  load: (req) => loadResolvingPolicies(req, (r) => readRefs(t, r)),

  async get<K extends RecordKind>(ref: RecordRef & { kind: K }): Promise<RecordValue<K> | null> {
    const item = await getItem(t, recordKey(ref));
    return item ? (fromItem(item).value as RecordValue<K>) : null;
  },
});

const readRefs = async (t: TableContext, req: { refs: RecordRef[]; idempotencyScope?: string }): Promise<Loaded> => {
  const wanted = new Map<string, { key: Key; role: 'record' | 'idem'; ref?: RecordRef }>();
  for (const ref of req.refs) wanted.set(keyId(recordKey(ref)), { key: recordKey(ref), role: 'record', ref });
  if (req.idempotencyScope)
    wanted.set(keyId(idempotencyKey(req.idempotencyScope)), { key: idempotencyKey(req.idempotencyScope), role: 'idem' });
  const items = await getItems(
    t,
    [...wanted.values()].map((w) => w.key),
    { batch: req.refs.length > 0 && req.refs.every((r) => r.kind === 'policy') },
  );

  const loaded: Loaded = { records: new Map(), idempotency: null };
  for (const item of items) {
    const w = wanted.get(keyId({ pk: String(item.pk), sk: String(item.sk) }));
    if (!w) continue;
    if (w.role === 'idem') loaded.idempotency = item.data as IdempotencyRecord;
    else if (w.ref) loaded.records.set(refKey(w.ref), fromItem(item));
  }
  return loaded;
};
