/**
 * Every route of the platform reaches, on AWS, the function that serves it: for each route each
 * function's app registers, the HTTP API route API Gateway would pick (the most specific match,
 * `{proxy+}` greedy and last) integrates that function, and asks for a token unless the route is
 * one whose credential is something else.
 */
import { appServing, generateCursorKeys, type RouteSet } from '@taskforce/api';
import { INVESTIGATION_ROUTES } from '@taskforce/api/investigation';
import { PEOPLE_ROUTES } from '@taskforce/api/people';
import { describe, expect, it } from 'vitest';
import { type Cfn, synthesise } from './support/synth';

const { stack, resources } = synthesise('Routing');
const logicalId = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);
const functionOf: Record<string, string> = {
  [logicalId(stack.functions.fns.api)]: 'api',
  [logicalId(stack.functions.fns.people)]: 'people',
  [logicalId(stack.functions.fns.exchange)]: 'exchange',
  [logicalId(stack.functions.fns.auth)]: 'auth',
};

const gatewayRoutes = Object.values(resources)
  .filter((r: Cfn) => r.Type === 'AWS::ApiGatewayV2::Route')
  .map((r: Cfn) => {
    const [method, path] = (r.Properties.RouteKey as string).split(' ') as [string, string];
    const integrationId = (r.Properties.Target['Fn::Join'][1] as Cfn[]).find((x) => x.Ref)!.Ref as string;
    const uri = resources[integrationId]!.Properties.IntegrationUri as Cfn;
    return { method, path, fn: functionOf[uri['Fn::GetAtt'][0] as string] ?? 'unknown', token: r.Properties.AuthorizationType === 'JWT' };
  });

/** API Gateway's choice for a request path: exact segments beat `{param}`, which beats `{proxy+}`. */
const pick = (method: string, path: string) => {
  const segments = path.split('/').slice(1);
  const score = (pattern: string): number[] | null => {
    const parts = pattern.split('/').slice(1);
    const out: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.endsWith('+}')) return i < segments.length ? [...out, 0] : null;
      if (i >= segments.length) return null;
      if (p.startsWith('{')) out.push(1);
      else if (p === segments[i]) out.push(2);
      else return null;
    }
    return parts.length === segments.length ? out : null;
  };
  const candidates = gatewayRoutes
    .filter((r) => r.method === 'ANY' || r.method === method)
    .map((r) => ({ r, s: score(r.path) }))
    .filter((c): c is { r: (typeof gatewayRoutes)[number]; s: number[] } => c.s !== null)
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.s.length, b.s.length); i++) {
        const d = (b.s[i] ?? -1) - (a.s[i] ?? -1);
        if (d !== 0) return d;
      }
      return (b.r.method === method ? 1 : 0) - (a.r.method === method ? 1 : 0);
    });
  return candidates[0]?.r;
};

const registered = (set: RouteSet) =>
  appServing({ deps: {} as never, cursorKeys: generateCursorKeys(), auth: { verify: async () => ({}) as never } }, set)
    .documentParts()
    .routes.map(({ route, path }) => ({
      method: route.method.toUpperCase(),
      path,
      token: ((route as { security?: unknown[] }).security ?? [{}]).length > 0,
    }));

describe('API Gateway routes each path to the function serving it', () => {
  for (const [fn, set] of [
    ['api', INVESTIGATION_ROUTES],
    ['people', PEOPLE_ROUTES],
  ] as const) {
    it(`${fn}: every route it serves`, () => {
      const routes = registered(set);
      expect(routes.length).toBeGreaterThan(5);
      for (const r of routes) {
        const concrete = r.path.replace(/\{[^}]+\}/g, 'x1');
        const chosen = pick(r.method, concrete);
        expect({ route: `${r.method} ${r.path}`, fn: chosen?.fn, token: chosen?.token }).toEqual({
          route: `${r.method} ${r.path}`,
          fn,
          token: r.token,
        });
      }
    });
  }
});

// The TAXII server is not in the OpenAPI document (its media types and errors are TAXII's): its paths, listed.
it('exchange: the TAXII server and STIX import, with a token', () => {
  for (const path of [
    '/taxii2',
    '/taxii2/',
    '/taxii2/api/',
    '/taxii2/api/collections/',
    '/taxii2/api/collections/x1/objects/',
    '/taxii2/api/collections/x1/objects/x1/versions/',
    '/taxii2/api/collections/x1/manifest/',
    '/v1/workspaces/x1/stix-imports',
    '/v1/workspaces/x1/stix-imports/x1',
  ]) {
    const chosen = pick('GET', path);
    expect({ path, fn: chosen?.fn, token: chosen?.token }).toEqual({ path, fn: 'exchange', token: true });
  }
});
