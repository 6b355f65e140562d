/**
 * The evidence bucket as the browser and the release gate need it: CORS for the console's origin,
 * GuardDuty Malware Protection for S3 on the evidence prefix with its least-privilege role, and
 * the bucket policy that keeps what is not scanned clean from everyone but the API. One synth
 * without bundles (a role depends on no code), and cdk-nag over it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { cdkJsonContext } from '../src/app';
import { FUNCTION_ENTRIES, type FunctionName } from '../src/bundle';
import { TaskforceStack } from '../src/stack';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation fragments are read ad hoc
type Cfn = Record<string, any>;

let app: App;
let stack: TaskforceStack;
let resources: Record<string, Cfn>;
const id = (c: { node: { defaultChild?: unknown } }) => stack.getLogicalId(c.node.defaultChild as never);
const ofType = (type: string): [string, Cfn][] => Object.entries(resources).filter(([, r]) => r.Type === type);

beforeAll(() => {
  const noBundle = mkdtempSync(join(tmpdir(), 'taskforce-nobundle-'));
  writeFileSync(join(noBundle, 'index.mjs'), '');
  const noConsole = mkdtempSync(join(tmpdir(), 'taskforce-noconsole-'));
  writeFileSync(join(noConsole, 'index.html'), '');
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
  stack = new TaskforceStack(app, 'EvidenceScan', {
    bundles: Object.fromEntries(names.map((n) => [n, noBundle])) as Record<FunctionName, string>,
    console: noConsole,
  });
  resources = Template.fromStack(stack).toJSON().Resources as Record<string, Cfn>;
});

describe('the evidence bucket and the browser', () => {
  it("lets only the console's origin PUT parts and GET files, and read back the ETag and checksum", () => {
    const bucket = resources[id(stack.evidence.bucket)]!;
    const rules = bucket.Properties.CorsConfiguration.CorsRules as Cfn[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      AllowedMethods: ['PUT', 'GET', 'HEAD'],
      AllowedHeaders: expect.arrayContaining(['x-amz-checksum-sha256', 'range']),
      ExposedHeaders: expect.arrayContaining(['ETag', 'x-amz-checksum-sha256']),
    });
    // The origin is the console distribution's own name, never a wildcard.
    expect(JSON.stringify(rules[0]!.AllowedOrigins)).toContain(id(stack.console.distribution));
    expect(rules[0]!.AllowedOrigins).not.toContain('*');
  });
});

describe('GuardDuty Malware Protection for S3', () => {
  it('protects the evidence prefix of the bucket and tags each scanned object', () => {
    const plans = ofType('AWS::GuardDuty::MalwareProtectionPlan');
    expect(plans).toHaveLength(1);
    const [, plan] = plans[0]!;
    expect(plan.Properties).toMatchObject({
      Role: { 'Fn::GetAtt': [id(stack.evidence.scanRole), 'Arn'] },
      ProtectedResource: { S3Bucket: { BucketName: { Ref: id(stack.evidence.bucket) }, ObjectPrefixes: ['evidence/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    expect(plan.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/MalwareScanRoleDefaultPolicy/)]));
  });

  it('gives its role what the service needs on this bucket and key, and nothing else', () => {
    const role = resources[id(stack.evidence.scanRole)]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' },
        Action: 'sts:AssumeRole',
      }),
    ]);
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Cfn) => r.Ref === id(stack.evidence.scanRole)))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[]);
    const actions = statements.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual(
      [
        'events:DeleteRule',
        'events:DescribeRule',
        'events:ListTargetsByRule',
        'events:PutRule',
        'events:PutTargets',
        'events:RemoveTargets',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        's3:GetBucketNotification',
        's3:GetObject',
        's3:GetObjectTagging',
        's3:GetObjectVersion',
        's3:GetObjectVersionTagging',
        's3:ListBucket',
        's3:PutBucketNotification',
        's3:PutObject',
        's3:PutObjectTagging',
        's3:PutObjectVersionTagging',
      ].sort(),
    );
    for (const s of statements) {
      expect(s.Effect).toBe('Allow');
      const text = JSON.stringify(s.Resource);
      expect(text).not.toBe('"*"');
      if ([s.Action].flat().some((a: string) => a.startsWith('events:')))
        expect(text).toContain('rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*');
      if ([s.Action].flat().some((a: string) => a.startsWith('kms:'))) {
        expect(s.Resource).toEqual({ 'Fn::GetAtt': [id(stack.data.key), 'Arn'] });
        expect(s.Condition.StringLike['kms:ViaService']).toBeDefined();
      }
      if ([s.Action].flat().includes('s3:GetObject')) expect(text).toContain('/evidence/*');
      if ([s.Action].flat().includes('s3:PutObject')) expect(text).toContain('/malware-protection-resource-validation-object');
    }
  });
});

describe('the release gate', () => {
  it('denies reading an evidence object not tagged NO_THREATS_FOUND to everyone but the API and the scanner', () => {
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === id(stack.evidence.bucket))!;
    const gate = (policy.Properties.PolicyDocument.Statement as Cfn[]).find((s) => s.Sid === 'QuarantineUntilScannedClean')!;
    expect(gate).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Condition: {
        StringNotEquals: { 's3:ExistingObjectTag/GuardDutyMalwareScanStatus': 'NO_THREATS_FOUND' },
        ArnNotEquals: {
          'aws:PrincipalArn': [
            { 'Fn::GetAtt': [stack.getLogicalId(stack.functions.fns.api.role!.node.defaultChild as never), 'Arn'] },
            { 'Fn::GetAtt': [id(stack.evidence.scanRole), 'Arn'] },
          ],
        },
      },
    });
    // Only evidence is gated: audit export files are never scanned and stay readable through their links.
    expect(JSON.stringify(gate.Resource)).toContain('/evidence/*');
  });

  it('passes cdk-nag with every finding acknowledged', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
