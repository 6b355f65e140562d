import { EMERGENCY_CLOCK, PRODUCTION_CLOCK, productionType } from './common';

/** Production of data the partner holds: 10 days (e-Evidence Art. 10(2)), 8 hours if urgent. */
export const production = productionType('production', [EMERGENCY_CLOCK, PRODUCTION_CLOCK]);
