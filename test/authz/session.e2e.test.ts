import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

/**
 * The console's session routes (`/auth/*`) are public (they are how a person gets a token), so the
 * permission table has no row for them; what authorises a call there is the session cookie alone.
 * A bearer token of any caller, a platform or organisation administrator's included, opens no
 * session, ends nobody's, and asks for no shift-long idle time.
 */
describe('authorisation: the console session routes answer the cookie, never a bearer token', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
  });
  afterAll(() => t.rt.stop());

  it('gives no caller a session by its token', async () => {
    const callers = [
      await t.tokenFor('platform', 'ZZZ', ['admin'], 'international'),
      await t.tokenFor('vnm-a05', 'VNM', ['officer', 'admin']),
      await t.tokenFor('vnm-a05', 'VNM', ['officer', 'duty_contact']),
      await t.tokenFor('mekong-bank', 'THA', ['responder', 'admin'], 'provider'),
    ];
    for (const token of callers) {
      const headers = { authorization: `Bearer ${token}`, 'x-taskforce-session': '1' };
      const read = await fetch(`${t.rt.url}/auth/session`, { headers });
      expect(read.status).toBe(401);
      expect(read.headers.get('content-type')).toBe('application/problem+json');
      const shift = await fetch(`${t.rt.url}/auth/session`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{"shift":true}',
      });
      expect(shift.status).toBe(401);
      const out = await fetch(`${t.rt.url}/auth/logout`, { method: 'POST', headers });
      expect([out.status, await out.json()]).toEqual([200, { redirect: '/' }]);
    }
  });
});
