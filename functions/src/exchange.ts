import { appServing } from '@taskforce/api';
import { EXCHANGE_ROUTES } from '@taskforce/api/exchange';
import { handle } from 'hono/aws-lambda';
import { apiOptions } from './api-deps';
import { withLogContext } from './env';

/** HTTP API → the Hono app: exchange with threat-intelligence tools (the TAXII 2.1 server, STIX bundle import). */
export const handler = withLogContext(handle(appServing(apiOptions(), EXCHANGE_ROUTES)));
