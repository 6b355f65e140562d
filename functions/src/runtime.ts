/**
 * What the worker entry points share: everything in env.ts, and the metrics they publish, with
 * the handler wrapper that records cold starts and flushes stored metrics.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { log } from './env';

export { auditDeps, auditSigner, log, required, tableDeps } from './env';

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Taskforce',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'taskforce',
  logger: log.powertools,
});

/** Wraps a handler: Lambda context on every log line, the cold-start metric, stored metrics flushed after each invocation. */
export const lambda =
  <E, R>(fn: (event: E, context: Context) => Promise<R>) =>
  async (event: E, context: Context): Promise<R> => {
    log.powertools.addContext(context);
    metrics.captureColdStartMetric(context.functionName);
    try {
      return await fn(event, context);
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
