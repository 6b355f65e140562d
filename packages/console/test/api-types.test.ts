import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema, SCHEMA_FILE } from '../scripts/gen-api';

describe('console API types', () => {
  it('are what the API document generates today (run `pnpm gen:api` after changing a route)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await generateSchema());
  });
});
