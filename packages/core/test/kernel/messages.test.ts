import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';

const messages = (r: { error?: z.core.$ZodError | undefined }) => r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('validation messages', () => {
  it('are the English ones classic zod gives, once core is loaded', async () => {
    // zod/mini alone registers no locale: every issue would read "Invalid input".
    expect(z.config().localeError).toBeUndefined();
    const core = await import('../../src');
    expect(z.config().localeError).toBeDefined();

    expect(messages(core.CreateWorkspaceInput.safeParse({ title: '  ', legalBasis: { code: 'UNCC', text: 'x' }, extra: 1 }))).toEqual([
      ['title', 'Too small: expected string to have >=1 characters'],
      ['', 'Unrecognized key: "extra"'],
    ]);
    expect(messages(core.CreateWorkspaceInput.safeParse({ title: 5, legalBasis: { code: 'X', text: 'a'.repeat(2001) } }))).toEqual([
      ['title', 'Invalid input: expected string, received number'],
      ['legalBasis.code', 'Invalid option: expected one of "UNCC"|"BUDAPEST"|"MLAT"|"JIT-AGREEMENT"|"EU-EEVIDENCE"|"NATIONAL"'],
      ['legalBasis.text', 'Too big: expected string to have <=2000 characters'],
    ]);
    expect(messages(core.RegisterEvidenceInput.safeParse({ fileName: 'a', size: 1.5, mediaType: 'a/b', sha256: '0'.repeat(64) }))).toEqual([
      ['size', 'Invalid input: expected int, received number'],
    ]);
    // Custom messages are kept as written.
    expect(messages(core.Id.safeParse('A'))).toEqual([['', 'must be an identifier']]);
  });
});
