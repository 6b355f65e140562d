import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { viewerAddress } from '../src/viewer-address';

/** The address the acknowledge link's rate limit counts by on AWS: the viewer's, as CloudFront saw it. */
describe('viewerAddress', () => {
  const app = new Hono().get('/ack/x', (c) => c.text(viewerAddress(c)));
  const address = async (xff: string | undefined, sourceIp = '130.176.0.1') =>
    (
      await app.request('/ack/x', { headers: xff ? { 'x-forwarded-for': xff } : {} }, { event: { requestContext: { http: { sourceIp } } } })
    ).text();

  it("takes the address CloudFront appended, not what the viewer wrote before it, nor CloudFront's own", async () => {
    expect(await address('198.51.100.7')).toBe('198.51.100.7');
    expect(await address('10.0.0.1, 6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(await address('198.51.100.7, 130.176.0.1')).toBe('198.51.100.7');
  });

  it('falls back to the source address, and never throws', async () => {
    expect(await address(undefined)).toBe('130.176.0.1');
    expect(await address(' , ')).toBe('130.176.0.1');
    expect(await (await new Hono().get('/', (c) => c.text(viewerAddress(c))).request('/')).text()).toBe('unknown');
  });
});
