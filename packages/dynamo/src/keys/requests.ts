import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

export const REQUESTS_PREFIX = 'REQ#';
export const evidencePrefix = (requestId: string): string => `EVID#${requestId}#`;

/** A private partner's inbox: requests addressed to it, once sent (never drafts). */
export const inboxPartition = (providerOrgId: string): string => `INBOX#${providerOrgId}`;
/** A request's place in its partner's inbox, ordered by id (time-ordered). */
export const inboxSortKey = (requestId: string): string => `${REQUESTS_PREFIX}${requestId}`;

export const requestRecords: RecordShapes<'request' | 'evidence'> = {
  request: {
    key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${REQUESTS_PREFIX}${ref.id}` }),
    index: (r) => (r.sentAt === undefined ? undefined : { gsi2pk: inboxPartition(r.providerOrgId), gsi2sk: inboxSortKey(r.id) }),
  },
  evidence: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${evidencePrefix(ref.requestId)}${ref.id}` }) },
};
