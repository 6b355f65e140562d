import { fileURLToPath } from 'node:url';
import { createApp, docsFromDirectory, jwtAuthenticator } from '@taskforce/api';
import { handle } from 'hono/aws-lambda';
import { apiDeps, cursorKeysFromEnv } from './api-deps';
import { jwtFromEnv, lambda, log } from './runtime';

/** HTTP API → the Hono app; tokens are verified here too, not only by the API's JWT authorizer. */
// Swagger UI's files lie beside the bundle (copied there by infra's bundler), read on the first /docs request.
const docs = docsFromDirectory(fileURLToPath(new URL('./swagger-ui/', import.meta.url)));
const app = createApp({ deps: apiDeps(), auth: jwtAuthenticator(jwtFromEnv()), cursorKeys: cursorKeysFromEnv(), logger: log, docs });
export const handler = lambda(handle(app));
