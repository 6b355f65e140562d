import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { RequestStore } from '../requests/ports';
import type { Channel, Message, MessageRevision } from './model';

/** What threads need of the store. */
export interface ThreadStore extends RecordStore {
  /** One thread's messages, newest first (ids are time-ordered). */
  listMessages(workspaceId: string, threadKey: string, q: PageQuery): Promise<Page<Message>>;
  /** A workspace's channels as created (not `general`, which nobody creates), oldest first. */
  listChannels(workspaceId: string, q: PageQuery): Promise<Page<Channel>>;
  /** A message's earlier texts, oldest (the original) first. */
  listRevisions(workspaceId: string, threadKey: string, messageId: string, q: PageQuery): Promise<Page<MessageRevision>>;
}

/** A partner reaches its request's thread through its inbox: the store finds the request there. */
export type ThreadDeps = KernelDeps<ThreadStore & Pick<RequestStore, 'findInboxRequest'>>;
