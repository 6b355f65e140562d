import { EXCHANGE_ROUTES } from './exchange';
import { INVESTIGATION_ROUTES } from './investigation';
import { PEOPLE_ROUTES } from './people';
import type { RouteSet } from './set';

/** Every route of the platform: what the local runtime serves in one process, and what `/openapi.json` describes. */
export const ALL_ROUTES: RouteSet = {
  public: [...INVESTIGATION_ROUTES.public, ...PEOPLE_ROUTES.public, ...EXCHANGE_ROUTES.public],
  authenticated: [...INVESTIGATION_ROUTES.authenticated, ...PEOPLE_ROUTES.authenticated, ...EXCHANGE_ROUTES.authenticated],
};
