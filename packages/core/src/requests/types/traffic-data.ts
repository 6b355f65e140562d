import { EMERGENCY_CLOCK, EU_PRODUCTION_NOTIFIED_CLOCK, PRODUCTION_CLOCK, productionType } from './common';

/**
 * Traffic data: answered as a production; under e-Evidence the enforcing state may object for
 * 96 hours first, during which a non-emergency production is not handed over.
 */
export const trafficData = productionType('traffic_data', [EMERGENCY_CLOCK, EU_PRODUCTION_NOTIFIED_CLOCK, PRODUCTION_CLOCK]);
