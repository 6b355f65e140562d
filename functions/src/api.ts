import { createApp, jwtAuthenticator } from '@taskforce/api';
import { handle } from 'hono/aws-lambda';
import { jwtFromEnv, lambda, log, storeDeps } from './runtime';

/** HTTP API → the Hono app; tokens are verified here too, not only by the API's JWT authorizer. */
const app = createApp({ deps: storeDeps(), auth: jwtAuthenticator(jwtFromEnv()), logger: log });
export const handler = lambda(handle(app));
