/**
 * Interactive docs at `/docs`: Swagger UI, served by the API itself from the pinned
 * `swagger-ui-dist` files rather than a public CDN, so the page works on a closed network and
 * runs no third-party script; a strict Content-Security-Policy lets it load only from here.
 *
 * The files are never part of a JS bundle (Swagger UI alone is 1.7 MB): the local runtime reads
 * them from node_modules, the API Lambda from its asset directory, where the bundler copies them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';

/** Swagger UI's files the page loads, by name, with their media types. */
export const SWAGGER_UI_FILES = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
} as const;
type SwaggerUiFile = keyof typeof SWAGGER_UI_FILES;

/** Where the docs page's files come from. */
export interface DocsAssets {
  /** The file's bytes, or undefined when it is not there. */
  read(file: SwaggerUiFile): Promise<Uint8Array | undefined>;
}

/** Reads the files from a directory (swagger-ui-dist, or a copy of it) on first request, and keeps them. */
export const docsFromDirectory = (dir: string): DocsAssets => {
  const cache = new Map<string, Promise<Uint8Array | undefined>>();
  return {
    read(file) {
      let bytes = cache.get(file);
      if (!bytes) {
        bytes = readFile(join(dir, file)).then(
          (b) => new Uint8Array(b),
          () => undefined,
        );
        cache.set(file, bytes);
      }
      return bytes;
    },
  };
};

/** Only this origin: no inline script or style, no other host, no framing, no forms. */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': DOCS_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Taskforce API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css">
    <link rel="stylesheet" href="/docs/index.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
    <link rel="icon" type="image/png" href="/docs/favicon-16x16.png" sizes="16x16">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-initializer.js"></script>
  </body>
</html>
`;

/** No validator badge: Swagger UI would send the document to validator.swagger.io for it. */
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });
};
`;

/**
 * `/docs` and its files. Without assets (an app built for tests, say) `/docs` is a 404 that
 * points at `/openapi.json`.
 */
// biome-ignore lint/suspicious/noExplicitAny: any app's environment
export const registerDocs = (app: Hono<any>, assets: DocsAssets | undefined, notFound: (detail: string) => Response) => {
  const missing = () => notFound('Swagger UI is not installed here; the API is described at /openapi.json');
  app.get('/docs', (c) => (assets ? c.html(PAGE, 200, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' }) : missing()));
  app.get('/docs/swagger-initializer.js', (c) =>
    c.body(INITIALIZER, 200, { ...SECURITY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  );
  app.get('/docs/:file', async (c) => {
    const file = c.req.param('file');
    const bytes = Object.hasOwn(SWAGGER_UI_FILES, file) ? await assets?.read(file as SwaggerUiFile) : undefined;
    if (!bytes) return missing();
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      ...SECURITY_HEADERS,
      'Content-Type': SWAGGER_UI_FILES[file as SwaggerUiFile],
      'Cache-Control': 'public, max-age=86400',
    });
  });
};
