/**
 * Connections of the local runtime: an idle keep-alive connection is the client's to close.
 * With Node's default (the server closes after 5 s idle), a client reusing the connection as the
 * server closes it gets ECONNRESET for a request that never arrived; under a busy event loop
 * (a test suite on two cores) that happened to well-formed requests.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRuntime, testRuntime } from '../support/runtime';

describe('connections', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime();
  });
  afterAll(() => t.rt.stop());

  it('tells clients it keeps idle connections for over a minute, so they close them first', async () => {
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = request(`${t.rt.url}/openapi.json`, { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers));
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers.connection).toBe('keep-alive');
    const timeout = Number(/timeout=(\d+)/.exec(String(headers['keep-alive']))?.[1]);
    expect(timeout).toBeGreaterThanOrEqual(60);
  });
});
