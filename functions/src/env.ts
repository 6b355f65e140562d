/**
 * What every Lambda entry point shares but metrics, initialised once per execution environment:
 * the logger, the table's dependencies, the audit signing key and the handler wrapper. Kept apart
 * from runtime.ts (which adds the metrics the workers publish) so the API bundle does not load
 * the metrics library: its cold starts show in its log lines (`cold_start`).
 */
import { createLogger } from '@taskforce/api/log';
import {
  type CheckpointSigner,
  destinationRule,
  parseCheckpointSecrets,
  parseMatchingSecrets,
  type SelectorHasher,
  systemClock,
  timeOrderedIds,
} from '@taskforce/core';
import { createDynamoClient, DynamoAlertStore, DynamoStore, documentClient } from '@taskforce/dynamo';
import type { Context } from 'aws-lambda';

/** The logger every function logs through (the packages take it as their `Logger`). */
export const log = createLogger();
export const required = (name: string, env: NodeJS.ProcessEnv = process.env): string => {
  const v = env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
};

/**
 * What every function reaches, from its environment: the single table (`TABLE_NAME`) for the
 * store and the alert store (incidents, contacts, the outbox and each organisation's
 * notification inbox), the clock and ids, and where webhooks may point (`WEBHOOK_DESTINATIONS`:
 * `public` unless run against local receivers). Each entry point's own builder adds the rest.
 */
export const tableDeps = (env: NodeJS.ProcessEnv = process.env) => {
  const tableName = required('TABLE_NAME', env);
  const doc = documentClient(createDynamoClient());
  return {
    store: new DynamoStore(doc, tableName),
    alerts: new DynamoAlertStore(doc, tableName),
    clock: systemClock,
    ids: timeOrderedIds(systemClock),
    webhookDestinations: destinationRule(env.WEBHOOK_DESTINATIONS),
  };
};

/**
 * `AUDIT_SIGNING_KEYS`, the key that signs audit checkpoints: the JSON of the stack's Secrets
 * Manager secret (`{"current": "…", "previous": […]}`), put in the environment at deploy time by
 * a CloudFormation dynamic reference. Required where chains are sequenced (API, sweep,
 * sequencer): a key made up per instance would sign checkpoints nobody can verify.
 */
export const auditSigner = (env: NodeJS.ProcessEnv = process.env): CheckpointSigner => {
  try {
    return parseCheckpointSecrets(required('AUDIT_SIGNING_KEYS', env));
  } catch (err) {
    throw new Error(`environment variable AUDIT_SIGNING_KEYS: ${(err as Error).message}`);
  }
};

/**
 * `MATCHING_KEYS`, the key selectors are hashed with for hit/no-hit matching: the JSON of the
 * stack's Secrets Manager secret (`{"current": "…", "previous": […]}`), put in the environment
 * at deploy time by a CloudFormation dynamic reference, as `AUDIT_SIGNING_KEYS` is. Required by
 * the API (the only function that indexes or checks selectors): a key made up per instance
 * would write an index no other instance could match.
 */
export const selectorHasher = (env: NodeJS.ProcessEnv = process.env): SelectorHasher => {
  try {
    return parseMatchingSecrets(required('MATCHING_KEYS', env));
  } catch (err) {
    throw new Error(`environment variable MATCHING_KEYS: ${(err as Error).message}`);
  }
};

/** The table's dependencies with the checkpoint signer: what the sequencer needs. */
export const auditDeps = (env: NodeJS.ProcessEnv = process.env) => ({ ...tableDeps(env), auditSigner: auditSigner(env) });

/** Wraps a handler: Lambda context (and cold start) on every log line. */
export const withLogContext =
  <E, R>(fn: (event: E, context: Context) => Promise<R>) =>
  async (event: E, context: Context): Promise<R> => {
    log.powertools.addContext(context);
    return fn(event, context);
  };
