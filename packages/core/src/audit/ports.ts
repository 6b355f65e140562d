import type { AuditEntry } from '../kernel/audit';
import type { DomainEvent } from '../kernel/events';
import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';

/** What the audit views need of the store: one chain's entries, one workspace's events. */
export interface AuditStore extends RecordStore {
  listAudit(chainId: string, q: PageQuery): Promise<Page<AuditEntry>>;
  listEvents(workspaceId: string, q: PageQuery): Promise<Page<DomainEvent>>;
}
