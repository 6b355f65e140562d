/**
 * The Lambda entry points, invoked with the events AWS sends (HTTP API v2, SQS batch, scheduled
 * rule) against the local DynamoDB and SQS engines. Configuration reaches them the way it does
 * on AWS: environment variables, read when the module loads; the SDK finds the local engines
 * through AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_SQS.
 */
import { createHash, randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { type Message, SendMessageCommand } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '@taskforce/core';
import { eventItem } from '@taskforce/dynamo';
import { QUEUES } from '@taskforce/messaging';
import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { interceptLocalhostDns } from 'fauxqs';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpApiEvent, lambdaContext, scheduledEvent, sqsEvent } from './events';
import { CLIENT_ID, localAws, REGION, startCognitoStub } from './local-aws';

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

let cognito: Awaited<ReturnType<typeof startCognitoStub>>;
let aws: Awaited<ReturnType<typeof localAws>>;
let restoreDns: (() => void) | undefined;

let api: Handler<APIGatewayProxyEventV2, APIGatewayProxyResult>;
let fanout: Handler<SQSEvent, SQSBatchResponse>;
let delivery: Handler<SQSEvent, SQSBatchResponse>;
let sweep: Handler<ScheduledEvent, { fired: unknown[]; relayed: number }>;

const idToken = (org: string, orgKind: string, country: string, roles: string) => cognito.idToken(org, orgKind, country, roles);

const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await api(
    httpApiEvent(method, path, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) }),
    lambdaContext('api'),
  );
  return { ...res, json: res.body ? JSON.parse(res.body) : undefined };
};

beforeAll(async () => {
  // The local engine's queue URLs name hosts under *.localhost, and the SDK sends to a queue
  // URL's host: resolve those to the engine in this process (AWS queue URLs resolve as they are).
  restoreDns = interceptLocalhostDns();
  cognito = await startCognitoStub();
  aws = await localAws(cognito.issuer);
  Object.assign(process.env, aws.env);
  api = (await import('../src/api')).handler as unknown as typeof api;
  fanout = (await import('../src/fanout')).handler;
  delivery = (await import('../src/delivery')).handler;
  sweep = (await import('../src/sweep')).handler as typeof sweep;

  const admin = await idToken('platform', 'international', 'ZZZ', 'admin');
  const lead = await call('POST', '/v1/organisations', admin, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
  expect(lead.statusCode).toBe(201);
});

afterAll(async () => {
  restoreDns?.();
  await cognito.stop();
  await aws.drop();
});

describe('api (HTTP API payload 2.0 → hono/aws-lambda)', () => {
  it('answers an unauthenticated health check', async () => {
    const r = await call('GET', '/health');
    expect(r.statusCode).toBe(200);
    expect(r.json).toEqual({ ok: true });
  });

  it('verifies the token itself: none, another issuer, or another audience is a 401 problem', async () => {
    const none = await call('GET', '/v1/workspaces');
    expect(none.statusCode).toBe(401);
    expect(none.headers?.['content-type']).toBe('application/problem+json');

    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({
      'custom:org': 'vnm-a05',
      'custom:org_kind': 'agency',
      'custom:country': 'VNM',
      'custom:roles': 'officer',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'other' })
      .setIssuer('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other')
      .setAudience(CLIENT_ID)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await call('GET', '/v1/workspaces', foreign)).statusCode).toBe(401);

    const otherClient = await cognito.sign({ sub: 'x', aud: 'another-client', 'custom:org': 'vnm-a05' });
    expect((await call('GET', '/v1/workspaces', otherClient)).statusCode).toBe(401);
  });

  it('reads the principal from Cognito custom attributes and serves commands and reads', async () => {
    const admin = await idToken('platform', 'international', 'ZZZ', 'admin');
    const lead = await idToken('vnm-a05', 'agency', 'VNM', 'officer,duty_contact');
    const fbi = await call('POST', '/v1/organisations', admin, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    expect(fbi.statusCode).toBe(201);
    const notAdmin = await call('POST', '/v1/organisations', lead, { id: 'x-org', name: 'X', kind: 'agency', country: 'VNM' });
    expect(notAdmin.statusCode).toBe(403);
    const me = await call('GET', '/v1/me', lead);
    expect(me.json).toMatchObject({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer', 'duty_contact'] });

    const ws = await call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } });
    expect(ws.statusCode).toBe(201);
    const list = await call('GET', '/v1/workspaces?limit=5', lead);
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json.items)).toContain(ws.json.id);

    const bad = await call('POST', `/v1/workspaces/${ws.json.id}/tasks`, lead, { title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json.errors[0].field).toMatch(/^body\./);
  });
});

describe('api: what the function wires besides the store', () => {
  const production = (providerOrgId: string) => ({
    providerOrgId,
    type: 'production',
    legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18', reference: 'VNM-A05/2026/7' },
    description: 'Account holder and transactions',
    selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' },
  });

  it('stores evidence content in the bucket named by EVIDENCE_BUCKET_NAME and hands the same bytes back', async () => {
    const admin = await idToken('platform', 'international', 'ZZZ', 'admin');
    const bankOrg = { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' };
    expect((await call('POST', '/v1/organisations', admin, bankOrg)).statusCode).toBe(201);
    const lead = await idToken('vnm-a05', 'agency', 'VNM', 'officer');
    const bank = await idToken('mekong-bank', 'provider', 'THA', 'responder');
    const ws = (await call('POST', '/v1/workspaces', lead, { title: 'Op Ledger', legalBasis: { code: 'UNCC', text: 'art. 47' } })).json.id;
    const request = await call('POST', `/v1/workspaces/${ws}/requests`, lead, production('mekong-bank'));
    expect(request.statusCode).toBe(201);
    const id = request.json.id;
    expect((await call('GET', '/v1/portal/requests', bank)).json.items.map((r: { id: string }) => r.id)).toEqual([id]); // gsi2
    expect((await call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).statusCode).toBe(200);

    const content = Buffer.from('date,amount\n2026-02-01,9800\n');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const registered = await call('POST', `/v1/portal/requests/${id}/evidence`, bank, {
      fileName: 'statement.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256,
    });
    expect(registered.statusCode).toBe(201);
    const location = String(registered.headers?.location ?? registered.headers?.Location);
    const upload = await api(
      httpApiEvent('PUT', location, { token: bank, binary: { bytes: content, contentType: 'application/octet-stream' } }),
      lambdaContext('api'),
    );
    expect(upload.statusCode).toBe(200);
    expect(JSON.parse(upload.body).content).toBe('stored');

    // The object is in the bucket the function was told, under the item's key (the prefix its role may write).
    const key = `evidence/${ws}/${id}/${registered.json.id}`;
    const head = await aws.s3.send(new HeadObjectCommand({ Bucket: aws.bucket, Key: key }));
    expect(head).toMatchObject({ ContentLength: content.length, ContentType: 'text/csv', Metadata: { sha256 } });

    const download = await api(
      httpApiEvent('GET', `/v1/workspaces/${ws}/requests/${id}/evidence/${registered.json.id}/content`, { token: lead }),
      lambdaContext('api'),
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers?.['x-content-sha256']).toBe(sha256);
    const bytes = download.isBase64Encoded ? Buffer.from(download.body, 'base64') : Buffer.from(download.body);
    expect(bytes.equals(content)).toBe(true);
    const exported = await call('GET', `/v1/workspaces/${ws}/requests/${id}/export`, lead);
    expect(exported.json.evidence[0]).toMatchObject({ sha256, content: 'stored' });
  });

  it('serves the incident and notification routes from the alert store', async () => {
    const lead = await idToken('vnm-a05', 'agency', 'VNM', 'officer');
    const ws = (await call('POST', '/v1/workspaces', lead, { title: 'Op Alert', legalBasis: { code: 'UNCC', text: 'art. 41' } })).json.id;
    expect((await call('GET', `/v1/workspaces/${ws}/incidents`, lead)).statusCode).toBe(200);
    expect((await call('GET', '/v1/contacts', lead)).statusCode).toBe(200);
    const inbox = await call('GET', '/v1/notifications', lead);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json.items).toEqual(expect.any(Array));
  });
});

describe('sweep (scheduled event) → events queue → fan-out (SQS batch) → delivery queue → delivery (SQS batch)', () => {
  it('fires a due timer, relays the outbox, fans out and delivers, reporting failures per record', async () => {
    const lead = await idToken('vnm-a05', 'agency', 'VNM', 'officer');
    const ws = await call('POST', '/v1/workspaces', lead, { title: 'Op Mekong', legalBasis: { code: 'UNCC', text: 'art. 47' } });
    const dueAt = new Date(Date.now() + 2000).toISOString();
    const task = await call('POST', `/v1/workspaces/${ws.json.id}/tasks`, lead, {
      title: 'Trace the wallet',
      assigneeOrgId: 'vnm-a05',
      dueAt,
    });
    expect(task.statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, Date.parse(dueAt) + 300 - Date.now()));

    const { metrics } = await import('../src/runtime');
    const emf = vi.spyOn(metrics, 'serializeMetrics');
    const swept = await sweep(scheduledEvent(), lambdaContext('sweep'));
    const flushed = emf.mock.results.map((r) => r.value);
    emf.mockRestore();
    expect(swept.fired).toContainEqual(expect.objectContaining({ kind: 'task.overdue' }));
    expect(swept.relayed).toBeGreaterThanOrEqual(4);
    // Powertools metrics: the EMF document flushed after the invocation carries the sweep's counts.
    expect(flushed).toContainEqual(
      expect.objectContaining({
        _aws: expect.objectContaining({ CloudWatchMetrics: [expect.objectContaining({ Namespace: 'Taskforce' })] }),
        TimersFired: 1,
      }),
    );

    // Relayed events left the due index: the next sweep relays nothing again.
    expect((await sweep(scheduledEvent(), lambdaContext('sweep'))).relayed).toBe(0);

    const events = await aws.receiveAll(aws.queues.events.url);
    expect(events.length).toBe(swept.relayed);
    const types = events.map((m) => (JSON.parse(m.Body!) as DomainEvent).type);
    expect(types).toEqual(expect.arrayContaining(['workspace.created', 'task.assigned', 'task.overdue']));

    const fanned = await fanout(sqsEvent(QUEUES.events.name, events), lambdaContext('fanout'));
    expect(fanned).toEqual({ batchItemFailures: [] });

    // Fan-out wrote the inbox items itself; with no webhook set the delivery queue carries nothing.
    const inbox = await call('GET', '/v1/notifications', lead);
    expect(JSON.parse(inbox.body).items).toContainEqual(expect.objectContaining({ type: 'task.overdue', recipient: 'vnm-a05' }));
    const deliveries = await aws.receiveAll(aws.queues.delivery.url);
    expect(deliveries).toEqual([]);

    const poison: Message = { MessageId: randomUUID(), ReceiptHandle: 'poison', Body: '{"not":"a delivery"}', MD5OfBody: 'x' };
    const delivered = await delivery(sqsEvent(QUEUES.delivery.name, [...deliveries, poison]), lambdaContext('delivery'));
    expect(delivered).toEqual({ batchItemFailures: [{ itemIdentifier: poison.MessageId }] });
  });

  it('fans out the DynamoDB stream record the outbox pipe sends, and reports a malformed one alone', async () => {
    const event: DomainEvent = {
      id: `ev-${randomUUID()}`,
      type: 'task.assigned',
      at: new Date().toISOString(),
      chainId: 'ws-pipe',
      workspaceId: 'ws-pipe',
      subject: { type: 'task', id: 't1' },
      actor: { sub: 'u', orgId: 'vnm-a05', country: 'VNM' },
      audience: ['usa-fbi', 'tha-ccib'],
      data: {},
    } as DomainEvent;
    // What the pipe puts on the events queue: the stream record of the inserted outbox item.
    const record = {
      eventID: randomUUID().replaceAll('-', ''),
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: REGION,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        Keys: marshall({ pk: eventItem(event).pk, sk: eventItem(event).sk }),
        NewImage: marshall(eventItem(event), { removeUndefinedValues: true }),
        SequenceNumber: '111',
        SizeBytes: 512,
        StreamViewType: 'NEW_IMAGE',
      },
      eventSourceARN: `arn:aws:dynamodb:${REGION}:123456789012:table/${aws.tableName}/stream/2026-03-01T00:00:00.000`,
    };
    await aws.sqs.send(new SendMessageCommand({ QueueUrl: aws.queues.events.url, MessageBody: JSON.stringify(record) }));
    const [message] = await aws.receiveAll(aws.queues.events.url);
    const broken: Message = { MessageId: randomUUID(), ReceiptHandle: 'broken', Body: 'not json', MD5OfBody: 'x' };

    const out = await fanout(sqsEvent(QUEUES.events.name, [message!, broken]), lambdaContext('fanout'));
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: broken.MessageId }] });
    const recipients = (await aws.receiveAll(aws.queues.delivery.url))
      .map((m) => JSON.parse(m.Body!))
      .filter((m) => m.eventId === event.id)
      .map((m) => m.recipient)
      .sort();
    // The event's workspace does not exist, so no one may learn of its subject: fan-out sends nothing.
    expect(recipients).toEqual([]);
  });
});
