/**
 * Writes the console's API types from the OpenAPI document the Hono app itself serves, built in
 * process (no server, no database): `pnpm --filter @taskforce/console gen:api`. A test fails when
 * the checked-in file differs from a fresh generation, so the console cannot drift from the API.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp, generateCursorKeys } from '@taskforce/api';
import type { Deps } from '@taskforce/core';
import openapiTS, { astToString } from 'openapi-typescript';

export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.gen.ts', import.meta.url));

export async function openapiDocument(): Promise<Record<string, unknown>> {
  // The document is a function of the routes alone: no handler runs, so no dependency is touched.
  const app = createApp({
    deps: {} as Deps,
    cursorKeys: generateCursorKeys(),
    auth: {
      verify: async () => {
        throw new Error('not used');
      },
    },
    logger: { info() {}, warn() {}, error() {} },
  });
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function generateSchema(): Promise<string> {
  // biome-ignore lint/suspicious/noExplicitAny: openapi-typescript takes its own document type
  const ast = await openapiTS((await openapiDocument()) as any, { alphabetize: true, rootTypes: false });
  return `// Generated from the API's /openapi.json by scripts/gen-api.ts. Do not edit: run \`pnpm gen:api\`.\n${astToString(ast)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, await generateSchema());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
