import { createApp, jwtAuthenticator } from '@taskforce/api';
import { handle } from 'hono/aws-lambda';
import { apiDeps, cursorKeysFromEnv } from './api-deps';
import { jwtFromEnv, lambda, log } from './runtime';

/** HTTP API → the Hono app; tokens are verified here too, not only by the API's JWT authorizer. */
const app = createApp({ deps: apiDeps(), auth: jwtAuthenticator(jwtFromEnv()), cursorKeys: cursorKeysFromEnv(), logger: log });
export const handler = lambda(handle(app));
