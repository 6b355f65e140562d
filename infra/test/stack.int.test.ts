/**
 * The stack as CloudFormation: one synth (bundles included) shared by every assertion, plus
 * cdk-nag's AWS Solutions checks over the same construct tree.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent, StoredRecord } from '@taskforce/core';
import { type CommandContext, createTask, createWorkspace, registerOrganisation, systemClock, timeOrderedIds } from '@taskforce/core';
import {
  createDynamoClient,
  createTableInput,
  DynamoAlertStore,
  DynamoStore,
  documentClient,
  eventItem,
  TABLE,
  toItem,
} from '@taskforce/dynamo';
import { CONSOLE_CSP } from '@taskforce/local/console';
import { CHANNEL_STATUS_QUEUE, eventFromBody, QUEUES } from '@taskforce/messaging';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, cdkJsonContext } from '../src/app';
import { FUNCTION_ENTRIES, type FunctionName } from '../src/bundle';
import { CALENDAR_PATH, EXCHANGE_PATHS, PEOPLE_PATHS } from '../src/constructs/api';
import { ACK_PATH, API_PATH, SIGN_IN_PATH, SPA_FALLBACK, TAXII_PATH } from '../src/constructs/console';
import { ACKNOWLEDGMENTS } from '../src/nag';
import { TaskforceStack } from '../src/stack';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation fragments are read ad hoc
type Cfn = Record<string, any>;

let built: Awaited<ReturnType<typeof buildApp>>;
let template: Template;
let resources: Record<string, Cfn>;

/** Every public access S3 can grant, blocked: what each bucket of the stack must declare. */
const NO_PUBLIC_ACCESS = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };

const ofType = (type: string): [string, Cfn][] => Object.entries(resources).filter(([, r]) => r.Type === type);
const logicalIdOf = (ref: unknown): string | undefined => {
  const r = ref as Cfn;
  return r?.Ref ?? r?.['Fn::GetAtt']?.[0];
};
const fnOf = (name: FunctionName): [string, Cfn] => {
  const id = built.stack.getLogicalId(built.stack.functions.fns[name].node.defaultChild as never);
  return [id, resources[id]!];
};
/** Every IAM statement attached to a function's role. */
const statementsOf = (name: FunctionName): Cfn[] => {
  const roleId = logicalIdOf(fnOf(name)[1].Properties.Role);
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: unknown) => logicalIdOf(r) === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
};
const actionsOf = (name: FunctionName): string[] => statementsOf(name).flatMap((s) => [s.Action].flat());

/** A readable name for each resource a policy names: the table, the data key, the evidence bucket, a queue by its name, a log group by its function. */
const labelOf = (logicalId: string): string => {
  const own = (c: { node: { defaultChild?: unknown } }) => built.stack.getLogicalId(c.node.defaultChild as never);
  const named: Record<string, string> = {
    [own(built.stack.data.table)]: 'table',
    [own(built.stack.data.key)]: 'data-key',
    [own(built.stack.evidence.bucket)]: 'evidence-bucket',
    [own(built.stack.relay.dlq)]: 'relay-dlq',
    [own(built.stack.cursorKeys.secret)]: 'cursor-keys',
    [own(built.stack.auditSigningKeys.secret)]: 'audit-signing-keys',
    [own(built.stack.matchingKeys.secret)]: 'matching-keys',
    [own(built.stack.vapidKeys.secret)]: 'vapid-keys',
    [own(built.stack.identity.userPool)]: 'user-pool',
    [own(built.stack.channels.identity)]: 'mail-identity',
    [built.stack.getLogicalId(built.stack.schedules.escalations)]: 'escalations-group',
    [own(built.stack.schedules.invoker)]: 'escalation-invoker',
  };
  for (const [n, fn] of Object.entries(built.stack.functions.fns)) named[own(fn.logGroup as never)] = `${n}-logs`;
  const r = resources[logicalId];
  return named[logicalId] ?? (r?.Type === 'AWS::SQS::Queue' ? r.Properties.QueueName : logicalId);
};
const render = (x: unknown): string => {
  const v = x as Cfn;
  if (typeof v === 'string') return v;
  if (v.Ref) return v.Ref.startsWith('AWS::') ? `\${${v.Ref}}` : labelOf(v.Ref);
  if (v['Fn::GetAtt'])
    return v['Fn::GetAtt'][1] === 'Arn' ? labelOf(v['Fn::GetAtt'][0]) : `${labelOf(v['Fn::GetAtt'][0])}.${v['Fn::GetAtt'][1]}`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  return JSON.stringify(v);
};
const renderCondition = (c: Cfn | undefined) =>
  c &&
  Object.fromEntries(
    Object.entries(c).map(([op, kv]) => [op, Object.fromEntries(Object.entries(kv as Cfn).map(([k, vs]) => [k, [vs].flat().map(render)]))]),
  );
interface Grant {
  actions: string[];
  resources: string[];
  condition?: Record<string, Record<string, string[]>>;
}
const canonical = (gs: Grant[]) =>
  gs
    .map((g) => ({ ...g, actions: [...g.actions].sort(), resources: [...g.resources].sort() }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
/** A function's statements as readable grants (actions, resources by name, condition), in a canonical order. */
const grantsOf = (name: FunctionName): Grant[] =>
  canonical(
    statementsOf(name).map((s) => ({
      actions: [s.Action].flat(),
      resources: [s.Resource].flat().map(render),
      ...(s.Condition ? { condition: renderCondition(s.Condition) } : {}),
    })),
  );

/**
 * EventBridge pattern matching (the semantics Pipes filters share with rules), for the
 * operators a filter here may use: a list of literal values, `prefix`, `exists`. A field
 * matches if any listed value matches; nested objects match field by field; an event array
 * matches if any element does. Any other operator fails the test rather than passing silently.
 */
const matches = (pattern: Cfn, event: Cfn | undefined): boolean =>
  Object.entries(pattern).every(([k, p]) => {
    const value = event?.[k];
    if (!Array.isArray(p)) return typeof value === 'object' && value !== null && matches(p, value);
    const values = Array.isArray(value) ? value : [value];
    return p.some((rule) => {
      if (typeof rule !== 'object' || rule === null) return value !== undefined && values.includes(rule);
      if ('prefix' in rule) return values.some((v) => typeof v === 'string' && v.startsWith(rule.prefix));
      if ('exists' in rule) return (value !== undefined) === rule.exists;
      throw new Error(`no matcher for ${JSON.stringify(rule)}`);
    });
  });
const pipeFilters = (): Cfn[] => {
  const [, pipe] = ofType('AWS::Pipes::Pipe')[0]!;
  return (pipe.Properties.SourceParameters.FilterCriteria.Filters as Cfn[]).map((f) => JSON.parse(f.Pattern));
};

beforeAll(async () => {
  built = await buildApp({
    assetsDir: mkdtempSync(join(tmpdir(), 'taskforce-assets-')),
    outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')),
  });
  template = Template.fromStack(built.stack);
  resources = template.toJSON().Resources;
}, 120_000);

describe('data', () => {
  it('builds the table from the shared definition: the same keys and indexes the local runtime creates', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    const local = createTableInput('x');
    const byName = (xs: { AttributeName?: string }[]) =>
      [...xs].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
    expect(table.Properties.KeySchema).toEqual(local.KeySchema);
    expect(byName(table.Properties.AttributeDefinitions)).toEqual(byName(local.AttributeDefinitions!));
    const gsis = (table.Properties.GlobalSecondaryIndexes as Cfn[]).map((g) => ({
      IndexName: g.IndexName,
      KeySchema: g.KeySchema,
      Projection: g.Projection,
    }));
    expect(gsis).toEqual(local.GlobalSecondaryIndexes);
    expect(gsis.map((g) => g.IndexName)).toContain(TABLE.indexes.due.name);
  });

  it('is on demand, with TTL, point-in-time recovery, a customer-managed key, a stream and deletion protection', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        DeletionProtectionEnabled: true,
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true, Description: Match.stringLikeRegexp('data') });
  });

  it('lets a throw-away stack turn deletion protection off', () => {
    const bundles = Object.fromEntries(Object.entries(built.bundles).map(([n, b]) => [n, b.dir])) as Record<FunctionName, string>;
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
    const scratch = new TaskforceStack(app, 'Scratch', { bundles, console: built.consoleDir, deletionProtection: false });
    const t = Template.fromStack(scratch);
    // `cdk deploy -c deletionProtection=false` (the first step of a tear-down) passes cdk-nag too.
    expect(new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app).violations.map((v) => v.ruleName)).toEqual([]);
    t.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: { DeletionProtectionEnabled: false } });
    t.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    // Every bucket (evidence, its logs, the console, its distribution's logs) goes with the stack,
    // emptied (every version) first, as the table's data does.
    const buckets = t.findResources('AWS::S3::Bucket');
    expect(Object.values(buckets).map((b) => b.DeletionPolicy)).toEqual(['Delete', 'Delete', 'Delete', 'Delete']);
    expect(Object.keys(t.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(4);
  });
});

describe('evidence', () => {
  const bucketId = () => built.stack.getLogicalId(built.stack.evidence.bucket.node.defaultChild as never);
  const logsId = () => built.stack.getLogicalId(built.stack.evidence.accessLogs.node.defaultChild as never);

  it('keeps evidence in a versioned bucket under the data key, with an S3 Bucket Key, private, and retained', () => {
    const bucket = resources[bucketId()]!;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: expect.anything() } },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: NO_PUBLIC_ACCESS,
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(
      render(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID),
    ).toBe('data-key');
    // Object Lock is left off on purpose (see the Evidence construct); no auto-deletion while protected.
    expect(bucket.Properties.ObjectLockEnabled).toBeUndefined();
    expect(ofType('Custom::S3AutoDeleteObjects')).toEqual([]);
  });

  it('expires audit export files and documents after a week, and no evidence; abandoned uploads are cleared after a day', () => {
    const rules = resources[bucketId()]!.Properties.LifecycleConfiguration.Rules as Cfn[];
    expect(rules).toContainEqual(
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
    );
    const expiring = rules.filter((r) => r.ExpirationInDays !== undefined);
    expect(expiring).toEqual([
      expect.objectContaining({ Prefix: 'audit-exports/', ExpirationInDays: 7, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
      expect.objectContaining({ Prefix: 'documents/', ExpirationInDays: 7, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }),
    ]);
  });

  it('logs every request to the bucket in a second, SSE-S3 bucket that expires logs after a year', () => {
    const bucket = resources[bucketId()]!;
    expect(logicalIdOf(bucket.Properties.LoggingConfiguration.DestinationBucketName)).toBe(logsId());
    const logs = resources[logsId()]!;
    expect(logs.DeletionPolicy).toBe('Retain');
    expect(logs.Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: NO_PUBLIC_ACCESS,
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 365, Status: 'Enabled' })] },
    });
    // S3's log delivery may write there, for this bucket only.
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) => logicalIdOf(p.Properties.Bucket) === logsId())!;
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Condition: expect.objectContaining({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId(), 'Arn'] } } }),
      }),
    );
  });

  it('refuses any request to either bucket that is not over TLS 1.2 or later, and grants nothing to anyone else', () => {
    for (const id of [bucketId(), logsId()]) {
      const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) => logicalIdOf(p.Properties.Bucket) === id)!;
      const statements = policy.Properties.PolicyDocument.Statement as Cfn[];
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
      );
      for (const st of statements.filter((x) => x.Effect === 'Allow'))
        expect(st.Principal).toEqual({ Service: 'logging.s3.amazonaws.com' });
    }
  });

  it('tells the stack outputs the bucket name', () => {
    expect(template.toJSON().Outputs.EvidenceBucketName.Value).toEqual({ Ref: bucketId() });
  });
});

describe('messaging', () => {
  it('creates every queue of QUEUES with its dead-letter queue, encrypted, after at least five receives', () => {
    const queues = ofType('AWS::SQS::Queue');
    for (const def of Object.values(QUEUES)) {
      const [, main] = queues.find(([, q]) => q.Properties.QueueName === def.name)!;
      const [dlqId, dlq] = queues.find(([, q]) => q.Properties.QueueName === def.dlq)!;
      expect(main.Properties.VisibilityTimeout).toBe(def.visibilityTimeoutSeconds);
      expect(main.Properties.RedrivePolicy.maxReceiveCount).toBeGreaterThanOrEqual(5);
      expect(logicalIdOf(main.Properties.RedrivePolicy.deadLetterTargetArn)).toBe(dlqId);
      for (const q of [main, dlq]) expect(q.Properties.KmsMasterKeyId).toBeDefined();
    }
  });

  it('refuses any request to any queue that is not over TLS', () => {
    const queues = ofType('AWS::SQS::Queue').map(([id]) => id);
    const guarded = ofType('AWS::SQS::QueuePolicy')
      .filter(([, p]) =>
        (p.Properties.PolicyDocument.Statement as Cfn[]).some(
          (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false' && s.Principal?.AWS === '*',
        ),
      )
      .flatMap(([, p]) => p.Properties.Queues.map(logicalIdOf));
    expect(new Set(guarded)).toEqual(new Set(queues));
  });

  it('gives each consumed queue a visibility timeout of at least six times its consumer’s timeout, with partial batch responses', () => {
    // The queue consumers' mappings (the sequencer's reads the table's stream).
    const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(
      ([, m]) => resources[logicalIdOf(m.Properties.EventSourceArn)!]?.Type === 'AWS::SQS::Queue',
    );
    expect(mappings).toHaveLength(5);
    for (const [, m] of mappings) {
      const fn = resources[logicalIdOf(m.Properties.FunctionName)!]!;
      const queue = resources[logicalIdOf(m.Properties.EventSourceArn)!]!;
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
      expect(m.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    }
  });
});

describe('outbox relay (DynamoDB stream → EventBridge pipe → events queue)', () => {
  const streamRecord = (eventName: string, item: Record<string, unknown>) => ({
    eventName,
    dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) },
  });

  it('reads the table stream, sends to the events queue and keeps a dead-letter queue', () => {
    const [, pipe] = ofType('AWS::Pipes::Pipe')[0]!;
    const [tableId] = ofType('AWS::DynamoDB::Table')[0]!;
    const [eventsId] = ofType('AWS::SQS::Queue').find(([, q]) => q.Properties.QueueName === QUEUES.events.name)!;
    expect(pipe.Properties.Source).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(pipe.Properties.Target).toEqual({ 'Fn::GetAtt': [eventsId, 'Arn'] });
    expect(pipe.Properties.SourceParameters.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'LATEST',
    });
    const relayDlq = built.stack.getLogicalId(built.stack.relay.dlq.node.defaultChild as never);
    expect(pipe.Properties.SourceParameters.DynamoDBStreamParameters.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [relayDlq, 'Arn'] });
  });

  it('lets the pipe read the stream and send to the events queue and its own dead-letter queue, nothing else', () => {
    const roleId = built.stack.getLogicalId(built.stack.relay.node.findChild('Role').node.defaultChild as never);
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: unknown) => logicalIdOf(r) === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[])
      .map((st) => ({ actions: [st.Action].flat(), resources: [st.Resource].flat().map(render) }));
    expect(canonical(statements)).toEqual(
      canonical([
        { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: ['table.StreamArn'] },
        // ListStreams has no resource-level permission (acknowledged in nag.ts).
        { actions: ['dynamodb:ListStreams'], resources: ['*'] },
        { actions: ['sqs:SendMessage'], resources: [QUEUES.events.name, 'relay-dlq'] },
        // The stream and both queues are encrypted under the data key.
        { actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'], resources: ['data-key'] },
      ]),
    );
  });

  it('lets through inserted outbox events only', () => {
    const filters = pipeFilters();
    const pass = (record: Cfn) => filters.some((f) => matches(f, record));

    const event = {
      id: '01jx0000000000000000000000',
      type: 'task.assigned',
      at: '2026-03-01T08:00:00.000Z',
      chainId: 'ws1',
      workspaceId: 'ws1',
      subject: { type: 'task', id: 't1' },
      actor: { sub: 'u', orgId: 'vnm-a05', country: 'VNM' },
      audience: ['usa-fbi'],
      data: {},
    } as DomainEvent;
    const timer = {
      kind: 'timer',
      value: { workspaceId: 'ws1', id: 't1~overdue', kind: 'task.overdue', subjectId: 't1', dueAt: '2026-03-02T08:00:00.000Z' },
    } as StoredRecord;
    expect(pass(streamRecord('INSERT', eventItem(event)))).toBe(true);
    expect(pass(streamRecord('MODIFY', eventItem(event)))).toBe(false);
    const { duePk: _p, dueSk: _s, ...published } = eventItem(event);
    expect(pass(streamRecord('INSERT', published))).toBe(false);
    expect(pass(streamRecord('INSERT', toItem(timer)))).toBe(false);
  });
});

describe('outbox relay against the records DynamoDB really streams', () => {
  /** DynamoDB Streams, as the pipe reads it, on the local engine (its JSON API; the engine ignores signatures). */
  const streams =
    (endpoint: string) =>
    async (target: string, body: unknown): Promise<Cfn> => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDBStreams_20120810.${target}`,
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${target}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Cfn;
    };
  const readStream = async (endpoint: string, streamArn: string): Promise<Cfn[]> => {
    const call = streams(endpoint);
    const { StreamDescription } = await call('DescribeStream', { StreamArn: streamArn });
    const records: Cfn[] = [];
    for (const shard of StreamDescription.Shards as Cfn[]) {
      let iterator = (await call('GetShardIterator', { StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))
        .ShardIterator;
      for (let i = 0; iterator && i < 50; i++) {
        const out = await call('GetRecords', { ShardIterator: iterator, Limit: 1000 });
        records.push(...out.Records);
        if (out.Records.length === 0) break;
        iterator = out.NextShardIterator;
      }
    }
    return records;
  };

  it('passes exactly the inserted outbox items of real commits, as messages the fan-out reads back into the same events', async () => {
    // The pipe sends each record as it is: no input template, no target parameters.
    const [, pipe] = ofType('AWS::Pipes::Pipe')[0]!;
    expect(pipe.Properties.TargetParameters).toBeUndefined();
    expect(pipe.Properties.SourceParameters.DynamoDBStreamParameters.BatchSize).toBeLessThanOrEqual(10); // SendMessageBatch
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.StreamSpecification.StreamViewType).toBe('NEW_IMAGE');

    const endpoint = inject('dynamoEndpoint');
    const dynamo = createDynamoClient({ endpoint });
    const tableName = `relay-${randomUUID().slice(0, 8)}`;
    const created = await dynamo.send(
      new CreateTableCommand({ ...createTableInput(tableName), StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }),
    );
    try {
      const doc = documentClient(dynamo);
      const deps = {
        store: new DynamoStore(doc, tableName),
        alerts: new DynamoAlertStore(doc, tableName),
        clock: systemClock,
        ids: timeOrderedIds(systemClock),
      };
      const admin = {
        principal: { sub: 'a', orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] },
      } as CommandContext;
      const lead = { principal: { sub: 'l', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] } } as CommandContext;
      // Real commands: an organisation (platform chain), a workspace and a task with its due timers (workspace chain).
      await registerOrganisation(deps, admin, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' } as never);
      const ws = (await createWorkspace(deps, lead, { title: 'Op Relay', legalBasis: { code: 'UNCC', text: 'art. 47' } } as never)).result!;
      const dueAt = new Date(Date.now() + 3_600_000).toISOString();
      await createTask(deps, lead, ws.id, { title: 'Trace', assigneeOrgId: 'vnm-a05', dueAt, reminders: ['PT30M'] } as never);
      const committed = [
        ...(await deps.store.listEvents('platform', { limit: 100 })).items,
        ...(await deps.store.listEvents(ws.id, { limit: 100 })).items,
      ];
      expect(committed.map((e) => e.type)).toEqual(
        expect.arrayContaining(['organisation.registered', 'workspace.created', 'task.assigned']),
      );
      // What happens to outbox items afterwards: the sweep's backstop relay pushes them back
      // (still in the outbox), the fan-out marks them published (out of it); a notification lands.
      await deps.alerts.deferEvents(committed, new Date(Date.now() + 300_000));
      await deps.alerts.markPublished(committed[0]!, new Date());
      await deps.alerts.putNotification({
        id: `${committed[0]!.id}:vnm-a05`,
        recipient: 'vnm-a05',
        receivedAt: new Date().toISOString(),
      } as never);

      const records = await readStream(endpoint, created.TableDescription!.LatestStreamArn!);
      const kinds = (r: Cfn) => `${r.eventName} ${r.dynamodb.NewImage?.kind?.S}`;
      expect(records.map(kinds)).toEqual(expect.arrayContaining(['INSERT timer', 'MODIFY event', 'INSERT notification', 'INSERT task']));
      // A deferred event's new image is still in the outbox: only the event name keeps it out.
      expect(records.some((r) => r.eventName === 'MODIFY' && r.dynamodb.NewImage.duePk?.S?.startsWith('OUTBOX#'))).toBe(true);

      const filters = pipeFilters();
      const passed = records.filter((r) => filters.some((f) => matches(f, r)));
      expect(passed.map(kinds)).toEqual(committed.map(() => 'INSERT event'));
      // The message body is the record; the fan-out reads the very event that was committed.
      const read = passed.map((r) => eventFromBody(JSON.stringify(r)));
      expect(new Set(read.map((e) => e?.id))).toEqual(new Set(committed.map((e) => e.id)));
      for (const e of committed) expect(read.find((x) => x?.id === e.id)).toEqual(e);
    } finally {
      await dynamo.send(new DeleteTableCommand({ TableName: tableName }));
    }
  });
});

describe('identity and API', () => {
  it('keeps organisation, kind, country and roles in custom attributes users cannot write', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Schema: Match.arrayWith(['org', 'roles'].map((name) => Match.objectLike({ Name: name, AttributeDataType: 'String' }))),
    });
    const [, client] = ofType('AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:org', 'custom:roles']));
    expect((client.Properties.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
    // A confidential client: the console's sign-in (the auth function) holds its secret, never page script.
    expect(client.Properties.GenerateSecret).toBe(true);
  });

  it('puts every route behind the Cognito JWT authorizer for the app client, but the sign-in and the acknowledge link (the auth function) and the calendar address (the people function)', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route');
    expect(routes.length).toBeGreaterThan(0);
    const [authorizerId, authorizer] = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;
    const integrationOf = (r: Cfn) => resources[String(render(r.Properties.Target)).replace(/^integrations\//, '')]!;
    const targetFn = (r: Cfn) => logicalIdOf(integrationOf(r).Properties.IntegrationUri);
    const signIn = routes.filter(([, r]) => / \/(auth|ack)\/\{proxy\+\}$/.test(r.Properties.RouteKey));
    expect(signIn.map(([, r]) => r.Properties.RouteKey).sort()).toEqual([
      'GET /ack/{proxy+}',
      'GET /auth/{proxy+}',
      'POST /ack/{proxy+}',
      'POST /auth/{proxy+}',
    ]);
    for (const [, r] of signIn) {
      expect(r.Properties.AuthorizationType).toBe('NONE');
      expect(targetFn(r)).toBe(fnOf('auth')[0]);
    }
    // People's paths go to the people function (infra/test/routing.test.ts checks each route reaches the function serving it);
    // the calendar address is the one route there without a token.
    const people = new Set([...PEOPLE_PATHS.map((p) => `ANY ${p}`), `GET ${CALENDAR_PATH}`]);
    // The TAXII server and STIX import go to the exchange function.
    const exchange = new Set(EXCHANGE_PATHS.map((p) => `ANY ${p}`));
    for (const [, r] of routes.filter((x) => !signIn.includes(x))) {
      const key = r.Properties.RouteKey as string;
      expect(targetFn(r)).toBe(fnOf(people.has(key) ? 'people' : exchange.has(key) ? 'exchange' : 'api')[0]);
      if (key === `GET ${CALENDAR_PATH}`) {
        expect(r.Properties.AuthorizationType).toBe('NONE');
        continue;
      }
      expect(r.Properties.AuthorizationType).toBe('JWT');
      expect(logicalIdOf(r.Properties.AuthorizerId)).toBe(authorizerId);
    }
    expect(routes.filter(([, r]) => people.has(r.Properties.RouteKey)).length).toBe(people.size);
    expect(routes.filter(([, r]) => exchange.has(r.Properties.RouteKey)).length).toBe(exchange.size);
    const [clientId] = ofType('AWS::Cognito::UserPoolClient')[0]!;
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual([{ Ref: clientId }]);
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp.');
  });

  it('gives the API function the issuer and audience the authorizer checks, for its own verification', () => {
    const [, authorizer] = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;
    const env = fnOf('api')[1].Properties.Environment.Variables;
    expect(env.JWT_ISSUER).toEqual(authorizer.Properties.JwtConfiguration.Issuer);
    expect([env.JWT_AUDIENCE]).toEqual(authorizer.Properties.JwtConfiguration.Audience);
  });

  it('logs access as JSON and throttles the stage', () => {
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    expect(JSON.parse(stage.Properties.AccessLogSettings.Format)).toMatchObject({
      requestId: '$context.requestId',
      status: '$context.status',
    });
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
  });
});

describe('web console (S3 + CloudFront, sign-in through its backend)', () => {
  const idOf = (c: { node: { defaultChild?: unknown } }) => built.stack.getLogicalId(c.node.defaultChild as never);
  const distribution = () => resources[idOf(built.stack.console.distribution)]!.Properties.DistributionConfig as Cfn;
  const consoleBucketId = () => idOf(built.stack.console.bucket);
  const client = () => ofType('AWS::Cognito::UserPoolClient')[0]![1].Properties as Cfn;
  /** The hosted UI's host name and the console's URL, as `render` shows them. */
  const hostedUi = () => `${ofType('AWS::Cognito::UserPoolDomain')[0]![0]}.auth.\${AWS::Region}.amazoncognito.com`;
  const consoleUrl = () => `https://${idOf(built.stack.console.distribution)}.DomainName`;
  const deployments = () => ofType('Custom::CDKBucketDeployment');
  const pages = () => deployments().find(([, d]) => (d.Properties.Include ?? []).includes('index.html'))!;

  it('keeps the build in a private, SSE-S3, TLS-only bucket, logged to the evidence log bucket', () => {
    const bucket = resources[consoleBucketId()]!.Properties;
    expect(bucket).toMatchObject({
      PublicAccessBlockConfiguration: NO_PUBLIC_ACCESS,
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: idOf(built.stack.evidence.accessLogs) }, LogFilePrefix: 'console-bucket/' },
    });
    // A build artifact, redeployed from its commit: no versions to keep (docs/operations/aws.md, "The console on AWS").
    expect(bucket.VersioningConfiguration).toBeUndefined();
  });

  it('lets only this distribution read the bucket, through origin access control (no OAI), and nothing else in', () => {
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(([, p]) => logicalIdOf(p.Properties.Bucket) === consoleBucketId())!;
    const statements = policy.Properties.PolicyDocument.Statement as Cfn[];
    const allows = statements.filter((st) => st.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(render(allows[0]!.Resource)).toBe(`${consoleBucketId()}/*`);
    expect(render(allows[0]!.Condition.StringEquals['AWS:SourceArn'])).toBe(
      `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/${idOf(built.stack.console.distribution)}`,
    );
    // Everything else is a refusal: plain HTTP and TLS below 1.2.
    expect(statements.filter((st) => st.Effect === 'Deny').map((st) => Object.keys(st.Condition)[0])).toEqual(['Bool', 'NumericLessThan']);

    const s3Origin = (distribution().Origins as Cfn[]).find((o) => o.S3OriginConfig)!;
    expect(render(s3Origin.DomainName)).toBe(`${consoleBucketId()}.RegionalDomainName`);
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    const oac = resources[logicalIdOf(s3Origin.OriginAccessControlId)!]!;
    expect(oac.Type).toBe('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    expect(ofType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
  });

  it('sends the strict CSP of the local runtime (page script calls only its own origin), with HSTS, nosniff, no framing, no referrer', () => {
    const policyId = idOf(built.stack.console.headers);
    const policy = resources[policyId]!;
    const security = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig as Cfn;
    const csp = render(security.ContentSecurityPolicy.ContentSecurityPolicy).split('; ');
    expect(csp).toEqual(CONSOLE_CSP.split('; '));
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toEqual(expect.arrayContaining(["script-src 'self'", "frame-ancestors 'none'", "default-src 'none'", "base-uri 'none'"]));
    expect(csp.join('; ')).not.toMatch(/unsafe|\*/);
    expect(security).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
    // On the console and on the API under it alike; the acknowledge link's page has its own, stricter one.
    const behaviours = [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors] as Cfn[];
    for (const b of behaviours.filter((x) => x.PathPattern !== ACK_PATH)) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const ack = behaviours.find((x) => x.PathPattern === ACK_PATH)!;
    const ackPolicy = resources[logicalIdOf(ack.ResponseHeadersPolicyId)!]!.Properties.ResponseHeadersPolicyConfig
      .SecurityHeadersConfig as Cfn;
    const ackCsp = String(ackPolicy.ContentSecurityPolicy.ContentSecurityPolicy).split('; ');
    expect(ackCsp).toEqual(
      expect.arrayContaining(["default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'"]),
    );
    expect(ackCsp.join('; ')).not.toMatch(/script-src|unsafe|\*/);
    expect(ackPolicy).toMatchObject({
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      FrameOptions: { FrameOption: 'DENY' },
    });
  });

  it('serves over HTTPS only, index.html at the root and for every extension-less path, with access logs', () => {
    const d = distribution();
    expect(d.DefaultRootObject).toBe('index.html');
    expect(d.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(d.CacheBehaviors.map((b: Cfn) => b.ViewerProtocolPolicy)).toEqual(['https-only', 'https-only', 'https-only', 'https-only']);
    expect(render(d.Logging.Bucket)).toBe(`${idOf(built.stack.console.distributionLogs)}.RegionalDomainName`);
    // No distribution-wide error pages: they would turn the API's 403 and 404 problems into a 200 page.
    expect(d.CustomErrorResponses).toBeUndefined();

    const association = (d.DefaultCacheBehavior.FunctionAssociations as Cfn[])[0]!;
    expect(association.EventType).toBe('viewer-request');
    const fn = resources[logicalIdOf(association.FunctionARN)!]!.Properties;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.FunctionCode).toBe(SPA_FALLBACK);
    // The deployed code itself, run on CloudFront's event shape.
    const handler = new Function(`${fn.FunctionCode}; return handler;`)() as (e: Cfn) => { uri: string };
    const uriFor = (uri: string) => handler({ request: { uri, method: 'GET', headers: {} } }).uri;
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/workspaces/ws-1')).toBe('/index.html');
    expect(uriFor('/index.html')).toBe('/index.html');
    expect(uriFor('/config.json')).toBe('/config.json');
    expect(uriFor('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    for (const b of d.CacheBehaviors as Cfn[]) expect(b.FunctionAssociations).toBeUndefined();
  });

  it('puts the HTTP API under /v1/*, the sign-in under /auth/* and the acknowledge link under /ack/* of the same origin: uncached, every method, every viewer header, cookie and query but Host', () => {
    const d = distribution();
    expect((d.CacheBehaviors as Cfn[]).map((b) => b.PathPattern)).toEqual([API_PATH, TAXII_PATH, SIGN_IN_PATH, ACK_PATH]);
    for (const api of d.CacheBehaviors as Cfn[]) {
      expect(api.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']));
      // Managed policies: CachingDisabled; AllViewerExceptHostHeader (forwards Authorization,
      // Idempotency-Key, If-Match; API Gateway needs its own Host).
      expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
      expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
      const origin = (d.Origins as Cfn[]).find((o) => o.Id === api.TargetOriginId)!;
      expect(render(origin.DomainName)).toBe(`${idOf(built.stack.api.httpApi)}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`);
      expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    }
  });

  it('gives the API no CORS: a browser page on any other origin cannot read its answers', () => {
    const [, httpApi] = ofType('AWS::ApiGatewayV2::Api')[0]!;
    expect(httpApi.Properties.CorsConfiguration).toBeUndefined();
  });

  it("signs in through the console's backend with the authorization code flow: a confidential client, no implicit flow, back to the console's /auth/callback only", () => {
    const c = client();
    expect(c.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(c.AllowedOAuthFlows).toEqual(['code']);
    expect(c.GenerateSecret).toBe(true);
    expect([...c.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(c.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(c.CallbackURLs.map(render)).toEqual([`${consoleUrl()}/auth/callback`]);
    expect(c.LogoutURLs.map(render)).toEqual([`${consoleUrl()}/`]);
    // The auth function knows the same console origin, hosted UI and client, and reads the secret from the client itself.
    const auth = fnOf('auth')[1].Properties.Environment.Variables;
    expect(render(auth.CONSOLE_ORIGIN)).toBe(consoleUrl());
    expect(render(auth.COGNITO_DOMAIN)).toBe(hostedUi());
    expect(auth.JWT_AUDIENCE).toEqual({ Ref: ofType('AWS::Cognito::UserPoolClient')[0]![0] });
    expect(JSON.stringify(fnOf('auth')[1].Properties.Environment)).not.toMatch(/Secret/i);
    // The ID token the console takes carries the principal's organisation and roles.
    expect(c.ReadAttributes).toEqual(expect.arrayContaining(['custom:org', 'custom:roles']));
    const [, domain] = ofType('AWS::Cognito::UserPoolDomain')[0]!;
    // A prefix domain (`<prefix>.auth.<region>.amazoncognito.com`), unique by the stack's own UUID.
    expect(render(domain.Properties.Domain)).toBe('taskforce-{"Fn::Select":[2,{"Fn::Split":["/",{"Ref":"AWS::StackId"}]}]}');
    expect(domain.Properties.CustomDomainConfig).toBeUndefined();
  });

  it('uploads the fresh build, then index.html, the service worker, the web app manifest and a config.json naming the API and the agencies’ providers, nothing of the client', () => {
    expect(existsSync(join(built.consoleDir, 'index.html'))).toBe(true);
    expect(readFileSync(join(built.consoleDir, 'index.html'), 'utf8')).toMatch(
      /<script type="module" crossorigin src="\/assets\/[^"]+\.js">/,
    );
    const [assetsId, assets] = deployments().find(([, d]) => !(d.Properties.Include ?? []).includes('index.html'))!;
    const [, p] = pages();
    // The service worker and the manifest keep their names: never cached, so an installed console updates.
    expect(existsSync(join(built.consoleDir, 'sw.js'))).toBe(true);
    expect(existsSync(join(built.consoleDir, 'manifest.webmanifest'))).toBe(true);
    expect(assets.Properties).toMatchObject({
      Exclude: ['index.html', 'config.json', 'sw.js', 'manifest.webmanifest'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(p.Properties).toMatchObject({
      Exclude: ['*'],
      Include: ['index.html', 'config.json', 'sw.js', 'manifest.webmanifest'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { Ref: idOf(built.stack.console.distribution) },
      DistributionPaths: ['/index.html', '/config.json', '/sw.js', '/manifest.webmanifest'],
    });
    expect(p.DependsOn).toContain(assetsId);
    // Both upload the same build; the pages add config.json, whose tokens CloudFormation fills in.
    expect(p.Properties.SourceObjectKeys[0]).toBe(assets.Properties.SourceObjectKeys[0]);
    const configAsset = join(built.app.outdir, `asset.${String(p.Properties.SourceObjectKeys[1]).replace(/\.zip$/, '')}`, 'config.json');
    const markers = p.Properties.SourceMarkers[1] as Record<string, unknown>;
    const config = JSON.parse(
      readFileSync(configAsset, 'utf8').replace(/<<marker:0xbaba:\d+>>/g, (m) => render(markers[m]).replace(/"/g, '\\"')),
    );
    // No agency identity provider without -c agencyIdps=<file> (infra/test/federation.test.ts has the sample's).
    expect(config).toEqual({ apiUrl: consoleUrl(), providers: [] });
    // Cognito's /logout refuses a logout_uri that is not one of the client's sign-out URLs: the auth function's is the console's root.
    expect(client().LogoutURLs.map(render)).toContain(`${consoleUrl()}/`);
  });

  it('tells the stack outputs the console URL and the hosted UI domain', () => {
    expect(render(template.toJSON().Outputs.ConsoleUrl.Value)).toBe(consoleUrl());
    expect(render(template.toJSON().Outputs.CognitoDomain.Value)).toBe(hostedUi());
  });

  it('fails the synth with a clear message when there is no console build', () => {
    const bundles = Object.fromEntries(Object.entries(built.bundles).map(([n, b]) => [n, b.dir])) as Record<FunctionName, string>;
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
    const empty = mkdtempSync(join(tmpdir(), 'taskforce-noconsole-'));
    expect(() => new TaskforceStack(app, 'Unbuilt', { bundles, console: empty })).toThrow(/console is not built/);
  });
});

describe('functions', () => {
  it('runs five functions on Node.js 24, ARM64, from minified ES module bundles, traced', () => {
    // Besides them, only CDK's handler that copies the console into its bucket while deploying.
    const deployer = ofType('AWS::Lambda::Function').filter(([id]) => id.startsWith('CustomCDKBucketDeployment'));
    expect(deployer).toHaveLength(1);
    const fns = ofType('AWS::Lambda::Function').filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
    expect(fns.map(([id]) => id).sort()).toEqual(
      Object.keys(built.stack.functions.fns)
        .map((n) => fnOf(n as FunctionName)[0])
        .sort(),
    );
    for (const [, fn] of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.anything() },
      });
    }
    for (const b of Object.values(built.bundles)) {
      expect(b.file.endsWith('.mjs')).toBe(true);
      expect(b.bytes).toBeGreaterThan(0);
    }
  });

  it('configures each function from its environment: table, queues, bucket, issuer and audience', () => {
    const env = (n: FunctionName) => fnOf(n)[1].Properties.Environment.Variables;
    expect(Object.keys(env('api'))).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'JWT_ISSUER', 'JWT_AUDIENCE', 'EVIDENCE_BUCKET_NAME', 'USER_POOL_ID']),
    );
    expect(Object.keys(env('auth')).sort()).toEqual(
      [
        'AGENCY_PROVIDERS',
        'COGNITO_DOMAIN',
        'CONSOLE_ORIGIN',
        'JWT_AUDIENCE',
        'JWT_ISSUER',
        'POWERTOOLS_METRICS_NAMESPACE',
        'POWERTOOLS_SERVICE_NAME',
        'TABLE_NAME',
        'USER_POOL_ID',
      ].sort(),
    );
    const poolId = built.stack.getLogicalId(built.stack.identity.userPool.node.defaultChild as never);
    for (const n of ['api', 'auth'] as const) expect(env(n).USER_POOL_ID).toEqual({ Ref: poolId });
    expect(env('api').EVENTS_QUEUE_URL).toBeUndefined();
    for (const n of ['fanout', 'delivery', 'sweep'] as const)
      expect(Object.keys(env(n))).toEqual(expect.arrayContaining(['TABLE_NAME', 'EVENTS_QUEUE_URL', 'DELIVERY_QUEUE_URL']));
    // Webhooks reach only the public internet: no function is told otherwise.
    // Fan-out alone puts audit export jobs on their queue.
    expect(Object.keys(env('fanout'))).toContain('EXPORTS_QUEUE_URL');
    for (const n of ['api', 'delivery', 'sweep', 'export'] as const) expect(env(n).EXPORTS_QUEUE_URL).toBeUndefined();
    for (const n of ['api', 'fanout', 'delivery', 'sweep', 'export'] as const) expect(env(n).WEBHOOK_DESTINATIONS).toBeUndefined();
  });

  it('grants each role exactly what its code calls: actions, the table and index ARNs, partitions, queues, the evidence prefix', () => {
    const own = (fn: FunctionName) => [
      { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`${fn}-logs`] },
      { actions: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
    ];
    const kms = (...services: string[]) => ({
      actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
      resources: ['data-key'],
      condition: { StringEquals: { 'kms:ViaService': services.map((s) => `${s}.\${AWS::Region}.amazonaws.com`) } },
    });
    const partitions = (...keys: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys } });
    /** What the SQS event source mapping adds for the function that consumes a queue. */
    const consumes = (queue: string, extra: string[] = []) => [
      {
        actions: [
          'sqs:ChangeMessageVisibility',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
          'sqs:ReceiveMessage',
          ...extra,
        ],
        resources: [queue],
      },
      { actions: ['kms:Decrypt'], resources: ['data-key'] },
    ];

    expect(grantsOf('api')).toEqual(
      canonical([
        ...own('api'),
        {
          actions: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
          resources: ['table'],
        },
        { actions: ['dynamodb:Query'], resources: ['table/index/gsi1', 'table/index/gsi2', 'table/index/due'] },
        { actions: ['dynamodb:UpdateItem'], resources: ['table'], condition: partitions('NOTIF#*') },
        // Counting a request's status change into its partner's turnaround.
        { actions: ['dynamodb:UpdateItem'], resources: ['table'], condition: partitions('TURN#*') },
        // Evidence: direct uploads and downloads, and of any size resuming (the parts of one upload), abandoning, the scan's verdict.
        {
          actions: ['s3:AbortMultipartUpload', 's3:GetObject', 's3:GetObjectTagging', 's3:ListMultipartUploadParts', 's3:PutObject'],
          resources: ['evidence-bucket/evidence/*'],
        },
        // Signing the link to a ready audit export file.
        { actions: ['s3:GetObject'], resources: ['evidence-bucket/audit-exports/*'] },
        kms('dynamodb', 's3'),
        // The user directory, read only: the names on an incident's delivery trail.
        { actions: ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup'], resources: ['user-pool'] },
      ]),
    );
    // Exchange: the REST list reads, and the read audit they append (a queued entry in the chain, its idempotency record).
    expect(grantsOf('exchange')).toEqual(
      canonical([
        ...own('exchange'),
        { actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'], resources: ['table'] },
        // …and a STIX import's records (WS#) and their selectors' hit/no-hit index items (MATCH#).
        { actions: ['dynamodb:PutItem'], resources: ['table'], condition: partitions('WS#*', 'IDEM#*', 'MATCH#*#*') },
        // Signing the link to a ready document (a PDF request package or workspace report).
        { actions: ['s3:GetObject'], resources: ['evidence-bucket/documents/*'] },
        kms('dynamodb'),
      ]),
    );
    expect(grantsOf('people')).toEqual(
      canonical([
        ...own('people'),
        {
          actions: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
          resources: ['table'],
        },
        { actions: ['dynamodb:Query'], resources: ['table/index/gsi1', 'table/index/gsi2', 'table/index/due'] },
        kms('dynamodb'),
        // User administration on this pool: list, read, invite, roles, disable/enable and sign out, MFA reset; never delete.
        {
          actions: [
            'cognito-idp:AdminAddUserToGroup',
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminDisableUser',
            'cognito-idp:AdminEnableUser',
            'cognito-idp:AdminGetUser',
            'cognito-idp:AdminSetUserMFAPreference',
            'cognito-idp:AdminUpdateUserAttributes',
            'cognito-idp:AdminUserGlobalSignOut',
            'cognito-idp:CreateGroup',
            'cognito-idp:ListUsers',
            'cognito-idp:ListUsersInGroup',
          ],
          resources: ['user-pool'],
        },
        // A contact method's verification code, from the one sender address (infra/test/channels.test.ts; no SMS without an origination identity).
        {
          actions: ['ses:SendEmail'],
          resources: [
            `arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:configuration-set/taskforce-mail`,
            `arn:\${AWS::Partition}:ses:\${AWS::Region}:\${AWS::AccountId}:identity/mail-identity`,
          ],
          condition: { StringEquals: { 'ses:FromAddress': ['taskforce@taskforce.example'] } },
        },
        // The VAPID keys web pushes are signed with: read on first use, the first pair written once (docs/push.md).
        { actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'], resources: ['vapid-keys'] },
      ]),
    );
    expect(grantsOf('auth')).toEqual(
      canonical([
        ...own('auth'),
        // Sessions (signing out everywhere deletes a person's in a batch, in their partitions only).
        { actions: ['dynamodb:BatchWriteItem'], resources: ['table'], condition: partitions('SIGNIN#*', 'SESSION#*') },
        // The acknowledge link: its reads and its acknowledgement's transaction, as the API's commands; its rate counter.
        { actions: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'], resources: ['table'] },
        { actions: ['dynamodb:UpdateItem'], resources: ['table'], condition: partitions('RATE#*') },
        { actions: ['dynamodb:Query'], resources: ['table/index/gsi2'], condition: partitions('SESSIONS#*') },
        {
          actions: ['cognito-idp:AdminUserGlobalSignOut', 'cognito-idp:DescribeUserPoolClient', 'cognito-idp:ListUsers'],
          resources: ['user-pool'],
        },
        kms('dynamodb'),
      ]),
    );
    expect(grantsOf('sweep')).toEqual(
      canonical([
        ...own('sweep'),
        { actions: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'], resources: ['table'] },
        { actions: ['dynamodb:Query'], resources: ['table/index/due'] },
        { actions: ['dynamodb:UpdateItem'], resources: ['table'], condition: partitions('PLATFORM', 'WS#*', 'NOTIF#*') },
        // Counting a request's expiry into its partner's turnaround.
        { actions: ['dynamodb:UpdateItem'], resources: ['table'], condition: partitions('TURN#*') },
        { actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: ['table'], condition: partitions('PLATFORM', 'WS#*') },
        { actions: ['sqs:SendMessage'], resources: [QUEUES.events.name, QUEUES.delivery.name] },
        kms('dynamodb', 'sqs'),
      ]),
    );
    expect(grantsOf('sequencer')).toEqual(
      canonical([
        { actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: ['sequencer-logs'] },
        // X-Ray, and what the stream event source mapping adds for the Lambda service's poller.
        { actions: ['dynamodb:ListStreams', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'], resources: ['*'] },
        {
          actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
          resources: ['table'],
          condition: partitions('PLATFORM', 'WS#*'),
        },
        kms('dynamodb'),
        { actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resources: ['table.StreamArn'] },
        { actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: ['data-key'] },
      ]),
    );
    expect(grantsOf('fanout')).toEqual(
      canonical([
        ...own('fanout'),
        { actions: ['dynamodb:BatchGetItem'], resources: ['table'] },
        { actions: ['dynamodb:PutItem'], resources: ['table'], condition: partitions('NOTIF#*') },
        { actions: ['dynamodb:UpdateItem'], resources: ['table'], condition: partitions('PLATFORM', 'WS#*') },
        { actions: ['sqs:SendMessage'], resources: [QUEUES.delivery.name, QUEUES.exports.name, QUEUES.pages.name] },
        kms('dynamodb', 'sqs'),
        ...consumes(QUEUES.events.name),
        // The escalations' one-time schedules: created and deleted in their group only, passing only their invoker role.
        {
          actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
          resources: [`arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule/escalations-group/*`],
        },
        {
          actions: ['iam:PassRole'],
          resources: ['escalation-invoker'],
          condition: { StringEquals: { 'iam:PassedToService': ['scheduler.amazonaws.com'] } },
        },
      ]),
    );
    expect(grantsOf('export')).toEqual(
      canonical([
        ...own('export'),
        {
          actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
          resources: ['table'],
          condition: partitions('WS#*'),
        },
        { actions: ['dynamodb:BatchGetItem'], resources: ['table'], condition: partitions('POLICY#*') },
        // Audit export files, and documents' PDFs.
        {
          actions: ['s3:AbortMultipartUpload', 's3:PutObject'],
          resources: ['evidence-bucket/audit-exports/*', 'evidence-bucket/documents/*'],
        },
        // The read audit a document's list reads append (its idempotency record; the entry is in WS#).
        { actions: ['dynamodb:PutItem'], resources: ['table'], condition: partitions('IDEM#*') },
        // Verifying a completed evidence upload: its parts joined, the object digested, the scan's verdict.
        {
          actions: ['s3:GetObject', 's3:GetObjectTagging', 's3:ListMultipartUploadParts', 's3:PutObject'],
          resources: ['evidence-bucket/evidence/*'],
        },
        kms('dynamodb', 's3'),
        ...consumes(QUEUES.exports.name),
      ]),
    );
    expect(grantsOf('delivery')).toEqual(
      canonical([
        ...own('delivery'),
        { actions: ['dynamodb:BatchGetItem'], resources: ['table'], condition: partitions('ORG#*', 'WS#*', 'POLICY#*') },
        {
          actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
          resources: ['table'],
          condition: partitions('NOTIF#*'),
        },
        kms('dynamodb'),
        // Its own ChangeMessageVisibility (retry backoff) is among what consuming the queue needs.
        ...consumes(QUEUES.delivery.name),
      ]),
    );
    // The pager's sends (SES, SMS) are checked with the channels (infra/test/channels.test.ts).
    expect(grantsOf('pager').filter((g) => !g.actions.some((a) => /^(ses|sms-voice):/.test(a)))).toEqual(
      canonical([
        ...own('pager'),
        { actions: ['dynamodb:GetItem'], resources: ['table'], condition: partitions('WS#*') },
        { actions: ['dynamodb:BatchGetItem'], resources: ['table'], condition: partitions('WS#*', 'PERSON#*', 'ORG#*', 'POLICY#*') },
        { actions: ['dynamodb:PutItem'], resources: ['table'], condition: partitions('WS#*', 'PAGEMSG#*') },
        { actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'], resources: ['vapid-keys'] },
        kms('dynamodb'),
        ...consumes(QUEUES.pages.name),
      ]),
    );
    expect(grantsOf('status')).toEqual(
      canonical([
        ...own('status'),
        { actions: ['dynamodb:GetItem'], resources: ['table'], condition: partitions('PAGEMSG#*') },
        { actions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem'], resources: ['table'], condition: partitions('WS#*') },
        { actions: ['sqs:SendMessage'], resources: [QUEUES.pages.name] },
        kms('dynamodb', 'sqs'),
        ...consumes(CHANNEL_STATUS_QUEUE.name),
      ]),
    );
  });

  it('never grants a wildcard action, a scan, a delete of evidence, or a key outside its services', () => {
    for (const n of ['api', 'fanout', 'delivery', 'sweep', 'export', 'sequencer', 'auth'] as const) {
      const actions = actionsOf(n);
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
      // The sign-in deletes a person's sessions in batches (signing out everywhere), in the session partitions only (above).
      const batchWrite = n === 'auth' ? /^dynamodb:(Scan|PartiQL)/ : /^dynamodb:(Scan|BatchWriteItem|PartiQL)/;
      expect(
        // ListMultipartUploadParts lists the parts of one upload (a resume), not the bucket's keys.
        actions.filter(
          (a) => batchWrite.test(a) || /^s3:(Delete|List(?!MultipartUploadParts))/.test(a) || /^cognito-idp:(AdminDelete|Delete)/.test(a),
        ),
      ).toEqual([]);
      for (const g of grantsOf(n)) {
        // X-Ray, and the stream poller's ListStreams: neither takes a resource.
        if (g.resources.includes('*')) expect(g.actions.every((a) => a.startsWith('xray:') || a === 'dynamodb:ListStreams')).toBe(true);
      }
    }
  });

  it('sequences audit chains from the table stream, only inserted queued entries, with partial batch responses', () => {
    const [sequencerId] = fnOf('sequencer');
    const [tableId] = ofType('AWS::DynamoDB::Table')[0]!;
    const [, mapping] = ofType('AWS::Lambda::EventSourceMapping').find(([, m]) => logicalIdOf(m.Properties.FunctionName) === sequencerId)!;
    expect(mapping.Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    const patterns = (mapping.Properties.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      {
        eventName: ['INSERT'],
        dynamodb: { NewImage: { kind: { S: ['audit-queued'] }, duePk: { S: [{ prefix: 'AUDQ#' }] } } },
      },
    ]);
  });

  it('gives the functions that sequence audit chains the signing key from a generated secret, with no grant to read it', () => {
    const [, secret] = ofType('AWS::SecretsManager::Secret').find(([id]) => labelOf(id) === 'audit-signing-keys')!;
    expect(secret.Properties.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{}', GenerateStringKey: 'current' });
    const env = (n: FunctionName) => fnOf(n)[1].Properties.Environment.Variables;
    for (const n of ['api', 'sweep', 'export', 'sequencer'] as const) {
      expect(render(env(n).AUDIT_SIGNING_KEYS)).toBe('{{resolve:secretsmanager:audit-signing-keys:SecretString:::}}');
    }
    for (const n of ['fanout', 'delivery'] as const) expect(env(n).AUDIT_SIGNING_KEYS).toBeUndefined();
  });

  it('gives the API alone the matching key from a generated, retained secret, with no grant to read it', () => {
    const [, secret] = ofType('AWS::SecretsManager::Secret').find(([id]) => labelOf(id) === 'matching-keys')!;
    expect(secret.Properties.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{}', GenerateStringKey: 'current' });
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(64);
    const env = (n: FunctionName) => fnOf(n)[1].Properties.Environment.Variables;
    expect(render(env('api').MATCHING_KEYS)).toBe('{{resolve:secretsmanager:matching-keys:SecretString:::}}');
    for (const n of ['fanout', 'delivery', 'sweep', 'export', 'sequencer'] as const) expect(env(n).MATCHING_KEYS).toBeUndefined();
  });

  it('gives the API function its cursor keys from a generated secret, resolved by CloudFormation, with no grant to read it (the only secret read at run time is the VAPID keys)', () => {
    const [, secret] = ofType('AWS::SecretsManager::Secret').find(([id]) => labelOf(id) === 'cursor-keys')!;
    expect(secret.Properties.GenerateSecretString).toMatchObject({ SecretStringTemplate: '{}', GenerateStringKey: 'current' });
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(64);
    const env = (n: FunctionName) => fnOf(n)[1].Properties.Environment.Variables;
    expect(render(env('api').CURSOR_KEYS)).toBe('{{resolve:secretsmanager:cursor-keys:SecretString:::}}');
    for (const n of ['fanout', 'delivery', 'sweep', 'export', 'sequencer'] as const) expect(env(n).CURSOR_KEYS).toBeUndefined();
    const statements = ofType('AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[]);
    const secretGrants = statements.filter((st) => [st.Action].flat().some((a: string) => a.startsWith('secretsmanager:')));
    expect(secretGrants.flatMap((st) => [st.Resource].flat().map(render))).toEqual(['vapid-keys', 'vapid-keys']);
  });

  it('keeps the VAPID keys in a secret holding only the subject until the first function writes a pair, and tells only the people function and the pager where it is', () => {
    const [id, secret] = ofType('AWS::SecretsManager::Secret').find(([i]) => labelOf(i) === 'vapid-keys')!;
    expect(JSON.parse(secret.Properties.GenerateSecretString.SecretStringTemplate)).toEqual({
      subject: 'mailto:taskforce@taskforce.example',
    });
    const env = (n: FunctionName) => fnOf(n)[1].Properties.Environment.Variables;
    expect(env('people').VAPID_SECRET_ARN).toEqual({ Ref: id });
    expect(env('api').VAPID_SECRET_ARN).toBeUndefined();
    expect(env('pager').VAPID_SECRET_ARN).toEqual({ Ref: id });
    for (const n of ['fanout', 'delivery', 'sweep', 'export', 'sequencer'] as const) expect(env(n).VAPID_SECRET_ARN).toBeUndefined();
  });

  it('reads the secret version a rotation names, so that the deploy resolves the new keys', () => {
    const bundles = Object.fromEntries(Object.entries(built.bundles).map(([n, b]) => [n, b.dir])) as Record<FunctionName, string>;
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
    const stack = new TaskforceStack(app, 'Rotated', {
      bundles,
      console: built.consoleDir,
      cursorKeysVersion: 'f3c5a0d2-7b1e-4c55-9a4e-0d9a1c2b3e4f',
    });
    const fns = Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, Cfn>).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment.Variables.CURSOR_KEYS,
    );
    // The API, people and exchange functions, which seal and open the same cursors.
    expect(fns).toHaveLength(3);
    for (const fn of fns)
      expect(JSON.stringify(fn.Properties.Environment.Variables.CURSOR_KEYS)).toContain(
        ':SecretString:::f3c5a0d2-7b1e-4c55-9a4e-0d9a1c2b3e4f}}',
      );
  });

  it('names the evidence bucket to the API and export functions only', () => {
    const env = (n: FunctionName) => fnOf(n)[1].Properties.Environment.Variables;
    expect(render(env('api').EVIDENCE_BUCKET_NAME)).toBe('evidence-bucket');
    expect(render(env('export').EVIDENCE_BUCKET_NAME)).toBe('evidence-bucket');
    for (const n of ['fanout', 'delivery', 'sweep'] as const) expect(env(n).EVIDENCE_BUCKET_NAME).toBeUndefined();
  });
});

describe('schedule and monitoring', () => {
  it('runs the sweep every minute, firing timers for its timeout less a margin, and ending before the next one', () => {
    const [sweepId, sweep] = fnOf('sweep');
    const { Timeout, Environment } = sweep.Properties;
    expect(Timeout).toBeLessThan(60);
    expect(Number(Environment.Variables.SWEEP_MARGIN_SECONDS)).toBeGreaterThan(0);
    expect(Number(Environment.Variables.SWEEP_MARGIN_SECONDS)).toBeLessThan(Timeout / 2);
    expect(Number(Environment.Variables.SWEEP_CONCURRENCY)).toBeGreaterThan(1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweepId, 'Arn'] } })],
    });
  });

  it('alarms on any dead-letter message, function error or throttle, and API 5xx, to an encrypted topic', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const topicId = built.stack.getLogicalId(built.stack.monitoring.topic.node.defaultChild as never);
    expect(resources[topicId]!.Properties.KmsMasterKeyId).toBeDefined();
    // The channels' rates and status age have thresholds of their own (infra/test/channels.test.ts).
    const own = new Set(built.stack.channels.alarms.map((t) => t.description));
    for (const a of alarms) {
      expect(a).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching' });
      if (!own.has(a.AlarmDescription)) expect(a.Threshold).toBe(0);
      expect(a.AlarmActions).toEqual([{ Ref: topicId }]);
    }
    const count = (metric: string) => alarms.filter((a) => a.MetricName === metric).length;
    expect(count('ApproximateNumberOfMessagesVisible')).toBe(6); // events, delivery, exports, pages, relay, channel status dead-letter queues
    expect(count('Errors')).toBe(Object.keys(FUNCTION_ENTRIES).length);
    expect(count('Throttles')).toBe(Object.keys(FUNCTION_ENTRIES).length);
    expect(count('5xx')).toBe(1);
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('finds nothing unacknowledged', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(built.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('stops the synth on a finding nobody acknowledged', () => {
    const bundles = Object.fromEntries(Object.entries(built.bundles).map(([n, b]) => [n, b.dir])) as Record<FunctionName, string>;
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'taskforce-cdk-')), context: cdkJsonContext() });
    const stack = new TaskforceStack(app, 'Careless', { bundles, console: built.consoleDir });
    new sqs.Queue(stack, 'PlainQueue');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const report = new AwsSolutionsChecks().validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
    expect(() => app.synth()).toThrow();
  });

  it('gives every acknowledgment a written reason, recorded in the template', () => {
    for (const a of ACKNOWLEDGMENTS) expect(a.reason.length).toBeGreaterThan(40);
    const recorded = Object.values(resources).flatMap((r) => (r.Metadata?.cdk_nag?.rules_to_suppress ?? []) as Cfn[]);
    for (const a of ACKNOWLEDGMENTS) expect(recorded).toContainEqual(expect.objectContaining({ id: a.id, reason: a.reason }));
  });
});
