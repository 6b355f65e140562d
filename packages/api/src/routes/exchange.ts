import type { RouteSet } from './set';
import { stixImportRoutes } from './stix-import';
import { taxiiEnvelopeRoutes, taxiiRoutes } from './taxii';

/**
 * Exchange with threat-intelligence tools (the exchange function): the TAXII 2.1 server under
 * `/taxii2/`, and STIX bundle import under `/v1/workspaces/{workspaceId}/stix-imports`. Its own
 * function, so the API function never carries STIX (the OASIS schemas, their validator).
 */
export const EXCHANGE_ROUTES: RouteSet = {
  // The envelope answers nothing itself: it turns every /taxii2/ error into a TAXII error message, authentication's included.
  public: [taxiiEnvelopeRoutes],
  authenticated: [taxiiRoutes, stixImportRoutes],
};
