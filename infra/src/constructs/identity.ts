import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * The claims the API reads from an ID token (see `identityFromClaims` in @taskforce/api): each
 * a custom attribute, so the token carries them as `custom:<name>`. Users cannot write them;
 * only an administrator sets them. What the organisation is (kind, country) is not a claim: the
 * API reads it from the organisation registry.
 */
export const PRINCIPAL_ATTRIBUTES = {
  /** The organisation id, e.g. `vnm-a05`. */
  org: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
  /** Comma-separated roles, e.g. `officer,duty_contact`. */
  roles: new cognito.StringAttribute({ minLen: 1, maxLen: 256, mutable: true }),
} as const;

export interface IdentityProps {
  deletionProtection: boolean;
}

/**
 * The Cognito user pool that issues the tokens: administrators create users (no self sign-up),
 * MFA is required, passwords are strong, threat protection blocks risky sign-ins.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
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
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes(...custom),
      // The principal's organisation, country and roles are not the user's to change.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
