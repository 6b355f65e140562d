/**
 * The roles the stack gives the functions, checked against what the functions' code really
 * asks of AWS. Every SDK request a handler makes while it serves a scenario that reaches each
 * store call (commands, lists, partner inbox, evidence, timers, relay, fan-out, webhook and
 * inbox delivery, acknowledgement) is recorded, turned into the IAM action, resource and
 * partition key AWS authorises it by, and evaluated against the synthesised role policy: each
 * must be allowed, and each grant must be used by some request, so a role holds no more than
 * its code needs and no less.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { type Message, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { runCommand, SYSTEM_ACTOR, systemClock, systemCommand, type Timer, timeOrderedIds } from '@taskforce/core';
import { tlpMarkingId } from '@taskforce/core/stix';
import { DynamoStore, documentClient, recordKey, toItem } from '@taskforce/dynamo';
import { QUEUES } from '@taskforce/messaging';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  ScheduledEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { interceptLocalhostDns } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../../infra/src/bundle';
import { functionPolicies, type Statement } from '../../infra/test/support/role-policies';
import { dynamoStreamEvent, httpApiEvent, lambdaContext, scheduledEvent, sqsEvent } from './events';
import { localAws, startCognitoStub } from './local-aws';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation and SDK inputs are read ad hoc
type Any = Record<string, any>;
type Handler<E, R> = (event: E, context: Context) => Promise<R>;

/** What IAM authorises one request (or one item of a transaction) by. */
interface Request {
  action: string;
  /** The resource by name: `table`, `table/index/<name>`, a queue's name, `evidence-bucket/<key>`. */
  resource: string;
  /** The partition keys it touches (dynamodb:LeadingKeys). */
  partitions?: string[];
  from: string;
}

const FUNCTIONS = ['api', 'exchange', 'fanout', 'delivery', 'sweep', 'export', 'sequencer'] as const;
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** IAM's answer for one request: an Allow whose action, resource and partition condition all match. */
const allows = (s: Statement, r: Request) =>
  s.actions.includes(r.action) &&
  s.resources.some((p) => glob(p).test(r.resource)) &&
  (!s.partitions || (r.partitions ?? []).every((k) => s.partitions!.some((p) => glob(p).test(k))));

// ── The requests, recorded from the SDK clients the functions' code creates ──

let current: FunctionName | undefined;
// The pre-token trigger calls nothing: its role is logs and X-Ray only (infra/test/stack.int.test.ts).
const recorded: Record<FunctionName, Request[]> = {
  api: [],
  people: [],
  exchange: [],
  fanout: [],
  delivery: [],
  sweep: [],
  export: [],
  sequencer: [],
  pretoken: [],
  auth: [],
  pager: [],
  status: [],
};
let env: Record<string, string> = {};

const queueName = (url: string) => {
  const name = url.slice(url.lastIndexOf('/') + 1);
  return Object.values(QUEUES).find((q) => name.endsWith(`-${q.name}`))?.name ?? name;
};
/** The partition key value of a key condition (`<attr> = :v …`). */
const keyConditionPartition = (input: Any) => {
  const m = /^\s*(\S+)\s*=\s*(:\w+)/.exec(input.KeyConditionExpression);
  return [String(input.ExpressionAttributeValues[m![2]!])];
};
/** A command of the document client (inputs in plain JS), SQS or S3, as what IAM authorises it by. */
const toRequests = (command: string, input: Any): Omit<Request, 'from'>[] => {
  const table = (name: string, index?: string) => {
    expect(name).toBe(env.TABLE_NAME);
    return index ? `table/index/${index}` : 'table';
  };
  switch (command) {
    case 'GetCommand':
      return [{ action: 'dynamodb:GetItem', resource: table(input.TableName), partitions: [input.Key.pk] }];
    case 'PutCommand':
      return [{ action: 'dynamodb:PutItem', resource: table(input.TableName), partitions: [input.Item.pk] }];
    case 'UpdateCommand':
      return [{ action: 'dynamodb:UpdateItem', resource: table(input.TableName), partitions: [input.Key.pk] }];
    case 'DeleteCommand':
      return [{ action: 'dynamodb:DeleteItem', resource: table(input.TableName), partitions: [input.Key.pk] }];
    case 'QueryCommand':
      return [{ action: 'dynamodb:Query', resource: table(input.TableName, input.IndexName), partitions: keyConditionPartition(input) }];
    case 'BatchGetCommand':
      return Object.entries(input.RequestItems as Any).map(([name, r]) => ({
        action: 'dynamodb:BatchGetItem',
        resource: table(name),
        partitions: (r.Keys as Any[]).map((k) => k.pk),
      }));
    case 'TransactWriteCommand':
      // Authorised item by item (there is no TransactWriteItems permission).
      return (input.TransactItems as Any[]).map((item) => {
        const [op, body] = Object.entries(item)[0] as [string, Any];
        const action = { Put: 'PutItem', Delete: 'DeleteItem', Update: 'UpdateItem', ConditionCheck: 'ConditionCheckItem' }[op];
        return { action: `dynamodb:${action}`, resource: table(body.TableName), partitions: [(body.Item ?? body.Key).pk] };
      });
    case 'SendMessageCommand':
    case 'SendMessageBatchCommand':
      return [{ action: 'sqs:SendMessage', resource: queueName(input.QueueUrl) }];
    case 'ChangeMessageVisibilityCommand':
      return [{ action: 'sqs:ChangeMessageVisibility', resource: queueName(input.QueueUrl) }];
    case 'PutObjectCommand':
    case 'GetObjectCommand':
    case 'AbortMultipartUploadCommand':
      expect(input.Bucket).toBe(env.EVIDENCE_BUCKET_NAME);
      return [{ action: `s3:${command.replace(/Command$/, '')}`, resource: `evidence-bucket/${input.Key}` }];
    // Every step of a multipart upload is authorised as PutObject.
    case 'CreateMultipartUploadCommand':
    case 'UploadPartCommand':
    case 'CompleteMultipartUploadCommand':
      expect(input.Bucket).toBe(env.EVIDENCE_BUCKET_NAME);
      return [{ action: 's3:PutObject', resource: `evidence-bucket/${input.Key}` }];
    default:
      throw new Error(`no IAM mapping for ${command}: add one before the code uses it`);
  }
};

const recordSends = () => {
  const bases = new Set([DynamoDBClient, DynamoDBDocumentClient, SQSClient, S3Client].map((c) => Object.getPrototypeOf(c.prototype)));
  const restores = [...bases].map((base) => {
    const send = base.send;
    base.send = function (this: unknown, command: { constructor: { name: string }; input: Any }, ...rest: unknown[]) {
      if (current) {
        const name = command.constructor.name;
        for (const r of toRequests(name, command.input)) recorded[current].push({ ...r, from: name });
      }
      return send.call(this, command, ...rest);
    };
    return () => {
      base.send = send;
    };
  });
  return () => {
    for (const r of restores) r();
  };
};

// ── The scenario ──

let cognito: Awaited<ReturnType<typeof startCognitoStub>>;
let aws: Awaited<ReturnType<typeof localAws>>;
let restoreDns: () => void;
let restoreSends: () => void;
let policies: Record<FunctionName, Statement[]>;
const webhook = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});

const handlers = {} as {
  api: Handler<APIGatewayProxyEventV2, APIGatewayProxyResult>;
  exchange: Handler<APIGatewayProxyEventV2, APIGatewayProxyResult>;
  fanout: Handler<SQSEvent, SQSBatchResponse>;
  delivery: Handler<SQSEvent, SQSBatchResponse>;
  sweep: Handler<ScheduledEvent, { fired: unknown[]; relayed: number }>;
  export: Handler<SQSEvent, SQSBatchResponse>;
  sequencer: Handler<DynamoDBStreamEvent, DynamoDBBatchResponse>;
};
const invoke = async <R>(fn: keyof typeof handlers, event: unknown, context: Context = lambdaContext(fn)): Promise<R> => {
  current = fn;
  try {
    return (await (handlers[fn] as Handler<unknown, R>)(event, context)) as R;
  } finally {
    current = undefined;
  }
};
const call = async (method: string, path: string, token: string, body?: unknown, fn: 'api' | 'exchange' = 'api') => {
  const res = await invoke<APIGatewayProxyResult>(fn, httpApiEvent(method, path, { token, ...(body !== undefined ? { body } : {}) }));
  return { ...res, json: res.body && String(res.headers?.['content-type']).includes('json') ? JSON.parse(res.body) : undefined };
};

beforeAll(async () => {
  policies = functionPolicies();
  restoreDns = interceptLocalhostDns();
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
  cognito = await startCognitoStub();
  aws = await localAws(cognito.issuer);
  env = aws.env;
  Object.assign(process.env, aws.env);
  restoreSends = recordSends();
  handlers.api = (await import('../src/api')).handler as unknown as typeof handlers.api;
  handlers.exchange = (await import('../src/exchange')).handler as unknown as typeof handlers.exchange;
  handlers.fanout = (await import('../src/fanout')).handler;
  handlers.delivery = (await import('../src/delivery')).handler;
  handlers.sweep = (await import('../src/sweep')).handler as typeof handlers.sweep;
  handlers.export = (await import('../src/export')).handler;
  handlers.sequencer = (await import('../src/sequencer')).handler;

  const admin = await cognito.idToken('platform', 'international', 'ZZZ', 'admin');
  const lead = await cognito.idToken('vnm-a05', 'agency', 'VNM', 'officer');
  const fbi = await cognito.idToken('usa-fbi', 'agency', 'USA', 'officer');
  const bank = await cognito.idToken('mekong-bank', 'provider', 'THA', 'responder');
  const ok = <T extends { statusCode: number; body: string }>(r: T, status: number): T => {
    expect(r.statusCode, r.body).toBe(status);
    return r;
  };

  // API: organisations (platform chain), a webhook, a workspace with a member, a task due in a moment.
  for (const org of [
    { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
    { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
    { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  ])
    ok(await call('POST', '/v1/organisations', admin, org), 201);
  ok(await call('GET', '/v1/organisations', lead), 200);
  ok(await call('GET', '/v1/organisations/usa-fbi', lead), 200);
  // A platform administrator's redrive of given-up webhook posts (none yet): the parked partitions of the due index.
  ok(await call('POST', '/v1/admin/redrive', admin, {}), 200);
  const url = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
  ok(await call('PUT', '/v1/notifications/webhook', lead, { url }), 200);
  const ws = ok(await call('POST', '/v1/workspaces', lead, { title: 'Op Grants', legalBasis: { code: 'UNCC', text: 'art. 47' } }), 201).json
    .id;
  ok(await call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' }), 201);
  ok(await call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi), 200);
  ok(await call('GET', '/v1/workspaces', fbi), 200);
  const dueAt = new Date(Date.now() + 1500).toISOString();
  ok(await call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'Trace the wallet', assigneeOrgId: 'usa-fbi', dueAt }), 201);

  // API: a data request to a bank, its inbox, evidence in and out of the bucket.
  const request = ok(
    await call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18', reference: 'VNM-A05/2026/9' },
      description: 'Account holder and transactions',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
      period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' },
    }),
    201,
  ).json.id;
  ok(await call('GET', '/v1/portal/requests', bank), 200);
  ok(await call('POST', `/v1/portal/requests/${request}/acknowledge`, bank), 200);
  const content = Buffer.from('date,amount\n2026-02-01,9800\n');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const evidence = ok(
    await call('POST', `/v1/portal/requests/${request}/evidence`, bank, {
      fileName: 's.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256,
    }),
    201,
  ).json.id;
  ok(
    await invoke<APIGatewayProxyResult>(
      'api',
      httpApiEvent('PUT', `/v1/portal/requests/${request}/evidence/${evidence}/content`, {
        token: bank,
        binary: { bytes: content, contentType: 'application/octet-stream' },
      }),
    ),
    200,
  );
  ok(await call('GET', `/v1/workspaces/${ws}/requests/${request}/evidence/${evidence}/content`, lead), 200);

  // API: two audit exports; their jobs reach the exports queue through the outbox and fan-out (below).
  const exportJobs = [
    ok(await call('POST', `/v1/workspaces/${ws}/audit/exports`, lead), 202).json.id as string,
    ok(await call('POST', `/v1/workspaces/${ws}/audit/exports`, lead), 202).json.id as string,
  ];

  // Exchange: a workspace report (a PDF document job, put on the exports queue like the audit
  // exports), and the workspace's TAXII collection read as a threat-intelligence tool reads it.
  const asked = httpApiEvent('POST', `/v1/workspaces/${ws}/reports?lang=th`, {
    token: lead,
    headers: { 'idempotency-key': 'grants-report-1' },
  });
  const report = JSON.parse(ok(await invoke<APIGatewayProxyResult>('exchange', asked), 202).body).id as string;
  // Exchange: a STIX bundle previewed, then imported (its record, audit entry, event and hit/no-hit index items).
  const at = '2026-12-01T00:00:00.000Z';
  const bundle = {
    type: 'bundle',
    id: `bundle--${randomUUID()}`,
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: `indicator--${randomUUID()}`,
        created: at,
        modified: at,
        name: 'Mule recruiter',
        pattern: "[email-addr:value = 'mule.recruiter@example.com']",
        pattern_type: 'stix',
        valid_from: at,
        object_marking_refs: [tlpMarkingId('AMBER')],
      },
    ],
  };
  const preview = ok(await call('POST', `/v1/workspaces/${ws}/stix-imports/preview?tlp=AMBER`, lead, bundle, 'exchange'), 200).json;
  ok(await call('POST', `/v1/workspaces/${ws}/stix-imports?tlp=AMBER&digest=${preview.digest}`, lead, bundle, 'exchange'), 201);
  const taxii = httpApiEvent('GET', '/taxii2/api/collections/', { token: lead, headers: { accept: 'application/taxii+json;version=2.1' } });
  ok(await invoke<APIGatewayProxyResult>('exchange', taxii), 200);

  // Sweep: the task's timer fires; the outbox (platform and workspace events) is relayed.
  // Sequencer: the table's stream hands it the queued audit entries of the workspace and the platform.
  // A ladder level's pages, written with their `incident.paged` event (as the ladder writes them):
  // fan-out puts each on the pages queue.
  await runCommand(
    { store: new DynamoStore(documentClient(aws.dynamo), aws.tableName), clock: systemClock, ids: timeOrderedIds(systemClock) },
    {
      chainId: ws,
      actor: SYSTEM_ACTOR,
      refs: [],
      authorize: systemCommand,
      decide: () => ({
        writes: [],
        events: [
          {
            type: 'incident.paged',
            workspaceId: ws,
            subject: { type: 'incident', id: 'inc-grants' },
            audience: [],
            data: { incidentId: 'inc-grants', country: 'THA', level: 1, round: 1, pageIds: ['pg-grants'] },
          },
        ],
        audit: { action: 'incident.escalated', target: { type: 'incident', id: 'inc-grants' }, markings: [] },
        result: null,
      }),
    },
  );

  const queued = [];
  for (const pk of [`WS#${ws}`, 'PLATFORM']) {
    const out = await aws.dynamo.send(
      new QueryCommand({
        TableName: aws.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :q)',
        ExpressionAttributeValues: { ':pk': { S: pk }, ':q': { S: 'AUDQ#' } },
      }),
    );
    queued.push(...(out.Items ?? []));
  }
  expect(queued.length).toBeGreaterThan(0);
  expect(await invoke('sequencer', dynamoStreamEvent(queued))).toEqual({ batchItemFailures: [] });
  // An entry of the platform's chain the stream's sequencer has not seen: the sweep sequences it.
  ok(await call('POST', '/v1/organisations', admin, { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' }), 201);

  // Sweep: the task's timer fires; the outbox (platform and workspace events) is relayed; the
  // timer's audit entry is sequenced.
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(dueAt) + 200 - Date.now())));
  const swept = await invoke<{ fired: unknown[]; relayed: number }>('sweep', scheduledEvent());
  expect(swept.fired.length).toBeGreaterThan(0);

  // Fan-out, then delivery (webhook and inbox) with one unreadable message that is retried,
  // then the same deliveries again, which find their webhook already delivered.
  const events = await aws.receiveAll(aws.queues.events.url);
  expect(await invoke('fanout', sqsEvent(QUEUES.events.name, events))).toEqual({ batchItemFailures: [] });

  // Export: the first job runs out of time (its upload aborted), the second is written; the API
  // presigns the link to it with its own role, so the link's GET is authorised as the API's.
  const jobs = await aws.receiveAll(aws.queues.exports.url);
  expect(jobs).toHaveLength(3);
  const byJob = (id: string) => jobs.filter((m) => JSON.parse(m.Body!).exportId === id);
  const late = { ...lambdaContext('export'), getRemainingTimeInMillis: () => 1_000 };
  expect(await invoke('export', sqsEvent(QUEUES.exports.name, byJob(exportJobs[0]!)), late)).toEqual({ batchItemFailures: [] });
  expect(await invoke('export', sqsEvent(QUEUES.exports.name, byJob(exportJobs[1]!)))).toEqual({ batchItemFailures: [] });
  expect(ok(await call('GET', `/v1/workspaces/${ws}/audit/exports/${exportJobs[0]}`, lead), 200).json).toMatchObject({
    status: 'failed',
    error: { code: 'out_of_time' },
  });
  const ready = ok(await call('GET', `/v1/workspaces/${ws}/audit/exports/${exportJobs[1]}`, lead), 200).json;
  expect(ready.status).toBe('ready');
  const link = new URL(ready.download.url);
  expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
  recorded.api.push({
    action: 's3:GetObject',
    // Path-style (`/<bucket>/<key>`) or virtual-hosted (`/<key>`), as the client addresses the bucket.
    resource: `evidence-bucket/${decodeURIComponent(link.pathname.replace(`/${env.EVIDENCE_BUCKET_NAME}/`, '/').slice(1))}`,
    from: 'presigned link',
  });
  expect((await fetch(link)).status).toBe(200);
  // The report: rendered by the export worker into `documents/`; the exchange function signs its link.
  const reportJob = jobs.filter((m) => JSON.parse(m.Body!).documentId === report);
  expect(reportJob).toHaveLength(1);
  expect(await invoke('export', sqsEvent(QUEUES.exports.name, reportJob))).toEqual({ batchItemFailures: [] });
  const made = ok(await call('GET', `/v1/workspaces/${ws}/reports/${report}`, lead, undefined, 'exchange'), 200).json;
  expect(made.status).toBe('ready');
  const pdf = new URL(made.download.url);
  recorded.exchange.push({
    action: 's3:GetObject',
    resource: `evidence-bucket/${decodeURIComponent(pdf.pathname.replace(`/${env.EVIDENCE_BUCKET_NAME}/`, '/').slice(1))}`,
    from: 'presigned link',
  });
  expect((await fetch(pdf)).status).toBe(200);
  const deliveries = await aws.receiveAll(aws.queues.delivery.url);
  // A second request whose legal clock has run out (its expiry timer moved, outside any
  // function): the next sweep expires it, and counts that into the bank's turnaround figures.
  const lapsing = ok(
    await call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      providerOrgId: 'mekong-bank',
      type: 'subscriber_info',
      legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
      description: 'Account holder',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    }),
    201,
  ).json.id;
  const doc = DynamoDBDocumentClient.from(aws.dynamo);
  const expiryKey = recordKey({ kind: 'timer', workspaceId: ws, id: `${lapsing}~expiry` });
  const expiry = (await doc.send(new GetCommand({ TableName: aws.tableName, Key: expiryKey }))).Item!.data as Timer;
  await doc.send(new PutCommand({ TableName: aws.tableName, Item: toItem({ kind: 'timer', value: { ...expiry, dueAt } }) }));
  ok(await call('GET', '/v1/partners/mekong-bank/turnaround', fbi), 200);
  ok(await call('GET', '/v1/portal/turnaround', bank), 200);
  // Sweep: a webhook post whose attempt is due (as if the queue had lost it) goes back on the
  // delivery queue and is pushed back in the due index.
  const posts = await aws.dynamo.send(
    new QueryCommand({
      TableName: aws.tableName,
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'attribute_exists(duePk)',
      ExpressionAttributeValues: { ':pk': { S: 'NOTIF#vnm-a05' } },
    }),
  );
  const post = posts.Items![0]!;
  await aws.dynamo.send(
    new UpdateItemCommand({
      TableName: aws.tableName,
      Key: { pk: post.pk!, sk: post.sk! },
      UpdateExpression: 'SET dueSk = :past',
      ExpressionAttributeValues: { ':past': { S: `2000-01-01T00:00:00.000Z#${post.sk!.S}` } },
    }),
  );
  expect(await invoke('sweep', scheduledEvent())).toMatchObject({ webhooksRedriven: 1 });
  const poison: Message = { MessageId: randomUUID(), ReceiptHandle: 'poison', Body: '{}', MD5OfBody: 'x' };
  // The poison message fails; a post the destination guard finds busy (more posts to the one
  // webhook than it lets fly at once) waits for the next pass, which finds the rest delivered.
  const first = await invoke<SQSBatchResponse>('delivery', sqsEvent(QUEUES.delivery.name, [...deliveries, poison]));
  expect(first.batchItemFailures).toContainEqual({ itemIdentifier: poison.MessageId });
  let again = deliveries;
  for (let pass = 0; pass < 5 && again.length > 0; pass++) {
    const res = await invoke<SQSBatchResponse>('delivery', sqsEvent(QUEUES.delivery.name, again));
    const left = new Set(res.batchItemFailures.map((f) => f.itemIdentifier));
    again = again.filter((m) => left.has(m.MessageId!));
  }
  expect(again).toEqual([]);

  // API: the lead acknowledges a notification, then stops its webhook.
  const inbox = ok(await call('GET', '/v1/notifications', lead), 200).json.items as { id: string }[];
  expect(inbox.length).toBeGreaterThan(0);
  ok(await call('POST', `/v1/notifications/${encodeURIComponent(inbox[0]!.id)}/acknowledge`, lead), 200);
  const stopped = await call('DELETE', '/v1/notifications/webhook', lead);
  expect([200, 204]).toContain(stopped.statusCode);
}, 120_000);

afterAll(async () => {
  restoreSends?.();
  restoreDns?.();
  await new Promise<void>((r) => webhook.close(() => r()));
  await cognito?.stop();
  await aws?.drop();
});

/**
 * Grants of evidence of any size (packages/core/src/evidence through S3EvidenceObjects) that this
 * workload does not exercise yet: no upload session runs here (its parts go from the browser
 * straight to storage). infra/test/stack.int.test.ts holds each to the adapter's calls; the
 * workload should upload, resume, verify and release a file and this list go.
 */
const NOT_YET_EXERCISED: Partial<Record<FunctionName, string[]>> = {
  api: ['s3:AbortMultipartUpload', 's3:GetObjectTagging', 's3:ListMultipartUploadParts'].map((a) => `${a} evidence-bucket/evidence/*`),
  export: [
    ...['s3:GetObject', 's3:GetObjectTagging', 's3:ListMultipartUploadParts', 's3:PutObject'].map((a) => `${a} evidence-bucket/evidence/*`),
    // A document's upload aborted when it fails (the audit export's abort is exercised above).
    's3:AbortMultipartUpload evidence-bucket/documents/*',
  ],
};

describe.each(FUNCTIONS)('%s role against its code', (fn) => {
  it('allows every request the code made', () => {
    expect(recorded[fn].length).toBeGreaterThan(0);
    const denied = recorded[fn].filter((r) => !policies[fn].some((s) => allows(s, r)));
    expect(denied.map((r) => `${r.action} ${r.resource} [${r.partitions ?? ''}] (${r.from})`)).toEqual([]);
  });

  it('grants nothing the code did not use: each action on each resource and partition', () => {
    const unused: string[] = [];
    for (const s of policies[fn].filter((x) => !x.poller))
      for (const action of s.actions)
        for (const resource of s.resources)
          for (const partition of s.partitions ?? [undefined]) {
            const used = recorded[fn].some(
              (r) =>
                r.action === action &&
                glob(resource).test(r.resource) &&
                (partition === undefined || (r.partitions ?? []).some((k) => glob(partition).test(k))),
            );
            if (!used) unused.push(`${action} ${resource}${partition ? ` [${partition}]` : ''}`);
          }
    expect(unused.filter((u) => !NOT_YET_EXERCISED[fn]?.includes(u))).toEqual([]);
  });
});
