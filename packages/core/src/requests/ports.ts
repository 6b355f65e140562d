import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { MatchingDeps } from '../matching/hasher';
import type { EvidenceItem } from './evidence-model';
import type { DataRequest } from './request';
import type { TurnaroundShard } from './turnaround/model';

/** What data requests and their evidence need of the store. */
export interface RequestStore extends RecordStore {
  listRequests(workspaceId: string, q: PageQuery): Promise<Page<DataRequest>>;
  /** A private partner's inbox: requests addressed to it, never drafts. */
  listInbox(providerOrgId: string, q: PageQuery): Promise<Page<DataRequest>>;
  /** One request from a partner's inbox, or null if it is not addressed to that partner. */
  findInboxRequest(providerOrgId: string, requestId: string): Promise<DataRequest | null>;
  listEvidence(workspaceId: string, requestId: string, q: PageQuery): Promise<Page<EvidenceItem>>;
  /** Every shard of a partner's turnaround counters, of every request type: one query. */
  turnaroundShards(providerOrgId: string): Promise<TurnaroundShard[]>;
}

/** Where evidence files live (S3 on AWS; the local engine's S3 API locally). */
export interface ContentStore {
  put(key: string, body: Uint8Array, meta: { sha256: string; mediaType: string }): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

export type RequestDeps = KernelDeps<RequestStore> & MatchingDeps;
/** Evidence content goes in and out of the content store. */
export type EvidenceDeps = RequestDeps & { content: ContentStore };
