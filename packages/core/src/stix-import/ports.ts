import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { Intel } from './model';

/** What imported intelligence needs of the store. */
export interface IntelStore extends RecordStore {
  /** A workspace's imported records, in record-id order. */
  listIntel(workspaceId: string, q: PageQuery): Promise<Page<Intel>>;
}
