import { createApp } from '@taskforce/api';
import { handle } from 'hono/aws-lambda';
import { apiOptions } from './api-deps';
import { withLogContext } from './env';

/** HTTP API → the Hono app. */
export const handler = withLogContext(handle(createApp(apiOptions())));
