import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

export const INCIDENTS_PREFIX = 'INC#';
/** Every country's 24/7 contacts, in the lookup index. */
export const CONTACTS_LOOKUP = 'CONTACTS';

export const incidentRecords: RecordShapes<'incident' | 'incidentSettings' | 'contacts'> = {
  incident: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${INCIDENTS_PREFIX}${ref.id}` }) },
  incidentSettings: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: 'INCIDENT-SETTINGS' }) },
  contacts: {
    key: (ref) => ({ pk: `CONTACTS#${ref.country}`, sk: 'CONTACTS' }),
    index: (c) => ({ gsi1pk: CONTACTS_LOOKUP, gsi1sk: c.country }),
  },
};
