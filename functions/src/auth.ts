/**
 * The console's sign-in on AWS: the backend-for-frontend (`sessionRoutes`, packages/api/src/session,
 * as the local runtime mounts it) under `/auth/*` of the console's own origin (CloudFront → the HTTP
 * API → this function), a function of its own beside the API's so the API's cold start does not
 * carry an OAuth client (functions/test/bundles.int.test.ts) and so only it reads the app client's
 * secret. Against the Cognito user pool as a confidential client:
 * - the secret is read from the pool's app client (DescribeUserPoolClient) on the first sign-in of
 *   a warm process and kept in its memory only: never in the environment, the template or a log;
 * - sessions live in the platform's table (`DynamoSessions`), as locally;
 * - the page is handed the ID token (Cognito's carries the organisation and roles the API reads);
 * - signing out ends every session of the person here, revokes their refresh token, signs them out
 *   of every device at Cognito (AdminUserGlobalSignOut) and returns through Cognito's /logout;
 * - "Sign in with your agency": `/auth/login?idp=<name>` for a provider `AGENCY_PROVIDERS` lists.
 * It also serves the acknowledge link's page (`ackRoutes`, packages/api/src/session/ack.ts) under
 * `/ack/*`: public as the sign-in is, the person paged acting through the link alone; its requests
 * count per client address in the table (`DynamoRateCounter`), the address being the viewer's as
 * CloudFront saw it (`viewerAddress`).
 * Errors are problem+json, as the API's; nothing a client sends answers a 500.
 * Environment: `TABLE_NAME`, `JWT_ISSUER`, `JWT_AUDIENCE` (the app client), `USER_POOL_ID`,
 * `CONSOLE_ORIGIN` (`https://<distribution domain>`), `COGNITO_DOMAIN` (the hosted UI's host name),
 * `AGENCY_PROVIDERS` (names, comma-separated).
 */
import { DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { problem, problemResponse } from '@taskforce/api';
import { type AckRateLimiter, ackRoutes } from '@taskforce/api/ack';
import { type SessionStore, sessionRoutes } from '@taskforce/api/session';
import { type AckLinkDeps, DomainError } from '@taskforce/core';
import { createDynamoClient, DynamoRateCounter, DynamoSessions, documentClient } from '@taskforce/dynamo';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { type CognitoUserAdmin, cognitoUsers } from './cognito-users';
import { log, required, tableDeps, withLogContext } from './env';
import { viewerAddress } from './viewer-address';

/** The roles an ID token names (`custom:roles`, comma-separated); it was verified when the session began. */
export const rolesOfIdToken = (token: string): string[] => {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const raw = claims['custom:roles'];
    return typeof raw === 'string' ? raw.split(',').map((r) => r.trim()) : [];
  } catch {
    return [];
  }
};

export interface AuthOptions {
  env: NodeJS.ProcessEnv;
  users: CognitoUserAdmin;
  store: SessionStore;
  /** The app client's secret (default: read from the pool's app client, once per warm process). */
  clientSecret?: () => Promise<string>;
  /** The acknowledge link's page: the table and the user pool it acts through, and its rate counter. */
  ack: { deps: AckLinkDeps; limiter: AckRateLimiter };
}

/** The app client's secret, as Cognito holds it: asked once per warm process, again after a failure. */
const secretOf = (users: CognitoUserAdmin, userPoolId: string, clientId: string) => {
  let secret: Promise<string> | undefined;
  return () => {
    secret ??= users.client
      .send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))
      .then((out) => {
        const s = out.UserPoolClient?.ClientSecret;
        if (!s) throw new Error('the console app client has no secret');
        return s;
      })
      .catch((err: unknown) => {
        secret = undefined;
        throw err;
      });
    return secret;
  };
};

export const authApp = ({ env, users, store, clientSecret, ack }: AuthOptions): Hono => {
  const userPoolId = required('USER_POOL_ID', env);
  const clientId = required('JWT_AUDIENCE', env);
  const origin = required('CONSOLE_ORIGIN', env);
  const cognitoDomain = required('COGNITO_DOMAIN', env);
  const app = new Hono();
  sessionRoutes({
    issuer: required('JWT_ISSUER', env),
    clientId,
    clientSecret: clientSecret ?? secretOf(users, userPoolId, clientId),
    origin,
    store,
    now: () => new Date(),
    handOut: 'id_token',
    scopes: ['openid', 'email', 'profile'],
    providers: (env.AGENCY_PROVIDERS ?? '').split(',').filter(Boolean),
    endEverywhere: (sub) => users.signOutEverywhere(sub),
    logoutRedirect: () => `https://${cognitoDomain}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: `${origin}/` })}`,
    rolesOf: rolesOfIdToken,
  })(app);
  ackRoutes({ ...ack, clientAddress: viewerAddress, log: (message, data) => log.warn(message, data) })(app);
  app.notFound((c) => problemResponse(problem('not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((err) => {
    if (err instanceof DomainError)
      return problemResponse(
        problem(err.code, err.message, err.field ? { errors: [{ field: err.field, message: err.message }] } : {}),
        err.code === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : {},
      );
    // The provider or the table did not answer: worth retrying, never a 500 for a client's doing.
    log.error('sign-in failed', { error: err instanceof Error ? err.name : 'unknown' });
    return problemResponse(problem('unavailable', 'the sign-in service is not available; try again shortly'), { 'Retry-After': '5' });
  });
  return app;
};

const users = cognitoUsers(required('USER_POOL_ID'));
const doc = documentClient(createDynamoClient());
export const handler = withLogContext(
  handle(
    authApp({
      env: process.env,
      users,
      store: new DynamoSessions(doc, required('TABLE_NAME')),
      ack: { deps: { ...tableDeps(), users }, limiter: new DynamoRateCounter(doc, required('TABLE_NAME')) },
    }),
  ),
);
