import { join } from 'node:path';
import { buildApp } from '../src/app';
import { REPO_ROOT } from '../src/bundle';

const { app } = await buildApp({ assetsDir: join(REPO_ROOT, 'infra', 'cdk.out-assets') });
app.synth();
