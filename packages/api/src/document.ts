import type { Env } from 'hono';
import * as z from 'zod/mini';
import type { Content, OpenAPIHono } from './openapi';

type Schema = z.core.$ZodType;

export interface DocumentInfo {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, unknown> };
}

type JsonSchema = Record<string, unknown>;

/**
 * Leaves out what only clutters the document: the long regular expressions zod spells out for
 * formats every tool knows, and the safe-integer bounds it puts on every integer.
 */
const KNOWN_FORMATS = new Set(['date-time', 'date', 'time', 'duration', 'email', 'uuid', 'uri', 'ipv4', 'ipv6']);
const tidy = ({ jsonSchema: s }: { jsonSchema: JsonSchema }) => {
  if (typeof s.format === 'string' && KNOWN_FORMATS.has(s.format)) delete s.pattern;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
};

/**
 * The OpenAPI 3.1 document of every `openapi()` route of an app (its sub-apps' included), schemas
 * with an `id` as shared components. Apart from the routes, and loaded by `/openapi.json` on first
 * use: zod's JSON Schema conversion is then no part of what a function loads at cold start.
 */
export function openApiDocument<E extends Env>(app: OpenAPIHono<E>, base: DocumentInfo): Record<string, unknown> {
  const { routes, bodyResponses } = app.documentParts();
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: Schema, io: 'input' | 'output'): JsonSchema => {
    const {
      $defs = {},
      $schema: _,
      ...root
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: tidy }) as JsonSchema & {
      $defs?: Record<string, JsonSchema>;
    };
    const relink = (s: JsonSchema, names: Map<string, string>) =>
      JSON.parse(
        JSON.stringify(s).replace(/"#\/\$defs\/([^"]+)"/g, (_m, id: string) =>
          JSON.stringify(`#/components/schemas/${names.get(id) ?? id}`),
        ),
      ) as JsonSchema;
    // A schema read as input (defaults optional) can differ from the same schema written as output.
    const names = new Map<string, string>();
    for (const [id, def] of Object.entries($defs)) {
      const taken = components[id] && JSON.stringify(components[id]) !== JSON.stringify(relink(def, new Map()));
      names.set(id, taken ? `${id}${io === 'input' ? 'Input' : 'Output'}` : id);
    }
    for (const [id, def] of Object.entries($defs)) components[names.get(id)!] = relink(def, names);
    return relink(root, names);
  };
  const content = (c: Content, io: 'input' | 'output') =>
    Object.fromEntries(Object.entries(c).map(([type, { schema }]) => [type, { schema: convert(schema, io) }]));
  const parameters = (where: 'path' | 'query' | 'header', schema: Schema | undefined) => {
    if (!schema) return [];
    const { properties = {}, required = [] } = convert(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    return Object.entries(properties).map(([name, { description, example, ...s }]) => ({
      name,
      in: where,
      required: where === 'path' || required.includes(name),
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      schema: s,
    }));
  };

  // Responses first, so a component read both ways keeps its plain name for what the API returns.
  for (const { route: r } of routes) for (const res of Object.values(r.responses)) if (res.content) content(res.content, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { route: r, path } of routes) {
    const req = r.request ?? {};
    const params = [...parameters('path', req.params), ...parameters('query', req.query), ...parameters('header', req.headers)];
    paths[path] ??= {};
    paths[path]![r.method] = {
      ...(r.tags ? { tags: r.tags } : {}),
      ...(r.summary ? { summary: r.summary } : {}),
      ...(r.description ? { description: r.description } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(req.body
        ? {
            requestBody: {
              required: req.body.required ?? false,
              ...(req.body.description ? { description: req.body.description } : {}),
              content: content(req.body.content, 'input'),
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries({
          ...r.responses,
          ...(req.body ? bodyResponses?.any : {}),
          ...(req.body?.content['application/json'] ? bodyResponses?.json : {}),
        }).map(([status, res]) => [
          status,
          { description: res.description, ...(res.content ? { content: content(res.content, 'output') } : {}) },
        ]),
      ),
    };
  }
  return { ...base, paths, components: { ...base.components, schemas: components } };
}
