import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
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
export const CONSOLE_SCOPES = [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];

export interface IdentityProps {
  deletionProtection: boolean;
  /** Where the hosted UI returns after sign-in and sign-out: the console's root on CloudFront. */
  consoleRedirectUri: string;
  /**
   * The hosted UI's domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique in the
   * region. Default: `taskforce-` and the stack's own UUID, unique without naming the account.
   */
  domainPrefix?: string;
}

/**
 * The Cognito user pool that issues the tokens: administrators create users (no self sign-up),
 * MFA is required, passwords are strong, threat protection blocks risky sign-ins. The console
 * signs in through the hosted UI with the authorization code flow and PKCE (a public client: no
 * secret, no implicit flow), returning only to the console's own URL.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** The hosted UI's host name, `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly hostedUiDomain: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` */
  readonly issuer: string;

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

    const custom = Object.keys(PRINCIPAL_ATTRIBUTES);
    this.client = this.userPool.addClient('Client', {
      authFlows: { userSrp: true, userPassword: true },
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: CONSOLE_SCOPES,
        callbackUrls: [props.consoleRedirectUri],
        logoutUrls: [props.consoleRedirectUri],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes(...custom),
      // The principal's organisation, country and roles are not the user's to change.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `taskforce-${Fn.select(2, Fn.split('/', Aws.STACK_ID))}` },
    });
    this.hostedUiDomain = `${this.domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
