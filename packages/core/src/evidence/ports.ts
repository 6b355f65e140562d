import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { RequestStore } from '../requests/ports';
import type { EvidenceObject } from './model';
import type { EvidenceObjects } from './objects';

/** What evidence of any size needs of the store: its items under one parent, oldest first. */
export interface EvidenceStore extends RecordStore {
  listEvidenceObjects(workspaceId: string, parentKey: string, q: PageQuery): Promise<Page<EvidenceObject>>;
}

/** The store (with the partner's inbox, to locate a request), and object storage: absent, the routes answer 503. */
export type EvidenceObjectDeps = KernelDeps<EvidenceStore & RequestStore> & { evidenceObjects?: EvidenceObjects | undefined };
