import { documentRoutes } from './documents';
import type { RouteSet } from './set';
import { stixImportRoutes } from './stix-import';
import { taxiiEnvelopeRoutes, taxiiRoutes } from './taxii';

/**
 * What the platform exchanges with the world outside it (the exchange function): the TAXII 2.1
 * server under `/taxii2/` and STIX bundle import under `/v1/workspaces/{workspaceId}/stix-imports`
 * for threat-intelligence tools, and the documents' jobs for courts (documents.ts: PDF request
 * packages and workspace reports). Its own function, so the API function never carries STIX (the
 * OASIS schemas, their validator) or the documents' core.
 */
export const EXCHANGE_ROUTES: RouteSet = {
  // The envelope answers nothing itself: it turns every /taxii2/ error into a TAXII error message, authentication's included.
  public: [taxiiEnvelopeRoutes],
  authenticated: [taxiiRoutes, stixImportRoutes, documentRoutes],
};
