/**
 * The app over a stand-in store, with one officer of A05 signed in: for tests of how the API
 * answers when the store misbehaves (conflicts, outages) rather than of what it stores.
 */
import { systemClock, timeOrderedIds } from '@taskforce/core';
import { createApp, generateCursorKeys } from '../src';

const silent = { info() {}, warn() {}, error() {} };
const principal = { sub: 'u', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] } as const;

export const appOver = (store: unknown) =>
  createApp({
    deps: { store, clock: systemClock, ids: timeOrderedIds(systemClock) } as never,
    cursorKeys: generateCursorKeys(),
    auth: { verify: async () => ({ ...principal, roles: [...principal.roles] }) },
    logger: silent,
  });

/** Opens a workspace as the officer: the command every such test sends. */
export const openWorkspace = (app: ReturnType<typeof appOver>, headers: Record<string, string> = {}) =>
  app.request('/v1/workspaces', {
    method: 'POST',
    headers: { authorization: 'Bearer t', 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } }),
  });
