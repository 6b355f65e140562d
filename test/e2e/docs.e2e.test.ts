/**
 * `/docs` on the embedded runtime: Swagger UI from the pinned package, loaded from this origin
 * only, under a Content-Security-Policy that allows nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRuntime, testRuntime } from '../support/runtime';

describe('/docs', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime();
  });
  afterAll(() => t.rt.stop());

  const get = (path: string) => fetch(t.rt.url + path);
  const absoluteUrls = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);

  it('is a page that loads only from this host, under a strict Content-Security-Policy', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await res.text();
    expect(absoluteUrls(html)).toEqual([]);
    expect(html).not.toMatch(/<script>|<style|style=/);
  });

  it('serves every file the page loads, and the initializer points at this API and no validator', async () => {
    const html = await (await get('/docs')).text();
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(files).toEqual(expect.arrayContaining(['/docs/swagger-ui-bundle.js', '/docs/swagger-initializer.js', '/docs/swagger-ui.css']));
    for (const file of files) {
      const res = await get(file);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-security-policy'), file).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options'), file).toBe('nosniff');
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(0);
    }
    const init = await (await get('/docs/swagger-initializer.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
    expect(absoluteUrls(init)).toEqual([]);
  });

  it('serves nothing else from the package', async () => {
    for (const file of ['/docs/index.html', '/docs/swagger-ui-bundle.js.map', '/docs/package.json', '/docs/..%2Fpackage.json']) {
      const res = await get(file);
      expect(res.status, file).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
