import { createApp } from '@taskforce/api';
import { handle } from 'hono/aws-lambda';
import { apiOptions } from './api-deps';
import { lambda } from './runtime';

/** HTTP API → the Hono app. */
export const handler = lambda(handle(createApp(apiOptions())));
