import { orgPartition } from './organisations';
import type { RecordShapes } from './shared';

/** An organisation's rosters, in its own partition, by id (time-ordered). */
export const ROSTERS_PREFIX = 'ROSTER#';

export const rosterRecords: RecordShapes<'roster' | 'calendarFeed' | 'calendarFeedKey'> = {
  roster: { key: (ref) => ({ pk: orgPartition(ref.orgId), sk: `${ROSTERS_PREFIX}${ref.id}` }) },
  // A person's calendar address (by its hash) sits in the person's partition; the lookup from a hash to its owner, on its own.
  calendarFeed: { key: (ref) => ({ pk: `PERSON#${ref.sub}`, sk: 'CALENDAR-FEED' }) },
  calendarFeedKey: { key: (ref) => ({ pk: `CALFEED#${ref.hash}`, sk: 'CALFEED' }) },
};
