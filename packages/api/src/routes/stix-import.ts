import { type Deps, Marking, MarkingInput, Selector } from '@taskforce/core';
import { validateStixObject } from '@taskforce/core/stix';
import {
  BundleRefused,
  commitStixImport,
  getIntel,
  INTEL_KINDS,
  Intel,
  listIntel,
  MAX_BUNDLE_BYTES,
  previewStixImport,
} from '@taskforce/core/stix-import';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { commandContext, type Env, PageQuerySchema, PathId, pageOf } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { WorkspaceParams } from '../params';
import { problem, problemResponse } from '../problem';
import { commandErrorResponses, errorResponses, json } from '../schemas';

const tags = ['STIX import'];

/** A bundle's media types: STIX 2.1 as TAXII sends it, or plain JSON. */
const STIX_MEDIA_TYPE = /^application\/stix\+json$/i;
const JSON_MEDIA_TYPE = /^application\/json$/i;
/** A validation problem lists this many objects' errors at most, and says how many more there were. */
const MAX_LISTED_BUNDLE_ERRORS = 100;

const list = (description: string) =>
  z.optional(z.string().check(z.maxLength(600), z.meta({ description: `${description}, comma-separated` })));

/** The default marking (for objects that carry none) and, on commit, the preview's digest: the query of both calls. */
const ImportQuery = z.strictObject({
  tlp: z.optional(
    z.string().check(z.maxLength(20), z.meta({ description: 'TLP of the default marking: CLEAR, GREEN, AMBER, AMBER+STRICT, RED' })),
  ),
  releasableTo: list('REL TO of the default marking: `members`, or ISO 3166-1 alpha-3 countries'),
  recipients: list('Named recipient organisations of a RED default marking'),
  caveats: list('Caveats of the default marking (NO-PRIVATE-SECTOR, ORCON)'),
  embargoUntil: z.optional(z.string().check(z.maxLength(40), z.meta({ description: 'Embargo of the default marking (ISO 8601)' }))),
  digest: z.optional(z.string().check(z.maxLength(64), z.meta({ description: 'On commit: the SHA-256 the preview answered' }))),
});
type ImportQuery = z.infer<typeof ImportQuery>;

const split = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

/** The default marking the query names (absent: AMBER to the members), or a 400 naming the query field. */
const defaultMarkingOf = (q: ImportQuery): MarkingInput | undefined => {
  if (!q.tlp && !q.releasableTo && !q.recipients && !q.caveats && !q.embargoUntil) return undefined;
  const rel = split(q.releasableTo);
  const recipients = split(q.recipients);
  const parsed = MarkingInput.safeParse({
    tlp: q.tlp ?? 'AMBER',
    releasableTo: !rel || (rel.length === 1 && rel[0] === 'members') ? 'members' : rel,
    caveats: split(q.caveats) ?? [],
    ...(recipients ? { recipients } : {}),
    ...(q.embargoUntil ? { embargoUntil: q.embargoUntil } : {}),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new BundleRefused([{ field: `query.${String(issue.path[0] ?? 'tlp')}`, message: issue.message }]);
};

/** The body as text, if its media type is a bundle's; a 415 naming Content-Type otherwise. */
const bundleText = async (c: Context<Env>): Promise<string | Response> => {
  const header = c.req.header('content-type') ?? '';
  const [type = '', ...params] = header.split(';').map((s) => s.trim());
  const version = params.find((p) => /^version=/i.test(p))?.slice('version='.length);
  if (!(STIX_MEDIA_TYPE.test(type) || JSON_MEDIA_TYPE.test(type)) || (version !== undefined && version !== '2.1')) {
    const message = `the body must be sent as application/stix+json;version=2.1 or application/json${type ? `, not ${header.slice(0, 100)}` : ''}`;
    return problemResponse(
      problem('unsupported_media_type', `Content-Type: ${message}`, {
        errors: [{ field: 'Content-Type', message }],
        requestId: c.get('requestId'),
      }),
    );
  }
  return c.req.text();
};

/** A refused bundle as problem+json: every object at fault, with its index, id and field. */
const refused = (c: Context<Env>, err: BundleRefused): Response => {
  const all = err.problems;
  const first = all[0]!;
  const detail = `${first.field}: ${first.message}${all.length > 1 ? ` (and ${all.length - 1} more)` : ''}`;
  const omitted = all.length - MAX_LISTED_BUNDLE_ERRORS;
  return problemResponse(
    problem(err.tooLarge ? 'too_large' : 'validation', detail, {
      errors: all.slice(0, MAX_LISTED_BUNDLE_ERRORS) as { field: string; message: string }[],
      ...(omitted > 0 ? { errorsOmitted: omitted } : {}),
      requestId: c.get('requestId'),
    }),
  );
};

const handle = async (c: Context<Env>, run: (text: string) => Promise<Response>): Promise<Response> => {
  const text = await bundleText(c);
  if (typeof text !== 'string') return text;
  try {
    return await run(text);
  } catch (err) {
    if (err instanceof BundleRefused) return refused(c, err);
    throw err;
  }
};

const bundleBody = {
  content: {
    'application/stix+json': { schema: z.object({ type: z.literal('bundle'), id: z.string(), objects: z.array(z.object({})) }) },
  },
  required: true,
  maxBytes: MAX_BUNDLE_BYTES,
  description: `A STIX 2.1 bundle (application/stix+json;version=2.1, or application/json), at most ${MAX_BUNDLE_BYTES} bytes and 10,000 objects`,
};

const PreviewItem = z.object({
  index: z.number(),
  stixId: z.string(),
  stixType: z.string(),
  kind: z.enum(INTEL_KINDS),
  name: z.string(),
  recordId: z.string(),
  selectors: z.array(Selector),
  skippedSelectors: z.array(z.object({ from: z.string(), reason: z.string() })),
  marking: Marking,
  markingFrom: z.enum(['object', 'default']),
  status: z.enum(['new', 'duplicate']),
});
const ImportPreviewSchema = z
  .object({
    digest: z.string(),
    bundleId: z.string(),
    objects: z.number(),
    new: z.number(),
    duplicates: z.number(),
    selectors: z.number(),
    notStored: z.record(z.string(), z.number()),
    records: z.array(PreviewItem),
  })
  .check(z.meta({ id: 'StixImportPreview' }));
const ImportResultSchema = z
  .object({ digest: z.string(), created: z.number(), duplicates: z.number(), selectorsIndexed: z.number(), transactions: z.number() })
  .check(z.meta({ id: 'StixImportResult' }));
const IntelSchema = Intel.check(z.meta({ id: 'Intel' }));
const IntelPage = pageOf(IntelSchema).check(z.meta({ id: 'IntelPage' }));
const IntelParams = z.extend(WorkspaceParams, { recordId: PathId('Imported record id') });

const bundleErrors = {
  413: { description: `A bundle larger than ${MAX_BUNDLE_BYTES} bytes`, content: errorResponses[400].content },
  415: { description: 'A body that is not application/stix+json;version=2.1 or application/json', content: errorResponses[400].content },
};

/** Importing STIX 2.1 bundles: preview, commit, and the records they made (served by the exchange function). */
export const stixImportRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/stix-imports/preview',
      tags,
      summary: 'What a STIX 2.1 bundle would create: per object the record, its selectors, its marking, new or already imported',
      description:
        'Every object is validated against the OASIS STIX 2.1 JSON schemas; a 400 names each bad object (`index`, `id`) and field. Unknown types and marking references to definitions that are neither TLP nor in the bundle are refused. The answer carries `digest`, the SHA-256 of the canonical bundle, which the import must send back.',
      request: { params: WorkspaceParams, query: ImportQuery, body: bundleBody },
      responses: { 200: json(ImportPreviewSchema, 'What would be created'), ...errorResponses, ...bundleErrors },
    }),
    (c) =>
      handle(c, async (text) => {
        const q = c.req.valid('query');
        const defaultMarking = defaultMarkingOf(q);
        const preview = await previewStixImport(deps, c.get('principal'), c.req.valid('param').workspaceId, text, {
          ...(defaultMarking ? { defaultMarking } : {}),
          validate: validateStixObject,
        });
        return c.json(preview, 200);
      }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/stix-imports',
      tags,
      summary: 'Import a previewed STIX 2.1 bundle: its records stored, their selectors indexed for hit/no-hit checks',
      description:
        'Send the same bundle and `digest` the preview answered (and the same default marking). Records go in transactions of at most 90 writes, each with its audit entry and event; an object already imported is left as it is, so sending the same again after a failure finishes the import.',
      request: { params: WorkspaceParams, query: ImportQuery, body: bundleBody },
      responses: { 201: json(ImportResultSchema, 'Imported'), ...commandErrorResponses, ...bundleErrors },
    }),
    (c) =>
      handle(c, async (text) => {
        const q = c.req.valid('query');
        const defaultMarking = defaultMarkingOf(q);
        const result = await commitStixImport(deps, commandContext(c, null), c.req.valid('param').workspaceId, text, {
          ...(defaultMarking ? { defaultMarking } : {}),
          ...(q.digest ? { digest: q.digest } : {}),
          validate: validateStixObject,
        });
        return c.json(result, 201);
      }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/stix-imports/records',
      tags,
      summary: 'The records imported into a workspace that you may see',
      request: { params: WorkspaceParams, query: PageQuerySchema },
      responses: { 200: json(IntelPage, 'A page of imported records'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(
        await listIntel(deps, c.get('principal'), c.req.valid('param').workspaceId, { limit, ...(cursor ? { cursor } : {}) }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/stix-imports/records/{recordId}',
      tags,
      summary: 'One imported record',
      request: { params: IntelParams },
      responses: { 200: json(IntelSchema, 'The record'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, recordId } = c.req.valid('param');
      return c.json(await getIntel(deps, c.get('principal'), workspaceId, recordId), 200);
    },
  );
  return app;
};
