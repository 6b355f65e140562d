/**
 * Routes declared once, with zod schemas, that both validate requests and describe the API as an
 * OpenAPI 3.1 document. Schemas are written with `zod/mini` and documented with zod's own
 * `toJSONSchema`, so a Lambda bundle carries only the parts of zod it uses. (@hono/zod-openapi
 * holds classic zod's whole namespace, which no bundler can tree-shake: 188 KB of a 300 KB budget.)
 *
 * The route shape follows OpenAPI and @hono/zod-openapi: `createRoute({ method, path, request,
 * responses })`, then `app.openapi(route, handler)`; paths use `{param}`.
 *
 * An API is built from sub-apps, one per feature, each an `OpenAPIHono` mounted with `route()`:
 * the parent takes their routes into its document, and a sub-app's routes answer invalid input,
 * refuse bodies and seal cursors with the hooks of the app it is mounted in (unless given its own).
 *
 * Bodies are read here, not by hono's json validator (which validates `{}` when the media type is
 * not JSON): every route's body is capped in size (413), a body sent to a JSON route must say it is
 * JSON (415), malformed JSON is refused as an invalid `body`, and an optional body may be absent.
 * A text body of another declared type (text/csv) must be UTF-8, else it is an invalid `body`.
 */
import { type Context, type Env, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HonoBase } from 'hono/hono-base';
import type { Schema as HonoSchema } from 'hono/types';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { CURSOR_REFUSED } from './cursor';

type Schema = z.core.$ZodType;
export type Content = Record<string, { schema: Schema }>;

export interface RouteConfig {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/v1/workspaces/{workspaceId}`. */
  path: string;
  tags?: string[];
  summary?: string;
  description?: string;
  request?: {
    params?: Schema;
    query?: Schema;
    headers?: Schema;
    /**
     * Only `application/json` bodies are validated; other media types are described, and read by the handler.
     * `maxBytes` caps the body (default {@link JSON_BODY_LIMIT}).
     */
    body?: { content: Content; required?: boolean; description?: string; maxBytes?: number };
  };
  responses: Record<number, { description: string; content?: Content }>;
}

/** Typed identity: keeps the literal types a route's handler infers its input from. */
export const createRoute = <const R extends RouteConfig>(route: R): R => route;

type Req<R extends RouteConfig> = NonNullable<R['request']>;
type None = Record<never, never>;
type Part<T, K extends string> = T extends Schema ? { [P in K]: z.output<T> } : None;
type JsonBody<B> = B extends { content: { 'application/json': { schema: infer S } } } ? Part<S, 'json'> : None;
/** What `c.req.valid(target)` returns in a route's handler: the parsed, defaulted values. */
export type Valid<R extends RouteConfig> = Part<Req<R>['params'], 'param'> &
  Part<Req<R>['query'], 'query'> &
  Part<Req<R>['headers'], 'header'> &
  JsonBody<Req<R>['body']>;

type Target = 'param' | 'query' | 'header' | 'json';
/** Turns a failed validation into the response; the target is named as in the route (`json` is the body). */
type InvalidHook<E extends Env> = (target: Target, issues: z.core.$ZodIssue[], c: Context<E>) => Response;
/** A request refused before its schemas apply: a body over the limit (413) or not in the route's media type (415). */
interface Rejection {
  status: 413 | 415;
  /** `body`, or the header at fault. */
  field: string;
  message: string;
}
type RejectHook<E extends Env> = (rejection: Rejection, c: Context<E>) => Response;

/** The largest body any route takes unless it declares its own `maxBytes`: 256 KiB. */
export const JSON_BODY_LIMIT = 256 * 1024;
/** `application/json` or any `+json` type, parameters (charset) aside. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;

const bodyIssue = (message: string): z.core.$ZodIssue => ({ code: 'custom', path: [], message, input: undefined });

/** Read past before answering 413; a larger body is cut off (its sender sees the connection close). */
const DISCARD_LIMIT = 16 * 1024 * 1024;
/**
 * Reads and drops a refused body, so the 413 reaches a client still sending it: answered
 * unread, the local runtime's Node adapter (which holds the body's stream open once a middleware
 * touched it) resets the connection instead, and the client sees no response at all.
 */
const discardBody = async (req: Request) => {
  if (!req.body || req.body.locked) return;
  const reader = req.body.getReader();
  try {
    for (let read = 0; read <= DISCARD_LIMIT; ) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The sender went away: nothing left to answer.
  }
};

/**
 * How a paged route's cursors cross the API boundary: every route whose query has a `cursor`
 * opens it here before its handler runs, and has the `next` of its page sealed here after. `list`
 * names the list: the route's method and path, its path parameters and its other query
 * parameters (the filters), but not `cursor` or `limit`.
 */
interface CursorHook<E extends Env> {
  seal(c: Context<E>, list: string, next: string): string;
  /** The store's cursor, or undefined when the caller's cursor does not open for this caller and list. */
  open(c: Context<E>, list: string, cursor: string): string | undefined;
}

/** Whether a route's query schema takes a `cursor`, i.e. the route is a paged list. */
const isPaged = (route: RouteConfig): boolean => {
  const def = (route.request?.query as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return !!def?.shape && 'cursor' in def.shape;
};

const sorted = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([k, v]) => v !== undefined && k !== 'cursor' && k !== 'limit')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

export interface OpenAPIOptions<E extends Env> {
  /** Default: the hook of the app this one is mounted in, or a plain JSON 400 naming the target. */
  onInvalid?: InvalidHook<E>;
  /** Default: the hook of the app this one is mounted in; without any, cursors pass as they are. */
  cursors?: CursorHook<E>;
  /** Default: the hook of the app this one is mounted in, or a plain JSON error with the rejection's status. */
  onReject?: RejectHook<E>;
  /** Responses documented on every route that takes a body (e.g. 413), and on those whose body is JSON (e.g. 415). */
  bodyResponses?: { any?: RouteConfig['responses']; json?: RouteConfig['responses'] };
}

/**
 * A route as registered: its path is the one the app serves, so it grows the base path of each
 * `route()` that mounts its app (shared with the route's cursor middleware, whose list it names).
 */
export interface Registered {
  route: RouteConfig;
  path: string;
}

/** `/v1/x/:id` + `/{y}` → `/v1/x/{id}/{y}`: a mount's base path (Hono style) before a route's (OpenAPI style). */
const underBase = (base: string, path: string) => (base.replace(/\/$/, '') + path).replace(/:(\w+)/g, '{$1}');

/** The hooks of an app mounted nowhere, that has none of its own. */
const DEFAULT_HOOKS: OpenAPIOptions<Env> = {
  onInvalid: (target, issues, c) => c.json({ error: `${target}: ${issues[0]?.message}` }, 400),
  onReject: (r, c) => c.json({ error: `${r.field}: ${r.message}` }, r.status),
};

/** A Hono app whose `openapi()` routes validate their input and appear in `document()`, its sub-apps' included. */
export class OpenAPIHono<E extends Env = Env> extends Hono<E> {
  readonly #routes: Registered[] = [];
  /**
   * This app's own hooks, whose prototype holds the hooks of the app it is mounted in (once
   * mounted), else the defaults: a hook it lacks is its parent's. Read per request, since a
   * sub-app is mounted after declaring its routes.
   */
  readonly #hooks: OpenAPIOptions<E>;

  constructor(options: OpenAPIOptions<E> = {}) {
    super();
    this.#hooks = Object.assign(Object.create(DEFAULT_HOOKS), options);
  }

  /**
   * Mounts a sub-app as Hono does; an `OpenAPIHono` sub-app's routes also join this app's
   * document, under the base path, and answer with this app's hooks where it has none of its own.
   * Mount a sub-app once, after declaring its routes (Hono copies the routes it has then).
   */
  override route<
    SubPath extends string,
    SubEnv extends Env,
    SubSchema extends HonoSchema,
    SubBasePath extends string,
    SubCurrentPath extends string,
  >(path: SubPath, app: HonoBase<SubEnv, SubSchema, SubBasePath, SubCurrentPath>) {
    if (app instanceof OpenAPIHono) {
      const sub = app as OpenAPIHono<E>;
      if (Object.getPrototypeOf(sub.#hooks) !== DEFAULT_HOOKS) throw new Error('an OpenAPIHono sub-app is mounted once');
      Object.setPrototypeOf(sub.#hooks, this.#hooks);
      for (const r of sub.#routes) {
        r.path = underBase(path, r.path);
        this.#routes.push(r);
      }
    }
    return super.route(path, app);
  }

  /** Reads, bounds and validates a route's JSON body; a route without one ignores what is sent (within the limit). */
  #body(route: RouteConfig): MiddlewareHandler[] {
    const body = route.request?.body;
    const maxBytes = body?.maxBytes ?? JSON_BODY_LIMIT;
    const limit = bodyLimit({
      maxSize: maxBytes,
      onError: async (c) => {
        await discardBody(c.req.raw);
        return this.#hooks.onReject!({ status: 413, field: 'body', message: `must be at most ${maxBytes} bytes` }, c as Context<E>);
      },
    });
    // A text body (e.g. text/csv) a handler reads itself is UTF-8, or refused as an invalid `body`:
    // decoded leniently, a byte that is not would become U+FFFD and pass for text.
    const checks: MiddlewareHandler[] = [limit];
    if (Object.keys(body?.content ?? {}).some((t) => /^text\//i.test(t))) {
      checks.push(async (c, next) => {
        const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
        if (c.req.raw.body && /^text\//i.test(type)) {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
          } catch {
            return this.#hooks.onInvalid!('json', [bodyIssue('is not UTF-8 text')], c as Context<E>);
          }
        }
        return next();
      });
    }
    const schema = body?.content['application/json']?.schema;
    if (!schema) return checks;
    const required = body?.required ?? false;
    const json: MiddlewareHandler = async (c, next) => {
      const text = c.req.raw.body ? await c.req.text() : '';
      let value: unknown;
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
      // A route that also declares another media type (e.g. text/csv) reads a body of that type itself.
      if (type && !JSON_MEDIA_TYPE.test(type) && Object.keys(body?.content ?? {}).some((t) => t.toLowerCase() === type.toLowerCase())) {
        c.req.addValidatedData('json', {});
        return next();
      }
      if (text.length > 0) {
        if (!JSON_MEDIA_TYPE.test(type)) {
          const message = `the body must be sent as application/json${type ? `, not ${type.slice(0, 100)}` : ''}`;
          return this.#hooks.onReject!({ status: 415, field: 'Content-Type', message }, c as Context<E>);
        }
        try {
          value = JSON.parse(text);
        } catch {
          return this.#hooks.onInvalid!('json', [bodyIssue('is not well-formed JSON')], c as Context<E>);
        }
      } else if (required) {
        return this.#hooks.onInvalid!('json', [bodyIssue('a JSON body is required')], c as Context<E>);
      }
      if (value !== undefined) {
        const result = await z.safeParseAsync(schema, value);
        if (!result.success) return this.#hooks.onInvalid!('json', result.error.issues, c as Context<E>);
        value = result.data;
      }
      c.req.addValidatedData('json', value as object);
      return next();
    };
    return [...checks, json];
  }

  openapi<const R extends RouteConfig>(
    route: R,
    handler: (c: Context<E, string, { out: Valid<R> }>) => Response | Promise<Response>,
  ): this {
    const req = route.request ?? {};
    const checks: MiddlewareHandler[] = [];
    const check = (target: Target, schema: Schema | undefined) => {
      if (!schema) return;
      checks.push(
        validator(target, async (value, c) => {
          const result = await z.safeParseAsync(schema, value);
          return result.success ? result.data : this.#hooks.onInvalid!(target, result.error.issues, c as Context<E>);
        }),
      );
    };
    const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const declared = Object.keys((req.params as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {});
    if (placeholders.join() !== declared.join()) {
      throw new Error(`${route.method} ${route.path}: declare a schema for each path parameter, in order (${placeholders.join(', ')})`);
    }
    check('param', req.params);
    check('query', req.query);
    check('header', req.headers);
    checks.push(...this.#body(route));
    const registered: Registered = { route, path: route.path };
    if (isPaged(route)) checks.push(this.#pages(registered));
    this.on([route.method.toUpperCase()], [route.path.replace(/\{(\w+)\}/g, ':$1')], ...checks, handler as unknown as MiddlewareHandler);
    this.#routes.push(registered);
    return this;
  }

  /** The cursor hooks this app answers with (its own, else its parent's): for a list paged by another parameter than `cursor` (TAXII's `next`). */
  get cursors(): CursorHook<E> | undefined {
    return this.#hooks.cursors;
  }

  /** Opens the cursor a paged route is given, and seals the `next` of the page it answers with. */
  #pages(registered: Registered): MiddlewareHandler {
    const { route } = registered;
    return async (c, next) => {
      const cursors = this.#hooks.cursors;
      if (!cursors) return next();
      const ctx = c as Context<E>;
      // Validated already: the parsed path parameters and query, defaults applied.
      const valid = (target: 'param' | 'query') => c.req.valid(target as never) as Record<string, unknown>;
      const query = valid('query');
      const list = JSON.stringify([route.method, registered.path, sorted(route.request?.params ? valid('param') : {}), sorted(query)]);
      if (typeof query.cursor === 'string') {
        const inner = cursors.open(ctx, list, query.cursor);
        if (inner === undefined) {
          const issue = { code: 'custom', path: ['cursor'], message: CURSOR_REFUSED, input: undefined } as z.core.$ZodIssue;
          return this.#hooks.onInvalid!('query', [issue], ctx);
        }
        c.req.addValidatedData('query', { ...query, cursor: inner });
      }
      await next();
      const res = c.res;
      if (!res.ok || !res.headers.get('content-type')?.startsWith('application/json')) return;
      const page = (await res.clone().json()) as { next?: unknown } | null;
      if (typeof page?.next !== 'string') return;
      c.res = new Response(JSON.stringify({ ...page, next: cursors.seal(ctx, list, page.next) }), {
        status: res.status,
        headers: res.headers,
      });
    };
  }

  /**
   * What the OpenAPI document is made of: every route with the path it is served at, and the
   * responses every body-taking route shares. The document itself is built by `openApiDocument`
   * (./document.ts), loaded only when `/openapi.json` is first asked for.
   */
  documentParts(): { routes: readonly Registered[]; bodyResponses: OpenAPIOptions<E>['bodyResponses'] } {
    return { routes: this.#routes, bodyResponses: this.#hooks.bodyResponses };
  }
}
