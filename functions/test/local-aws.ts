/**
 * What the Lambda functions meet on AWS, played locally: a Cognito-like issuer publishing its
 * JWKS and signing ID tokens; the table, the queues and the evidence bucket on the shared local
 * engines; and the environment the CDK stack gives the functions.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { type Message, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { createDynamoClient, ensureTable } from '@taskforce/dynamo';
import { createSqsClient, ensureQueues } from '@taskforce/messaging';
import { createS3Client, ensureBucket } from '@taskforce/objects';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { inject } from 'vitest';

export const REGION = 'eu-west-1';
export const CLIENT_ID = 'test-app-client';

/** An issuer at `<url>/<poolId>` serving `/.well-known/jwks.json`, as Cognito does. */
export const startCognitoStub = async () => {
  const pool = `${REGION}_Test${randomUUID().slice(0, 6)}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    if (req.url !== `/${pool}/.well-known/jwks.json`) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${pool}`;
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(issuer)
      .setAudience(typeof claims.aud === 'string' ? claims.aud : CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  /** A Cognito ID token: audience = app client, the principal in `custom:` attributes. */
  const idToken = (org: string, orgKind: string, country: string, roles: string) =>
    sign({
      sub: randomUUID(),
      'cognito:username': `${org}-officer`,
      email: `${org}@example.org`,
      token_use: 'id',
      auth_time: Math.floor(Date.now() / 1000),
      'custom:org': org,
      'custom:org_kind': orgKind,
      'custom:country': country,
      'custom:roles': roles,
    });
  return { issuer, sign, idToken, stop: () => new Promise<void>((r) => server.close(() => r())) };
};

/** A fresh table and queues on the shared engines, and the functions' environment pointing at them. */
export const localAws = async (issuer: string) => {
  const dynamoEndpoint = inject('dynamoEndpoint');
  const sqsEndpoint = inject('sqsEndpoint');
  const tableName = `fn-${randomUUID().slice(0, 8)}`;
  const dynamo = createDynamoClient({ endpoint: dynamoEndpoint, region: REGION });
  const sqs = createSqsClient({ endpoint: sqsEndpoint, region: REGION });
  await ensureTable(dynamo, tableName);
  const queues = await ensureQueues(sqs, `${tableName}-`);
  // The S3 API of the same engine, addressed virtual-hosted style (<bucket>.s3.localhost) as the
  // SDK addresses S3 on AWS; the tests resolve *.localhost to the engine.
  const s3Endpoint = sqsEndpoint.replace('//127.0.0.1:', '//s3.localhost:');
  const bucket = `${tableName}-evidence`;
  const s3 = createS3Client({ endpoint: sqsEndpoint, region: REGION });
  await ensureBucket(s3, bucket);
  const env: Record<string, string> = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // The SDK reads service endpoints from these, so the functions' own code stays as on AWS.
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SQS: sqsEndpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    TABLE_NAME: tableName,
    EVIDENCE_BUCKET_NAME: bucket,
    EVENTS_QUEUE_URL: queues.events.url,
    DELIVERY_QUEUE_URL: queues.delivery.url,
    EXPORTS_QUEUE_URL: queues.exports.url,
    PAGES_QUEUE_URL: queues.pages.url,
    JWT_ISSUER: issuer,
    JWT_AUDIENCE: CLIENT_ID,
    // The user pool (user administration; the console's sign-in reads its app client): the stub issuer's.
    USER_POOL_ID: `${REGION}_local`,
    CONSOLE_ORIGIN: 'https://console.taskforce.test',
    COGNITO_DOMAIN: 'taskforce-local.auth.example.test',
    // As the stack's secret holds them: JSON with a current key (and, after a rotation, previous ones).
    CURSOR_KEYS: JSON.stringify({ current: randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '') }),
    OUTBOX_RELAY_AFTER_SECONDS: '0',
    // As the stack's secret holds it; and the sweep sequences audit chains whatever the age of their queued entries.
    AUDIT_SIGNING_KEYS: JSON.stringify({ current: randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '') }),
    AUDIT_SEQUENCE_AFTER_SECONDS: '0',
    // As the stack's secret holds it: the API hashes selectors for matching with it.
    MATCHING_KEYS: JSON.stringify({ current: randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '') }),
    // The tests' webhook receiver listens on 127.0.0.1; the stack never sets this.
    WEBHOOK_DESTINATIONS: 'any',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  const receiveAll = async (url: string): Promise<Message[]> => {
    const all: Message[] = [];
    for (let empty = 0; empty < 2; ) {
      const out = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'] }),
      );
      if (!out.Messages?.length) empty++;
      else all.push(...out.Messages);
    }
    return all;
  };
  return {
    tableName,
    queues,
    bucket,
    s3,
    env,
    sqs,
    dynamo,
    receiveAll,
    drop: () => dynamo.send(new DeleteTableCommand({ TableName: tableName })),
  };
};
