import { type CursorKeys, parseCursorKeys } from '@taskforce/api';
import { type Deps, destinationRule, systemClock, timeOrderedIds } from '@taskforce/core';
import { createDynamoClient, DynamoAlertStore, DynamoStore, documentClient } from '@taskforce/dynamo';
import { S3ContentStore, s3ClientOnDemand } from '@taskforce/objects';
import { required } from './runtime';

/**
 * Everything the API's routes reach, wired as the local runtime wires it (packages/local), from
 * the function's environment:
 * - `TABLE_NAME`: the single table, for the store and the alert store (incidents, contacts and
 *   each organisation's notification inbox);
 * - `EVIDENCE_BUCKET_NAME`: the evidence bucket, for evidence upload, download and export.
 * - `WEBHOOK_DESTINATIONS` (optional): `public` unless run against local receivers.
 * Without the alert store the incident and notification routes fail; without the content store,
 * evidence does. Kept apart from runtime.ts so the workers' bundles do not load the S3 client.
 */
export const apiDeps = (env: NodeJS.ProcessEnv = process.env): Deps => {
  const tableName = required('TABLE_NAME', env);
  const doc = documentClient(createDynamoClient());
  return {
    store: new DynamoStore(doc, tableName),
    alerts: new DynamoAlertStore(doc, tableName),
    content: new S3ContentStore(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME', env)),
    clock: systemClock,
    ids: timeOrderedIds(systemClock),
    webhookDestinations: destinationRule(env.WEBHOOK_DESTINATIONS),
  };
};

/**
 * The keys that seal list cursors, from `CURSOR_KEYS`: the JSON of the stack's Secrets Manager
 * secret (`{"current": "…", "previous": […]}`), put in the environment at deploy time by a
 * CloudFormation dynamic reference. Without it the function does not start: there is no
 * default key, and a key made up per instance would refuse the cursors of every other instance.
 */
export const cursorKeysFromEnv = (env: NodeJS.ProcessEnv = process.env): CursorKeys => {
  try {
    return parseCursorKeys(required('CURSOR_KEYS', env));
  } catch (err) {
    throw new Error(`environment variable CURSOR_KEYS: ${(err as Error).message}`);
  }
};
