import {
  type Deps,
  Id,
  SEARCH_KINDS,
  SEARCH_PAGE_DEFAULT,
  SEARCH_PAGE_MAX,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  SearchHit,
  type SearchKind,
  SearchResult,
  searchRecords,
} from '@taskforce/core';
import * as z from 'zod/mini';
import type { Env } from '../http';
import { PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { errorResponses, json } from '../schemas';

const tags = ['Search'];
const KINDS_LIST = new RegExp(`^(${SEARCH_KINDS.join('|')})(,(${SEARCH_KINDS.join('|')}))*$`);

const SearchQuery = z.object({
  q: z
    .string()
    .check(
      z.minLength(SEARCH_QUERY_MIN, `must be ${SEARCH_QUERY_MIN} to ${SEARCH_QUERY_MAX} characters`),
      z.maxLength(SEARCH_QUERY_MAX, `must be ${SEARCH_QUERY_MIN} to ${SEARCH_QUERY_MAX} characters`),
    )
    .check(
      z.meta({
        description: `What to find, ${SEARCH_QUERY_MIN} to ${SEARCH_QUERY_MAX} characters: any case, with or without accents or tones`,
      }),
    ),
  kinds: z
    .optional(
      z
        .string()
        .check(z.maxLength(100, { abort: true }), z.regex(KINDS_LIST, `must be a comma-separated list of ${SEARCH_KINDS.join(', ')}`)),
    )
    .check(z.meta({ description: `Only these kinds, comma-separated (${SEARCH_KINDS.join(', ')}); all unless given` })),
  workspaceId: z.optional(Id).check(z.meta({ description: 'Only this workspace (a 404 unless your organisation is a member)' })),
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(SEARCH_PAGE_MAX)), SEARCH_PAGE_DEFAULT)
    .check(z.meta({ description: `Hits on a page, at most ${SEARCH_PAGE_MAX}` })),
  cursor: PageQuerySchema.shape.cursor,
});

const SearchResultSchema = z
  .extend(SearchResult, { items: z.array(SearchHit.check(z.meta({ id: 'SearchHit' }))) })
  .check(z.meta({ id: 'SearchResult' }));

/** Search over what the caller may see (agencies; a private partner finds nothing here). */
export const searchRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/search',
      tags,
      summary: 'Search the messages, tasks, data requests and incidents you may see in your workspaces',
      description:
        'Matches titles, texts and selector values, ignoring case, accents and Vietnamese tones (Thai is found as written, without spaces). ' +
        'The evaluator decides every record before it is matched: hits, `counts`, their order and the cursor come only from records you may see. ' +
        'The whole query as written ranks first (`match: phrase`), then records holding all its words (`words`); newest first within each. ' +
        'Redacted messages never match. A private partner finds nothing here (404): its portal lists what is addressed to it.',
      request: { query: SearchQuery },
      responses: { 200: json(SearchResultSchema, 'A page of hits, and how many of each kind in all'), ...errorResponses },
    }),
    async (c) => {
      const { q, kinds, workspaceId, limit, cursor } = c.req.valid('query');
      const result = await searchRecords(deps, c.get('principal'), {
        q,
        limit,
        ...(kinds ? { kinds: [...new Set(kinds.split(','))] as SearchKind[] } : {}),
        ...(workspaceId ? { workspaceId } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return c.json(result, 200);
    },
  );
  return app;
};
