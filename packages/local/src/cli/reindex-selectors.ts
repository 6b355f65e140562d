import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMatchingSecrets, REINDEX_PAGE_MAX, type ReindexReport, reindexSelectors, systemClock, timeOrderedIds } from '@taskforce/core';
import { createDynamoClient, DynamoStore, documentClient } from '@taskforce/dynamo';
import { stateDir } from '../paths';

/**
 * pnpm reindex-selectors [--dynamo http://127.0.0.1:PORT] [--table taskforce] [--keys FILE]
 *                        [--limit N] [--cursor NEXT]
 * Step 2 of a matching key rotation (docs/operations/aws.md, "Rotating the matching key"): every request, task
 * and incident of the table, its selectors hashed under the CURRENT key and the record added to
 * that key's index items, page after page until the end (or from --cursor, printed after each
 * page, to resume). Idempotent. The keys are MATCHING_KEYS (the stack's secret's JSON) if set,
 * else --keys, else the local runtime's .taskforce/matching-key.json. Prints counts only.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    dynamo: { type: 'string' },
    table: { type: 'string', default: 'taskforce' },
    keys: { type: 'string' },
    limit: { type: 'string' },
    cursor: { type: 'string' },
  },
});
const limit = values.limit ? Number(values.limit) : undefined;
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0 && limit <= REINDEX_PAGE_MAX))
  throw new Error(`--limit must be a whole number from 1 to ${REINDEX_PAGE_MAX}`);
const secrets = process.env.MATCHING_KEYS ?? readFileSync(values.keys ?? join(stateDir(), 'matching-key.json'), 'utf8');
const selectorHasher = parseMatchingSecrets(secrets);
const store = new DynamoStore(documentClient(createDynamoClient(values.dynamo ? { endpoint: values.dynamo } : {})), values.table);
const deps = { store, clock: systemClock, ids: timeOrderedIds(systemClock), selectorHasher };

const total = { pages: 0, records: 0, selectors: 0, added: 0 };
let cursor = values.cursor;
do {
  const page: ReindexReport = await reindexSelectors(deps, { ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) });
  total.pages++;
  total.records += page.records;
  total.selectors += page.selectors;
  total.added += page.added;
  cursor = page.next;
  process.stdout.write(
    `page ${total.pages}: ${page.records} record(s), ${page.selectors} selector(s), ${page.added} added${cursor ? `; next ${cursor}` : ''}\n`,
  );
} while (cursor);
process.stdout.write(
  `re-indexed ${values.table} under key ${selectorHasher.keyIds[0]}: ${total.records} record(s), ${total.selectors} selector(s), ${total.added} holder(s) added\n`,
);
