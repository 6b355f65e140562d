/**
 * Agencies' own identity providers on the user pool, from the sample file infra/agency-idps.json:
 * each declared (OIDC with its secret by reference, SAML by metadata URL), offered by the console's
 * app client and its config.json, its claims mapped to e-mail, name and `custom:roles` (never the
 * organisation), the pre-token trigger on the pool fed with each provider's organisation and
 * allowed roles, the refresh tokens bounded; and cdk-nag finds nothing. No function or console is
 * built: the stack is made with empty bundles.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { cdkJsonContext, readAgencyIdps } from '../src/app';
import { FUNCTION_ENTRIES, type FunctionName } from '../src/bundle';
import { TaskforceStack } from '../src/stack';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation fragments are read ad hoc
type Cfn = Record<string, any>;

const stackWith = (agencyIdps = readAgencyIdps('infra/agency-idps.json')) => {
  const noBundle = mkdtempSync(join(tmpdir(), 'taskforce-nobundle-'));
  writeFileSync(join(noBundle, 'index.mjs'), '');
  const noConsole = mkdtempSync(join(tmpdir(), 'taskforce-noconsole-'));
  writeFileSync(join(noConsole, 'index.html'), '');
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
  const stack = new TaskforceStack(app, 'Federation', {
    bundles: Object.fromEntries(Object.keys(FUNCTION_ENTRIES).map((n) => [n, noBundle])) as Record<FunctionName, string>,
    console: noConsole,
    agencyIdps,
  });
  return { app, stack, template: Template.fromStack(stack) };
};

describe("agencies' identity providers", () => {
  const { app, stack, template } = stackWith();
  const resources = template.toJSON().Resources as Record<string, Cfn>;
  const providers = Object.values(resources).filter((r) => r.Type === 'AWS::Cognito::UserPoolIdentityProvider');

  it('declares each provider of the file on the pool, the OIDC secret by reference only', () => {
    expect(providers.map((p) => [p.Properties.ProviderName, p.Properties.ProviderType]).sort()).toEqual([
      ['GBR-NCA', 'SAML'],
      ['VNM-A05', 'OIDC'],
    ]);
    const oidc = providers.find((p) => p.Properties.ProviderType === 'OIDC')!.Properties;
    expect(oidc.ProviderDetails).toMatchObject({
      oidc_issuer: 'https://idp.a05.example.vn/realms/a05',
      client_id: 'taskforce',
      authorize_scopes: 'openid email profile',
    });
    expect(JSON.stringify(oidc.ProviderDetails.client_secret)).toContain('{{resolve:secretsmanager:arn:aws:secretsmanager:');
    const saml = providers.find((p) => p.Properties.ProviderType === 'SAML')!.Properties;
    expect(saml.ProviderDetails.MetadataURL).toBe('https://login.nca.example.gov.uk/federationmetadata/2007-06/federationmetadata.xml');
  });

  it('maps e-mail, name and roles, and never the organisation', () => {
    const oidc = providers.find((p) => p.Properties.ProviderName === 'VNM-A05')!.Properties;
    expect(oidc.AttributeMapping).toEqual({ email: 'email', name: 'name', 'custom:roles': 'taskforce_roles' });
    for (const p of providers) expect(Object.keys(p.Properties.AttributeMapping)).not.toContain('custom:org');
  });

  it("offers them on the console's app client, beside the pool's own sign-in, with refresh tokens bounded to 8 hours", () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO', 'VNM-A05', 'GBR-NCA'],
      RefreshTokenValidity: 480,
      IdTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ RefreshToken: 'minutes' }),
    });
    expect(stack.console.config.providers).toEqual([
      { name: 'VNM-A05', label: 'Viet Nam A05 (Keycloak)' },
      { name: 'GBR-NCA', label: 'National Crime Agency (Entra ID)' },
    ]);
  });

  it('runs the pre-token trigger on the pool, fed with each provider’s organisation and allowed roles', () => {
    const fnId = stack.getLogicalId(stack.functions.fns.pretoken.node.defaultChild as never);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGeneration: { 'Fn::GetAtt': [fnId, 'Arn'] } },
    });
    expect(JSON.parse(resources[fnId]!.Properties.Environment.Variables.FEDERATION_RULES)).toEqual({
      'VNM-A05': { orgId: 'vnm-a05', allowedRoles: ['officer', 'duty_contact', 'auditor', 'policy_admin'] },
      'GBR-NCA': { orgId: 'gbr-nca', allowedRoles: ['officer', 'auditor'] },
    });
    // Cognito may invoke it, from this pool only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
    });
  });

  it('passes cdk-nag', () => {
    expect(new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('refuses a file that lets an agency assert the platform or grant admin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taskforce-idps-'));
    const file = join(dir, 'idps.json');
    const sample = readAgencyIdps('infra/agency-idps.json');
    writeFileSync(file, JSON.stringify({ providers: [{ ...sample.providers[1], allowedRoles: ['admin'] }] }));
    expect(() => readAgencyIdps(file)).toThrow(/providers\.0\.allowedRoles\.0: an agency provider cannot grant admin/);
  });

  it('declares no provider without a file', () => {
    const bare = stackWith({ providers: [] });
    bare.template.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
    bare.template.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO'] });
  });
});
