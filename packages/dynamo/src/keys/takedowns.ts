import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** A takedown's items, in chunks under the request's workspace partition, in item order. */
const takedownChunkPrefix = (requestId: string): string => `TDC#${requestId}#`;

export const takedownRecords: RecordShapes<'takedownChunk'> = {
  takedownChunk: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${takedownChunkPrefix(ref.requestId)}${ref.chunk}` }) },
};
