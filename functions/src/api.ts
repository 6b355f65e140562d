import { appServing } from '@taskforce/api';
import { INVESTIGATION_ROUTES } from '@taskforce/api/investigation';
import { handle } from 'hono/aws-lambda';
import { apiOptions } from './api-deps';
import { withLogContext } from './env';

/** HTTP API → the Hono app: the investigation's routes (the people function serves the rest: infra/src/constructs/api.ts). */
export const handler = withLogContext(handle(appServing(apiOptions(), INVESTIGATION_ROUTES)));
