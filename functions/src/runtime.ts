/**
 * What every Lambda entry point shares, initialised once per execution environment (outside
 * the handlers): Powertools logger and metrics, the JWT settings and the handler wrapper.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createLogger } from '@taskforce/api/log';
import type { Context } from 'aws-lambda';

/** The logger every function logs through (the packages take it as their `Logger`). */
export const log = createLogger();
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'Taskforce',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'taskforce',
  logger: log.powertools,
});

export const required = (name: string, env: NodeJS.ProcessEnv = process.env): string => {
  const v = env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
};

/** Cognito as the token issuer: JWT_ISSUER is `https://cognito-idp.<region>.amazonaws.com/<poolId>`, JWT_AUDIENCE the app client id. */
export const jwtFromEnv = (env: NodeJS.ProcessEnv = process.env) => {
  const issuer = required('JWT_ISSUER', env);
  // The app client id is required: without an audience check, a token minted for another client of the pool would pass.
  return { issuer, audience: required('JWT_AUDIENCE', env), jwks: new URL(`${issuer.replace(/\/$/, '')}/.well-known/jwks.json`) };
};

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
