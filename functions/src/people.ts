import { appServing } from '@taskforce/api';
import { PEOPLE_ROUTES } from '@taskforce/api/people';
import { handle } from 'hono/aws-lambda';
import { apiOptions } from './api-deps';
import { withLogContext } from './env';

/** HTTP API → the Hono app: people's routes (user administration, rosters, one's contact methods, the calendar address). */
export const handler = withLogContext(handle(appServing(apiOptions(), PEOPLE_ROUTES)));
