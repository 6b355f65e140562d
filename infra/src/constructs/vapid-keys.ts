import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface VapidKeySecretProps {
  /** The contact push services may write to about this deployment's pushes (`mailto:` or https). */
  subject: string;
  /** Keep the secret when the stack goes (every browser's subscription is bound to its public key). */
  retain: boolean;
}

/**
 * The VAPID keys web pushes are signed with (packages/messaging/src/channels/push.ts): a Secrets
 * Manager secret. No service generates a P-256 pair, so the stack creates it holding only the
 * subject, and the first function that needs the keys makes a pair and writes it as one fixed
 * version (functions/src/vapid-keys.ts); every later read finds it. Read at run time on the first
 * push or key request, not at deploy time: the pair does not exist when CloudFormation resolves.
 */
export class VapidKeySecret extends Construct {
  readonly secret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: VapidKeySecretProps) {
    super(scope, id);
    if (!/^(mailto:|https:\/\/)/.test(props.subject))
      throw new Error(`the VAPID subject must be a mailto: or https: URL, not ${props.subject}`);
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Taskforce: the VAPID key pair web pushes are signed with (written by the first function that needs it)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ subject: props.subject }),
        generateStringKey: 'pending',
        passwordLength: 16,
        excludePunctuation: true,
      },
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }

  /** What a function that pushes is told: where the keys are. */
  get environment(): Record<string, string> {
    return { VAPID_SECRET_ARN: this.secret.secretArn };
  }

  /** Read the keys, and write the first pair (PutSecretValue: a new version only; no delete, no rotation, no other secret). */
  grantUse(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
        resources: [this.secret.secretArn],
      }),
    );
  }
}
