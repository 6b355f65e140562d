import { type Deps, DomainError } from '@taskforce/core';
import {
  type CollectionEntry,
  collectionEntries,
  filterEntries,
  pageEntries,
  type TaxiiFilter,
  type TaxiiPosition,
  taxiiCollection,
  taxiiCollections,
} from '@taskforce/core/taxii';
import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from '../http';
import { OpenAPIHono } from '../openapi';

/**
 * A TAXII 2.1 server (OASIS TAXII 2.1 Committee Specification): discovery at `/taxii2/`, one API
 * root at `/taxii2/api/`, one read-only collection per workspace the caller's organisation is a
 * member of. Same bearer tokens as the REST API. Not in the OpenAPI document (its media types are
 * TAXII's, its errors TAXII error messages): docs/stix-taxii.md lists the endpoints.
 */

const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
const ROOT = '/taxii2/api/';
/** TAXII's `limit` is the server's to cap: at most this many objects a page. */
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 50;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const STIX_TYPE = /^[a-z][a-z0-9-]{1,248}[a-z0-9]$/;
const STIX_ID = /^[a-z][a-z0-9-]{1,248}[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const bad = (field: string, message: string) => new DomainError('validation', message, field);

/** A media range of an Accept header the server can answer: TAXII's (or STIX's on object endpoints), any version-less or 2.1. */
const acceptable = (accept: string | undefined, objects: boolean): boolean => {
  if (!accept?.trim()) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const version = params.find((x) => x.startsWith('version='))?.slice(8);
    const q = params.find((x) => x.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json' && !(objects && type === 'application/stix+json')) return false;
    return version === undefined || version === '2.1';
  });
};

/** The TAXII error message (§3.6.1) for a response the app made as problem+json. */
const taxiiError = async (res: Response): Promise<Response> => {
  const p = (await res.json().catch(() => ({}))) as {
    title?: string;
    detail?: string;
    type?: string;
    errors?: unknown;
    requestId?: string;
  };
  const body = {
    title: p.title ?? 'Error',
    ...(p.detail ? { description: p.detail } : {}),
    ...(p.requestId ? { error_id: p.requestId } : {}),
    ...(p.type ? { error_code: p.type.split('/').at(-1) } : {}),
    http_status: String(res.status),
    ...(p.errors ? { details: { errors: p.errors } } : {}),
  };
  const headers = new Headers(res.headers);
  headers.set('content-type', TAXII_MEDIA_TYPE);
  return new Response(JSON.stringify(body), { status: res.status, headers });
};

/**
 * Before authentication, on every `/taxii2/` path: an Accept header the server cannot answer is
 * a 406, and every error (authentication's included) goes out as a TAXII error message.
 */
const envelope: MiddlewareHandler<Env> = async (c, next) => {
  if (!acceptable(c.req.header('accept'), /\/objects\//.test(c.req.path))) {
    const body = { title: 'Not acceptable', description: `send Accept: ${TAXII_MEDIA_TYPE}`, http_status: '406' };
    return new Response(JSON.stringify(body), { status: 406, headers: { 'content-type': TAXII_MEDIA_TYPE } });
  }
  await next();
  if (c.res.headers.get('content-type')?.startsWith('application/problem+json')) c.res = await taxiiError(c.res);
};

/** The TAXII envelope hook, mounted before authentication (a public route module: it answers nothing itself). */
export const taxiiEnvelopeRoutes = (_deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.use('/taxii2', envelope);
  app.use('/taxii2/*', envelope);
  return app;
};

const taxii = (c: Context<Env>, body: unknown, headers: Record<string, string> = {}) => {
  const stixOnly = !acceptable(c.req.header('accept'), false);
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': stixOnly ? STIX_MEDIA_TYPE : TAXII_MEDIA_TYPE, ...headers },
  });
};

/** A query parameter given once at most (TAXII filters are comma-separated lists inside one value). */
const single = (c: Context<Env>, name: string): string | undefined => {
  const all = c.req.queries(name) ?? [];
  if (all.length > 1) throw bad(`query.${name}`, 'give it once (a list is comma-separated)');
  return all[0];
};

const listOf = (c: Context<Env>, name: string, valid: (s: string) => boolean, message: string): string[] | undefined => {
  const raw = single(c, name);
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((s) => s.trim());
  if (raw.length > 10_000 || items.length > 100 || items.some((s) => !valid(s))) throw bad(`query.${name}`, message);
  return items;
};

const isTimestamp = (s: string) => TIMESTAMP.test(s) && !Number.isNaN(new Date(s).getTime());

const filterOf = (c: Context<Env>): TaxiiFilter => {
  const addedAfter = single(c, 'added_after');
  if (addedAfter !== undefined && !isTimestamp(addedAfter))
    throw bad('query.added_after', 'must be an RFC 3339 timestamp such as 2026-03-01T00:00:00Z');
  const ids = listOf(c, 'match[id]', (s) => STIX_ID.test(s), 'must be STIX ids, comma-separated');
  const types = listOf(c, 'match[type]', (s) => STIX_TYPE.test(s), 'must be STIX type names, comma-separated');
  const versions = listOf(
    c,
    'match[version]',
    (s) => ['first', 'last', 'all'].includes(s) || isTimestamp(s),
    'must be first, last, all or timestamps',
  );
  const specs = listOf(c, 'match[spec_version]', (s) => /^\d\.\d$/.test(s), 'must be STIX versions such as 2.1');
  // Every object here is STIX 2.1: asking only for another version matches nothing.
  if (specs && !specs.includes('2.1')) return { ids: ['none--00000000-0000-4000-8000-000000000000'] };
  return {
    ...(addedAfter ? { addedAfter } : {}),
    ...(ids ? { ids } : {}),
    ...(types ? { types } : {}),
    ...(versions ? { versions } : {}),
  };
};

const limitOf = (c: Context<Env>): number => {
  const raw = single(c, 'limit');
  if (raw === undefined) return DEFAULT_LIMIT;
  if (!/^[0-9]{1,9}$/.test(raw) || Number(raw) < 1) throw bad('query.limit', 'must be a positive integer');
  return Math.min(Number(raw), MAX_LIMIT);
};

/** TAXII date headers (§3.3.1) of a page. */
const dateHeaders = (items: readonly CollectionEntry[]): Record<string, string> => {
  const first = items[0];
  const last = items.at(-1);
  return first && last ? { 'X-TAXII-Date-Added-First': first.dateAdded, 'X-TAXII-Date-Added-Last': last.dateAdded } : {};
};

export const taxiiRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const principal = (c: Context<Env>) => c.get('principal');

  /** `next` is a sealed cursor bound to the caller and to the list it pages (the same sealing as every REST cursor). */
  const position = (c: Context<Env>, list: string): TaxiiPosition | undefined => {
    const raw = single(c, 'next');
    if (raw === undefined) return undefined;
    const opened = raw.length <= 2048 ? app.cursors?.open(c, list, raw) : undefined;
    const [dateAdded, id] = opened ? ((JSON.parse(opened) as [string, string] | null) ?? []) : [];
    if (typeof dateAdded !== 'string' || typeof id !== 'string') throw bad('query.next', 'the next token is not valid for this list');
    return { dateAdded, id };
  };
  const sealed = (c: Context<Env>, list: string, at: TaxiiPosition) => {
    const inner = JSON.stringify([at.dateAdded, at.id]);
    return app.cursors ? app.cursors.seal(c, list, inner) : inner;
  };

  /** A collection's entries after the filters, one page of them, and the `next` token for the rest. */
  // The collection first: a caller that may not see it learns nothing else, not even what is wrong with its query.
  const paged = async (c: Context<Env>, kind: string, extra: () => TaxiiFilter = () => ({})) => {
    const { collectionId } = c.req.param() as { collectionId: string };
    if (!UUID.test(collectionId)) throw new DomainError('not_found', 'collection not found');
    const col = await taxiiCollection(deps, principal(c), collectionId);
    const filter = { ...filterOf(c), ...extra() };
    const limit = limitOf(c);
    const list = JSON.stringify(['taxii', kind, collectionId, filter]);
    const from = position(c, list);
    const entries = filterEntries(await collectionEntries(deps, principal(c), col.workspaceId), filter);
    const page = pageEntries(entries, limit, from);
    return { entries, page, next: page.next ? sealed(c, list, page.next) : undefined };
  };

  const describe = (m: { collectionId: string; title: string; status: string }) => ({
    id: m.collectionId,
    title: m.title,
    description: `The STIX 2.1 objects of the workspace's tasks, incidents and data requests you may see (workspace ${m.status}).`,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  });

  app.get('/taxii2/', async (c) => {
    await taxiiCollections(deps, principal(c));
    return taxii(c, {
      title: 'Taskforce TAXII server',
      description: 'The workspaces you are a member of, as read-only TAXII 2.1 collections of STIX 2.1 objects.',
      default: new URL(ROOT, c.req.url).href,
      api_roots: [new URL(ROOT, c.req.url).href],
    });
  });

  app.get(ROOT, async (c) => {
    await taxiiCollections(deps, principal(c));
    return taxii(c, {
      title: 'Taskforce workspaces',
      description: 'One collection per workspace your organisation is a member of.',
      versions: [TAXII_MEDIA_TYPE],
      max_content_length: 0,
    });
  });

  app.get(`${ROOT}collections/`, async (c) => {
    const cols = await taxiiCollections(deps, principal(c));
    return taxii(c, cols.length ? { collections: cols.map(describe) } : {});
  });

  app.get(`${ROOT}collections/:collectionId/`, async (c) => {
    const id = c.req.param('collectionId');
    if (!UUID.test(id)) throw new DomainError('not_found', 'collection not found');
    return taxii(c, describe(await taxiiCollection(deps, principal(c), id)));
  });

  app.get(`${ROOT}collections/:collectionId/objects/`, async (c) => {
    const { page, next } = await paged(c, 'objects');
    return taxii(
      c,
      { more: page.more, ...(next ? { next } : {}), ...(page.items.length ? { objects: page.items.map((e) => e.object) } : {}) },
      dateHeaders(page.items),
    );
  });

  app.get(`${ROOT}collections/:collectionId/manifest/`, async (c) => {
    const { page, next } = await paged(c, 'manifest');
    const objects = page.items.map((e) => ({ id: e.object.id, date_added: e.dateAdded, version: e.version, media_type: STIX_MEDIA_TYPE }));
    return taxii(c, { more: page.more, ...(next ? { next } : {}), ...(objects.length ? { objects } : {}) }, dateHeaders(page.items));
  });

  const objectId = (c: Context<Env>) => {
    const id = c.req.param('objectId') ?? '';
    if (!STIX_ID.test(id)) throw bad('path.objectId', 'must be a STIX id such as indicator--<uuid>');
    return id;
  };

  app.get(`${ROOT}collections/:collectionId/objects/:objectId/`, async (c) => {
    const { entries, page, next } = await paged(c, 'object', () => ({ ids: [objectId(c)] }));
    if (!entries.length) throw new DomainError('not_found', 'object not found');
    return taxii(c, { more: page.more, ...(next ? { next } : {}), objects: page.items.map((e) => e.object) }, dateHeaders(page.items));
  });

  app.get(`${ROOT}collections/:collectionId/objects/:objectId/versions/`, async (c) => {
    const { entries, page, next } = await paged(c, 'versions', () => ({ ids: [objectId(c)], versions: ['all'] }));
    if (!entries.length) throw new DomainError('not_found', 'object not found');
    return taxii(c, { more: page.more, ...(next ? { next } : {}), versions: page.items.map((e) => e.version) }, dateHeaders(page.items));
  });

  return app;
};
