import { EMERGENCY_CLOCK, PRODUCTION_CLOCK, productionType } from './common';

/** Subscriber information: who holds an account. Answered as a production, on its clock. */
export const subscriberInfo = productionType('subscriber_info', [EMERGENCY_CLOCK, PRODUCTION_CLOCK]);
