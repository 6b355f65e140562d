import { configDefaults, defineConfig } from 'vitest/config';

/**
 * A test file's suffix says what it needs. `*.int.test.ts` (local engines: DynamoDB Local, SQS, S3,
 * a CDK synth), `*.e2e.test.ts` (the whole runtime over HTTP) and `*.browser.test.ts` (Chromium
 * against the runtime) run in the `integration` project, after the global setup starts the
 * engines; every other `*.test.ts` is a unit test: no engine, no Java, no network, no synth, so
 * `pnpm test:unit` runs anywhere in seconds.
 */
const INTEGRATION = ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/*.browser.test.ts'];
const ROOTS = ['packages/*/test/**/', 'test/**/', 'functions/test/**/', 'infra/test/**/'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'silent' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ROOTS.map((r) => `${r}*.test.ts`), exclude: [...configDefaults.exclude, ...INTEGRATION] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ROOTS.flatMap((r) => INTEGRATION.map((s) => `${r}${s.slice(3)}`)),
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
