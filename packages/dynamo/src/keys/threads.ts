import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** Every message of a workspace sits in its partition under this prefix: `MSG#<threadKey>#<id>`. */
export const MESSAGES_PREFIX = 'MSG#';
/** One thread's messages, in id (time) order: read backwards for newest first. */
export const threadPrefix = (threadKey: string): string => `${MESSAGES_PREFIX}${threadKey}#`;

export const threadRecords: RecordShapes<'message'> = {
  message: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${threadPrefix(ref.threadKey)}${ref.id}` }) },
};
