import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { getRequestListener, type ServerType } from '@hono/node-server';
import { type App, createApp, docsFromDirectory, generateCursorKeys, jwtAuthenticator, type Logger } from '@taskforce/api';
import type { Deps } from '@taskforce/core';
import { consoleHandler, isApiPath } from '../console';
import { loadOrCreateCursorKeys } from '../cursor-keys';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '../dev-keys';
import { OIDC_PATH } from '../oidc/provider';
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
  identity: Pick<Awaited<ReturnType<typeof devTokens>>, 'jwks' | 'routes'> & {
    /** The local OpenID Connect provider's issuer, whose tokens the API takes as it takes `pnpm token`'s (same key). */
    issuer?: string;
    /** The console's session routes (/auth/*). */
    session?: (a: App) => void;
    /** Routes only the local runtime has beside the API (/local/*: where its channels answer, the SMS sink's messages). */
    local?: (a: App) => void;
  },
  opts: Pick<RuntimeOptions, 'cursorKeys' | 'inMemory'>,
): App =>
  createApp({
    deps,
    logger,
    cursorKeys: opts.cursorKeys ?? (opts.inMemory ? generateCursorKeys() : loadOrCreateCursorKeys()),
    // Swagger UI from the pinned package in node_modules: /docs needs no network.
    docs: docsFromDirectory(dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))),
    auth: jwtAuthenticator({
      issuer: identity.issuer ? [LOCAL_ISSUER, identity.issuer] : LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwks: identity.jwks,
    }),
    extend: (a) => {
      identity.routes(a);
      identity.session?.(a);
      identity.local?.(a);
    },
  });

/** What the server serves, set once it listens (the provider's issuer and the console's callback name its port). */
export interface Served {
  app: App;
  /** The local OpenID Connect provider, under /oidc. */
  oidc?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/** The console's session routes and the acknowledge link's page, answered by the API app beside `/v1`. */
const isSessionPath = (path: string) => path.startsWith('/auth/') || path.startsWith('/ack/');

/** The client's address: the socket's (the local server is reached directly, never through a proxy). */
export const clientAddress = (c: { env?: unknown }): string => {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
};

/**
 * Serves on 127.0.0.1: the API, the local OpenID Connect provider under /oidc, and a built console
 * at `/` beside them, if given. It listens first; `serve` says what it serves.
 */
export async function startServer(
  opts: Pick<RuntimeOptions, 'port' | 'consoleDir'> & { objectsOrigin?: string },
): Promise<{ url: string; serve(what: Served): void; close(): Promise<void> }> {
  let served: Served | undefined;
  const server: ServerType = await new Promise((resolve) => {
    // The console sends evidence parts straight to the object engine's presigned links.
    const web = opts.consoleDir ? consoleHandler(opts.consoleDir, opts.objectsOrigin ? [opts.objectsOrigin] : []) : undefined;
    const fetch = (req: Request, env: unknown) => {
      if (!served) return new Response('starting', { status: 503, headers: { 'Retry-After': '1' } });
      const path = new URL(req.url).pathname;
      return !web || isApiPath(path) || isSessionPath(path) ? served.app.fetch(req, env) : web(req);
    };
    const listener = getRequestListener(fetch);
    const s = createServer((req, res) => {
      const path = req.url ?? '/';
      if (served?.oidc && (path === OIDC_PATH || path.startsWith(`${OIDC_PATH}/`))) {
        served.oidc(req, res).catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
        return;
      }
      void listener(req, res);
    });
    s.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
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
    serve: (what) => {
      served = what;
    },
    close: () => closeServer(server),
  };
}
