import type { AgencyIdp } from '@taskforce/core/federation';
import { Aws, Duration, Fn, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/**
 * The claims the API reads from an ID token (see `identityFromClaims` in @taskforce/api): each
 * a custom attribute, so the token carries them as `custom:<name>`. Users cannot write them;
 * only an administrator sets them. What the organisation is (kind, country) is not a claim: the
 * API reads it from the organisation registry.
 */
const PRINCIPAL_ATTRIBUTES = {
  /** The organisation id, e.g. `vnm-a05`. */
  org: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
  /** Comma-separated roles, e.g. `officer,duty_contact`. */
  roles: new cognito.StringAttribute({ minLen: 1, maxLen: 256, mutable: true }),
} as const;

/** What the console asks for at sign-in: an ID token (openid) with the user's e-mail and name. */
const CONSOLE_SCOPES = [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];

export interface IdentityProps {
  deletionProtection: boolean;
  /** The console's origin on CloudFront (`https://<distribution domain>`): sign-in returns to its `/auth/callback`, sign-out to its root. */
  consoleOrigin: string;
  /**
   * The hosted UI's domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique in the
   * region. Default: `taskforce-` and the stack's own UUID, unique without naming the account.
   */
  domainPrefix?: string;
  /** Agencies' own identity providers (infra/agency-idps.json, read by `readAgencyIdps`). */
  agencyIdps?: AgencyIdp[];
}

/**
 * How long a refresh token lives. A user disabled at their agency's identity provider is not
 * known to Cognito until they next go through it, and a refresh does not: so this bounds how long a
 * leaver keeps access (plus the hour of the last ID token). Disabling in the console is at once.
 */
const REFRESH_TOKEN_VALIDITY = Duration.hours(8);
/** How long an ID or access token lives: what remains of a session after it is revoked. */
const TOKEN_VALIDITY = Duration.hours(1);

/** One agency provider on the pool: its claims (OIDC) or attributes (SAML) mapped to e-mail, name and `custom:roles`. */
const declareProvider = (scope: Construct, userPool: cognito.IUserPool, p: AgencyIdp): cognito.IUserPoolIdentityProvider => {
  const attributeMapping: cognito.AttributeMapping = {
    email: cognito.ProviderAttribute.other(p.claims.email),
    ...(p.claims.name ? { fullname: cognito.ProviderAttribute.other(p.claims.name) } : {}),
    // The organisation is never mapped: the pre-token trigger sets it from this provider's entry.
    custom: { 'custom:roles': cognito.ProviderAttribute.other(p.claims.roles) },
  };
  const id = `Idp${p.name.replace(/[^A-Za-z0-9]/g, '')}`;
  if (p.type === 'OIDC') {
    return new cognito.UserPoolIdentityProviderOidc(scope, id, {
      userPool,
      name: p.name,
      issuerUrl: p.issuer,
      clientId: p.clientId,
      // A CloudFormation dynamic reference: the secret is resolved at deploy time, never in the template.
      clientSecret: SecretValue.secretsManager(p.clientSecretArn).unsafeUnwrap(),
      scopes: p.scopes ?? ['openid', 'email', 'profile'],
      attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
      attributeMapping,
    });
  }
  return new cognito.UserPoolIdentityProviderSaml(scope, id, {
    userPool,
    name: p.name,
    metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(p.metadataUrl),
    idpSignout: true,
    attributeMapping,
  });
};

/**
 * The Cognito user pool that issues the tokens: administrators create users (no self sign-up),
 * MFA is required, passwords are strong, threat protection blocks risky sign-ins. The console
 * signs in through its backend-for-frontend (`/auth/*` on its own origin, functions/src/auth.ts):
 * the authorization code flow with PKCE by a confidential client (its secret stays with Cognito
 * and that function; no implicit flow), returning only to the console's own `/auth/callback`.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** The hosted UI's host name, `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly hostedUiDomain: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` */
  readonly issuer: string;
  /** The agencies' providers declared on the pool, by name. */
  readonly agencyProviders: cognito.IUserPoolIdentityProvider[];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: PRINCIPAL_ATTRIBUTES,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: props.deletionProtection,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    const agencies = props.agencyIdps ?? [];
    this.agencyProviders = agencies.map((p) => declareProvider(this, this.userPool, p));

    const custom = Object.keys(PRINCIPAL_ATTRIBUTES);
    this.client = this.userPool.addClient('Client', {
      authFlows: { userSrp: true, userPassword: true },
      generateSecret: true,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: CONSOLE_SCOPES,
        callbackUrls: [`${props.consoleOrigin}/auth/callback`],
        logoutUrls: [`${props.consoleOrigin}/`],
      },
      supportedIdentityProviders: [
        cognito.UserPoolClientIdentityProvider.COGNITO,
        ...agencies.map((p) => cognito.UserPoolClientIdentityProvider.custom(p.name)),
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: TOKEN_VALIDITY,
      accessTokenValidity: TOKEN_VALIDITY,
      refreshTokenValidity: REFRESH_TOKEN_VALIDITY,
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes(...custom),
      // The principal's organisation, country and roles are not the user's to change.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    // The client names the providers: it must be made after them.
    for (const provider of this.agencyProviders) this.client.node.addDependency(provider);

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `taskforce-${Fn.select(2, Fn.split('/', Aws.STACK_ID))}` },
    });
    this.hostedUiDomain = `${this.domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }

  /** Runs before every token is issued: holds a federated user to its provider's organisation and allowed roles. */
  usePreTokenTrigger(fn: lambda.IFunction): void {
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION, fn);
  }
}
