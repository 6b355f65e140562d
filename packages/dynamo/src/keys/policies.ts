import type { RecordShapes } from './shared';

export const policyRecords: RecordShapes<'policies'> = {
  policies: { key: () => ({ pk: 'POLICIES', sk: 'ALL' }) },
};
