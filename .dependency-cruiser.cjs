/**
 * Import rules checked by `pnpm lint` (dependency-cruiser). Type-only imports count: a cycle of
 * types is still a cycle a reader has to untangle.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere: features form a graph a newcomer can read from the kernel up.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-without-aws',
      severity: 'error',
      comment: 'The domain core imports nothing from AWS: adapters do.',
      from: { path: '^packages/core/' },
      to: { path: '(^|/)node_modules/(@aws-sdk|@aws-lambda-powertools|aws-cdk-lib|constructs)/' },
    },
    {
      name: 'core-without-adapters',
      severity: 'error',
      comment: 'The domain core knows no adapter, handler or runtime.',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/(api|dynamo|messaging|objects|local|console)|functions|infra)/' },
    },
    {
      name: 'kernel-knows-no-feature',
      severity: 'error',
      comment:
        'Features use the kernel (runner, records, store port, timers, audit chain, errors, ids, clock); the kernel uses none of them.',
      from: { path: '^packages/core/src/kernel/' },
      to: { path: '^packages/core/src/', pathNot: '^packages/core/src/kernel/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(cdk\\.out|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
