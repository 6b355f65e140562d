/**
 * The one logger of every entry point (the API and worker Lambdas, the local runtime): Powertools
 * Logger, structured JSON on stdout, configured here alone. The packages take the small `Logger`
 * shape below, so none of them depends on it; tests pass a silent one, or run with
 * LOG_LEVEL=silent. Callers pass identifiers and outcomes, never evidence or selector values.
 */
import { Logger as Powertools } from '@aws-lambda-powertools/logger';

type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** What the packages log through: a message and identifier fields. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** The logger of an entry point, and the Powertools instance under it (for the Lambda context and metrics). */
export interface ServiceLogger extends Logger {
  readonly powertools: Powertools;
}

/**
 * Keys Powertools writes itself and drops from a log call's fields (logging a warning instead):
 * a field with one of these names is kept under another, `message` (an error's) as `detail`.
 */
const RESERVED = new Set(['message', 'level', 'service', 'timestamp', 'sampling_rate']);
const kept = (fields: Record<string, unknown> | undefined): Record<string, unknown>[] =>
  fields
    ? [Object.fromEntries(Object.entries(fields).map(([k, v]) => [RESERVED.has(k) ? (k === 'message' ? 'detail' : `${k}Field`) : k, v]))]
    : [];

/**
 * From the environment: `LOG_LEVEL` (or `POWERTOOLS_LOG_LEVEL`): debug, info (default), warn,
 * error or silent, in any case; the service name from `POWERTOOLS_SERVICE_NAME` (default
 * `taskforce`). In a Lambda function whose log level is set by AWS (advanced logging
 * controls), that level applies.
 */
export const createLogger = (env: Record<string, string | undefined> = process.env): ServiceLogger => {
  const level = (env.POWERTOOLS_LOG_LEVEL || env.LOG_LEVEL)?.toUpperCase();
  const powertools = new Powertools({
    serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'taskforce',
    ...(level ? { logLevel: level as Uppercase<LogLevel> } : {}),
  });
  return {
    powertools,
    info: (msg, fields) => powertools.info(msg, ...kept(fields)),
    warn: (msg, fields) => powertools.warn(msg, ...kept(fields)),
    error: (msg, fields) => powertools.error(msg, ...kept(fields)),
  };
};
