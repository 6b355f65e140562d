import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that need no engine (no DynamoDB Local, no SQS, no runtime): they run in the `unit`
 * project, without the global setup, so `pnpm test:unit` needs neither Java nor the engines jar.
 * A file that uses test/support/{dynamo,runtime,messaging,cli,incidents}.ts or `inject()` an
 * endpoint belongs in `integration`.
 */
const UNIT = [
  'packages/core/test/**/*.test.ts',
  'packages/api/test/**/*.test.ts',
  'packages/console/test/api-types.test.ts',
  'packages/console/test/cognito.test.ts',
  'packages/console/test/size.test.ts',
  'test/messaging/webhook-signature.test.ts',
  'test/bench/harness.test.ts',
  'test/property/evaluator.property.test.ts',
  'infra/test/cli.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { LOG_LEVEL: 'silent' },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'functions/test/**/*.test.ts', 'infra/test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
