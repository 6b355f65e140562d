/**
 * `pnpm cdk synth` as CI and operators run it: the CLI reads cdk.json, runs the app through tsx,
 * bundles the functions and synthesises with cdk-nag as a gate, offline and without credentials.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES, REPO_ROOT } from '../src/bundle';

const run = promisify(execFile);

describe('pnpm cdk synth', () => {
  it('synthesises the stack offline, without AWS credentials, with cdk-nag clean', async () => {
    const out = mkdtempSync(join(tmpdir(), 'taskforce-synth-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'home-')),
      CDK_DISABLE_CLI_TELEMETRY: 'true',
    };
    const started = performance.now();
    const { stderr } = await run(join(REPO_ROOT, 'infra/node_modules/.bin/cdk'), ['synth', '--quiet', '--no-notices', '--output', out], {
      cwd: REPO_ROOT,
      env,
      timeout: 170_000,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(stderr).not.toMatch(/AwsSolutions-|Synthesis finished with errors/);
    const template = JSON.parse(readFileSync(join(out, 'Taskforce.template.json'), 'utf8'));
    const fns = Object.values(template.Resources as Record<string, { Type: string; Properties: { Runtime?: string } }>).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    );
    // Every function of the app on Node.js 24, and CDK's handler that uploads the console while deploying.
    expect(fns.filter((f) => f.Properties.Runtime === 'nodejs24.x')).toHaveLength(Object.keys(FUNCTION_ENTRIES).length);
    expect(fns).toHaveLength(Object.keys(FUNCTION_ENTRIES).length + 1);
    expect(template.Outputs.ConsoleUrl).toBeDefined();
    // The console, built during the synth, is one of the assets.
    const assets = readdirSync(out).filter((d) => d.startsWith('asset.'));
    expect(assets.some((d) => existsSync(join(out, d, 'index.html')) && existsSync(join(out, d, 'assets')))).toBe(true);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(seconds).toBeLessThan(170);
  }, 180_000);
});
