/**
 * The whole stack as the CLI synthesises it, with empty bundles and console: roles, routes,
 * queues and schedules depend on neither, so a test needs no build to read them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { cdkJsonContext } from '../../src/app';
import { FUNCTION_ENTRIES, type FunctionName } from '../../src/bundle';
import { TaskforceStack, type TaskforceStackProps } from '../../src/stack';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation fragments are read ad hoc
export type Cfn = Record<string, any>;

export const synthesise = (name = 'Taskforce', props: Partial<TaskforceStackProps> = {}) => {
  const noBundle = mkdtempSync(join(tmpdir(), 'taskforce-nobundle-'));
  writeFileSync(join(noBundle, 'index.mjs'), '');
  const noConsole = mkdtempSync(join(tmpdir(), 'taskforce-noconsole-'));
  writeFileSync(join(noConsole, 'index.html'), '');
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
  const stack = new TaskforceStack(app, name, {
    bundles: Object.fromEntries(names.map((n) => [n, noBundle])) as Record<FunctionName, string>,
    console: noConsole,
    ...props,
  });
  const template = Template.fromStack(stack);
  return { app, stack, names, template, resources: template.toJSON().Resources as Record<string, Cfn> };
};
