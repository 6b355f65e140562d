import type { RecordShapes } from './shared';

/** An organisation's partition: the organisation, its memberships and its notification settings. */
export const orgPartition = (orgId: string): string => `ORG#${orgId}`;
/** Every organisation, in the lookup index. */
export const ORGANISATIONS_LOOKUP = 'ORGS';

export const organisationRecords: RecordShapes<'organisation'> = {
  organisation: {
    key: (ref) => ({ pk: orgPartition(ref.id), sk: 'ORG' }),
    index: (o) => ({ gsi1pk: ORGANISATIONS_LOOKUP, gsi1sk: o.id }),
  },
};
