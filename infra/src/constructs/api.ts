import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiProps {
  /** The investigation's routes: every path but those below. */
  handler: lambda.IFunction;
  /** People's routes (`PEOPLE_PATHS`): user administration, rosters, one's contact methods, the calendar address. */
  people: lambda.IFunction;
  /** Exchange with threat-intelligence tools (`EXCHANGE_PATHS`): the TAXII server, STIX bundle import. */
  exchange: lambda.IFunction;
  /** The console's sign-in (`/auth/*`): public routes, since the person has no token yet; the session cookie is theirs. */
  signIn: lambda.IFunction;
  jwt: { issuer: string; audience: string };
  /** Steady-state requests per second and burst for the whole stage. */
  throttle?: { rateLimit: number; burstLimit: number };
}

/** Fields of each access log line (JSON); no query strings or headers, which may carry selectors. */
const ACCESS_LOG = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  // The route, not the path: an acknowledge link's path carries its secret, and no log may keep it.
  route: '$context.routeKey',
  status: '$context.status',
  latencyMs: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
  org: '$context.authorizer.claims.custom:org',
};

/** The path of the console's sign-in routes (functions/src/auth.ts), under the console's origin through CloudFront. */
const SIGN_IN_PATH = '/auth/{proxy+}';
/** The acknowledge link's page (the same function): public too, the link is what authorises its one action. */
const ACK_PATH = '/ack/{proxy+}';
/**
 * The paths of the people function's routes (packages/api/src/routes/people.ts), behind the JWT
 * authorizer. `/v1/me` itself stays with the API function (organisations.ts); `{proxy+}` needs a segment.
 */
export const PEOPLE_PATHS = [
  '/v1/admin/users',
  '/v1/admin/users/{proxy+}',
  '/v1/me/{proxy+}',
  '/v1/organisations/{orgId}/rosters',
  '/v1/organisations/{orgId}/rosters/{proxy+}',
  '/v1/organisations/{orgId}/duty-contacts',
] as const;
/**
 * The paths of the exchange function's routes (packages/api/src/routes/exchange.ts), behind the
 * JWT authorizer: the TAXII 2.1 server and STIX bundle import into a workspace.
 */
export const EXCHANGE_PATHS = [
  '/taxii2',
  '/taxii2/{proxy+}',
  '/v1/workspaces/{workspaceId}/stix-imports',
  '/v1/workspaces/{workspaceId}/stix-imports/{proxy+}',
] as const;
/** The secret calendar address (people function): no token, the secret is the credential. */
export const CALENDAR_PATH = '/v1/calendar/{proxy+}';

/**
 * The HTTP API: every route behind the Cognito JWT authorizer (ID tokens of the app client),
 * people's paths to the people function (and the calendar address, without a token), all other paths to the API function, but `/auth/*`, the console's sign-in, which takes no token (it
 * is how a person gets one), and `/ack/*`, the acknowledge link a paged person opens from a
 * message, which go to the auth function; JSON access logs, stage throttling.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const authorizer = new HttpJwtAuthorizer('Cognito', props.jwt.issuer, {
      jwtAudience: [props.jwt.audience],
      identitySource: ['$request.header.Authorization'],
    });
    this.httpApi = new apigw.HttpApi(this, 'Http', {
      description: 'Taskforce API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
    });
    this.httpApi.addRoutes({
      path: '/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Api', props.handler, { timeout: Duration.seconds(29) }),
    });
    const people = new HttpLambdaIntegration('People', props.people, { timeout: Duration.seconds(29) });
    for (const path of PEOPLE_PATHS) this.httpApi.addRoutes({ path, methods: [apigw.HttpMethod.ANY], integration: people });
    const exchange = new HttpLambdaIntegration('Exchange', props.exchange, { timeout: Duration.seconds(29) });
    for (const path of EXCHANGE_PATHS) this.httpApi.addRoutes({ path, methods: [apigw.HttpMethod.ANY], integration: exchange });
    this.httpApi.addRoutes({
      path: CALENDAR_PATH,
      methods: [apigw.HttpMethod.GET],
      integration: people,
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
    const signIn = new HttpLambdaIntegration('SignIn', props.signIn, { timeout: Duration.seconds(15) });
    for (const path of [SIGN_IN_PATH, ACK_PATH])
      this.httpApi.addRoutes({
        path,
        methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
        integration: signIn,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG)),
      },
    });
  }

  get url(): string {
    return this.stage.url;
  }
}
