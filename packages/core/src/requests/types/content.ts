import { EMERGENCY_CLOCK, EU_PRODUCTION_NOTIFIED_CLOCK, PRODUCTION_CLOCK, productionType } from './common';

/** Content data: as traffic data, the enforcing state's 96-hour objection window under e-Evidence first. */
export const content = productionType('content', [EMERGENCY_CLOCK, EU_PRODUCTION_NOTIFIED_CLOCK, PRODUCTION_CLOCK]);
