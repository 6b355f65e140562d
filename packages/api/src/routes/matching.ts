import {
  CheckResult,
  CheckSelectorsInput,
  checkSelectors,
  type Deps,
  parseSelectorCsv,
  REINDEX_PAGE_DEFAULT,
  REINDEX_PAGE_MAX,
  ReindexReport,
  reindexSelectorsAs,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, IdempotencyHeaders, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { commandErrorResponses, errorResponses, json } from '../schemas';

const tags = ['Matching'];
const CheckSelectorsBody = CheckSelectorsInput.check(z.meta({ id: 'CheckSelectors' }));
const CheckResultSchema = CheckResult.check(z.meta({ id: 'CheckResult' }));
/** A page of the re-index: its cursor is sealed like any list's (it would otherwise name a record's table key). */
const ReindexQuery = z.object({
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(REINDEX_PAGE_MAX)), REINDEX_PAGE_DEFAULT)
    .check(z.meta({ description: `Items read for this page, at most ${REINDEX_PAGE_MAX}` })),
  cursor: PageQuerySchema.shape.cursor,
});

/** Hit/no-hit checks of selectors against every workspace of the platform (agency officers only). */
export const matchingRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/matching/checks',
      tags,
      summary: 'Check up to 500 selectors: hit or no hit, and for a hit the agency to contact and the marking it holds it under',
      description:
        'Send JSON (`{"selectors": [...]}`) or CSV (`text/csv`: a header row `type,value` then any of `service,chain,observedAt,timeZone,port`, one selector a row; a malformed row is a 400 naming `body.row.<n>.<field>`). ' +
        'A hit names only the holding agency (id, name, country) and the TLP and caveats it holds the selector under: never its workspace or record. ' +
        "Your own organisation's holdings are never a hit (`heldByYou`). A holder whose country's policy keeps its selectors from you answers no hit. " +
        'The holding agency is told that its selector matched (and by whom, as its policy says); every check is audited on the platform chain, with counts only.',
      request: {
        headers: IdempotencyHeaders,
        body: {
          content: {
            'application/json': { schema: CheckSelectorsBody },
            'text/csv': { schema: z.string().check(z.meta({ description: 'type,value[,service,chain,observedAt,timeZone,port]' })) },
          },
          required: true,
        },
      },
      responses: { 200: json(CheckResultSchema, 'One result per selector, in the order sent'), ...commandErrorResponses },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const selectors = type === 'text/csv' ? parseSelectorCsv(await c.req.text()) : c.req.valid('json').selectors;
      const result = await checkSelectors(deps, commandContext(c, { selectors }), selectors);
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/admin/matching/reindex',
      tags,
      summary: "Re-index one page of the records' selectors under the current matching key (platform administrators)",
      description:
        "Step 2 of a matching key rotation: reads one bounded page of the requests, tasks and incidents of every workspace (a filtered table scan: `limit` counts the items read, so a page may hold no records and still have a `next`), hashes their selectors under the current key and adds each record to that key's index items. " +
        'Idempotent: a record already indexed under the current key is left alone. Call again with `?cursor=<next>` until no `next` comes back (a cursor opens for the same administrator, for 24 hours). Audited on the platform chain, with counts only.',
      request: { query: ReindexQuery },
      responses: { 200: json(ReindexReport.check(z.meta({ id: 'ReindexReport' })), 'What this page read and added'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await reindexSelectorsAs(deps, c.get('principal'), { limit, ...(cursor ? { cursor } : {}) }), 200);
    },
  );
  return app;
};
