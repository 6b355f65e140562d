import { swaggerUI } from '@hono/swagger-ui';
import { type Deps, DomainError, organisationRegistry, type RegistryOptions } from '@taskforce/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Authenticator } from './auth';
import { type CursorKeys, cursorSealer } from './cursor';
import type { Env } from './http';
import { jsonLogger, type Logger } from './log';
import { OpenAPIHono } from './openapi';
import { type Problem, problem, problemResponse } from './problem';
import { registerAuditRoutes } from './routes/audit';
import { registerIncidentRoutes } from './routes/incidents';
import { registerNotificationRoutes } from './routes/notifications';
import { registerOrganisationRoutes } from './routes/organisations';
import { registerPolicyRoutes } from './routes/policies';
import { registerPortalRoutes } from './routes/portal';
import { registerRequestRoutes } from './routes/requests';
import { registerTaskRoutes } from './routes/tasks';
import { registerWorkspaceRoutes } from './routes/workspaces';

export interface AppOptions {
  deps: Deps;
  auth: Authenticator;
  /** The deployment's keys that seal list cursors (see cursor.ts); required, so that no list hands out a raw store key. */
  cursorKeys: CursorKeys;
  logger?: Logger;
  /** Extra routes mounted before authentication, e.g. the local runtime's dev login. */
  extend?: (app: OpenAPIHono<Env>) => void;
  /** How long this process trusts what it read of an organisation (default a minute). */
  registry?: RegistryOptions;
}

const TARGET_NAMES: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };

export const createApp = ({ deps, auth, cursorKeys, logger = jsonLogger(), extend, registry: registryOptions }: AppOptions) => {
  // One per warm process: the principal's kind and country come from here, never from the token.
  const registry = organisationRegistry((id) => deps.store.get({ kind: 'organisation', id }), registryOptions);
  const respond = (c: { get(k: 'requestId'): string }, p: Problem, headers: Record<string, string> = {}) =>
    problemResponse({ ...p, requestId: c.get('requestId') }, { 'X-Request-Id': c.get('requestId'), ...headers });
  // The clock is read when a cursor is sealed or opened, not now: some callers build the app before their deps are complete.
  const sealer = cursorSealer(cursorKeys, { now: () => deps.clock.now() });
  // A cursor is the caller's own: bound to the organisation and subject the token names, and to the list.
  const binding = (c: Context<Env>, list: string) => {
    const p = c.get('principal');
    return JSON.stringify([p?.orgId ?? '', p?.sub ?? '', list]);
  };
  const app = new OpenAPIHono<Env>({
    cursors: {
      seal: (c, list, next) => sealer.seal(next, binding(c, list)),
      open: (c, list, cursor) => sealer.open(cursor, binding(c, list)),
    },
    onInvalid: (target, issues, c) => {
      const where = TARGET_NAMES[target] ?? target;
      const errors = issues.map((i) => ({
        field: where === 'header' ? String(i.path[0] ?? 'header') : [where, ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      const first = errors[0]!;
      return respond(c, problem('validation', `${first.field}: ${first.message}`, { errors }));
    },
  });

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      org: c.get('principal')?.orgId,
    });
  });

  app.get('/health', (c) => c.json({ ok: true }));
  let document: Record<string, unknown> | undefined;
  // Built on first request, not at cold start: the document is for people, the routes are for traffic.
  app.get('/openapi.json', (c) => {
    document ??= app.document({
      openapi: '3.1.0',
      info: {
        title: 'Taskforce API',
        version: '1.0.0',
        description: 'Joint cybercrime investigations across agencies, and data requests to private partners.',
      },
      security: [{ bearer: [] }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    });
    return c.json(document);
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));

  extend?.(app);

  app.use('/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/v1/dev/')) return next();
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!token) throw new DomainError('unauthenticated', 'send Authorization: Bearer <token>');
    c.set('principal', await registry.principalOf(await auth.verify(token)));
    return next();
  });

  registerOrganisationRoutes(app, deps);
  registerWorkspaceRoutes(app, deps);
  registerTaskRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerPolicyRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerIncidentRoutes(app, deps);
  registerNotificationRoutes(app, deps);

  app.notFound((c) => problemResponse(problem('not_found', `no route ${c.req.method} ${c.req.path}`, { requestId: c.get('requestId') })));
  app.onError((err, c) => {
    const rid = c.get('requestId');
    if (err instanceof DomainError) {
      const p = problem(err.code, err.message, {
        requestId: rid,
        ...(err.field ? { errors: [{ field: err.field, message: err.message }] } : {}),
      });
      return problemResponse(p, err.code === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : {});
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse({ ...problem('validation', err.message, { requestId: rid }), status: err.status });
    }
    logger.error('unhandled error', {
      requestId: rid,
      error: err instanceof Error ? err.name : 'unknown',
      message: err instanceof Error ? err.message : String(err),
    });
    return problemResponse(problem('internal', 'something went wrong; quote the request id', { requestId: rid }));
  });

  return app;
};

export type App = ReturnType<typeof createApp>;
