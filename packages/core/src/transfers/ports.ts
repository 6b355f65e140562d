import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { Transfer } from './model';

/** What onward transfers need of the store. */
export interface TransferStore extends RecordStore {
  /** A workspace's transfer requests, oldest first (ids are time-ordered). */
  listTransfers(workspaceId: string, q: PageQuery): Promise<Page<Transfer>>;
}

export type TransferDeps = KernelDeps<TransferStore>;
