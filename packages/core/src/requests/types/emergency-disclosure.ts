import { EMERGENCY_CLOCK, productionType } from './common';

/**
 * Emergency disclosure: a production where life or safety is at stake, urgent by nature (the
 * input must say emergency; the console sends it so), answered within 8 hours (e-Evidence Art. 10(4)).
 * It skips the court order, so a second officer of the sending agency co-signs every one.
 */
export const emergencyDisclosure = productionType('emergency_disclosure', [EMERGENCY_CLOCK], {
  urgency: 'emergency',
  cosign: 'always',
  form: { newRequest: true, urgency: 'emergency' },
});
