import type { Deps } from '@taskforce/core';
import type { Env } from '../http';
import type { OpenAPIHono } from '../openapi';

/** One feature's routes, as a sub-app mounted at the root. */
type RouteModule = (deps: Deps) => OpenAPIHono<Env>;

/**
 * What one function serves: routes whose credential is not a bearer token (`public`, mounted
 * before authentication) and the rest. Each function imports only its own set, so its cold start
 * carries only that code (infra/src/constructs/api.ts routes each path to the function serving it).
 */
export interface RouteSet {
  public: readonly RouteModule[];
  authenticated: readonly RouteModule[];
}
