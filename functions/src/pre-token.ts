import { type FederationRules, federatedClaims, providerOf } from '@taskforce/core/federation';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';

/**
 * Cognito's pre-token-generation trigger: a user federated from an agency's own identity provider
 * acts for the organisation the provider's entry in infra/agency-idps.json names, whatever the
 * provider asserted, and holds only the roles that entry allows (never `admin`). A native user's
 * claims are left as an administrator set them; a provider the file does not list is refused.
 * `FEDERATION_RULES` is that file reduced to `{ <provider>: { orgId, allowedRoles } }`.
 */
export const preTokenGeneration = (rules: FederationRules) => async (event: PreTokenGenerationTriggerEvent) => {
  const attributes = event.request.userAttributes;
  const provider = providerOf(attributes.identities);
  if (!provider) return event;
  const claims = federatedClaims(rules, provider, attributes['custom:roles']);
  if (!claims) throw new Error(`identity provider ${provider} is not configured for this platform`);
  event.response = {
    claimsOverrideDetails: {
      claimsToAddOrOverride: { 'custom:org': claims.orgId, 'custom:roles': claims.roles.join(',') },
    },
  };
  return event;
};

export const handler = preTokenGeneration(JSON.parse(process.env.FEDERATION_RULES ?? '{}') as FederationRules);
