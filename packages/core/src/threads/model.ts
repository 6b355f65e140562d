import * as z from 'zod/mini';
import { Marking } from '../kernel/marking';
import { Id, IsoDateTime, positiveInt, textUpTo } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';

// Threads and messages: a workspace's named channels, and one thread per task, incident and data
// request. A message is a marked record: it inherits its parent's marking and may narrow it,
// never widen it; the one evaluator decides every read of it.

/** What a thread hangs off: a workspace channel, or a record of the workspace. */
export const ThreadKind = z.enum(['channel', 'task', 'incident', 'request']);
export type ThreadKind = z.infer<typeof ThreadKind>;

/** A thread is named by its parent: `channel:<channelId>`, `task:<taskId>`, `incident:<id>`, `request:<id>`. */
export const threadKey = (kind: ThreadKind, id: string): string => `${kind}:${id}`;

/** The largest message body, in characters. */
export const MAX_MESSAGE_CHARS = 8000;

export const Message = z.object({
  workspaceId: Id,
  /** The thread it belongs to: its parent's kind and id. */
  thread: z.object({ kind: ThreadKind, id: Id }),
  /** Time-ordered: a thread lists newest first by id. */
  id: Id,
  author: z.object({ sub: z.string(), orgId: Id }),
  text: textUpTo(MAX_MESSAGE_CHARS),
  /** The parent's marking, or a narrower one; never wider. */
  marking: Marking,
  replyTo: z.optional(Id),
  /** Agencies and people named in the message: they are notified if, and only if, they may see it. */
  mentions: z.object({ orgs: z.array(Id), people: z.array(z.object({ sub: z.string(), orgId: Id })) }),
  /** Evidence items of the same workspace shown with the message (each still decided on its own). */
  attachments: z.array(Id),
  /** Set when redacted: the text is gone, the entry in the trail stays. */
  redacted: z.optional(z.object({ by: z.object({ sub: z.string(), orgId: Id }), at: IsoDateTime })),
  createdAt: IsoDateTime,
  editedAt: z.optional(IsoDateTime),
  version: positiveInt(),
});
export type Message = z.infer<typeof Message>;

declare module '../kernel/records' {
  interface RecordTypes {
    message: { value: Message; ref: { workspaceId: string; threadKey: string; id: string } };
  }
}
defineRecord('message', ['workspaceId', 'threadKey', 'id'], (m) => ({
  workspaceId: m.workspaceId,
  threadKey: threadKey(m.thread.kind, m.thread.id),
  id: m.id,
}));
