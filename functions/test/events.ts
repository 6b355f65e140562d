/**
 * Lambda events and context in the shapes AWS sends them (after the examples in the Lambda and
 * API Gateway developer guides), so the tests call each handler exactly as AWS does.
 */
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Message } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, Context, DynamoDBStreamEvent, ScheduledEvent, SQSEvent } from 'aws-lambda';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';

export const lambdaContext = (functionName: string): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: `2026/03/01/[$LATEST]${randomUUID().replaceAll('-', '')}`,
  getRemainingTimeInMillis: () => 30_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
});

/** An HTTP API (payload format 2.0) request through the `ANY /{proxy+}` route. */
export const httpApiEvent = (
  method: string,
  pathWithQuery: string,
  opts: {
    token?: string;
    body?: unknown;
    /** A binary body (e.g. evidence content): API Gateway passes it base64-encoded. */
    binary?: { bytes: Uint8Array; contentType: string };
    headers?: Record<string, string>;
    claims?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2 => {
  const [path = '/', rawQueryString = ''] = pathWithQuery.split('?');
  const now = new Date();
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const binary = opts.binary ? Buffer.from(opts.binary.bytes) : undefined;
  const headers: Record<string, string> = {
    accept: 'application/json',
    host: `abc123.execute-api.${REGION}.amazonaws.com`,
    'user-agent': 'curl/8.5.0',
    'x-amzn-trace-id': `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomUUID().replaceAll('-', '').slice(0, 24)}`,
    'x-forwarded-for': '198.51.100.7',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
    ...(binary && opts.binary ? { 'content-type': opts.binary.contentType, 'content-length': String(binary.byteLength) } : {}),
    ...opts.headers,
  };
  const query = rawQueryString ? Object.fromEntries(new URLSearchParams(rawQueryString)) : undefined;
  return {
    version: '2.0',
    routeKey: 'ANY /{proxy+}',
    rawPath: path,
    rawQueryString,
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    pathParameters: { proxy: path.replace(/^\//, '') },
    requestContext: {
      accountId: ACCOUNT,
      apiId: 'abc123',
      ...(opts.claims ? { authorizer: { jwt: { claims: opts.claims, scopes: [] } } } : {}),
      domainName: `abc123.execute-api.${REGION}.amazonaws.com`,
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'curl/8.5.0' },
      requestId: `${randomUUID().slice(0, 8)}=`,
      routeKey: 'ANY /{proxy+}',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body ? { body } : {}),
    ...(binary ? { body: binary.toString('base64') } : {}),
    isBase64Encoded: binary !== undefined,
  } as APIGatewayProxyEventV2;
};

/** An SQS batch as the event source mapping delivers it, from messages received off a queue. */
export const sqsEvent = (queueName: string, messages: Message[]): SQSEvent => ({
  Records: messages.map((m) => ({
    messageId: m.MessageId!,
    receiptHandle: m.ReceiptHandle!,
    body: m.Body!,
    attributes: {
      ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
      SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
      SenderId: m.Attributes?.SenderId ?? 'AROAEXAMPLE:taskforce',
      ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: m.MD5OfBody!,
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${queueName}`,
    awsRegion: REGION,
  })),
});

/** The event an EventBridge scheduled rule sends. */
export const scheduledEvent = (at = new Date()): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: ACCOUNT,
  time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region: REGION,
  resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/Taskforce-SchedulesSweep`],
  detail: {},
});

/** A DynamoDB stream batch of inserted items (NEW_IMAGE), as the event source mapping hands it over. */
export const dynamoStreamEvent = (items: Record<string, AttributeValue>[]): DynamoDBStreamEvent => ({
  Records: items.map((item, i) => ({
    eventID: randomUUID().replaceAll('-', ''),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: REGION,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: { pk: item.pk, sk: item.sk } as never,
      NewImage: item as never,
      SequenceNumber: String(1_000_000 + i),
      SizeBytes: 256,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/taskforce/stream/2026-03-01T00:00:00.000`,
  })),
});
