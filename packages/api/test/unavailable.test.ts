/**
 * A store that cannot be reached (a local engine restarting, a network fault) makes a request
 * answer 503 problem+json `unavailable` with Retry-After, never a bare 500; other errors stay 500.
 */
import { describe, expect, it } from 'vitest';
import { isUnavailable } from '../src/unavailable';
import { appOver, openWorkspace } from './stub-app';

/** The error the AWS SDK (v3, Node HTTP handler) throws once its retries against a closed port run out. */
const sdkRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), {
    errno: -111,
    code: 'ECONNREFUSED',
    syscall: 'connect',
    address: '127.0.0.1',
    port: 8000,
    $metadata: { attempts: 4, totalRetryDelay: 121 },
  });

/** A store every read and commit of which fails with `err`. */
const failingStore = (err: () => unknown) => {
  const fail = async () => {
    throw err();
  };
  return { get: fail, load: fail, commit: fail };
};

describe('a store that cannot be reached', () => {
  it('answers 503 problem+json unavailable with Retry-After when the SDK reports ECONNREFUSED', async () => {
    const res = await openWorkspace(appOver(failingStore(sdkRefused)));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as { type: string; status: number; requestId?: string; detail: string };
    expect(body).toMatchObject({ type: 'https://taskforce.invalid/problems/unavailable', status: 503 });
    expect(body.requestId).toEqual(expect.any(String));
    // Nothing of the connection (address, port) reaches the caller.
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });

  it('answers 503 on a read as well (a GET that cannot load its records)', async () => {
    const res = await appOver(failingStore(sdkRefused)).request('/v1/workspaces/ws-1/tasks', { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(503);
  });

  it('still answers 500 to an error that is not about reaching the store', async () => {
    const res = await openWorkspace(appOver(failingStore(() => new TypeError('x is undefined'))));
    expect(res.status).toBe(500);
  });

  it('recognises reset, hang-up, timeout, wrapped and aggregated failures, and nothing else', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    expect(isUnavailable(coded('ECONNRESET'))).toBe(true);
    expect(isUnavailable(coded('EPIPE'))).toBe(true);
    expect(isUnavailable(coded('ETIMEDOUT'))).toBe(true);
    expect(isUnavailable(new Error('socket hang up'))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' }))).toBe(true);
    expect(isUnavailable(new Error('wrapped', { cause: sdkRefused() }))).toBe(true);
    expect(isUnavailable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''))).toBe(true);
    expect(isUnavailable(coded('ENOENT'))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('bad'), { name: 'ValidationException' }))).toBe(false);
    expect(isUnavailable(new Error('ConditionalCheckFailed'))).toBe(false);
    expect(isUnavailable('ECONNREFUSED')).toBe(false);
    expect(isUnavailable(null)).toBe(false);
  });
});
