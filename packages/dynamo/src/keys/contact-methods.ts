import type { RecordShapes } from './shared';

/** A person's partition: their contact methods, one item read and written whole. */
const personPartition = (sub: string): string => `PERSON#${sub}`;

export const contactMethodRecords: RecordShapes<'contactMethods'> = {
  contactMethods: { key: (ref) => ({ pk: personPartition(ref.sub), sk: 'CONTACT-METHODS' }) },
};
