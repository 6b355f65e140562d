import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** Every message of a workspace sits in its partition under this prefix: `MSG#<threadKey>#<id>`. */
export const MESSAGES_PREFIX = 'MSG#';
/** One thread's messages, in id (time) order: read backwards for newest first. */
export const threadPrefix = (threadKey: string): string => `${MESSAGES_PREFIX}${threadKey}#`;
/** A workspace's channels (besides `general`, which is never stored): `CHAN#<id>`. */
export const CHANNELS_PREFIX = 'CHAN#';
/**
 * A message's earlier texts: `MREV#<threadKey>#<messageId>#<n, 4 digits>`, outside `MSG#` so a
 * thread's list never reads them, and in order of `n`.
 */
export const revisionsPrefix = (threadKey: string, messageId: string): string => `MREV#${threadKey}#${messageId}#`;

export const threadRecords: RecordShapes<'message' | 'threadChannel' | 'messageRevision'> = {
  message: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${threadPrefix(ref.threadKey)}${ref.id}` }) },
  threadChannel: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${CHANNELS_PREFIX}${ref.id}` }) },
  messageRevision: {
    key: (ref) => ({
      pk: workspacePartition(ref.workspaceId),
      sk: `${revisionsPrefix(ref.threadKey, ref.messageId)}${ref.n.padStart(4, '0')}`,
    }),
  },
};
