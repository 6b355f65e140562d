import { CommitConflict, type Deps, DomainError, organisationRegistry, type RegistryOptions } from '@taskforce/core';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { matchedRoutes } from 'hono/route';
import type * as z from 'zod/mini';
import type { Authenticator } from './auth';
import { type CursorKeys, cursorSealer } from './cursor';
import { type DocsAssets, registerDocs } from './docs';
import { type Env, idempotencyKeyCheck } from './http';
import { createLogger, type Logger } from './log';
import { OpenAPIHono } from './openapi';
import { BUSY_RETRY_AFTER_SECONDS, MAX_LISTED_ERRORS, type Problem, problem, problemResponse } from './problem';
import type { RouteSet } from './routes/set';
import { bodyErrorResponses } from './schemas';
import { isUnavailable, unavailableResponse } from './unavailable';

export interface AppOptions {
  deps: Deps;
  auth: Authenticator;
  /** The deployment's keys that seal list cursors (see cursor.ts); required, so that no list hands out a raw store key. */
  cursorKeys: CursorKeys;
  logger?: Logger;
  /** Swagger UI's files for `/docs` (e.g. `docsFromDirectory(...)`); without them `/docs` is a 404. */
  docs?: DocsAssets;
  /** Extra routes mounted before authentication, e.g. the local runtime's dev login. */
  extend?: (app: OpenAPIHono<Env>) => void;
  /** How long this process trusts what it read of an organisation (default a minute). */
  registry?: RegistryOptions;
}

const TARGET_NAMES: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header' };
/** `idempotency-key` → `Idempotency-Key`: headers are named as the API documents them. */
const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, dash: string, ch: string) => dash + ch.toUpperCase());

const depth = (issues: z.core.$ZodIssue[]) => Math.max(...issues.map((i) => i.path.length));

/**
 * The issues that name the offending fields: an unknown field is named itself, not the object
 * holding it; a value that fits no branch of a union is explained by the branch it came closest
 * to (whose issues lie deepest), e.g. `releasableTo.0` rather than `releasableTo`.
 */
const leafIssues = (issues: z.core.$ZodIssue[], at: PropertyKey[] = []): { path: PropertyKey[]; message: string }[] =>
  issues.flatMap((i) => {
    const path = [...at, ...i.path];
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...path, k], message: 'is not a field of this request' }));
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const closest = i.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      if (closest.length > 0 && depth(closest) > 0) return leafIssues(closest, path);
    }
    return [{ path, message: i.message }];
  });

/** Each offending field of a failed validation, named from the request's top (`body.legalBasis.text`, `path.workspaceId`). */
const fieldErrors = (target: string, issues: z.core.$ZodIssue[]) => {
  const where = TARGET_NAMES[target] ?? target;
  const name = (path: PropertyKey[]) =>
    where === 'header' ? headerName(String(path[0] ?? 'header')) : [where, ...path.map(String)].join('.');
  return leafIssues(issues).map((i) => ({ field: name(i.path), message: i.message }));
};

/**
 * What a caller whose organisation is unregistered or suspended hears, on every route, before
 * any input is read: 404 where the path names a record (it has a path parameter: a workspace, a
 * request, a job, a country's policy…), or names no route; 403 only on a route whose path names
 * none (`/v1/me`, `GET /v1/workspaces`, `POST /v1/workspaces`, `GET /v1/portal/requests`…). So it
 * learns that its organisation is refused, and nothing of any record: as for every caller, a
 * record it may not see is a 404, whether or not it exists.
 */
const refusal = (c: Context<Env>, reason: string): DomainError => {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL');
  return route && !route.path.includes(':')
    ? new DomainError('forbidden', reason)
    : new DomainError('not_found', `not found: ${reason}, and sees no record`);
};

/**
 * The app serving one set of routes (`INVESTIGATION_ROUTES` in the API function,
 * `PEOPLE_ROUTES` in the people function, every route in `createApp`). Its `/openapi.json`
 * always describes every route of the platform, whichever set it serves.
 */
export const appServing = (options: AppOptions, routes: RouteSet) => {
  const { deps, auth, cursorKeys, logger = createLogger(), docs, extend, registry: registryOptions } = options;
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
      const all = fieldErrors(target, issues);
      const first = all[0]!;
      const omitted = all.length - MAX_LISTED_ERRORS;
      const detail = `${first.field}: ${first.message}${all.length > 1 ? ` (and ${all.length - 1} more)` : ''}`;
      return respond(
        c,
        problem('validation', detail, { errors: all.slice(0, MAX_LISTED_ERRORS), ...(omitted > 0 ? { errorsOmitted: omitted } : {}) }),
      );
    },
    onReject: (r, c) =>
      respond(
        c,
        problem(r.status === 413 ? 'too_large' : 'unsupported_media_type', `${r.field}: ${r.message}`, {
          errors: [{ field: r.field, message: r.message }],
        }),
      ),
    bodyResponses: bodyErrorResponses,
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
  // Built on first request, not at cold start: the document is for people, the routes are for
  // traffic. Its builder is a module of its own, split out of a function's bundle (infra/src/bundle.ts).
  app.get('/openapi.json', async (c) => {
    if (!document) {
      const [{ openApiDocument }, all] = await Promise.all([import('./document'), import('./routes/all')]);
      document = openApiDocument(routes === all.ALL_ROUTES ? app : appServing(options, all.ALL_ROUTES), {
        openapi: '3.1.0',
        info: {
          title: 'Taskforce API',
          version: '1.0.0',
          description: 'Joint cybercrime investigations across agencies, and data requests to private partners.',
        },
        security: [{ bearer: [] }],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      });
    }
    return c.json(document);
  });
  registerDocs(app, docs, (detail) => problemResponse(problem('not_found', detail)));

  // Before any route, the local runtime's own included.
  app.use('/v1/*', idempotencyKeyCheck);

  extend?.(app);

  // Routes whose credential is not a bearer token (the secret calendar address: a calendar application sends none).
  for (const r of routes.public) app.route('/', r(deps));

  // The REST API and the TAXII server (routes/taxii.ts) take the same bearer tokens.
  const authenticate: MiddlewareHandler<Env> = async (c, next) => {
    if (c.req.path.startsWith('/v1/dev/')) return next();
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!token) throw new DomainError('unauthenticated', 'send Authorization: Bearer <token>');
    const identity = await auth.verify(token);
    try {
      c.set('principal', await registry.principalOf(identity));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'forbidden') throw refusal(c, err.message);
      throw err;
    }
    return next();
  };
  app.use('/v1/*', authenticate);
  app.use('/taxii2/*', authenticate);

  // One sub-app per feature, after authentication: each answers with this app's hooks (validation, cursors).
  for (const r of routes.authenticated) app.route('/', r(deps));

  app.notFound((c) => problemResponse(problem('not_found', `no route ${c.req.method} ${c.req.path}`, { requestId: c.get('requestId') })));
  app.onError((err, c) => {
    const rid = c.get('requestId');
    if (err instanceof DomainError) {
      const p = problem(err.code, err.message, {
        requestId: rid,
        ...(err.field ? { errors: [{ field: err.field, message: err.message }] } : {}),
      });
      if (err.code === 'unavailable') {
        // Contention that outlasted the runner's retries: worth retrying shortly, never a 500.
        logger.warn('command gave up under contention', { requestId: rid, reason: 'contention' });
        return problemResponse(p, { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) });
      }
      return problemResponse(p, err.code === 'unauthenticated' ? { 'WWW-Authenticate': 'Bearer' } : {});
    }
    if (err instanceof CommitConflict) {
      // A command that lost every race for its chain (or its Idempotency-Key) is worth retrying
      // shortly; any other conflict that escaped the runner is a change that no longer applies.
      if (err.reason === 'contention' || err.reason === 'idempotency') {
        logger.warn('command gave up under contention', { requestId: rid, reason: err.reason });
        return problemResponse(
          problem('busy', 'too many concurrent changes to the same records; retry after the Retry-After delay', { requestId: rid }),
          { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
        );
      }
      return problemResponse(problem('conflict', 'the records changed while the command ran; read them again', { requestId: rid }));
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse({ ...problem('validation', err.message, { requestId: rid }), status: err.status });
    }
    if (isUnavailable(err)) return unavailableResponse(logger, rid, err);
    logger.error('unhandled error', {
      requestId: rid,
      error: err instanceof Error ? err.name : 'unknown',
      message: err instanceof Error ? err.message : String(err),
    });
    return problemResponse(problem('internal', 'something went wrong; quote the request id', { requestId: rid }));
  });

  return app;
};

export type App = ReturnType<typeof appServing>;
