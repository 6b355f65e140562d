import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, MarkingInput } from '../kernel/marking';
import { Id, IsoDateTime, positiveInt, text, textUpTo, trimmed } from '../kernel/primitives';
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
const MAX_MESSAGE_CHARS = 8000;

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
  /** How many earlier texts are kept (`MessageRevision`), and the hash of the last: absent until edited. */
  revisions: z.optional(positiveInt()),
  revisionHead: z.optional(z.string()),
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

// ---------------------------------------------------------------------------------------
// What the contract above grows into: channels, revisions, inputs and events.
// ---------------------------------------------------------------------------------------

/** The channel every workspace has without anyone creating it. */
export const GENERAL_CHANNEL = 'general';

/** A named channel of a workspace: `general` is implied, the lead creates more. */
export const Channel = z.object({
  workspaceId: Id,
  id: Id,
  name: text(1, 80),
  /** What its messages inherit, and may narrow. */
  marking: Marking,
  createdBy: z.object({ sub: z.string(), orgId: Id }),
  createdAt: IsoDateTime,
  version: positiveInt(),
});
export type Channel = z.infer<typeof Channel>;

/**
 * One earlier text of a message, kept when it was edited: revision 1 is the original. Each is
 * hash-linked to the one before (`prev`), so a revision removed or changed breaks the chain.
 */
export const MessageRevision = z.object({
  workspaceId: Id,
  threadKey: z.string(),
  messageId: Id,
  n: positiveInt(),
  text: z.string(),
  marking: Marking,
  /** When this text was written (the post, or the edit before). */
  at: IsoDateTime,
  prev: z.string(),
  hash: z.string(),
});
export type MessageRevision = z.infer<typeof MessageRevision>;

/** How many times a message may be edited: its revisions go in one transaction when it is redacted. */
export const MAX_MESSAGE_EDITS = 20;
const MAX_MENTIONS = 50;
const MAX_ATTACHMENTS = 10;

/** Text without bidi override or isolate controls (U+202A–U+202E, U+2066–U+2069), which can make text read other than it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const MessageText = z.string().check(
  z.maxLength(MAX_MESSAGE_CHARS, { abort: true }),
  z.refine((s) => s.trim().length > 0, 'must not be empty'),
  z.refine((s) => !BIDI_CONTROLS.test(s), 'must not contain bidirectional override or isolate controls (U+202A–U+202E, U+2066–U+2069)'),
);

const PersonRef = z.strictObject({ sub: text(1, 200), orgId: Id });

export const PostMessageInput = z.strictObject({
  text: MessageText,
  /** Narrower than the thread's; absent, the thread's marking. */
  marking: z.optional(MarkingInput),
  replyTo: z.optional(Id),
  mentions: z._default(
    z.strictObject({
      orgs: z._default(z.array(Id).check(z.maxLength(MAX_MENTIONS)), []),
      people: z._default(z.array(PersonRef).check(z.maxLength(MAX_MENTIONS)), []),
    }),
    { orgs: [], people: [] },
  ),
  attachments: z._default(z.array(Id).check(z.maxLength(MAX_ATTACHMENTS)), []),
});
export type PostMessageInput = z.infer<typeof PostMessageInput>;

export const EditMessageInput = z.strictObject({ text: MessageText });
export type EditMessageInput = z.infer<typeof EditMessageInput>;

export const CreateChannelInput = z.strictObject({
  name: trimmed(1, 80),
  marking: z.optional(MarkingInput),
});
export type CreateChannelInput = z.infer<typeof CreateChannelInput>;

declare module '../kernel/records' {
  interface RecordTypes {
    threadChannel: { value: Channel; ref: { workspaceId: string; id: string } };
    messageRevision: { value: MessageRevision; ref: { workspaceId: string; threadKey: string; messageId: string; n: string } };
  }
}
defineRecord('threadChannel', ['workspaceId', 'id'], (c) => ({ workspaceId: c.workspaceId, id: c.id }));
defineRecord('messageRevision', ['workspaceId', 'threadKey', 'messageId', 'n'], (r) => ({
  workspaceId: r.workspaceId,
  threadKey: r.threadKey,
  messageId: r.messageId,
  n: String(r.n),
}));

export const MESSAGE_EVENTS = ['message.posted', 'message.mentioned', 'message.edited', 'message.redacted', 'channel.created'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof MESSAGE_EVENTS> {}
}
