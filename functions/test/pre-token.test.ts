import { AgencyIdpConfig, federationRules } from '@taskforce/core/federation';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import sample from '../../infra/agency-idps.json' with { type: 'json' };
import { preTokenGeneration } from '../src/pre-token';

const rules = federationRules(AgencyIdpConfig.parse(sample));
const trigger = preTokenGeneration(rules);

const event = (userAttributes: Record<string, string>): PreTokenGenerationTriggerEvent =>
  ({
    version: '1',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'ap-southeast-1',
    userPoolId: 'ap-southeast-1_example',
    userName: 'someone',
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: { userAttributes, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] } },
    response: { claimsOverrideDetails: {} },
  }) as unknown as PreTokenGenerationTriggerEvent;
const federated = (provider: string, extra: Record<string, string>) =>
  event({ identities: JSON.stringify([{ providerName: provider, providerType: 'OIDC', userId: 'x' }]), ...extra });
const claimsOf = (e: PreTokenGenerationTriggerEvent) => e.response.claimsOverrideDetails?.claimsToAddOrOverride;

describe('the pre-token-generation trigger', () => {
  it("sets a federated user's organisation to the one the provider's entry names, whatever the provider asserted", async () => {
    const out = await trigger(federated('VNM-A05', { 'custom:org': 'usa-fbi', 'custom:roles': 'officer,duty_contact' }));
    expect(claimsOf(out)).toEqual({ 'custom:org': 'vnm-a05', 'custom:roles': 'officer,duty_contact' });
  });

  it('drops the roles the entry does not allow, admin above all, however the provider lists them', async () => {
    const out = await trigger(federated('GBR-NCA', { 'custom:roles': '[admin, officer, policy_admin, auditor]' }));
    expect(claimsOf(out)).toEqual({ 'custom:org': 'gbr-nca', 'custom:roles': 'officer,auditor' });
    const none = await trigger(federated('VNM-A05', { 'custom:roles': 'admin root' }));
    expect(claimsOf(none)).toEqual({ 'custom:org': 'vnm-a05', 'custom:roles': '' });
    const missing = await trigger(federated('vnm-a05', {}));
    expect(claimsOf(missing)).toEqual({ 'custom:org': 'vnm-a05', 'custom:roles': '' });
  });

  it("leaves a native user's claims as an administrator set them", async () => {
    const out = await trigger(event({ 'custom:org': 'platform', 'custom:roles': 'admin' }));
    expect(claimsOf(out)).toBeUndefined();
  });

  it('reads its providers from FEDERATION_RULES, as the stack sets it', async () => {
    process.env.FEDERATION_RULES = JSON.stringify(rules);
    vi.resetModules();
    const { handler } = await import('../src/pre-token');
    delete process.env.FEDERATION_RULES;
    const out = await handler(federated('GBR-NCA', { 'custom:org': 'vnm-a05', 'custom:roles': 'officer' }));
    expect(claimsOf(out)).toEqual({ 'custom:org': 'gbr-nca', 'custom:roles': 'officer' });
  });

  it('refuses a provider the file does not list', async () => {
    await expect(trigger(federated('ROGUE-IDP', { 'custom:roles': 'officer' }))).rejects.toThrow(/not configured/);
  });

  it('is fed by a file that cannot name the platform or grant admin', () => {
    const entry = sample.providers[0]!;
    expect(AgencyIdpConfig.safeParse({ providers: [{ ...entry, orgId: 'platform' }] }).success).toBe(false);
    expect(AgencyIdpConfig.safeParse({ providers: [{ ...entry, allowedRoles: ['officer', 'admin'] }] }).success).toBe(false);
    expect(AgencyIdpConfig.safeParse({ providers: [entry, { ...entry }] }).success).toBe(false);
  });
});
