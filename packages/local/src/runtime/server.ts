import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { type App, createApp, docsFromDirectory, generateCursorKeys, jwtAuthenticator, type Logger } from '@taskforce/api';
import type { Deps } from '@taskforce/core';
import { consoleHandler, isApiPath } from '../console';
import { loadOrCreateCursorKeys } from '../cursor-keys';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../dev-keys';
import type { devTokens } from './dev-token';
import type { RuntimeOptions } from './options';

/** How long the server keeps an idle keep-alive connection open (see where it is set). */
const KEEP_ALIVE_MS = 65_000;

/** How long requests in flight are given to finish when the server closes before their connections are cut. */
const CLOSE_GRACE_MS = 1_500;

/**
 * Stops taking connections and closes each open one as soon as it is idle: a client that keeps
 * its connection alive (for up to `KEEP_ALIVE_MS`) would otherwise hold the close open, and one
 * that keeps sending requests would hold it forever. A request still in flight after the grace
 * period (one waiting on an engine that died) has its connection cut; its client retries it.
 */
const closeServer = (server: ServerType): Promise<void> =>
  new Promise<void>((resolve) => {
    const http = 'closeIdleConnections' in server ? server : undefined;
    const idle = setInterval(() => http?.closeIdleConnections(), 100);
    const cut = setTimeout(() => http?.closeAllConnections(), CLOSE_GRACE_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    http?.closeIdleConnections();
  });

/** The same API app the Lambda serves, with the local identity's tokens and routes. */
export const localApp = (
  deps: Deps,
  logger: Logger,
  identity: Pick<Awaited<ReturnType<typeof devTokens>>, 'jwks' | 'routes'>,
  opts: Pick<RuntimeOptions, 'cursorKeys' | 'inMemory'>,
): App =>
  createApp({
    deps,
    logger,
    cursorKeys: opts.cursorKeys ?? (opts.inMemory ? generateCursorKeys() : loadOrCreateCursorKeys()),
    // Swagger UI from the pinned package in node_modules: /docs needs no network.
    docs: docsFromDirectory(dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))),
    auth: jwtAuthenticator({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks: identity.jwks }),
    extend: identity.routes,
  });

/** Serves the app on 127.0.0.1 (and a built console at `/` beside the API, if given). */
export async function startServer(
  app: App,
  opts: Pick<RuntimeOptions, 'port' | 'consoleDir'>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const web = opts.consoleDir ? consoleHandler(opts.consoleDir) : undefined;
    const fetch = web ? (req: Request) => (isApiPath(new URL(req.url).pathname) ? app.fetch(req) : web(req)) : app.fetch;
    const s = serve({ fetch, port: opts.port ?? 0, hostname: '127.0.0.1' }, () => resolve(s));
    // Node closes an idle keep-alive connection after 5 s. A client that picks that connection for
    // its next request as the server closes it (a busy event loop widens the window) gets
    // ECONNRESET for a request that never arrived. Idle connections are left to the client to close
    // (it is told the server's timeout and closes a second before it), as behind a load balancer.
    if ('keepAliveTimeout' in s) {
      s.keepAliveTimeout = KEEP_ALIVE_MS;
      s.headersTimeout = KEEP_ALIVE_MS + 1_000;
    }
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => closeServer(server),
  };
}
