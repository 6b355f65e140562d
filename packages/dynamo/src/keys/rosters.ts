import { orgPartition } from './organisations';
import type { RecordShapes } from './shared';

/** An organisation's rosters, in its own partition, by id (time-ordered). */
export const ROSTERS_PREFIX = 'ROSTER#';

export const rosterRecords: RecordShapes<'roster'> = {
  roster: { key: (ref) => ({ pk: orgPartition(ref.orgId), sk: `${ROSTERS_PREFIX}${ref.id}` }) },
};
